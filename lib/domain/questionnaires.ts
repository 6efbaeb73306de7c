// Questionnaires (анкетирование) of the target model of mentoring as pure rules: the question types,
// the ready Russian templates (the texts are document content, copied into each questionnaire), the
// validation of one person's answers, the aggregation of everybody's answers, the satisfaction percent
// that feeds the program passport, the before/after comparison, and what a needs or mentor
// questionnaire gives the banks. No I/O.

import {
  categoriesFor,
  COMPETENCY_TAGS,
  DIFFICULTY_TAGS,
  MAX_MENTOR_CAPACITY,
  MENTEE_CATEGORIES,
  STUDENT_CATEGORIES,
  TEACHER_CATEGORIES,
  type CompetencyTag,
  type DifficultyTag,
  type MenteeCategory,
  type PersonKind,
} from "./banks";
import { consentRefusal, type ConsentRecord, type ConsentSubject } from "./consent";
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

/** The document title of each questionnaire kind (the default title of a new questionnaire). */
export const QUESTIONNAIRE_TITLES: Record<QuestionnaireKind, string> = {
  MENTEE_NEEDS: "Анкета наставляемого",
  MENTOR_PROFILE: "Анкета наставника",
  PREFERENCE: "Анкета предпочтений после групповой встречи",
  SATISFACTION_MENTEE: "Анкета удовлетворённости наставляемых участием в программе наставничества",
  SATISFACTION_MENTOR: "Анкета удовлетворённости наставников участием в программе наставничества",
  ASSESSMENT_BEFORE: "Оценка участника до начала программы",
  ASSESSMENT_AFTER: "Оценка участника после завершения программы",
  CUSTOM: "Анкета",
};

// ——— Templates ———

const options = (entries: Record<string, string>, keys?: readonly string[]): QuestionOption[] =>
  (keys ?? Object.keys(entries)).map((value) => ({ value, label: entries[value]! }));

const satisfactionScale: QuestionScale = { min: 1, max: 5, minLabel: "совершенно не удовлетворён(а)", maxLabel: "полностью удовлетворён(а)" };
const assessmentScale: QuestionScale = { min: 1, max: 5, minLabel: "очень низко", maxLabel: "очень высоко" };
const yesNoMaybe: QuestionOption[] = [
  { value: "yes", label: "Да" },
  { value: "no", label: "Нет" },
  { value: "unsure", label: "Пока не знаю" },
];

function categoryKeys(audience: Audience): MenteeCategory[] {
  if (audience === "TEACHERS") return TEACHER_CATEGORIES;
  if (audience === "STUDENTS") return STUDENT_CATEGORIES;
  return [...TEACHER_CATEGORIES, ...STUDENT_CATEGORIES];
}

const STUDENT_ONLY_DIFFICULTIES: DifficultyTag[] = ["STUDY_SKILLS", "CAREER"];

function difficultyKeys(audience: Audience): DifficultyTag[] {
  const all = Object.keys(DIFFICULTY_TAGS) as DifficultyTag[];
  return audience === "TEACHERS" ? all.filter((k) => !STUDENT_ONLY_DIFFICULTIES.includes(k)) : all;
}

function menteeNeeds(audience: Audience): Question[] {
  return [
    {
      id: "category",
      type: "single",
      text: "К какой категории наставляемых вы себя относите?",
      required: true,
      options: options(MENTEE_CATEGORIES, categoryKeys(audience)),
      maps: "category",
    },
    {
      id: "difficulties",
      type: "multiple",
      text: "В чём вы испытываете затруднения? Отметьте всё, что подходит.",
      required: true,
      options: options(DIFFICULTY_TAGS, difficultyKeys(audience)),
      maps: "difficulties",
    },
    {
      id: "request",
      type: "text",
      text: "Сформулируйте ваш запрос к наставнику: чему вы хотите научиться, в чём нужна помощь?",
      required: false,
      maps: "request",
    },
    {
      id: "form",
      type: "single",
      text: "Какая форма работы с наставником вам удобнее?",
      required: false,
      options: [
        { value: "individual", label: "Индивидуально (один на один)" },
        { value: "group", label: "В группе" },
        { value: "remote", label: "Дистанционно" },
        { value: "any", label: "Любая" },
      ],
    },
  ];
}

