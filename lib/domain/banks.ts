// The vocabulary of the mentee and mentor banks, in the words of the regulation (seed 002, §5.2.1–5.2.3)
// and docs/domain.md, plus the pure rules that decide who may enter a bank and who counts for a stage gate.
// The vocabulary's Russian words are the message files' (vocabulary.*, decision 063): documents print them, pages
// translate the keys in the reader's language.
import words from "../i18n/messages/ru.vocabulary.json";

import { consentProblem, type ConsentRecord, type ConsentSubject, type RuleProblem } from "./consent";

export type PersonKind = "TEACHER" | "STUDENT" | "EXTERNAL";

/** Mentee categories: for teachers (seed 002 §5.2.3) and for students (docs/domain.md). */
export const MENTEE_CATEGORIES = words.vocabulary.menteeCategory;
export type MenteeCategory = keyof typeof MENTEE_CATEGORIES;

export const TEACHER_CATEGORIES: MenteeCategory[] = ["YOUNG_SPECIALIST", "RETURNING", "NEW_PLACE", "GROWTH", "DIGITAL", "BURNOUT", "OTHER_DIFFICULTIES", "INTERN"];
export const STUDENT_CATEGORIES: MenteeCategory[] = ["LOW_RESULTS", "GIFTED", "DISABILITIES", "STUDENT_OTHER"];

/** Which categories fit a person: teachers and external specialists the teachers' list, students theirs. */
export function categoriesFor(kind: PersonKind): MenteeCategory[] {
  return kind === "STUDENT" ? STUDENT_CATEGORIES : TEACHER_CATEGORIES;
}

/**
 * Difficulties / requests as structured tags. Each has a twin among the mentor competencies
 * (same key), so the pairing issue can match a difficulty with a competency.
 */
export const DIFFICULTY_TAGS = words.vocabulary.difficulty;
export type DifficultyTag = keyof typeof DIFFICULTY_TAGS;

/** Mentor competencies (seed 002 §5.2.2, shortened), keyed like the difficulties they answer. */
export const COMPETENCY_TAGS = words.vocabulary.competency satisfies Record<DifficultyTag, string>;
export type CompetencyTag = keyof typeof COMPETENCY_TAGS;

export const INFORMATION_SOURCES = words.vocabulary.informationSource;
export type InformationSource = keyof typeof INFORMATION_SOURCES;

export const TRAINING_KINDS = words.vocabulary.trainingKind;
export type TrainingKind = keyof typeof TRAINING_KINDS;

export const MAX_MENTOR_CAPACITY = 10;

/**
 * Why a person may not enter a bank today (a key under «errors» with its values), or null: the person is active
 * and a bank consent is valid.
 */
export function bankRefusal(person: ConsentSubject & { active: boolean; kind: PersonKind }, consents: ConsentRecord[], at: Date): RuleProblem | null {
  const consent = consentProblem(person, consents, "BANK", at);
  if (consent) return consent;
  if (!person.active) return { key: "personInactive" };
  return null;
}

/** A mentee counts for the stage 2 gate: in the bank (not left), with needs recorded. */
export function hasRecordedNeeds(entry: { difficulties: string[]; request: string | null }): boolean {
  return entry.difficulties.length > 0 || Boolean(entry.request?.trim());
}

export type MentorStatus = "CANDIDATE" | "TRAINED" | "APPROVED" | "LEFT";

/** The director approves a mentor only after a recorded training (установочная сессия or courses). */
export function approvalRefusal(mentor: { status: MentorStatus; trainings: number }): RuleProblem | null {
  if (mentor.status === "APPROVED") return { key: "mentorAlreadyApproved" };
  if (mentor.status === "LEFT") return { key: "mentorLeftBank" };
  if (mentor.trainings < 1) return { key: "mentorNotTrained" };
  return null;
}
