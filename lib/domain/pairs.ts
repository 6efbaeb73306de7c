// Pairs and groups in the words of docs/domain.md and the seeds (forms, types, meeting kinds), and the pure
// rules about them: approval, meeting dates, inactivity.
// The vocabulary's Russian words are the message files' (vocabulary.*, decision 063): documents print them, pages
// translate the keys in the reader's language.
import words from "../i18n/messages/ru.vocabulary.json";

export const MENTORING_FORMS = words.vocabulary.mentoringForm;
export type MentoringForm = keyof typeof MENTORING_FORMS;

export const MENTORING_TYPES = words.vocabulary.mentoringType;
export type MentoringType = keyof typeof MENTORING_TYPES;

export const MEETING_KINDS = words.vocabulary.meetingKind;
export type MeetingKind = keyof typeof MEETING_KINDS;

export const PAIR_STATUSES = words.vocabulary.pairStatus;
export type PairStatus = keyof typeof PAIR_STATUSES;

/** Statuses in which a mentee is taken: they cannot be in a second such pair of the same direction. */
export const LIVE_PAIR_STATUSES: PairStatus[] = ["PROPOSED", "APPROVED", "ACTIVE"];
/** Statuses that occupy a place of the mentor's capacity. */
export const CAPACITY_STATUSES: PairStatus[] = ["APPROVED", "ACTIVE"];
/** Pairs that did or do work: approved by order or later — a dissolved one too. The SWOT, retention and effectiveness count these. */
export const WORKED_PAIR_STATUSES: readonly PairStatus[] = ["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED"];

/** The form that fits who the mentor and the mentee are (the curator may change it). */
export function suggestedForm(mentorKind: "TEACHER" | "STUDENT" | "EXTERNAL", menteeKind: "TEACHER" | "STUDENT" | "EXTERNAL"): MentoringForm {
  if (mentorKind === "STUDENT" && menteeKind === "STUDENT") return "STUDENT_STUDENT";
  if (menteeKind === "STUDENT") return mentorKind === "EXTERNAL" ? "EMPLOYER_PUPIL" : "TEACHER_STUDENT";
  if (mentorKind === "EXTERNAL") return "UNIVERSITY_TEACHER";
  return "TEACHER_TEACHER";
}

/** The calendar day (UTC midnight) of a moment: dates are kept as days, compared as days. */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addMonths(date: Date, months: number): Date {
  const d = dayOf(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

// A rule's message key is a key of `errors` (the user's language); the personalized program's length by
// type: lib/domain/program-length.ts.
type MeetingDateKey = "meetingInFuture" | "meetingOutsideProgram";

/** A meeting is not in the future and belongs to the personalized program's period (when there is one). */
export function meetingDateKey(heldOn: Date, program: { startsOn: Date; endsOn: Date } | null, today: Date): MeetingDateKey | null {
  if (heldOn.getTime() > dayOf(today).getTime()) return "meetingInFuture";
  if (program && (heldOn.getTime() < program.startsOn.getTime() || heldOn.getTime() > program.endsOn.getTime())) return "meetingOutsideProgram";
  return null;
}

export const INACTIVITY_DAYS = 28;

/** A working pair with no meeting for four weeks (or none since approval) is flagged to the curator. */
export function isInactive(pair: { status: PairStatus; since: Date; lastMeetingOn: Date | null }, now: Date): boolean {
  if (pair.status !== "ACTIVE" && pair.status !== "APPROVED") return false;
  const last = pair.lastMeetingOn ?? pair.since;
  return now.getTime() - last.getTime() > INACTIVITY_DAYS * 24 * 3600 * 1000;
}
