// Questionnaires (анкетирование) of the target model of mentoring as pure rules: the question types, the
// checks of a questionnaire's questions, the validation of one person's answers, who may be asked and how long a link works. The ready templates are
// in questionnaire-templates.ts, what everybody's answers give (aggregates, satisfaction, before/after,
// the banks) in questionnaire-results.ts. No I/O.

import { consentProblem, type ConsentRecord, type ConsentSubject, type RuleProblem } from "./consent";
import { addDays, startOfDayIn } from "./local-date";

export const QUESTION_TYPES = ["single", "multiple", "scale", "text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What an answer feeds elsewhere: the banks (category … capacity) or the satisfaction indicator. */
export const QUESTION_MAPS = ["category", "difficulties", "request", "competencies", "achievements", "capacity", "satisfaction"] as const;
export type QuestionMap = (typeof QUESTION_MAPS)[number];

export type QuestionOption = { value: string; label: string };
export type QuestionScale = { min: number; max: number; minLabel: string; maxLabel: string };

export type Question = {
  id: string;
  type: QuestionType;
  text: string;
  required: boolean;
  options?: QuestionOption[];
  scale?: QuestionScale;
  maps?: QuestionMap;
};

export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

export const QUESTIONNAIRE_KINDS = [
  "MENTEE_NEEDS",
  "MENTOR_PROFILE",
  "PREFERENCE",
  "SATISFACTION_MENTEE",
  "SATISFACTION_MENTOR",
  "ASSESSMENT_BEFORE",
  "ASSESSMENT_AFTER",
  "CUSTOM",
] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

export type Audience = "TEACHERS" | "STUDENTS" | "BOTH";

export const TEXT_ANSWER_MAX = 2000;
export const QUESTION_TEXT_MAX = 1000;
export const OPTION_LABEL_MAX = 300;
export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 50;
export const QUESTION_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** Days a one-time link lives when the questionnaire has no closing date. */
export const LINK_TTL_DAYS = 14;

// ——— The questions themselves ———

/** A problem of the questions: a message key of `surveys.questionProblems` with its values (the question's number). */
export type QuestionProblem = { questionId?: string; key: QuestionProblemKey; values?: Record<string, number> };
export type QuestionProblemKey =
  | "none"
  | "tooMany"
  | "badId"
  | "duplicateId"
  | "noText"
  | "textTooLong"
  | "fewOptions"
  | "manyOptions"
  | "emptyOption"
  | "duplicateOptions"
  | "badScale"
  | "mapsType";

const MAPS_TYPES: Record<QuestionMap, QuestionType[]> = {
  category: ["single"],
  difficulties: ["multiple"],
  request: ["text"],
  competencies: ["multiple"],
  achievements: ["text"],
  capacity: ["scale", "single"],
  satisfaction: ["scale"],
};

/** Why a set of questions cannot be sent as it is (message keys), or [] when it can. */
export function questionProblems(questions: Question[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (questions.length === 0) problems.push({ key: "none" });
  if (questions.length > MAX_QUESTIONS) problems.push({ key: "tooMany", values: { max: MAX_QUESTIONS } });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const add = (key: QuestionProblemKey, values: Record<string, number> = {}) => problems.push({ questionId: q.id, key, values: { number: i + 1, ...values } });
    if (!QUESTION_ID_PATTERN.test(q.id)) add("badId");
    if (seen.has(q.id)) add("duplicateId");
    seen.add(q.id);
    if (!q.text.trim()) add("noText");
    if (q.text.length > QUESTION_TEXT_MAX) add("textTooLong");
    if (q.type === "single" || q.type === "multiple") {
      const opts = q.options ?? [];
      if (opts.length < 2) add("fewOptions");
      if (opts.length > MAX_OPTIONS) add("manyOptions", { max: MAX_OPTIONS });
      if (opts.some((o) => !o.label.trim())) add("emptyOption");
      if (new Set(opts.map((o) => o.value)).size !== opts.length) add("duplicateOptions");
    }
    if (q.type === "scale") {
      const s = q.scale;
      if (!s || !Number.isInteger(s.min) || !Number.isInteger(s.max) || s.min < 0 || s.max > 10 || s.max - s.min < 1) {
        add("badScale");
      }
    }
    if (q.maps && !MAPS_TYPES[q.maps].includes(q.type)) add("mapsType");
  });
  return problems;
}

// ——— One person's answers ———

export type AnswerErrorCode = "required" | "option" | "scale" | "tooLong" | "type";
/** The forms and the action word a code by `errors.answer*`. */
export type AnswerError = { code: AnswerErrorCode };