const MENTOR_PROFILE: Question[] = [
  {
    id: "competencies",
    type: "multiple",
    text: "В чём вы готовы помогать наставляемым? Отметьте всё, что подходит.",
    required: true,
    options: options(COMPETENCY_TAGS),
    maps: "competencies",
  },
  {
    id: "achievements",
    type: "text",
    text: "Ваши профессиональные достижения (победы в конкурсах, публикации, руководство методическим объединением или сообществом и т. п.)",
    required: false,
    maps: "achievements",
  },
  {
    id: "capacity",
    type: "scale",
    text: "Скольких наставляемых вы готовы взять одновременно?",
    required: true,
    scale: { min: 1, max: 5, minLabel: "одного", maxLabel: "пятерых" },
    maps: "capacity",
  },
  {
    id: "experience",
    type: "single",
    text: "Есть ли у вас опыт наставничества?",
    required: false,
    options: [
      { value: "yes", label: "Да" },
      { value: "no", label: "Нет" },
    ],
  },
];

const CHOICE_TEXTS = ["Кого из наставников вы выбираете в первую очередь?", "Ваш второй выбор", "Ваш третий выбор"];

function preference(candidates: QuestionOption[]): Question[] {
  return [
    ...CHOICE_TEXTS.map((text, i) => ({
      id: `choice${i + 1}`,
      type: "single" as const,
      text,
      required: i === 0,
      options: candidates.map((c) => ({ ...c })),
    })),
    { id: "why", type: "text", text: "Почему вы сделали такой выбор?", required: false },
  ];
}

const scaleQuestion = (id: string, text: string, maps?: QuestionMap): Question => ({
  id,
  type: "scale",
  text,
  required: true,
  scale: maps === "satisfaction" ? { ...satisfactionScale } : { ...assessmentScale },
  ...(maps ? { maps } : {}),
});

const SATISFACTION_MENTEE: Question[] = [
  scaleQuestion("overall", "Насколько вы удовлетворены участием в программе наставничества в целом?", "satisfaction"),
  scaleQuestion("meetings", "Насколько полезными для вас были встречи с наставником?", "satisfaction"),
  scaleQuestion("communication", "Насколько комфортным было общение с наставником?", "satisfaction"),
  scaleQuestion("organization", "Насколько вы удовлетворены организацией программы (график, формат встреч)?", "satisfaction"),
  scaleQuestion("help", "Насколько программа помогла вам справиться с затруднениями?", "satisfaction"),
  { id: "becomeMentor", type: "single", text: "Хотели бы вы в будущем стать наставником?", required: false, options: yesNoMaybe.map((o) => ({ ...o })) },
  { id: "suggestions", type: "text", text: "Что бы вы предложили изменить в программе наставничества?", required: false },
];

const SATISFACTION_MENTOR: Question[] = [
  scaleQuestion("overall", "Насколько вы удовлетворены участием в программе наставничества в целом?", "satisfaction"),
  scaleQuestion("interaction", "Насколько вы удовлетворены взаимодействием с наставляемым?", "satisfaction"),
  scaleQuestion("support", "Насколько достаточной была методическая поддержка куратора?", "satisfaction"),
  scaleQuestion("organization", "Насколько вы удовлетворены организацией программы (график, формат встреч)?", "satisfaction"),
  scaleQuestion("growth", "Насколько участие в программе было полезно для вашего профессионального развития?", "satisfaction"),
  { id: "continue", type: "single", text: "Готовы ли вы продолжить работу наставником?", required: false, options: yesNoMaybe.map((o) => ({ ...o })) },
  { id: "suggestions", type: "text", text: "Что бы вы предложили изменить в программе наставничества?", required: false },
];

/** The same questions before and after the program (two-stage monitoring of its influence). */
const ASSESSMENT: Question[] = [
  scaleQuestion("confidence", "Оцените вашу уверенность в профессиональной (учебной) деятельности"),
  scaleQuestion("methods", "Оцените ваше владение методиками, приёмами, способами работы (учёбы)"),
  scaleQuestion("planning", "Оцените умение планировать свою работу (учёбу) и достигать поставленных целей"),
  scaleQuestion("relations", "Оцените умение выстраивать отношения с коллегами, обучающимися, родителями"),
  scaleQuestion("motivation", "Оцените вашу мотивацию к профессиональному росту (к учёбе)"),
  scaleQuestion("wellbeing", "Оцените ваше эмоциональное благополучие в школе"),
  { id: "changes", type: "text", text: "Какие изменения в своей работе (учёбе) вы замечаете или ожидаете?", required: false },
];

const CUSTOM: Question[] = [{ id: "q1", type: "text", text: "Ваш ответ", required: false }];

export type TemplateOptions = {
  /** Needs questionnaire: whose categories to offer (the program's audience). */
  audience?: Audience;
  /** Preference questionnaire: the mentors to choose from (value = mentor entry id, label = name). */
  candidates?: QuestionOption[];
};

