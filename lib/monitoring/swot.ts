import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import type { Tx } from "../db";
import { isInactive, MENTORING_FORMS, WORKED_PAIR_STATUSES, type MentoringForm } from "../domain/pairs";
import { answersOf, questionsOf } from "../domain/effectiveness";
import { formSwot, mergedSwot, readSwotNotes, type FormEvidence, type FormSwot, type Swot, type SurveyAnswers, type SwotLine } from "../domain/swot";
import { translator } from "../i18n/translator";

// The SWOT of a school's program per form of mentoring (decision 049): the program's pairs by form, the latest
// closed satisfaction questionnaires of mentees and mentors and the latest closed «после» assessment with its
// «до», each person's answers counted under the forms of the pairs they are in. Aggregates and the curator's lines.

const SURVEY_KINDS = ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR", "ASSESSMENT_AFTER"] as const;

export type ProgramSwot = {
  program: { id: string; academicYear: number; status: "ACTIVE" | "COMPLETED" };
  /** Per form with a pair that worked, in the order of MENTORING_FORMS; `table` is the report's, in Russian (the document's language). */
  forms: (FormSwot & { notes: Swot; table: Swot })[];
  /** Which questionnaires fed it (null: none closed yet). */
  sources: { mentees: Date | null; mentors: Date | null; assessment: Date | null };
};

/** A computed line in Russian, as the school's report prints it. */
export function swotLineRu(line: SwotLine): string {
  return translator("ru")(`swot.lines.${line.key}`, line.values);
}

type Recipient = { personId: string; answers: unknown; answeredAt: Date | null };
type Survey = { questions: unknown; closedAt: Date | null; recipients: Recipient[] };


/** One questionnaire seen from one form: those of its people who were asked, and their answers. */
function ofForm(survey: Survey | undefined, people: Set<string>): SurveyAnswers | null {
  if (!survey) return null;
  const asked = survey.recipients.filter((r) => people.has(r.personId));
  if (asked.length === 0) return null;
  return { questions: questionsOf(survey.questions), answers: asked.filter((r) => r.answeredAt).map((r) => answersOf(r.answers)), asked: asked.length };
}

export async function loadProgramSwot(tx: Tx, organizationId: string, programId: string, today: Date): Promise<ProgramSwot | null> {
  const program = await tx.mentoringProgram.findFirst({
    where: { id: programId, organizationId },
    select: {
      id: true,
      academicYear: true,
      status: true,
      swotNotes: true,
      pairs: {
        where: { status: { in: [...WORKED_PAIR_STATUSES] } },
        select: {
          status: true,
          form: true,
          startsOn: true,
          decidedAt: true,
          createdAt: true,
          mentor: { select: { personId: true } },
          mentees: { select: { mentee: { select: { personId: true } } } },
          meetings: { select: { heldOn: true }, orderBy: { heldOn: "desc" }, take: 1 },
        },
      },
    },
  });
  if (!program) return null;
  const surveyOf = (where: object) =>
    tx.questionnaire.findFirst({
      where: { organizationId, programId, status: "CLOSED", ...where },
      select: { id: true, kind: true, comparedWithId: true, questions: true, closedAt: true, recipients: { select: { personId: true, answers: true, answeredAt: true } } },
      orderBy: [{ closedAt: "desc" }, { createdAt: "desc" }],
    });
  const [mentees, mentors, after] = await Promise.all(SURVEY_KINDS.map((kind) => surveyOf({ kind })));
  const before = after?.comparedWithId
    ? await tx.questionnaire.findFirst({
        where: { organizationId, id: after.comparedWithId },
        select: { questions: true, closedAt: true, recipients: { select: { personId: true, answers: true, answeredAt: true } } },
      })
    : null;

  const notes = readSwotNotes(program.swotNotes);
  const forms: ProgramSwot["forms"] = [];
  for (const form of Object.keys(MENTORING_FORMS) as MentoringForm[]) {
    const pairs = program.pairs.filter((p) => p.form === form);
    if (pairs.length === 0) continue;
    const people = new Set(pairs.flatMap((p) => [p.mentor.personId, ...p.mentees.map((m) => m.mentee.personId)]));
    const silent = pairs.filter((p) => isInactive({ status: p.status, since: p.startsOn ?? p.decidedAt ?? p.createdAt, lastMeetingOn: p.meetings[0]?.heldOn ?? null }, today)).length;
    const beforeOfForm = ofForm(before ?? undefined, people);
    const afterOfForm = ofForm(after ?? undefined, people);
    const evidence: FormEvidence = {
      form,
      pairs: { total: pairs.length, completed: pairs.filter((p) => p.status === "COMPLETED").length, dissolved: pairs.filter((p) => p.status === "DISSOLVED").length, silent },
      mentees: ofForm(mentees ?? undefined, people),
      mentors: ofForm(mentors ?? undefined, people),
      assessment: beforeOfForm && afterOfForm ? { before: beforeOfForm, after: afterOfForm } : null,
    };
    const swot = formSwot(evidence);
    const own = notes[form] ?? { strengths: [], weaknesses: [], opportunities: [], threats: [] };
    forms.push({ ...swot, notes: own, table: mergedSwot(swot.computed, own, swotLineRu) });
  }
  return {
    program: { id: program.id, academicYear: program.academicYear, status: program.status },
    forms,
    sources: { mentees: mentees?.closedAt ?? null, mentors: mentors?.closedAt ?? null, assessment: after?.closedAt ?? null },
  };
}

export function getProgramSwot(ctx: TenantContext, programId: string): Promise<ProgramSwot | null> {
  return readTenant(ctx, (tx) => loadProgramSwot(tx, ctx.organization.id, programId, organizationToday(ctx)));
}
