import { format } from "date-fns";
import { enGB, ru } from "date-fns/locale";
import type { AppLocale } from "./i18n/config";

// Dates as the users write them: dd.MM.yyyy (CONVENTIONS.md), with Moscow-independent local time.
export function formatDate(date: Date, locale: AppLocale = "ru"): string {
  return format(date, "dd.MM.yyyy", { locale: locale === "ru" ? ru : enGB });
}

export function formatDateTime(date: Date, locale: AppLocale = "ru"): string {
  return format(date, "dd.MM.yyyy HH:mm", { locale: locale === "ru" ? ru : enGB });
}