/**
 * The questions of a ready template. ASSESSMENT_AFTER is not built from a template: it copies the
 * questions of the «до» questionnaire it is compared with (copyQuestions).
 */
export function templateQuestions(kind: QuestionnaireKind, opts: TemplateOptions = {}): Question[] {
  const copy = (qs: Question[]) => copyQuestions(qs);
  switch (kind) {
    case "MENTEE_NEEDS":
      return menteeNeeds(opts.audience ?? "BOTH");
    case "MENTOR_PROFILE":
      return copy(MENTOR_PROFILE);
    case "PREFERENCE":
      return preference(opts.candidates ?? []);
    case "SATISFACTION_MENTEE":
      return copy(SATISFACTION_MENTEE);
    case "SATISFACTION_MENTOR":
      return copy(SATISFACTION_MENTOR);
    case "ASSESSMENT_BEFORE":
    case "ASSESSMENT_AFTER":
      return copy(ASSESSMENT);
    case "CUSTOM":
      return copy(CUSTOM);
  }
}

export function copyQuestions(questions: Question[]): Question[] {
  return questions.map((q) => ({
    ...q,
    ...(q.options ? { options: q.options.map((o) => ({ ...o })) } : {}),
    ...(q.scale ? { scale: { ...q.scale } } : {}),
  }));
}

// ——— The questions themselves ———

export type QuestionProblem = { questionId?: string; message: string };

const MAPS_TYPES: Record<QuestionMap, QuestionType[]> = {
  category: ["single"],
  difficulties: ["multiple"],
  request: ["text"],
  competencies: ["multiple"],
  achievements: ["text"],
  capacity: ["scale", "single"],
  satisfaction: ["scale"],
};

/** Why a set of questions cannot be sent as it is (Russian sentences), or [] when it can. */
export function questionProblems(questions: Question[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (questions.length === 0) problems.push({ message: "В анкете нет ни одного вопроса." });
  if (questions.length > MAX_QUESTIONS) problems.push({ message: `В анкете больше ${MAX_QUESTIONS} вопросов.` });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = `Вопрос ${i + 1}`;
    const add = (message: string) => problems.push({ questionId: q.id, message: `${at}: ${message}` });
    if (!QUESTION_ID_PATTERN.test(q.id)) add("недопустимый идентификатор вопроса.");
    if (seen.has(q.id)) add("идентификатор вопроса повторяется.");
    seen.add(q.id);
    if (!q.text.trim()) add("введите текст вопроса.");
    if (q.text.length > QUESTION_TEXT_MAX) add("слишком длинный текст вопроса.");
    if (q.type === "single" || q.type === "multiple") {
      const opts = q.options ?? [];
      if (opts.length < 2) add("нужно не меньше двух вариантов ответа.");
      if (opts.length > MAX_OPTIONS) add(`не больше ${MAX_OPTIONS} вариантов ответа.`);
      if (opts.some((o) => !o.label.trim())) add("у варианта ответа нет текста.");
      if (new Set(opts.map((o) => o.value)).size !== opts.length) add("варианты ответа повторяются.");
    }
    if (q.type === "scale") {
      const s = q.scale;
      if (!s || !Number.isInteger(s.min) || !Number.isInteger(s.max) || s.min < 0 || s.max > 10 || s.max - s.min < 1) {
        add("шкала должна быть от 0 или 1 до значения не больше 10.");
      }
    }
    if (q.maps && !MAPS_TYPES[q.maps].includes(q.type)) add("тип вопроса не подходит для данных, которые он передаёт в банк или показатель.");
  });
  return problems;
}

// ——— One person's answers ———

export type AnswerErrorCode = "required" | "option" | "scale" | "tooLong" | "type";
export type AnswerError = { code: AnswerErrorCode; message: string };

