import { format } from "date-fns";
import { enGB, ru } from "date-fns/locale";
import { todayIn, wallClockIn } from "./domain/local-date";
import type { AppLocale } from "./i18n/config";

// The one place dates, shares and Russian plurals are written out (issue #18 item 2). Pure: pages,
// client components, documents and lib/domain rules all use it.

const two = (n: number) => String(n).padStart(2, "0");

/**
 * A calendar date (a `@db.Date` column, a due day, a date input's value: UTC midnight, decision 011)
 * as dd.MM.yyyy — read from its UTC parts, so no zone ever shifts it to the day before.
 */
export function formatCalendarDate(calendarDate: Date): string {
  return `${two(calendarDate.getUTCDate())}.${two(calendarDate.getUTCMonth() + 1)}.${calendarDate.getUTCFullYear()}`;
}

/**
 * dd.MM.yyyy (CONTRIBUTING.md «Conventions») of a date as the process's zone sees it (the pages' and documents' historic
 * reading, kept as it was; identical to formatCalendarDate where the process runs in UTC or east of it).
 */
export function formatDate(date: Date, locale: AppLocale = "ru"): string {
  return format(date, "dd.MM.yyyy", { locale: locale === "ru" ? ru : enGB });
}

/**
 * An instant (a timestamp: a decision, a letter, an answer) as the organization's wall clock showed it —
 * never the server's zone (decision 011). Calendar dates use formatCalendarDate.
 */
export function formatDateTime(instant: Date, timeZone: string): string {
  return wallClockIn(timeZone, instant);
}

/** dd.MM.yyyy of the calendar day an instant falls on in the organization's zone (a news item's day, decision 011). */
export function formatDayIn(instant: Date, timeZone: string): string {
  return formatCalendarDate(todayIn(timeZone, instant));
}

/** A number with the Russian decimal comma («2,5»), «—» when there is no value. */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return String(value).replace(".", ",");
}

/** A per cent as it is shown: one decimal below 10 %, whole numbers above (a message formats it in its language). */
export function roundedPercent(value: number): number {
  return value > 0 && value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** «75 %», «33,3 %» (one decimal below 10 %, whole numbers above), «—» when there is no value. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatDecimal(roundedPercent(value))}\u00a0%`;
}

/**
 * The Russian noun form for a count: pluralRu(3, ["день", "дня", "дней"]) → «дня»; 1, 21, 101 take the
 * first, 2–4 (not 12–14) the second, the rest the third. A fraction takes the second («1,5 дня»).
 */
export function pluralRu(n: number, [one, few, many]: readonly [string, string, string]): string {
  if (!Number.isInteger(n)) return few;
  const lastTwo = Math.abs(n) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}
