import { templateQuestions } from "../lib/domain/questionnaire-templates";
import { satisfactionPercent } from "../lib/domain/questionnaire-results";
import type { Answers } from "../lib/domain/questionnaires";
import { answersTo, id, type DemoRows } from "./seed-rows";

// Questionnaires of the generated demo schools, answered in the app (no one-time links): satisfaction,
// before/after assessment and the mid-year feedback. A closed satisfaction questionnaire sets the program's
// indicator as closing it in the app does (lib/surveys/actions.ts closeSurvey, satisfactionPercent).

type Ids = { organizationId: string; programId: string };
/** Scale answers of the participants in turn: mostly satisfied, some not quite. */
const SCALES = [[5, 4, 5, 5, 4], [4, 4, 5, 3, 4], [5, 5, 4, 4, 5], [4, 3, 4, 4, 3]];

export type SurveyInput = {
  kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR" | "ASSESSMENT_BEFORE" | "ASSESSMENT_AFTER" | "CUSTOM";
  title: string;
  people: string[];
  createdById: string;
  openedAt: Date;
  /** Closed then; null — still open until `closesOn`. */
  closedAt: Date | null;
  closesOn?: Date;
  /** When open: who has not answered yet. */
  unanswered?: Set<string>;
  comparedWithId?: string;
  /** Scale answers shifted by this (the «после» assessment is higher than the «до»). */
  shift?: number;
};

/** Writes the questionnaire and its answers; returns its id and, for a satisfaction questionnaire, the percent satisfied. */
export function writeSurvey(rows: DemoRows, ids: Ids, s: SurveyInput): { id: string; satisfaction: number | null } {
  const questionnaireId = id();
  const questions =
    s.kind === "CUSTOM"
      ? [{ id: "q1", type: "text" as const, text: "Что получается, а в чём нужна помощь?", required: false }, { id: "q2", type: "scale" as const, text: "Насколько полезны встречи с наставником?", required: true, scale: { min: 1, max: 5, minLabel: "бесполезны", maxLabel: "очень полезны" } }]
      : templateQuestions(s.kind === "ASSESSMENT_AFTER" ? "ASSESSMENT_BEFORE" : s.kind);
  rows.questionnaire.push({
    id: questionnaireId,
    ...ids,
    kind: s.kind,
    title: s.title,
    questions: questions as never,
    status: s.closedAt ? "CLOSED" : "OPEN",
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    closesOn: s.closesOn ?? null,
    comparedWithId: s.comparedWithId ?? null,
    createdById: s.createdById,
  });
  const answered: Answers[] = [];
  s.people.forEach((personId, i) => {
    if (s.unanswered?.has(personId)) {
      rows.recipient.push({ organizationId: ids.organizationId, questionnaireId, personId });
      return;
    }
    const scale = SCALES[i % SCALES.length]!.map((v) => Math.min(5, Math.max(1, v + (s.shift ?? 0))));
    const answers = answersTo(questions, { scale });
    if (s.kind === "CUSTOM") answers.q1 = "Стало легче планировать уроки; нужна помощь с родительскими собраниями.";
    answered.push(answers);
    rows.recipient.push({ organizationId: ids.organizationId, questionnaireId, personId, answers: answers as never, answeredAt: s.closedAt ?? s.openedAt });
  });
  const satisfaction = s.kind === "SATISFACTION_MENTEE" || s.kind === "SATISFACTION_MENTOR" ? satisfactionPercent(questions, answered) : null;
  if (satisfaction !== null && s.closedAt) {
    const kind = s.kind === "SATISFACTION_MENTEE" ? "MENTEE_SATISFACTION" : "MENTOR_SATISFACTION";
    const indicator = rows.indicator.find((r) => r.programId === ids.programId && r.kind === kind);
    if (indicator) Object.assign(indicator, { actualValue: satisfaction, actualEnteredAt: s.closedAt, actualEnteredById: s.createdById });
  }
  return { id: questionnaireId, satisfaction };
}
