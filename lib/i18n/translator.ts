import { createTranslator } from "use-intl/core";
import { MESSAGES, type AppLocale } from "./config";

/** A translator usable anywhere (server actions, tests), not only inside a Next request. */
export function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
