import type { Prisma, Tx } from "../db";
import { bankRefusal, hasRecordedNeeds } from "../domain/banks";
import type { CompletionFacts, ProgramFacts } from "../domain/stages";
import { CONSENT_SELECT } from "../people/select";

const BANK_PERSON = { select: { kind: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } } as const;

/**
 * The bank figures of stages 2–4: entries count only while the person may be in a bank today
 * (active, with a valid bank consent) — a revoked consent takes them out of the count at once.
 */
/** `today`: the calendar date in the organization's zone (consents are dated by calendar days). */
export async function loadBankFacts(tx: Tx, organizationId: string, today: Date): Promise<NonNullable<ProgramFacts["banks"]>> {
  const [mentees, mentors] = await Promise.all([
    tx.menteeProfile.findMany({ where: { organizationId, status: { not: "LEFT" } }, select: { difficulties: true, request: true, person: BANK_PERSON } }),
    tx.mentorProfile.findMany({ where: { organizationId, status: { not: "LEFT" } }, select: { status: true, _count: { select: { trainings: true } }, person: BANK_PERSON } }),
  ]);
  const allowed = ({ person: p }: { person: { kind: "TEACHER" | "STUDENT" | "EXTERNAL"; birthDate: Date | null; minor: boolean; active: boolean; consents: Parameters<typeof bankRefusal>[1] } }) =>
    bankRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor, active: p.active, kind: p.kind }, p.consents, today) === null;
  const okMentors = mentors.filter(allowed);
  return {
    menteesWithNeedsAndConsent: mentees.filter((m) => allowed(m) && hasRecordedNeeds(m)).length,
    mentorCandidatesWithConsent: okMentors.length,
    mentorsApprovedAndTrained: okMentors.filter((m) => m.status === "APPROVED" && m._count.trainings > 0).length,
  };
}

const WORKING = ["APPROVED", "ACTIVE"] as const;

/**
 * The pair figures of stages 5–6: pairs secured by an order, approved pairs still without a personalized
 * program, working pairs with neither a final meeting nor a closure, and whether the program's feedback
 * was collected (a questionnaire of the program closed with answers).
 */
