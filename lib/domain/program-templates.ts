// The ready personalized-program templates (seed 001): Russian content a pair's program starts from — once
// copied into the program it is the school's own text, edited there (starter content, decision 064). The content is
// data, lib/i18n/russian/data/program-templates.json; here its types and which template fits a pair.
import words from "../i18n/messages/ru.vocabulary.json";
import templates from "../i18n/russian/data/program-templates.json";
import type { DifficultyTag } from "./banks";
import type { MeetingKind, MentoringForm, MentoringType } from "./pairs";

export type ProgramTemplate = {
  key: "TEACHER_ADAPTATION" | "STUDENT_RESULTS" | "CAREER" | "SHORT_PLAN";
  title: string;
  direction: string;
  goals: string;
  tasks: string;
  intermediateResults: string;
  /** Итоговые (ожидаемые) результаты. */
  expectedResults: string;
  /** The mentee difficulties this template works on (the program keeps those the mentees have). */
  difficulties: DifficultyTag[];
  /** Plan items; `at` places the due date in the period: 0 the first day, 1 the last. */
  items: { title: string; at: number }[];
  /** The meeting schedule (график встреч), placed in the period like the items. */
  meetings: { kind: MeetingKind; topic: string; at: number }[];
};

/** A template as the JSON holds it: the enumerated names are plain strings until checked. */
type TemplateData = Omit<ProgramTemplate, "key" | "difficulties" | "meetings"> & { key: string; difficulties: string[]; meetings: { kind: string; topic: string; at: number }[] };

function oneOf<T extends string>(allowed: Record<T, unknown>, value: string, what: string): T {
  if (!Object.hasOwn(allowed, value)) throw new Error(`program-templates.json: unknown ${what} ${value}`);
  return value as T;
}

/** The JSON's template under its key, its difficulty and meeting kind names checked against the vocabulary. */
function checkedTemplate(key: ProgramTemplate["key"]): ProgramTemplate {
  const raw: TemplateData = templates[key];
  if (raw.key !== key) throw new Error(`program-templates.json: the template under ${key} says it is ${raw.key}`);
  return {
    ...raw,
    key,
    difficulties: raw.difficulties.map((tag) => oneOf<DifficultyTag>(words.vocabulary.difficulty, tag, "difficulty")),
    meetings: raw.meetings.map((m) => ({ ...m, kind: oneOf<MeetingKind>(words.vocabulary.meetingKind, m.kind, "meeting kind") })),
  };
}

export const PROGRAM_TEMPLATES: Record<ProgramTemplate["key"], ProgramTemplate> = {
  TEACHER_ADAPTATION: checkedTemplate("TEACHER_ADAPTATION"),
  STUDENT_RESULTS: checkedTemplate("STUDENT_RESULTS"),
  CAREER: checkedTemplate("CAREER"),
  SHORT_PLAN: checkedTemplate("SHORT_PLAN"),
};

const TEMPLATE_BY_FORM: Record<MentoringForm, ProgramTemplate["key"]> = {
  TEACHER_TEACHER: "TEACHER_ADAPTATION",
  HEAD_TEACHER: "TEACHER_ADAPTATION",
  UNIVERSITY_TEACHER: "TEACHER_ADAPTATION",
  STUDENT_STUDENT: "STUDENT_RESULTS",
  TEACHER_STUDENT: "STUDENT_RESULTS",
  COLLEGE_STUDENT_PUPIL: "STUDENT_RESULTS",
  EMPLOYER_STUDENT: "CAREER",
  EMPLOYER_PUPIL: "CAREER",
};

/** The ready template that fits the pair: a short plan for speed and situational mentoring, else by its form. */
export function templateFor(form: MentoringForm, type: MentoringType): ProgramTemplate {
  if (type === "SPEED" || type === "SITUATIONAL") return PROGRAM_TEMPLATES.SHORT_PLAN;
  return PROGRAM_TEMPLATES[TEMPLATE_BY_FORM[form]];
}