export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A form posts everything as strings: "4" on a scale is 4, one ticked box is a list of one. */
function normalize(question: Question, value: unknown): AnswerValue | undefined | { invalid: true } {
  if (isMissing(value)) return undefined;
  switch (question.type) {
    case "single":
      return typeof value === "string" ? value : typeof value === "number" ? String(value) : { invalid: true };
    case "multiple": {
      const list = typeof value === "string" ? [value] : value;
      if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) return { invalid: true };
      const clean = [...new Set(list as string[])].filter((v) => v !== "");
      return clean.length ? clean : undefined;
    }
    case "scale": {
      const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
      return Number.isFinite(n) ? n : { invalid: true };
    }
    case "text": {
      if (typeof value !== "string") return { invalid: true };
      const text = value.trim();
      return text ? text : undefined;
    }
  }
}

const isInvalid = (v: unknown): v is { invalid: true } => typeof v === "object" && v !== null && !Array.isArray(v) && (v as { invalid?: boolean }).invalid === true;

export type AnswersCheck = { ok: true; answers: Answers } | { ok: false; errors: Record<string, AnswerError> };

/**
 * Checks one person's answers against the questions: required questions answered, chosen options
 * exist, scale values in range, texts not longer than TEXT_ANSWER_MAX. Returns the cleaned answers
 * (trimmed texts, numbers on scales, unknown questions dropped) or an error code per question.
 */
export function validateAnswers(questions: Question[], raw: Record<string, unknown>): AnswersCheck {
  const errors: Record<string, AnswerError> = {};
  const answers: Answers = {};
  for (const q of questions) {
    const value = normalize(q, Object.prototype.hasOwnProperty.call(raw, q.id) ? raw[q.id] : undefined);
    if (isInvalid(value)) {
      errors[q.id] = { code: "type" };
      continue;
    }
    if (value === undefined) {
      if (q.required) {
        errors[q.id] = { code: "required" };
      }
      continue;
    }
    if (q.type === "single" || q.type === "multiple") {
      const known = new Set((q.options ?? []).map((o) => o.value));
      const chosen = Array.isArray(value) ? value : [String(value)];
      if (chosen.some((v) => !known.has(v))) {
        errors[q.id] = { code: "option" };
        continue;
      }
    }
    if (q.type === "scale") {
      const { min, max } = q.scale ?? { min: 1, max: 5 };
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        errors[q.id] = { code: "scale" };
        continue;
      }
    }
    if (q.type === "text" && typeof value === "string" && value.length > TEXT_ANSWER_MAX) {
      errors[q.id] = { code: "tooLong" };
      continue;
    }
    answers[q.id] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

// ——— Who may be asked ———

/**
 * Why a person may not be sent (or answer) a questionnaire at `at`, or null: nobody is surveyed
 * without a valid consent to surveys (a minor's from a legal representative), nor once out of active work.
 */
export function surveyRefusal(person: ConsentSubject & { active: boolean }, consents: ConsentRecord[], at: Date): RuleProblem | null {
  const consent = consentProblem(person, consents, "SURVEYS", at);
  if (consent) return consent;
  if (!person.active) return { key: "personInactive" };
  return null;
}

// ——— One-time links and answering windows ———

const DAY = 24 * 60 * 60 * 1000;

/**
 * When a one-time link stops working: at the end of the closing day (closesOn is a calendar date,
 * stored as UTC midnight; the link works through that whole day), else LINK_TTL_DAYS after issue.
 */
export function surveyLinkExpiry(issuedAt: Date, closesOn: Date | null, timeZone: string): Date {
  // Through the whole closing day on the school's calendar: the next local midnight, not UTC's.
  return closesOn ? startOfDayIn(timeZone, addDays(closesOn, 1)) : new Date(issuedAt.getTime() + LINK_TTL_DAYS * DAY);
}

/**
 * Answers are accepted while the questionnaire is open and its closing day has not passed. `today` is
 * the calendar date in the organization's zone (todayIn), like closesOn.
 */
export function answeringOpen(q: { status: "DRAFT" | "OPEN" | "CLOSED"; closesOn: Date | null }, today: Date): boolean {
  if (q.status !== "OPEN") return false;
  return !q.closesOn || today.getTime() < q.closesOn.getTime() + DAY;
}

export type LinkState = "unknown" | "used" | "closed" | "expired" | "valid";

/** What a one-time link can do now; a used link says so even after the questionnaire closed. */
export function surveyLinkState(
  recipient: { linkUsedAt: Date | null; linkExpiresAt: Date | null; answeredAt?: Date | null } | null,
  questionnaire: { status: "DRAFT" | "OPEN" | "CLOSED"; closesOn: Date | null } | null,
  now: Date,
  today: Date,
): LinkState {
  if (!recipient || !questionnaire) return "unknown";
  if (recipient.linkUsedAt || recipient.answeredAt) return "used";
  if (questionnaire.status === "DRAFT") return "unknown";
  if (!answeringOpen(questionnaire, today)) return "closed";
  if (!recipient.linkExpiresAt || recipient.linkExpiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