export async function loadPairFacts(tx: Tx, organizationId: string, programId: string): Promise<NonNullable<ProgramFacts["pairs"]>> {
  const [approvedByOrder, approvedWithoutProgram, activeWithoutFinalOrClosure, feedback] = await Promise.all([
    tx.pair.count({ where: { organizationId, programId, orderId: { not: null }, status: { in: ["APPROVED", "ACTIVE", "COMPLETED"] } } }),
    tx.pair.count({ where: { organizationId, programId, status: { in: [...WORKING] }, personalProgram: null } }),
    tx.pair.count({ where: { organizationId, programId, status: { in: [...WORKING] }, meetings: { none: { kind: { in: ["FINAL", "GROUP_FINAL"] } } } } }),
    tx.questionnaire.count({
      where: { organizationId, programId, status: "CLOSED", kind: { in: ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR", "ASSESSMENT_AFTER", "CUSTOM"] }, recipients: { some: { answeredAt: { not: null } } } },
    }),
  ]);
  return { approvedByOrder, approvedWithoutProgram, activeWithoutFinalOrClosure, feedbackCollected: feedback > 0 };
}

/** Pair statuses in which a pair is over: the mentees' bank entries should no longer say «в паре». */
export const ENDED_PAIR_STATUSES = ["COMPLETED", "DISSOLVED"] as const;
/** Pair statuses that keep a mentee «в паре» (the director's order secured the pair and it is working). */
export const WORKING_PAIR_STATUSES = ["APPROVED", "ACTIVE"] as const;

/**
 * The banks rule of stage 7 («внесение данных об итогах в базу наставляемых»), one place for the gate and
 * for the «Обновить банки» action: a mentee entry is out of date when it is still PAIRED, the person was in
 * a pair of this program that ended (COMPLETED or DISSOLVED), and they are in no approved or working pair
 * at all (of any program) that would keep them «в паре». Entries that are WAITING or LEFT are up to date.
 */
export function staleMenteeWhere(organizationId: string, programId: string): Prisma.MenteeProfileWhereInput {
  return {
    organizationId,
    status: "PAIRED",
    pairs: { some: { pair: { programId, status: { in: [...ENDED_PAIR_STATUSES] } } }, none: { pair: { status: { in: [...WORKING_PAIR_STATUSES] } } } },
  };
}

/** When the program's final report (итоговый отчёт / аналитическая справка) was produced, or null. */
export async function finalReportProducedAt(tx: Tx, organizationId: string, programId: string): Promise<Date | null> {
  const program = await tx.mentoringProgram.findFirst({ where: { id: programId, organizationId }, select: { finalReportAt: true } });
  return program?.finalReportAt ?? null;
}

/**
 * The figures of stage 7 (lib/domain/stages.ts CompletionFacts), all of this program:
 * - open pairs: PROPOSED, APPROVED or ACTIVE (a completed program could not close them any more);
 * - satisfaction: a SATISFACTION_MENTEE and a SATISFACTION_MENTOR questionnaire CLOSED with at least one answer;
 * - the before/after comparison: an ASSESSMENT_AFTER questionnaire (created against its «до») CLOSED with an answer;
 * - cases: BestPractice rows of kind CASE; awards: Award rows;
 * - banks: mentee entries out of date by staleMenteeWhere;
 * - the final report: finalReportProducedAt.
 */
export async function loadCompletionFacts(tx: Tx, organizationId: string, programId: string): Promise<CompletionFacts> {
  const closedWithAnswers = (kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR" | "ASSESSMENT_AFTER") =>
    tx.questionnaire.count({ where: { organizationId, programId, kind, status: "CLOSED", recipients: { some: { answeredAt: { not: null } } } } });
  const [openPairs, menteeSatisfaction, mentorSatisfaction, after, cases, awards, menteesNotUpdated, report] = await Promise.all([
    tx.pair.count({ where: { organizationId, programId, status: { in: ["PROPOSED", ...WORKING_PAIR_STATUSES] } } }),
    closedWithAnswers("SATISFACTION_MENTEE"),
    closedWithAnswers("SATISFACTION_MENTOR"),
    closedWithAnswers("ASSESSMENT_AFTER"),
    tx.bestPractice.count({ where: { organizationId, programId, kind: "CASE" } }),
    tx.award.count({ where: { organizationId, programId } }),
    tx.menteeProfile.count({ where: staleMenteeWhere(organizationId, programId) }),
    finalReportProducedAt(tx, organizationId, programId),
  ]);
  return {
    openPairs,
    menteeSatisfactionCollected: menteeSatisfaction > 0,
    mentorSatisfactionCollected: mentorSatisfaction > 0,
    assessmentCompared: after > 0,
    cases,
    awards,
    menteesNotUpdated,
    finalReportProduced: report !== null,
  };
}

/** The facts the stage rules read, from the program's own tables, the school's banks, its pairs and stage 7's results. */
export async function loadProgramFacts(tx: Tx, organizationId: string, program: { id: string; stage: number; curatorId: string | null }, today: Date): Promise<ProgramFacts> {
  const [acts, activities, banks, pairs, completion] = await Promise.all([
    tx.localAct.findMany({
      where: { organizationId, status: "APPROVED", OR: [{ programId: program.id }, { programId: null }] },
      select: { kind: true },
    }),
    tx.roadmapActivity.findMany({
      where: { organizationId, programId: program.id, stage: program.stage },
      select: { title: true, status: true, recurrence: true },
      orderBy: { position: "asc" },
    }),
    program.stage >= 2 && program.stage <= 4 ? loadBankFacts(tx, organizationId, today) : Promise.resolve(null),
    program.stage === 5 || program.stage === 6 ? loadPairFacts(tx, organizationId, program.id) : Promise.resolve(null),
    program.stage === 7 ? loadCompletionFacts(tx, organizationId, program.id) : Promise.resolve(null),
  ]);
  return {
    stage: program.stage,
    curatorAssigned: Boolean(program.curatorId),
    approvedActKinds: acts.map((a) => a.kind),
    stageActivities: activities,
    banks,
    pairs,
    completion,
  };
}
