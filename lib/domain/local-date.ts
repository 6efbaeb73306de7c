// Local calendar dates. Instants (timestamps) are absolute; "today", the academic year, overdue and
// «not in the future» are questions about the calendar of the organization's time zone. Calendar dates
// (@db.Date columns: a meeting's date, an order's date, a due day) are Dates at UTC midnight and are
// never shifted by a zone: todayIn() returns the local date in that same form, so they compare directly.

export const DEFAULT_TIME_ZONE = "Europe/Moscow";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(zone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows (Intl.supportedValuesOf plus its canonical aliases, e.g. UTC). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  if (supportedTimeZones().includes(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone === "UTC";
  } catch {
    return false;
  }
}

let zones: string[] | null = null;
/** The zone list offered in the profile: Intl.supportedValuesOf("timeZone"). */
export function supportedTimeZones(): string[] {
  zones ??= Intl.supportedValuesOf("timeZone");
  return zones;
}

/** The calendar date (and minutes past midnight) at `instant` in `zone`. */
function partsIn(zone: string, instant: Date): { year: number; month: number; day: number; minutes: number } {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Today in `zone` at `now`, as a calendar date (UTC midnight of that local date). */
export function todayIn(zone: string, now: Date): Date {
  const p = partsIn(zone, now);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/** The calendar date as yyyy-mm-dd (the value of a date input). */
export function isoDate(calendarDate: Date): string {
  return calendarDate.toISOString().slice(0, 10);
}

/** Today in `zone` as yyyy-mm-dd. */
export function isoToday(zone: string, now: Date): string {
  return isoDate(todayIn(zone, now));
}

/** The calendar year in `zone` at `now` (order numbers, report years named by calendar year). */
export function calendarYearIn(zone: string, now: Date): number {
  return partsIn(zone, now).year;
}

/** A calendar date `days` after (or before, negative) the given one. */
export function addDays(calendarDate: Date, days: number): Date {
  return new Date(Date.UTC(calendarDate.getUTCFullYear(), calendarDate.getUTCMonth(), calendarDate.getUTCDate() + days));
}

/** How far `zone` is ahead of UTC at `instant`, in ms (e.g. +10 h for Asia/Vladivostok). */
function zoneOffsetMs(zone: string, instant: Date): number {
  const p = partsIn(zone, instant);
  const localAsUtc = Date.UTC(p.year, p.month - 1, p.day) + p.minutes * 60_000;
  return localAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** The instant a calendar date begins in `zone` (local midnight); for "valid through that day" use the next day's start. */
export function startOfDayIn(zone: string, calendarDate: Date): Date {
  const midnightUtc = Date.UTC(calendarDate.getUTCFullYear(), calendarDate.getUTCMonth(), calendarDate.getUTCDate());
  // Twice: the offset at the first guess may differ from the offset at local midnight (a DST change).
  const first = midnightUtc - zoneOffsetMs(zone, new Date(midnightUtc));
  return new Date(midnightUtc - zoneOffsetMs(zone, new Date(first)));
}

/** An instant as the clock on the wall of `zone` shows it: dd.MM.yyyy HH:mm. */
export function wallClockIn(zone: string, instant: Date): string {
  const p = partsIn(zone, instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(p.day)}.${two(p.month)}.${p.year} ${two(Math.floor(p.minutes / 60))}:${two(p.minutes % 60)}`;
}
