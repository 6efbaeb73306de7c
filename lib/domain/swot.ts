// The first stage of monitoring (оценка качества реализации программы, Р-145): per form of mentoring, the
// questionnaire answers and the pairs' record turned into strengths, weaknesses, opportunities and threats —
// the SWOT table the curator completes and the school's report carries (decision 049). No I/O.

import { MENTORING_FORMS, type MentoringForm } from "./pairs";
import { compareAssessments, satisfiedFrom } from "./questionnaire-results";
import { isMissing, type Answers, type Question } from "./questionnaires";

export const SWOT_QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];
export type Swot = Record<SwotQuadrant, string[]>;
/** A computed line: a message key of `swot.lines` with its values (the page translates it, the report in Russian). */
export type SwotLine = { key: SwotLineKey; values: Record<string, string | number> };
export type SwotLineKey =
  | "satisfactionHigh"
  | "satisfactionLow"
  | "growth"
  | "noGrowth"
  | "lowResponse"
  | "menteesWouldMentor"
  | "mentorsContinue"
  | "mentorsLeave"
  | "pairsCompleted"
  | "pairsDissolved"
  | "pairsSilent";
export type ComputedSwot = Record<SwotQuadrant, SwotLine[]>;

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
  pairs: number;
  /** People of the form who answered / were asked, over the satisfaction and after-assessment questionnaires. */
  answered: number;
  asked: number;
  computed: ComputedSwot;
  /** The participants' free-text suggestions (verbatim), for the curator to weigh. */
  suggestions: string[];
};

export const emptySwot = (): Swot => ({ strengths: [], weaknesses: [], opportunities: [], threats: [] });
const emptyComputed = (): ComputedSwot => ({ strengths: [], weaknesses: [], opportunities: [], threats: [] });

/** A question's text as a line quotes it (the messages put the quotation marks): without its question mark. */
const quoted = (text: string) => text.trim().replace(/[?？]\s*$/, "");
const line = (key: SwotLineKey, values: SwotLine["values"]): SwotLine => ({ key, values });
type Who = "mentees" | "mentors";

function scaleNumbers(answers: Answers[], id: string): number[] {
  return answers.map((a) => a[id]).filter((v) => typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v))).map(Number);
}

function count(answers: Answers[], id: string, value: string): number {
  return answers.filter((a) => a[id] === value).length;
}

/** Satisfaction per scale question: a strength when most are satisfied, a weakness when fewer than half are. */
function satisfactionItems(survey: SurveyAnswers, who: Who, out: ComputedSwot): void {
  for (const q of survey.questions) {
    if (q.type !== "scale" || !q.scale) continue;
    const values = scaleNumbers(survey.answers, q.id);
    if (values.length === 0) continue;
    const from = satisfiedFrom(q.scale);
    const share = Math.round((values.filter((v) => v >= from).length / values.length) * 100);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const basis = { question: quoted(q.text), share, who, mean, max: q.scale.max };
    if (share >= STRONG_SHARE) out.strengths.push(line("satisfactionHigh", basis));
    else if (share < WEAK_SHARE) out.weaknesses.push(line("satisfactionLow", basis));
  }
}

function responseItem(survey: SurveyAnswers | null, who: Who, out: ComputedSwot): void {
  if (!survey || survey.asked === 0) return;
  const share = (survey.answers.length / survey.asked) * 100;
  if (share < LOW_RESPONSE_SHARE) out.weaknesses.push(line("lowResponse", { answered: survey.answers.length, asked: survey.asked, who }));
}

/** The computed SWOT of one form (pure): the rules above, in the order of the questionnaires. */
export function formSwot(e: FormEvidence): FormSwot {
  const out = emptyComputed();
  const suggestions: string[] = [];
  const { mentees, mentors, assessment } = e;

  if (mentees) satisfactionItems(mentees, "mentees", out);
  if (mentors) satisfactionItems(mentors, "mentors", out);

  if (assessment) {
    const rows = compareAssessments(assessment.before.questions, assessment.after.questions, assessment.before.answers, assessment.after.answers);
    for (const r of rows) {
      if (r.before === null || r.after === null || r.change === null) continue;
      const values = { criterion: quoted(r.text), before: r.before, after: r.after };
      if (r.change >= GROWTH_STEP) out.strengths.push(line("growth", values));
      else if (r.change <= 0) out.weaknesses.push(line("noGrowth", values));
    }
  }

  responseItem(mentees, "mentees", out);
  responseItem(mentors, "mentors", out);

  if (mentees && mentees.answers.length > 0) {
    const willing = count(mentees.answers, "becomeMentor", "yes");
    if (willing > 0) out.opportunities.push(line("menteesWouldMentor", { count: willing, total: mentees.answers.length }));
  }
  if (mentors && mentors.answers.length > 0) {
    const staying = count(mentors.answers, "continue", "yes");
    const leaving = count(mentors.answers, "continue", "no");
    if (staying > 0) out.opportunities.push(line("mentorsContinue", { count: staying, total: mentors.answers.length }));
    if (leaving > 0) out.threats.push(line("mentorsLeave", { count: leaving, total: mentors.answers.length }));
  }
  if (e.pairs.completed > 0) out.opportunities.push(line("pairsCompleted", { count: e.pairs.completed, total: e.pairs.total }));
  if (e.pairs.dissolved > 0) out.threats.push(line("pairsDissolved", { count: e.pairs.dissolved, total: e.pairs.total }));
  if (e.pairs.silent > 0) out.threats.push(line("pairsSilent", { count: e.pairs.silent, total: e.pairs.total }));

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
  return { form: e.form, pairs: e.pairs.total, answered, asked, computed: out, suggestions };
}

/** The table a school's report carries: the computed lines worded by `text`, then the curator's own. */
export function mergedSwot(computed: ComputedSwot, notes: Swot | undefined, text: (line: SwotLine) => string): Swot {
  const out = emptySwot();
  for (const q of SWOT_QUADRANTS) out[q] = [...computed[q].map(text), ...(notes?.[q] ?? [])];
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
