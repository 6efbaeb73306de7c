import "server-only";
import type { Tx } from "../db";
import { consentProblem, type ConsentRecord } from "../domain/consent";

type BankRow = {
  mentor_id: string; organization_id: string; capacity: number; taken: number; birth_date: Date | null; minor: boolean;
  consents: { purposes: ConsentRecord["purposes"]; givenBy: ConsentRecord["givenBy"]; representativeName: string | null; givenAt: string; validUntil: string | null; revokedAt: string | null; separateDocument: boolean }[];
};

const day = (v: string | null) => (v ? new Date(`${String(v).slice(0, 10)}T00:00:00Z`) : null);

/**
 * A mentor of the district bank as the proposing school sees them through district_open_mentors() (decision 037): their
 * school, capacity, seats taken in every school (decision 058) and why their consent to pairs does not hold, if so.
 * null when the mentor is not in this municipality's bank (another municipality, not approved, not visible, inactive).
 */
export async function districtMentorFacts(tx: Tx, organizationId: string, mentorId: string, today: Date) {
  const rows = await tx.$queryRaw<BankRow[]>`SELECT mentor_id, organization_id, capacity, taken, birth_date, minor, consents FROM district_open_mentors(${organizationId}::uuid) WHERE mentor_id = ${mentorId}::uuid`;
  const r = rows[0];
  if (!r) return null;
  const consents: ConsentRecord[] = r.consents.map((c) => ({ ...c, givenAt: day(c.givenAt)!, validUntil: day(c.validUntil), revokedAt: day(c.revokedAt) }));
  return {
    organizationId: r.organization_id,
    capacity: r.capacity,
    taken: r.taken,
    consentProblem: consentProblem({ birthDate: r.birth_date, flaggedMinor: r.minor }, consents, "PAIRS", today),
  };
}