function isMissing(value: unknown): boolean {
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
 * (trimmed texts, numbers on scales, unknown questions dropped) or a Russian error per question.
 */
export function validateAnswers(questions: Question[], raw: Record<string, unknown>): AnswersCheck {
  const errors: Record<string, AnswerError> = {};
  const answers: Answers = {};
  for (const q of questions) {
    const value = normalize(q, Object.prototype.hasOwnProperty.call(raw, q.id) ? raw[q.id] : undefined);
    if (isInvalid(value)) {
      errors[q.id] = { code: "type", message: "Ответ не подходит к этому вопросу." };
      continue;
    }
    if (value === undefined) {
      if (q.required) {
        errors[q.id] = q.type === "multiple" ? { code: "required", message: "Отметьте хотя бы один вариант." } : { code: "required", message: "Ответьте на этот вопрос." };
      }
      continue;
    }
    if (q.type === "single" || q.type === "multiple") {
      const known = new Set((q.options ?? []).map((o) => o.value));
      const chosen = Array.isArray(value) ? value : [String(value)];
      if (chosen.some((v) => !known.has(v))) {
        errors[q.id] = { code: "option", message: "Выберите вариант из предложенных." };
        continue;
      }
    }
    if (q.type === "scale") {
      const { min, max } = q.scale ?? { min: 1, max: 5 };
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        errors[q.id] = { code: "scale", message: `Выберите значение от ${min} до ${max}.` };
        continue;
      }
    }
    if (q.type === "text" && typeof value === "string" && value.length > TEXT_ANSWER_MAX) {
      errors[q.id] = { code: "tooLong", message: `Ответ длиннее ${TEXT_ANSWER_MAX} символов.` };
      continue;
    }
    answers[q.id] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

// ——— Aggregates ———

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
const percent = (part: number, whole: number) => (whole === 0 ? 0 : round((part / whole) * 100, 1));
const mean = (values: number[]) => (values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, 2));

export type ChoiceAggregate = {
  questionId: string;
  type: "single" | "multiple";
  text: string;
  /** How many people answered this question (percentages are of them; for multiple choice they may sum over 100). */
  respondents: number;
  options: { value: string; label: string; count: number; percent: number }[];
};
export type ScaleAggregate = {
  questionId: string;
  type: "scale";
  text: string;
  respondents: number;
  mean: number | null;
  distribution: { value: number; count: number; percent: number }[];
  scale: QuestionScale;
};
export type TextAggregate = { questionId: string; type: "text"; text: string; respondents: number; texts: string[] };
export type QuestionAggregate = ChoiceAggregate | ScaleAggregate | TextAggregate;

/** Per question: counts and percentages for choices, mean and distribution for scales, the texts. */
export function aggregateAnswers(questions: Question[], answered: Answers[]): QuestionAggregate[] {
  return questions.map((q): QuestionAggregate => {
    const values = answered.map((a) => a[q.id]).filter((v) => !isMissing(v));
    if (q.type === "single" || q.type === "multiple") {
      const chosen = values.map((v) => (Array.isArray(v) ? v : [String(v)]));
      return {
        questionId: q.id,
        type: q.type,
        text: q.text,
        respondents: chosen.length,
        options: (q.options ?? []).map((o) => {
          const count = chosen.filter((c) => c.includes(o.value)).length;
          return { value: o.value, label: o.label, count, percent: percent(count, chosen.length) };
        }),
      };
    }
    if (q.type === "scale") {
      const scale = q.scale ?? { min: 1, max: 5, minLabel: "", maxLabel: "" };
      const numbers = values.map(Number).filter((n) => Number.isFinite(n));
      const distribution = [];
      for (let v = scale.min; v <= scale.max; v++) {
        const count = numbers.filter((n) => n === v).length;
        distribution.push({ value: v, count, percent: percent(count, numbers.length) });
      }
      return { questionId: q.id, type: "scale", text: q.text, respondents: numbers.length, mean: mean(numbers), distribution, scale };
    }
    const texts = values.filter((v): v is string => typeof v === "string");
    return { questionId: q.id, type: "text", text: q.text, respondents: texts.length, texts };
  });
}

/**
 * The smallest scale value that counts as "satisfied". On the usual 1–5 scale that is 4: answers
 * 4 («скорее удовлетворён») and 5 («полностью удовлетворён») count, 1–3 do not. Other scales keep
 * the same relative position: three quarters of the way from the lowest to the highest value.
 */
export function satisfiedFrom(scale: QuestionScale): number {
  return Math.ceil(scale.min + 0.75 * (scale.max - scale.min));
}

/**
 * Satisfaction percent for the passport indicators «Уровень удовлетворённости наставляемых /
 * наставников (опросный)». Rule: the share of all scale answers given to questions marked
 * maps: "satisfaction" that are at or above satisfiedFrom (≥ 4 of 5), in percent with one decimal.
 * Every answer counts once, so a person who answered five satisfaction questions weighs five times
 * as much as one who answered a single one (optional questions left blank do not count at all).
 * null when nobody answered a satisfaction question.
 */
export function satisfactionPercent(questions: Question[], answered: Answers[]): number | null {
  let total = 0;
  let satisfied = 0;
  for (const q of questions) {
    if (q.maps !== "satisfaction" || q.type !== "scale" || !q.scale) continue;
    const threshold = satisfiedFrom(q.scale);
    for (const a of answered) {
      const v = a[q.id];
      if (typeof v !== "number" && (typeof v !== "string" || !/^\d+$/.test(v))) continue;
      total += 1;
      if (Number(v) >= threshold) satisfied += 1;
    }
  }
  return total === 0 ? null : percent(satisfied, total);
}

export type AssessmentComparison = {
  questionId: string;
  text: string;
  before: number | null;
  after: number | null;
  /** after − before, null when either side has no answers. */
  change: number | null;
  respondentsBefore: number;
  respondentsAfter: number;
};

/**
 * Before/after comparison of participant assessments, per scale question that the «после»
 * questionnaire shares (by id) with the «до» one: mean before, mean after, change.
 */
export function compareAssessments(beforeQuestions: Question[], afterQuestions: Question[], before: Answers[], after: Answers[]): AssessmentComparison[] {
  const beforeIds = new Set(beforeQuestions.filter((q) => q.type === "scale").map((q) => q.id));
  const nums = (list: Answers[], id: string) =>
    list.map((a) => a[id]).filter((v) => typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v))).map(Number);
  return afterQuestions
    .filter((q) => q.type === "scale" && beforeIds.has(q.id))
    .map((q) => {
      const b = nums(before, q.id);
      const a = nums(after, q.id);
      const mb = mean(b);
      const ma = mean(a);
      return {
        questionId: q.id,
        text: q.text,
        before: mb,
        after: ma,
        change: mb === null || ma === null ? null : round(ma - mb, 2),
        respondentsBefore: b.length,
        respondentsAfter: a.length,
      };
    });
}

