// The first stage of monitoring (оценка качества реализации программы, Р-145): per form of mentoring, the
// questionnaire answers and the pairs' record turned into strengths, weaknesses, opportunities and threats —
// the SWOT table the curator completes and the school's report carries (decision 049). No I/O.

import { MENTORING_FORMS, type MentoringForm } from "./pairs";
import { compareAssessments, satisfiedFrom } from "./questionnaire-results";
import { isMissing, type Answers, type Question } from "./questionnaires";

export const SWOT_QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];
export type Swot = Record<SwotQuadrant, string[]>;

export const SWOT_TITLES: Record<SwotQuadrant, string> = {
  strengths: "Сильные стороны",
  weaknesses: "Слабые стороны",
  opportunities: "Возможности",
  threats: "Угрозы",
};

/** A question whose answers are satisfied this often (per cent) is a strength; below WEAK_SHARE, a weakness. */
export const STRONG_SHARE = 75;
export const WEAK_SHARE = 50;
/** Growth of a criterion's mean (after − before, on its scale) that counts as a strength; none or a fall is a weakness. */
export const GROWTH_STEP = 0.5;
/** Fewer answers than this share of those asked makes the form's conclusions preliminary (a weakness of the feedback). */
export const LOW_RESPONSE_SHARE = 50;
/** At most this many of the curator's own lines per quadrant, each at most SWOT_NOTE_MAX characters. */
export const SWOT_NOTES_MAX = 20;
export const SWOT_NOTE_MAX = 300;

export type SurveyAnswers = { questions: Question[]; answers: Answers[]; asked: number };

/** What is known of one form of mentoring in one program. */
export type FormEvidence = {
  form: MentoringForm;
  pairs: { total: number; completed: number; dissolved: number; silent: number };
  mentees: SurveyAnswers | null;
  mentors: SurveyAnswers | null;
  assessment: { before: SurveyAnswers; after: SurveyAnswers } | null;
};

export type FormSwot = {
  form: MentoringForm;
  title: string;
  pairs: number;
  /** People of the form who answered / were asked, over the satisfaction and after-assessment questionnaires. */
  answered: number;
  asked: number;
  computed: Swot;
  /** The participants' free-text suggestions (verbatim), for the curator to weigh. */
  suggestions: string[];
};

export const emptySwot = (): Swot => ({ strengths: [], weaknesses: [], opportunities: [], threats: [] });

const decimal = (n: number, digits = 1) => n.toFixed(digits).replace(".", ",");
const quoted = (text: string) => `«${text.trim().replace(/[?？]\s*$/, "")}»`;

function scaleNumbers(answers: Answers[], id: string): number[] {
  return answers.map((a) => a[id]).filter((v) => typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v))).map(Number);
}

function count(answers: Answers[], id: string, value: string): number {
  return answers.filter((a) => a[id] === value).length;
}

/** Satisfaction per scale question: a strength when most are satisfied, a weakness when fewer than half are. */
function satisfactionItems(survey: SurveyAnswers, who: string, out: Swot): void {
  for (const q of survey.questions) {
    if (q.type !== "scale" || !q.scale) continue;
    const values = scaleNumbers(survey.answers, q.id);
    if (values.length === 0) continue;
    const from = satisfiedFrom(q.scale);
    const share = Math.round((values.filter((v) => v >= from).length / values.length) * 100);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const basis = `${share} % ${who} (средняя оценка ${decimal(mean)} из ${q.scale.max})`;
    if (share >= STRONG_SHARE) out.strengths.push(`${quoted(q.text)}: высоко оценили ${basis}`);
    else if (share < WEAK_SHARE) out.weaknesses.push(`${quoted(q.text)}: высоко оценили лишь ${basis}`);
  }
}

function responseItem(survey: SurveyAnswers | null, who: string, out: Swot): void {
  if (!survey || survey.asked === 0) return;
  const share = (survey.answers.length / survey.asked) * 100;
  if (share < LOW_RESPONSE_SHARE) out.weaknesses.push(`Анкету заполнили ${survey.answers.length} из ${survey.asked} ${who} — обратная связь неполная, выводы предварительные`);
}

