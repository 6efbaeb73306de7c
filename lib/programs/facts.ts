import "server-only";
import type { Prisma, Tx } from "../db";
import { bankRefusal, hasRecordedNeeds } from "../domain/banks";
import { crossGatePair, crossPairOpenAtCompletion, pairGateFacts, schoolGatePair } from "../domain/pair-gates";
import type { CompletionFacts, ProgramFacts } from "../domain/stages";
import { CONSENT_SELECT } from "../people/select";

const BANK_PERSON = { select: { kind: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } } as const;

/**
 * The bank figures of stages 2–4: entries count only while the person may be in a bank today
 * (active, with a valid bank consent) — a revoked consent takes them out of the count at once.
 */
/** `today`: the calendar date in the organization's zone (consents are dated by calendar days). */
export async function loadBankFacts(tx: Tx, organizationId: string, today: Date): Promise<NonNullable<ProgramFacts["banks"]>> {
  // One statement (relation joins): both banks nested under their organization.
  const found = await tx.organization.findUnique({
    where: { id: organizationId },
    select: {
      menteeProfiles: { where: { status: { not: "LEFT" } }, select: { difficulties: true, request: true, person: BANK_PERSON } },
      mentorProfiles: { where: { status: { not: "LEFT" } }, select: { status: true, _count: { select: { trainings: true } }, person: BANK_PERSON } },
    },
  });
  const mentees = found?.menteeProfiles ?? [];
  const mentors = found?.mentorProfiles ?? [];
  const allowed = ({ person: p }: { person: { kind: "TEACHER" | "STUDENT" | "EXTERNAL"; birthDate: Date | null; minor: boolean; active: boolean; consents: Parameters<typeof bankRefusal>[1] } }) =>
    bankRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor, active: p.active, kind: p.kind }, p.consents, today) === null;
  const okMentors = mentors.filter(allowed);
  return {
    menteesWithNeedsAndConsent: mentees.filter((m) => allowed(m) && hasRecordedNeeds(m)).length,
    mentorCandidatesWithConsent: okMentors.length,
    mentorsApprovedAndTrained: okMentors.filter((m) => m.status === "APPROVED" && m._count.trainings > 0).length,
  };
}

/** Pairs an order secured at some point: approved, working or completed. */
const SECURED = ["APPROVED", "ACTIVE", "COMPLETED"] as const;

const FINAL_KINDS: ("FINAL" | "GROUP_FINAL")[] = ["FINAL", "GROUP_FINAL"];
const GATE_SELECT = {
  status: true,
  orderId: true,
  personalProgram: { select: { status: true } },
  meetings: { where: { kind: { in: FINAL_KINDS } }, select: { id: true }, take: 1 },
};

/**
 * The pair figures of stages 5–6: pairs secured by an order, approved pairs still without a personalized
 * program or with one not approved (a draft), working pairs with neither a final meeting nor a closure, and whether the program's feedback
 * was collected (a questionnaire of the program closed with answers). The school's cross-school pairs (the mentee's
 * school owns them, decision 058) count exactly like its own pairs (decision 062, lib/domain/pair-gates.ts).
 */
export async function loadPairFacts(tx: Tx, organizationId: string, programId: string): Promise<NonNullable<ProgramFacts["pairs"]>> {
  // One statement (relation joins): the program's secured pairs of both kinds with what the rules ask of each, and one
  // questionnaire with answers if there is any; counted by the pure rule.
  const found = await tx.organization.findUnique({
    where: { id: organizationId },
    select: {
      pairs: { where: { programId, status: { in: [...SECURED] } }, select: GATE_SELECT },
      crossPairs: { where: { programId, status: "ACTIVE" }, select: GATE_SELECT },
      questionnaires: {
        where: { programId, status: "CLOSED", kind: { in: ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR", "ASSESSMENT_AFTER", "CUSTOM"] }, recipients: { some: { answeredAt: { not: null } } } },
        select: { id: true },
        take: 1,
      },
    },
  });
  return pairGateFacts(
    [...(found?.pairs ?? []).map(schoolGatePair), ...(found?.crossPairs ?? []).map(crossGatePair)],
    (found?.questionnaires.length ?? 0) > 0,
  );
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
  // One statement (relation joins): the counts as filtered relation counts of the organization and the program.
  const found = await tx.organization.findUnique({
    where: { id: organizationId },
    select: {
      _count: { select: { menteeProfiles: { where: staleMenteeWhere(organizationId, programId) } } },
      programs: {
        where: { id: programId },
        select: {
          finalReportAt: true,
          _count: { select: { pairs: { where: { status: { in: ["PROPOSED", ...WORKING_PAIR_STATUSES] } } }, bestPractices: { where: { kind: "CASE" } }, awards: true } },
        },
      },
      questionnaires: {
        where: {
          programId,
          status: "CLOSED",
          kind: { in: ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR", "ASSESSMENT_AFTER"] },
          recipients: { some: { answeredAt: { not: null } } },
        },
        select: { kind: true },
      },
    },
  });
  // Cross-school pairs of the program still open (lib/domain/pair-gates.ts crossPairOpenAtCompletion).
  const crossPairs = await tx.crossSchoolPair.findMany({
    where: { organizationId, programId, status: { in: ["PROPOSED", "CONSENTED", "ACTIVE"] } },
    select: { status: true, meetings: { where: { kind: { in: FINAL_KINDS } }, select: { id: true }, take: 1 } },
  });
  const openCross = crossPairs.filter((c) => crossPairOpenAtCompletion({ status: c.status, hasFinal: c.meetings.length > 0 })).length;
  const program = found?.programs[0];
  const closedWithAnswers = (kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR" | "ASSESSMENT_AFTER") => (found?.questionnaires ?? []).some((q) => q.kind === kind);
  return {
    openPairs: (program?._count.pairs ?? 0) + openCross,
    menteeSatisfactionCollected: closedWithAnswers("SATISFACTION_MENTEE"),
    mentorSatisfactionCollected: closedWithAnswers("SATISFACTION_MENTOR"),
    assessmentCompared: closedWithAnswers("ASSESSMENT_AFTER"),
    cases: program?._count.bestPractices ?? 0,
    awards: program?._count.awards ?? 0,
    menteesNotUpdated: found?._count.menteeProfiles ?? 0,
    finalReportProduced: Boolean(program?.finalReportAt),
  };
}

/** A roadmap activity as the stage rules read it. */
export type StageActivity = ProgramFacts["stageActivities"][number];

/**
 * The facts the stage rules read, from the program's own tables, the school's banks, its pairs and stage 7's results.
 * `stageActivities`: the activities of the program's current stage in roadmap order, when the caller has read them already.
 */
export async function loadProgramFacts(
  tx: Tx,
  organizationId: string,
  program: { id: string; stage: number; curatorId: string | null },
  today: Date,
  stageActivities?: StageActivity[],
): Promise<ProgramFacts> {
  const [acts, activities, banks, pairs, completion] = await Promise.all([
    tx.localAct.findMany({
      where: { organizationId, status: "APPROVED", OR: [{ programId: program.id }, { programId: null }] },
      select: { kind: true },
    }),
    stageActivities ??
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
