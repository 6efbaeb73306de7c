// Academic years run from 1 September to 31 August; a year is named by its first calendar year.
// They are read from a calendar date (UTC midnight of a local date, see local-date.ts): for "now", pass
// todayIn(organization's zone, now()) — never an instant, whose UTC (or the server's) date may be another day.

import { todayIn } from "./local-date";

export function academicYearOf(calendarDate: Date): number {
  return calendarDate.getUTCMonth() >= 8 ? calendarDate.getUTCFullYear() : calendarDate.getUTCFullYear() - 1;
}

/** The academic year under way in `zone` at the instant `now`. */
export function currentAcademicYear(zone: string, now: Date): number {
  return academicYearOf(todayIn(zone, now));
}

/** «2026/2027» as schools write it. */
export function formatAcademicYear(startYear: number): string {
  return `${startYear}/${startYear + 1}`;
}

export function academicYearStart(startYear: number): Date {
  return new Date(Date.UTC(startYear, 8, 1));
}

export function academicYearEnd(startYear: number): Date {
  return new Date(Date.UTC(startYear + 1, 7, 31));
}

export function isWithinAcademicYear(date: Date, startYear: number): boolean {
  const t = date.getTime();
  return t >= academicYearStart(startYear).getTime() && t <= academicYearEnd(startYear).getTime();
}
