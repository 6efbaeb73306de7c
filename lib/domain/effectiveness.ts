// The effectiveness of a school's program year (issue #16 item 4): personalized programs and their plan items done,
// meetings per pair, before/after growth by criterion, cases, awards, the site section, the introduction order and
// the incentive regulation. Pure; the school dashboard and the school's report show the same figures.

import { compareAssessments, type AssessmentComparison } from "./questionnaire-results";
import type { Answers, Question } from "./questionnaires";

export type Effectiveness = {
  /** Pairs that worked (approved by order or later), and of them those with an approved personalized program. */
  pairs: number;
  approvedPrograms: number;
  /** Plan items of the personalized programs (cancelled ones left out) and those done; share in per cent. */
  planItems: number;
  planItemsDone: number;
  planItemsDoneShare: number | null;
  meetings: number;
  /** Meetings per pair that worked, one decimal; null without such pairs. */
  meetingsPerPair: number | null;
  /** The latest closed «после» assessment against its «до», per criterion; empty when there is none. */
  growth: AssessmentComparison[];
  cases: number;
  awards: number;
  siteSectionPublished: boolean;
  introductionOrderApproved: boolean;
  incentiveRegulationApproved: boolean;
};

export type EffectivenessInput = {
  pairs: { worked: boolean; meetings: number; personalProgram: { approved: boolean; items: { status: "PLANNED" | "DONE" | "CANCELLED" }[] } | null }[];
  assessment: { before: { questions: Question[]; answers: Answers[] }; after: { questions: Question[]; answers: Answers[] } } | null;
  cases: number;
  awards: number;
  siteSectionPublished: boolean;
  approvedActs: readonly string[];
};

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function effectivenessOf(input: EffectivenessInput): Effectiveness {
  const worked = input.pairs.filter((p) => p.worked);
  const items = worked.flatMap((p) => p.personalProgram?.items ?? []).filter((i) => i.status !== "CANCELLED");
  const done = items.filter((i) => i.status === "DONE").length;
  const meetings = worked.reduce((n, p) => n + p.meetings, 0);
  const a = input.assessment;
  return {
    pairs: worked.length,
    approvedPrograms: worked.filter((p) => p.personalProgram?.approved).length,
    planItems: items.length,
    planItemsDone: done,
    planItemsDoneShare: share(done, items.length),
    meetings,
    meetingsPerPair: worked.length ? Math.round((meetings / worked.length) * 10) / 10 : null,
    growth: assessmentGrowth(a),
    cases: input.cases,
    awards: input.awards,
    siteSectionPublished: input.siteSectionPublished,
    introductionOrderApproved: input.approvedActs.includes("MODEL_INTRODUCTION"),
    incentiveRegulationApproved: input.approvedActs.includes("INCENTIVE_REGULATION"),
  };
}

// ——— Stored questionnaires read back (the school figures, the SWOT, the campaigns' pre-filled values) ———

/** A questionnaire's stored questions (JSON); an unreadable value is no questions. */
export const questionsOf = (json: unknown): Question[] => (Array.isArray(json) ? (json as Question[]) : []);
/** A recipient's stored answers (JSON); an unreadable value is no answers. */
export const answersOf = (json: unknown): Answers => (json && typeof json === "object" && !Array.isArray(json) ? (json as Answers) : {});

export type ClosedSurvey = { id: string; kind: string; comparedWithId: string | null; questions: unknown; recipients: { answers: unknown }[] };

/** The latest closed «после» assessment (the list is newest first) with the «до» it is compared with, when that is closed too. */
export function latestAssessment(surveys: readonly ClosedSurvey[]): EffectivenessInput["assessment"] {
  const after = surveys.find((q) => q.kind === "ASSESSMENT_AFTER" && q.comparedWithId);
  const before = after && surveys.find((q) => q.id === after.comparedWithId);
  if (!after || !before) return null;
  const side = (q: ClosedSurvey) => ({ questions: questionsOf(q.questions), answers: q.recipients.map((r) => answersOf(r.answers)) });
  return { before: side(before), after: side(after) };
}

/** Growth by criterion of that assessment (criteria with answers on both sides). */
export function assessmentGrowth(assessment: EffectivenessInput["assessment"]): AssessmentComparison[] {
  if (!assessment) return [];
  const { before, after } = assessment;
  return compareAssessments(before.questions, after.questions, before.answers, after.answers).filter((r) => r.change !== null);
}