/** The computed SWOT of one form (pure): the rules above, in the order of the questionnaires. */
export function formSwot(e: FormEvidence): FormSwot {
  const out = emptySwot();
  const suggestions: string[] = [];
  const { mentees, mentors, assessment } = e;

  if (mentees) satisfactionItems(mentees, "наставляемых", out);
  if (mentors) satisfactionItems(mentors, "наставников", out);

  if (assessment) {
    const rows = compareAssessments(assessment.before.questions, assessment.after.questions, assessment.before.answers, assessment.after.answers);
    for (const r of rows) {
      if (r.before === null || r.after === null || r.change === null) continue;
      const figures = `${decimal(r.before)} → ${decimal(r.after)}`;
      if (r.change >= GROWTH_STEP) out.strengths.push(`Рост по критерию ${quoted(r.text)}: ${figures} (до и после программы)`);
      else if (r.change <= 0) out.weaknesses.push(`Нет роста по критерию ${quoted(r.text)}: ${figures} (до и после программы)`);
    }
  }

  responseItem(mentees, "наставляемых", out);
  responseItem(mentors, "наставников", out);

  if (mentees && mentees.answers.length > 0) {
    const willing = count(mentees.answers, "becomeMentor", "yes");
    if (willing > 0) out.opportunities.push(`${willing} из ${mentees.answers.length} наставляемых хотели бы стать наставниками — резерв базы наставников`);
  }
  if (mentors && mentors.answers.length > 0) {
    const staying = count(mentors.answers, "continue", "yes");
    const leaving = count(mentors.answers, "continue", "no");
    if (staying > 0) out.opportunities.push(`${staying} из ${mentors.answers.length} наставников готовы продолжить работу наставником`);
    if (leaving > 0) out.threats.push(`${leaving} из ${mentors.answers.length} наставников не готовы продолжить — риск нехватки наставников в следующем году`);
  }
  if (e.pairs.completed > 0) out.opportunities.push(`${e.pairs.completed} из ${e.pairs.total} пар завершили программу — их опыт можно представить как лучшие практики`);
  if (e.pairs.dissolved > 0) out.threats.push(`${e.pairs.dissolved} из ${e.pairs.total} пар расформированы до завершения программы`);
  if (e.pairs.silent > 0) out.threats.push(`Без встреч больше четырёх недель — ${e.pairs.silent} из ${e.pairs.total} пар`);

  for (const survey of [mentees, mentors]) {
    if (!survey) continue;
    for (const q of survey.questions) {
      if (q.type !== "text") continue;
      for (const a of survey.answers) {
        const v = a[q.id];
        if (!isMissing(v) && typeof v === "string" && v.trim() !== "") suggestions.push(v.trim());
      }
    }
  }

  const answered = (mentees?.answers.length ?? 0) + (mentors?.answers.length ?? 0) + (assessment?.after.answers.length ?? 0);
  const asked = (mentees?.asked ?? 0) + (mentors?.asked ?? 0) + (assessment?.after.asked ?? 0);
  return { form: e.form, title: MENTORING_FORMS[e.form], pairs: e.pairs.total, answered, asked, computed: out, suggestions };
}

/** The table a school's report carries: the computed lines, then the curator's own. */
export function mergedSwot(computed: Swot, notes: Swot | undefined): Swot {
  const out = emptySwot();
  for (const q of SWOT_QUADRANTS) out[q] = [...computed[q], ...(notes?.[q] ?? [])];
  return out;
}

/** The curator's lines of one quadrant from a textarea: one per line, trimmed, blanks dropped. */
export function noteLines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-–—•*]\s*/, "").trim())
    .filter((l) => l !== "");
}

/** The stored notes of a program (MentoringProgram.swotNotes) read defensively: per form, per quadrant, strings. */
export function readSwotNotes(json: unknown): Partial<Record<MentoringForm, Swot>> {
  const out: Partial<Record<MentoringForm, Swot>> = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  for (const [form, value] of Object.entries(json as Record<string, unknown>)) {
    if (!(form in MENTORING_FORMS) || !value || typeof value !== "object") continue;
    const swot = emptySwot();
    for (const q of SWOT_QUADRANTS) {
      const lines = (value as Record<string, unknown>)[q];
      if (Array.isArray(lines)) swot[q] = lines.filter((l): l is string => typeof l === "string");
    }
    out[form as MentoringForm] = swot;
  }
  return out;
}
