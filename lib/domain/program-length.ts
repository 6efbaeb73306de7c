// How long a personalized program lasts, by the pair's type of mentoring (docs/decisions/028).
// The Положение (seed 002) gives a personalized program «от 3 месяцев до 1 года»; the same document
// defines speed mentoring as «однократная встреча» and situational mentoring as help «всякий раз, когда
// наставляемый нуждается», and short-term mentoring as meetings for «краткосрочные результаты». Those
// types get a short plan instead of being forced into 3–12 months.
import { addMonths, dayOf, type MentoringType } from "./pairs";

export type LengthUnit = "day" | "week" | "month";
export type LengthBound = { count: number; unit: LengthUnit };
export type ProgramLengthRule = { min: LengthBound; max: LengthBound; suggested: LengthBound };

const LONG: ProgramLengthRule = { min: { count: 3, unit: "month" }, max: { count: 12, unit: "month" }, suggested: { count: 9, unit: "month" } };

export const PROGRAM_LENGTH_BY_TYPE: Record<MentoringType, ProgramLengthRule> = {
  TRADITIONAL: LONG,
  GROUP: LONG,
  VIRTUAL: LONG,
  REVERSE: LONG,
  /** Preparing for a contest, a concrete short-term goal: from two weeks; a year at most, like any program. */
  SHORT_TERM: { min: { count: 2, unit: "week" }, max: { count: 12, unit: "month" }, suggested: { count: 3, unit: "month" } },
  /** Help when the mentee needs it: one day (a single consultation) to three months. */
  SITUATIONAL: { min: { count: 0, unit: "day" }, max: { count: 3, unit: "month" }, suggested: { count: 1, unit: "month" } },
  /** One meeting with its preparation and follow-up: one day to a month. */
  SPEED: { min: { count: 0, unit: "day" }, max: { count: 1, unit: "month" }, suggested: { count: 2, unit: "week" } },
};

/** Types whose program is a short plan (the page says so; templates give them a short plan). */
export function isShortPlan(type: MentoringType): boolean {
  return type === "SPEED" || type === "SITUATIONAL";
}

export function addBound(date: Date, bound: LengthBound): Date {
  if (bound.unit === "month") return addMonths(date, bound.count);
  const days = bound.unit === "week" ? bound.count * 7 : bound.count;
  return new Date(dayOf(date).getTime() + days * 24 * 3600 * 1000);
}

export type ProgramLengthKey = "personalProgramEndsBeforeStart" | "personalProgramTooShort" | "personalProgramTooLong";

/** The bounds of the type as message values ({type} {minCount} {minUnit} {maxCount} {maxUnit}). */
export function programLengthValues(type: MentoringType): Record<string, string | number> {
  const rule = PROGRAM_LENGTH_BY_TYPE[type];
  return { type, minCount: rule.min.count, minUnit: rule.min.unit, maxCount: rule.max.count, maxUnit: rule.max.unit };
}

/**
 * The broken rule of the period for a pair of this type, or null when it fits. A program of a type
 * with no lower bound may start and end on the same day (one meeting); others end after they start.
 */
export function programLengthKey(startsOn: Date, endsOn: Date, type: MentoringType): ProgramLengthKey | null {
  const rule = PROGRAM_LENGTH_BY_TYPE[type];
  const start = dayOf(startsOn).getTime();
  const end = dayOf(endsOn).getTime();
  if (end < start || (end === start && rule.min.count > 0)) return "personalProgramEndsBeforeStart";
  if (end < addBound(startsOn, rule.min).getTime()) return "personalProgramTooShort";
  if (end > addBound(startsOn, rule.max).getTime()) return "personalProgramTooLong";
  return null;
}

/** A default period for the type: the pair's dates when they fit, otherwise the suggested length from the start. */
export function defaultPeriod(
  pair: { startsOn: Date | null; endsOn: Date | null; type: MentoringType },
  today: Date,
): { startsOn: Date; endsOn: Date } {
  const startsOn = dayOf(pair.startsOn ?? today);
  const endsOn =
    pair.endsOn && programLengthKey(startsOn, dayOf(pair.endsOn), pair.type) === null ? dayOf(pair.endsOn) : addBound(startsOn, PROGRAM_LENGTH_BY_TYPE[pair.type].suggested);
  return { startsOn, endsOn };
}
