// Personalized programs and meetings of a pair (stages 5–6 of docs/domain.md, seed 001): the ready program
// templates, the plan item statuses, and the pure checks the actions turn into field errors.
// The vocabulary's Russian words are the message files' (vocabulary.*, decision 063): documents print them, pages
// translate the keys in the reader's language.
import words from "../i18n/messages/ru.vocabulary.json";
import { dayOf, type MeetingKind, type MentoringType } from "./pairs";
import type { ProgramTemplate } from "./program-templates";

export const PLAN_ITEM_STATUSES = words.vocabulary.planItemStatus;
export type PlanItemStatus = keyof typeof PLAN_ITEM_STATUSES;

/** Форма работы пары (the program's working mode). */
export const WORKING_MODES = words.vocabulary.workingMode;
export type WorkingMode = keyof typeof WORKING_MODES;

export const PROGRAM_STATUSES = words.vocabulary.programStatus;
export type PersonalProgramStatus = keyof typeof PROGRAM_STATUSES;

/** Pair statuses in which the program is written and meetings are logged. */
export const WORKING_PAIR_STATUSES = ["APPROVED", "ACTIVE"] as const;

/** A group has two or more mentees: only a group holds a «итоговая групповая встреча». */
export function isGroup(menteeCount: number): boolean {
  return menteeCount >= 2;
}

const DAY = 24 * 3600 * 1000;

export { addMonths, dayOf, meetingDateKey } from "./pairs";
export { defaultPeriod, programLengthKey, programLengthValues } from "./program-length";

export function addDays(date: Date, days: number): Date {
  return new Date(dayOf(date).getTime() + days * DAY);
}

/** A plan item is due inside the program's period (both ends included). */
export function insidePeriod(day: Date, period: { startsOn: Date; endsOn: Date }): boolean {
  return day.getTime() >= dayOf(period.startsOn).getTime() && day.getTime() <= dayOf(period.endsOn).getTime();
}

/**
 * Since when a working pair is expected to meet: its approval (the order's date or the director's
 * decision), or the program's start when that is later. For isInactive (lib/domain/pairs.ts).
 */
export function inactivitySince(pair: { approvedOn: Date | null; createdAt: Date; programStartsOn: Date | null }): Date {
  const approved = pair.approvedOn ?? pair.createdAt;
  return pair.programStartsOn && pair.programStartsOn.getTime() > approved.getTime() ? pair.programStartsOn : approved;
}

/** Hours during which whoever logged a meeting may delete it themselves («в течение суток»). */
export const OWN_MEETING_DELETE_HOURS = 24;

/** Staff (curator, psychologist) delete any meeting; a mentor or mentee only their own, within a day. */
export function meetingDeletable(meeting: { loggedById: string; createdAt: Date }, userId: string, staff: boolean, now: Date): boolean {
  if (staff) return true;
  return meeting.loggedById === userId && now.getTime() - meeting.createdAt.getTime() <= OWN_MEETING_DELETE_HOURS * 3600 * 1000;
}

// ── Ready templates (lib/domain/program-templates.ts) ─────────────────────────────────────────

export { PROGRAM_TEMPLATES, templateFor, type ProgramTemplate } from "./program-templates";

/** The working mode a template proposes: remote for virtual mentoring, in person otherwise. */
export function templateWorkingMode(type: MentoringType): WorkingMode {
  return type === "VIRTUAL" ? "REMOTE" : "IN_PERSON";
}

/** The template's plan items with due dates spread over the period (first day … last day). */
export function templateItems(template: ProgramTemplate, startsOn: Date, endsOn: Date): { title: string; dueOn: Date; position: number }[] {
  const start = dayOf(startsOn);
  const days = Math.round((dayOf(endsOn).getTime() - start.getTime()) / DAY);
  return template.items.map((item, position) => ({ title: item.title, dueOn: addDays(start, Math.round(Math.min(Math.max(item.at, 0), 1) * days)), position }));
}

/** The template's meeting schedule with dates spread over the period. */
export function templateMeetings(template: ProgramTemplate, startsOn: Date, endsOn: Date): { kind: MeetingKind; topic: string; plannedOn: Date }[] {
  const start = dayOf(startsOn);
  const days = Math.round((dayOf(endsOn).getTime() - start.getTime()) / DAY);
  return template.meetings.map((m) => ({ kind: m.kind, topic: m.topic, plannedOn: addDays(start, Math.round(Math.min(Math.max(m.at, 0), 1) * days)) }));
}
