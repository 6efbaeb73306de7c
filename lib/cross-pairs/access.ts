import "server-only";
import type { Tx } from "../db";
import type { CrossPairSide } from "../domain/cross-school-pairs";
import { fullName } from "../domain/names";

// Who sees a cross-school pair (docs/decisions/058): the mentee's school (its owner) and the mentor's school, each
// found by the application's own filter first (row-level security is the second wall). Names cross the wall only
// through cross_school_pair_parties(): names and positions, never the mentee bank's difficulties or request.

type PartyRow = {
  pair_id: string; mentee_school_id: string; mentee_school_name: string; mentor_school_id: string; mentor_school_name: string; program_title: string;
  mentee_last_name: string; mentee_first_name: string; mentee_middle_name: string | null; mentee_position: string | null; mentee_user_id: string | null;
  mentor_last_name: string; mentor_first_name: string; mentor_middle_name: string | null; mentor_position: string | null; mentor_user_id: string | null;
};

export type CrossPairParties = {
  menteeSchool: string; mentorSchool: string; programTitle: string;
  mentee: { name: string; position: string | null; userId: string | null };
  mentor: { name: string; position: string | null; userId: string | null };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function crossPairParties(tx: Tx, organizationId: string, pairId?: string): Promise<Map<string, CrossPairParties>> {
  const rows = pairId
    ? await tx.$queryRaw<PartyRow[]>`SELECT * FROM cross_school_pair_parties(${organizationId}::uuid) WHERE pair_id = ${pairId}::uuid`
    : await tx.$queryRaw<PartyRow[]>`SELECT * FROM cross_school_pair_parties(${organizationId}::uuid)`;
  return new Map(
    rows.map((r) => [
      r.pair_id,
      {
        menteeSchool: r.mentee_school_name,
        mentorSchool: r.mentor_school_name,
        programTitle: r.program_title,
        mentee: { name: fullName({ lastName: r.mentee_last_name, firstName: r.mentee_first_name, middleName: r.mentee_middle_name }), position: r.mentee_position, userId: r.mentee_user_id },
        mentor: { name: fullName({ lastName: r.mentor_last_name, firstName: r.mentor_first_name, middleName: r.mentor_middle_name }), position: r.mentor_position, userId: r.mentor_user_id },
      },
    ]),
  );
}

export const CROSS_PAIR_SELECT = {
  id: true, organizationId: true, mentorOrganizationId: true, programId: true, menteeId: true, mentorId: true, direction: true,
  status: true, version: true, consentedAt: true, declineReason: true, approvedAt: true, closedReason: true, closedAt: true,
  closedByOrganizationId: true, createdAt: true, orderNumber: true, orderDate: true,
} as const;

/** The pair as this school may see it, and which side the school is on; null for any other school (answer 404). */
export async function crossPairOf(tx: Tx, organizationId: string, pairId: string) {
  if (!UUID.test(pairId)) return null;
  const pair = await tx.crossSchoolPair.findFirst({
    where: { id: pairId, OR: [{ organizationId }, { mentorOrganizationId: organizationId }] },
    select: CROSS_PAIR_SELECT,
  });
  if (!pair) return null;
  const side: CrossPairSide = pair.organizationId === organizationId ? "mentee" : "mentor";
  return { pair, side };
}

/**
 * For the mentee's school (the owner): the date of each of its cross-school pairs' mentors' written consent to the
 * additional duties (decision 023), recorded in the mentor's school — that one fact, through
 * cross_school_pair_mentor_duties() (decision 062); null where none is recorded.
 */
export async function crossPairMentorDuties(tx: Tx, organizationId: string, pairId?: string): Promise<Map<string, Date | null>> {
  const rows = pairId
    ? await tx.$queryRaw<{ pair_id: string; duties_consent_at: Date | null }[]>`SELECT * FROM cross_school_pair_mentor_duties(${organizationId}::uuid) WHERE pair_id = ${pairId}::uuid`
    : await tx.$queryRaw<{ pair_id: string; duties_consent_at: Date | null }[]>`SELECT * FROM cross_school_pair_mentor_duties(${organizationId}::uuid)`;
  return new Map(rows.map((r) => [r.pair_id, r.duties_consent_at]));
}
