import { isWithinAcademicYear } from "./academic-year";
import { todayIn } from "./local-date";

// District deadlines (issue #16 item 1, docs/decisions/047): when did a school do a deadline, and was it on
// time. The day it did it is the act's date (a calendar date as it stands), or — for a condition that held
// from an instant (the banks formed, a questionnaire closed, the school's mark) — that instant's date in the
// school's time zone. It is compared with the deadline's last day: done on or before it is on time, done
// N days after it is late by N days. Calendar dates are UTC midnights (lib/domain/local-date.ts).

const DAY_MS = 86_400_000;

/** What the database says about one school and one deadline: a day, an instant, or nothing yet. */
export type DeadlineDone = { on: Date | null; at: Date | null };

export type DeadlineTiming =
  | { status: "onTime"; doneOn: Date }
  | { status: "late"; doneOn: Date; daysLate: number }
  | { status: "pending"; daysLeft: number }
  | { status: "overdue"; daysOverdue: number };

const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/** The calendar day the school did it, in its zone; null when not done. A day wins over an instant. */
export function doneDay(done: DeadlineDone, zone: string): Date | null {
  if (done.on) return done.on;
  if (done.at) return todayIn(zone, done.at);
  return null;
}

/** On time / late by N days (done), or days left / overdue by N days (not done yet) against `today` in the zone. */
export function deadlineTiming(deadline: { dueEnd: Date }, done: DeadlineDone, zone: string, today: Date): DeadlineTiming {
  const day = doneDay(done, zone);
  if (day) {
    const late = daysBetween(deadline.dueEnd, day);
    return late > 0 ? { status: "late", doneOn: day, daysLate: late } : { status: "onTime", doneOn: day };
  }
  const left = daysBetween(today, deadline.dueEnd);
  return left >= 0 ? { status: "pending", daysLeft: left } : { status: "overdue", daysOverdue: -left };
}

export const DEADLINE_CONDITIONS = ["ACT", "BANKS", "SURVEY", "MARKED"] as const;
export type DeadlineConditionKind = (typeof DEADLINE_CONDITIONS)[number];

/**
 * The dates of a deadline of an academic year: a refusal key when they cannot be (a period that ends before
 * it starts), else a warning when a date lies outside that year (1 September – 31 August) — a warning, not a
 * refusal: an office may well ask for something in the summer before the year starts.
 */
export function checkDeadlineDates(dates: { dueStart: Date | null; dueEnd: Date }, academicYear: number): { refusal: "deadlinePeriodOrder" } | { warning: "deadlineOutsideYear" | null } {
  if (dates.dueStart && dates.dueStart.getTime() > dates.dueEnd.getTime()) return { refusal: "deadlinePeriodOrder" };
  const inside = isWithinAcademicYear(dates.dueEnd, academicYear) && (!dates.dueStart || isWithinAcademicYear(dates.dueStart, academicYear));
  return { warning: inside ? null : "deadlineOutsideYear" };
}
