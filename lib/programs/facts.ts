import type { Tx } from "../db";
import { bankRefusal, hasRecordedNeeds } from "../domain/banks";
import type { ProgramFacts } from "../domain/stages";
import { CONSENT_SELECT } from "../people/select";

const BANK_PERSON = { select: { kind: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } } as const;

/**
 * The bank figures of stages 2–4: entries count only while the person may be in a bank today
 * (active, with a valid bank consent) — a revoked consent takes them out of the count at once.
 */
export async function loadBankFacts(tx: Tx, organizationId: string, at = new Date()): Promise<NonNullable<ProgramFacts["banks"]>> {
  const [mentees, mentors] = await Promise.all([
    tx.menteeProfile.findMany({ where: { organizationId, status: { not: "LEFT" } }, select: { difficulties: true, request: true, person: BANK_PERSON } }),
    tx.mentorProfile.findMany({ where: { organizationId, status: { not: "LEFT" } }, select: { status: true, _count: { select: { trainings: true } }, person: BANK_PERSON } }),
  ]);
  const allowed = ({ person: p }: { person: { kind: "TEACHER" | "STUDENT" | "EXTERNAL"; birthDate: Date | null; minor: boolean; active: boolean; consents: Parameters<typeof bankRefusal>[1] } }) =>
    bankRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor, active: p.active, kind: p.kind }, p.consents, at) === null;
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

/**
 * The facts the stage rules read, from the program's own tables, the school's banks and its pairs. The
 * completion (stage 7) is not kept in the app yet: null, which the rules report as unmet with that reason.
 */
export async function loadProgramFacts(tx: Tx, organizationId: string, program: { id: string; stage: number; curatorId: string | null }): Promise<ProgramFacts> {
  const [acts, activities, banks, pairs] = await Promise.all([
    tx.localAct.findMany({
      where: { organizationId, status: "APPROVED", OR: [{ programId: program.id }, { programId: null }] },
      select: { kind: true },
    }),
    tx.roadmapActivity.findMany({
      where: { organizationId, programId: program.id, stage: program.stage },
      select: { title: true, status: true, recurrence: true },
      orderBy: { position: "asc" },
    }),
    program.stage >= 2 && program.stage <= 4 ? loadBankFacts(tx, organizationId) : Promise.resolve(null),
    program.stage === 5 || program.stage === 6 ? loadPairFacts(tx, organizationId, program.id) : Promise.resolve(null),
  ]);
  return {
    stage: program.stage,
    curatorAssigned: Boolean(program.curatorId),
    approvedActKinds: acts.map((a) => a.kind),
    stageActivities: activities,
    banks,
    pairs,
    completion: null,
  };
}
