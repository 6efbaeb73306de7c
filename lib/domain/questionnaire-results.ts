// What everybody's answers give: the aggregation per question, the satisfaction percent that feeds the
// program passport, the before/after comparison, and what a needs or mentor questionnaire gives the banks.
// No I/O.

import { categoriesFor, COMPETENCY_TAGS, DIFFICULTY_TAGS, MAX_MENTOR_CAPACITY, MENTEE_CATEGORIES, type CompetencyTag, type DifficultyTag, type MenteeCategory, type PersonKind } from "./banks";
import { isMissing, type Answers, type Question, type QuestionMap, type QuestionScale } from "./questionnaires";

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
