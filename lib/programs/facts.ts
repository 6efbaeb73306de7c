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

/**
 * The facts the stage rules read, from the program's own tables and the school's banks. Pairs and
 * surveys are not kept in the app yet: they are null, which the rules report as unmet with that reason.
 */
export async function loadProgramFacts(tx: Tx, organizationId: string, program: { id: string; stage: number; curatorId: string | null }): Promise<ProgramFacts> {
  const [acts, activities, banks] = await Promise.all([
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
  ]);
  return {
    stage: program.stage,
    curatorAssigned: Boolean(program.curatorId),
    approvedActKinds: acts.map((a) => a.kind),
    stageActivities: activities,
    banks,
    pairs: null,
    completion: null,
  };
}
