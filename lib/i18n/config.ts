import en from "./messages/en.json";
import ru from "./messages/ru.json";

export const LOCALES = ["ru", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "ru";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const MESSAGES = { ru, en } as const;
export type Messages = typeof ru;

export function toLocale(value: string | null | undefined): AppLocale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as AppLocale) : DEFAULT_LOCALE;
}
