import { format } from "date-fns";
import { enGB, ru } from "date-fns/locale";
import { wallClockIn } from "./domain/local-date";
import type { AppLocale } from "./i18n/config";

// Dates as the users write them: dd.MM.yyyy (CONTRIBUTING.md «Conventions»), with Moscow-independent local time.
export function formatDate(date: Date, locale: AppLocale = "ru"): string {
  return format(date, "dd.MM.yyyy", { locale: locale === "ru" ? ru : enGB });
}

/**
 * An instant (a timestamp: a decision, a letter, an answer) as the organization's wall clock showed it —
 * never the server's zone (decision 011). Calendar dates use formatDate.
 */
export function formatDateTime(instant: Date, timeZone: string): string {
  return wallClockIn(timeZone, instant);
}
