// No "server-only" here: lib/people/actions.ts imports eraseCommunityMemberships, and the fault tests load it in
// plain Node (lib/server-only.test.ts derives this from the import graph).
import type { Tx } from "../db";
import type { ConsentRecord } from "../domain/consent";
import { isoDate } from "../domain/local-date";

// The school's people as the municipal office may see them for its communities (decisions 008, 037, 059): only
// through the SECURITY DEFINER functions of migration 20261207020000_district_communities, which answer only for
// the schools directly below the office the transaction is scoped to and name only people with a consent naming
// DISTRICT_COMMUNITIES in force on `today`.

const day = (v: string | Date | null) => (v ? new Date(`${(v instanceof Date ? v.toISOString() : String(v)).slice(0, 10)}T00:00:00Z`) : null);

export type CommunityCandidate = { personId: string; lastName: string; firstName: string; middleName: string | null; position: string | null; curator: boolean; mentor: boolean };

/** The people of one school of the office who may join a community today. */
export async function communityCandidates(tx: Tx, schoolId: string, today: Date): Promise<CommunityCandidate[]> {
  const rows = await tx.$queryRaw<{ person_id: string; last_name: string; first_name: string; middle_name: string | null; position: string | null; curator: boolean; mentor: boolean }[]>`
    SELECT * FROM community_candidates(${schoolId}::uuid, ${isoDate(today)}::date)`;
  return rows.map((r) => ({ personId: r.person_id, lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, position: r.position, curator: r.curator, mentor: r.mentor }));
}

export type CommunityPerson = {
  schoolId: string;
  active: boolean;
  /** null unless a consent naming the purpose is in force. */
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  position: string | null;
  curator: boolean;
  mentor: boolean;
  birthDate: Date | null;
  minor: boolean;
  consents: ConsentRecord[];
};

/** One person the office wants to add; null when the person is not of a school directly below the office. */
export async function communityPerson(tx: Tx, personId: string, today: Date): Promise<CommunityPerson | null> {
  type Row = {
    school_id: string; active: boolean; last_name: string | null; first_name: string | null; middle_name: string | null; position: string | null;
    curator: boolean; mentor: boolean; birth_date: Date | null; minor: boolean;
    consents: { purposes: ConsentRecord["purposes"]; givenBy: ConsentRecord["givenBy"]; representativeName: string | null; givenAt: string; validUntil: string | null; revokedAt: string | null; separateDocument: boolean }[];
  };
  const [r] = await tx.$queryRaw<Row[]>`SELECT * FROM community_person(${personId}::uuid, ${isoDate(today)}::date)`;
  if (!r) return null;
  return {
    schoolId: r.school_id,
    active: r.active,
    lastName: r.last_name,
    firstName: r.first_name,
    middleName: r.middle_name,
    position: r.position,
    curator: r.curator,
    mentor: r.mentor,
    birthDate: day(r.birth_date),
    minor: r.minor,
    consents: r.consents.map((c) => ({ ...c, givenAt: day(c.givenAt)!, validUntil: day(c.validUntil), revokedAt: day(c.revokedAt) })),
  };
}

/**
 * The school's side of a withdrawn DISTRICT_COMMUNITIES consent (decision 059): the person's name and position are
 * erased from every community of the office, the memberships end; the rows stay nameless, so the meetings attended
 * still count in the district's anonymous figures. Runs in the school's transaction (row-level security and the
 * guard trigger allow the school nothing else on these rows). Returns how many memberships it erased.
 */
export async function eraseCommunityMemberships(tx: Tx, schoolId: string, personId: string, at: Date): Promise<number> {
  const erase = { lastName: null, firstName: null, middleName: null, position: null };
  // Two statements, each a whole change the guard accepts: the memberships still on end now; the ones the office
  // ended earlier keep their date and reason and lose the name too.
  const ended = await tx.communityMember.updateMany({ where: { organizationId: schoolId, personId, leftAt: null }, data: { ...erase, leftAt: at } });
  const named = await tx.communityMember.updateMany({
    where: { organizationId: schoolId, personId, leftAt: { not: null }, OR: [{ lastName: { not: null } }, { firstName: { not: null } }, { middleName: { not: null } }, { position: { not: null } }] },
    data: erase,
  });
  return ended.count + named.count;
}
