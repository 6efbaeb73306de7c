import "server-only";
import type { Tx } from "../db";
import { consentProblem, type ConsentRecord } from "../domain/consent";
import type { MatchMentor } from "../domain/matching";
import { fullName } from "../domain/names";

type Row = {
  mentor_id: string; organization_id: string; organization_name: string; person_id: string;
  last_name: string; first_name: string; middle_name: string | null; position: string | null; subjects: string[]; competencies: string[];
  experience_years: number | null; kind: "TEACHER" | "STUDENT" | "EXTERNAL"; capacity: number; taken: number; birth_date: Date | null; minor: boolean;
  consents: { purposes: ConsentRecord["purposes"]; givenBy: ConsentRecord["givenBy"]; representativeName: string | null; givenAt: string; validUntil: string | null; revokedAt: string | null; separateDocument: boolean }[];
};

export type DistrictMentor = MatchMentor & { name: string; position: string | null; organizationName: string };

/**
 * The district mentor bank («открытое наставничество») as the current organization may see it: approved
 * mentors of the other schools of the municipality who agreed to be seen, with a valid consent to take
 * part in pairs. Read through the district_open_mentors() database function, the only door to another
 * school's rows (see its migration).
 */
/** `at`: the calendar date in the organization's zone (consents are by calendar day). */
export async function loadDistrictMentors(tx: Tx, organizationId: string, at: Date): Promise<DistrictMentor[]> {
  const rows = await tx.$queryRaw<Row[]>`SELECT * FROM district_open_mentors(${organizationId}::uuid)`;
  const day = (v: string | null) => (v ? new Date(`${String(v).slice(0, 10)}T00:00:00Z`) : null);
  return rows
    .filter((r) => {
      const consents: ConsentRecord[] = r.consents.map((c) => ({ ...c, givenAt: day(c.givenAt)!, validUntil: day(c.validUntil), revokedAt: day(c.revokedAt) }));
      return consentProblem({ birthDate: r.birth_date, flaggedMinor: r.minor }, consents, "PAIRS", at) === null;
    })
    .map((r) => ({
      id: r.mentor_id,
      personId: r.person_id,
      kind: r.kind,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      name: fullName({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name }),
      position: r.position,
      subjects: r.subjects,
      competencies: r.competencies,
      experienceYears: r.experience_years,
      capacity: r.capacity,
      remainingCapacity: Math.max(0, r.capacity - r.taken),
    }))
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName, "ru") || a.name.localeCompare(b.name, "ru"));
}