// ——— What the answers give the banks ———

const mapped = (questions: Question[], marker: QuestionMap) => questions.filter((q) => q.maps === marker);

function textOf(questions: Question[], answers: Answers, marker: QuestionMap): string | null {
  const texts = mapped(questions, marker)
    .map((q) => answers[q.id])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .map((v) => v.trim());
  return texts.length ? texts.join("\n") : null;
}

function tagsOf<T extends string>(questions: Question[], answers: Answers, marker: QuestionMap, known: Record<T, string>): T[] {
  const out = new Set<T>();
  for (const q of mapped(questions, marker)) {
    const v = answers[q.id];
    for (const item of Array.isArray(v) ? v : typeof v === "string" ? [v] : []) {
      if (Object.prototype.hasOwnProperty.call(known, item)) out.add(item as T);
    }
  }
  return [...out];
}

/**
 * A mentee bank entry from a needs questionnaire: the category (only one that fits the person:
 * teachers' categories for teachers and external specialists, students' for students), the
 * difficulties as tags, the free-text request.
 */
export function menteeEntryFromAnswers(
  questions: Question[],
  answers: Answers,
  kind: PersonKind,
): { category: MenteeCategory | null; difficulties: DifficultyTag[]; request: string | null } {
  let category: MenteeCategory | null = null;
  const allowed = categoriesFor(kind);
  for (const q of mapped(questions, "category")) {
    const v = answers[q.id];
    if (typeof v === "string" && Object.prototype.hasOwnProperty.call(MENTEE_CATEGORIES, v) && allowed.includes(v as MenteeCategory)) {
      category = v as MenteeCategory;
      break;
    }
  }
  return { category, difficulties: tagsOf(questions, answers, "difficulties", DIFFICULTY_TAGS), request: textOf(questions, answers, "request") };
}

/** A mentor bank entry from a mentor questionnaire: competencies as tags, achievements, capacity. */
export function mentorEntryFromAnswers(
  questions: Question[],
  answers: Answers,
): { competencies: CompetencyTag[]; achievements: string | null; capacity: number | null } {
  let capacity: number | null = null;
  for (const q of mapped(questions, "capacity")) {
    const v = answers[q.id];
    const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_MENTOR_CAPACITY) {
      capacity = n;
      break;
    }
  }
  return { competencies: tagsOf(questions, answers, "competencies", COMPETENCY_TAGS), achievements: textOf(questions, answers, "achievements"), capacity };
}

// ——— Who may be asked ———

/**
 * Why a person may not be sent (or answer) a questionnaire at `at`, or null: nobody is surveyed
 * without a valid consent to surveys (a minor's from a legal representative), nor once out of active work.
 */
export function surveyRefusal(person: ConsentSubject & { active: boolean }, consents: ConsentRecord[], at: Date): string | null {
  const consent = consentRefusal(person, consents, "SURVEYS", at);
  if (consent) return consent;
  if (!person.active) return "Человек выведен из активной работы.";
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
