// Young specialists' retention and adaptation (issue #16 item 4) from the people's employment dates: of the young
// teachers who worked at the school in the academic year, how many had a mentor, how many of those stayed, who
// left and why, and how many newly hired got a mentor. The rules of leaving a school. No I/O.
// The reasons' Russian words are the message files' (vocabulary.leaveReason, decision 063): documents print them,
// pages translate the keys in the reader's language.

import { academicYearEnd, academicYearStart } from "./academic-year";
import { isYoungSpecialist } from "./school-figures";
import words from "../i18n/messages/ru.vocabulary.json";

export const LEAVE_REASONS = words.vocabulary.leaveReason;
export type LeaveReason = keyof typeof LEAVE_REASONS;

export type EmployedPerson = {
  id: string;
  kind: "TEACHER" | "STUDENT" | "EXTERNAL";
  experienceYears: number | null;
  hiredOn: Date | null;
  leftOn: Date | null;
  leaveReason: LeaveReason | null;
};

export type YoungRetention = {
  /** Young specialists (teachers with up to 3 years) who worked at the school at some time in the year. */
  young: number;
  /** Of them, mentees of a pair of the year's program that was approved by order (or later). */
  mentored: number;
  /** Mentored and still at the school at the year's end (or today, if earlier). */
  mentoredStayed: number;
  /** mentoredStayed of mentored, per cent with one decimal; null without mentored young specialists. */
  retainedShare: number | null;
  /** Young specialists who left in the year: with and without a mentor, and why. */
  left: { mentored: number; notMentored: number; byReason: { reason: LeaveReason; count: number }[] };
  /** Young specialists hired in the year, and of them those who got a mentor (adaptation). */
  hired: number;
  hiredMentored: number;
};

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The figure for the academic year starting in `year`, from everyone the school has recorded (left people included). */
export function youngRetention(people: readonly EmployedPerson[], mentees: ReadonlySet<string>, year: number): YoungRetention {
  const start = academicYearStart(year);
  const end = academicYearEnd(year);
  const worked = (p: EmployedPerson) => (!p.leftOn || p.leftOn >= start) && (!p.hiredOn || p.hiredOn <= end);
  const young = people.filter((p) => isYoungSpecialist(p) && worked(p));
  const leftInYear = (p: EmployedPerson) => p.leftOn !== null && p.leftOn <= end;
  const mentored = young.filter((p) => mentees.has(p.id));
  const stayed = mentored.filter((p) => !leftInYear(p)).length;
  const leavers = young.filter(leftInYear);
  const reasons = new Map<LeaveReason, number>();
  for (const p of leavers) reasons.set(p.leaveReason ?? "OTHER", (reasons.get(p.leaveReason ?? "OTHER") ?? 0) + 1);
  const hired = young.filter((p) => p.hiredOn !== null && p.hiredOn >= start);
  return {
    young: young.length,
    mentored: mentored.length,
    mentoredStayed: stayed,
    retainedShare: percent(stayed, mentored.length),
    left: {
      mentored: leavers.filter((p) => mentees.has(p.id)).length,
      notMentored: leavers.filter((p) => !mentees.has(p.id)).length,
      byReason: (Object.keys(LEAVE_REASONS) as LeaveReason[]).filter((r) => reasons.has(r)).map((reason) => ({ reason, count: reasons.get(reason)! })),
    },
    hired: hired.length,
    hiredMentored: hired.filter((p) => mentees.has(p.id)).length,
  };
}

/** Why a leaving cannot be recorded (a message key of `errors.*`), or null. */
export function leavingRefusal(input: { leftOn: Date; hiredOn: Date | null; livePairs: number }, today: Date): "leftInFuture" | "leftBeforeHired" | "leavingWithPairs" | null {
  if (input.leftOn > today) return "leftInFuture";
  if (input.hiredOn && input.leftOn < input.hiredOn) return "leftBeforeHired";
  if (input.livePairs > 0) return "leavingWithPairs";
  return null;
}

/** A translator over the whole catalog (lib/i18n/translator.ts, or a page's in the reader's language). */
export type Words = (key: string, values?: Record<string, string | number>) => string;

/**
 * The person's inactivity note once they left, worded by `t` (people.leftLine, vocabulary.leaveReason):
 * «Выбыл(а) 31.05.2027: Переезд (в Ставрополь)». The system stores it in Russian (translator("ru")) beside the
 * structured leaving (leftOn, leaveReason, leaveNote) in the free-text inactivity and bank columns, which also hold
 * what people type; a page shows it in the reader's language by wording those fields again (isLeavingNote).
 */
export function leavingNote(t: Words, leaving: Leaving): string {
  const line = t("people.leftLine", { date: leaving.leftOnText, reason: t(`vocabulary.leaveReason.${leaving.reason}`) });
  return leaving.note ? `${line} (${leaving.note})` : line;
}

/** The leaving as a person's card keeps it: the day (dd.MM.yyyy), the reason, the note typed with it. */
export type Leaving = { leftOnText: string; reason: LeaveReason; note: string | null };

/** Whether a stored note is the one the leaving wrote in Russian (not a revoked consent's or a curator's own words). */
export function isLeavingNote(stored: string | null, leaving: Leaving, ru: Words): boolean {
  return stored !== null && stored === leavingNote(ru, leaving);
}
