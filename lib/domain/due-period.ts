import { academicYearStart } from "./academic-year";

// Due periods as roadmaps write them — «сентябрь», «Октябрь – апрель 2021», «до 15.09.2022г., далее
// ежегодно», «ежеквартально», «постоянно», «по мере необходимости» — laid onto one academic year.

export type Recurrence = "ONCE" | "ANNUALLY" | "QUARTERLY" | "CONSTANTLY" | "AS_NEEDED";

export type DuePeriod = {
  /** The text as written, trimmed. */
  text: string;
  /** First and last day of the period in the academic year (UTC dates), null when none can be read. */
  start: Date | null;
  end: Date | null;
  recurrence: Recurrence;
  /** True when the text names a year (or a full date) that lies outside the academic year. */
  outsideAcademicYear: boolean;
};

const MONTH_STEMS: [RegExp, number][] = [
  [/^янв/, 1], [/^фев/, 2], [/^мар/, 3], [/^апр/, 4], [/^ма[йяе]/, 5], [/^июн/, 6],
  [/^июл/, 7], [/^авг/, 8], [/^сен/, 9], [/^окт/, 10], [/^ноя/, 11], [/^дек/, 12],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  for (const [re, m] of MONTH_STEMS) if (re.test(w)) return m;
  return null;
}

/** The calendar year a month falls in within the academic year starting in `startYear`. */
function yearFor(month: number, startYear: number): number {
  return month >= 9 ? startYear : startYear + 1;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0));

/**
 * Reads a due period. Months land in the given academic year (September–December in its first
 * calendar year, January–August in the second). With `honourYears` a written year or full date is kept
 * as written (manual entry: a wrong year is then flagged); without it the document's years are
 * ignored (an imported roadmap of an earlier year is laid onto this one).
 */
export function parseDuePeriod(raw: string, startYear: number, options: { honourYears?: boolean } = {}): DuePeriod {
  const text = raw.replace(/\s+/g, " ").trim();
  const lower = text.toLowerCase();
  let recurrence: Recurrence = "ONCE";
  if (/ежеквартал/.test(lower)) recurrence = "QUARTERLY";
  else if (/ежегодн|ежемесячн/.test(lower)) recurrence = "ANNUALLY";
  else if (/постоянн|в течение (всего|учебного)|весь период/.test(lower)) recurrence = "CONSTANTLY";
  else if (/по мере необходимости|при необходимости/.test(lower)) recurrence = "AS_NEEDED";

  const yearStart = academicYearStart(startYear);
  let outside = false;

  // A full date: «15.09.2022», «до 15.09.2022г.», «15.09».
  const dateMatch = lower.match(/(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?/);
  if (dateMatch) {
    const d = Number(dateMatch[1]);
    const m = Number(dateMatch[2]);
    let y = yearFor(m, startYear);
    if (options.honourYears && dateMatch[3]) {
      const written = Number(dateMatch[3].length === 2 ? `20${dateMatch[3]}` : dateMatch[3]);
      if (written !== y) outside = true;
      y = written;
    }
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const date = day(y, m, d);
      const start = /^до(\s|$)/.test(lower) ? yearStart : date;
      return { text, start, end: date, recurrence, outsideAcademicYear: outside };
    }
  }

  const months = (lower.match(/[а-яё]+/g) ?? []).map(monthOf).filter((m): m is number => m !== null);
  const years = (lower.match(/\b(20\d{2})\b/g) ?? []).map(Number);
  if (months.length > 0) {
    const from = months[0]!;
    const to = months[months.length - 1]!;
    let fromYear = yearFor(from, startYear);
    let toYear = yearFor(to, startYear);
    if (options.honourYears && years.length > 0) {
      const written = years[years.length - 1]!;
      // «Сентябрь 2026» in 2026/2027 is fine; «Май 2026» is not (that May belongs to 2025/2026).
      if (written !== toYear) outside = true;
      const shift = written - toYear;
      fromYear += shift;
      toYear += shift;
    }
    return { text, start: day(fromYear, from, 1), end: lastDay(toYear, to), recurrence, outsideAcademicYear: outside };
  }

  if (/учебного года|весь период|всего периода/.test(lower) || recurrence === "CONSTANTLY") {
    return { text, start: yearStart, end: day(startYear + 1, 5, 31), recurrence, outsideAcademicYear: false };
  }
  return { text, start: null, end: null, recurrence, outsideAcademicYear: false };
}

/** Overdue: a one-off (or dated) activity not done or cancelled whose period ended before today. */
export function isOverdue(activity: { status: string; dueEnd: Date | null; recurrence: Recurrence }, today: Date): boolean {
  if (activity.status === "DONE" || activity.status === "CANCELLED") return false;
  if (!activity.dueEnd || activity.recurrence === "CONSTANTLY" || activity.recurrence === "AS_NEEDED") return false;
  const endOfDueDay = activity.dueEnd.getTime() + 24 * 60 * 60 * 1000;
  return endOfDueDay <= today.getTime();
}
