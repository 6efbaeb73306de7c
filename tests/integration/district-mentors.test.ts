import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../../lib/domain/local-date";
import { beforeAll, describe, expect, it } from "vitest";
import { setDistrictVisibility } from "../../lib/banks/actions";
import { loadDistrictMentors } from "../../lib/banks/district";
import { withDb } from "../../lib/db";
import { matchPairs, proposePairs } from "../../lib/pairs/actions";
import { createProgram } from "../../lib/programs/actions";
import { createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createMentee, createMentor, createStaffedSchool, type PersonOptions, type Staffed } from "../setup/factories";
import { as, call, callOk } from "../setup/call";

const db = setupTestDatabase();
// A dated story (consents of September 2026, trainings in October): its own clock, see tests/setup/clock.ts.
pinClock();

let district: { id: string; slug: string };
let a: Staffed, b: Staffed, elsewhere: Staffed;
let visibleMentor: string;

/** An approved mentor «<lastName> Мария» of the school, trained on a course, open to the district or not. */
async function approvedMentor(s: Staffed, lastName: string, purposes: PersonOptions["purposes"], visible: boolean) {
  const { mentorId } = await createMentor(s, {
    person: { lastName, firstName: "Мария", purposes },
    competencies: ["PARENTS"],
    dutiesGivenAt: null,
    training: { kind: "COURSE", title: "Курсы наставников" },
  });
  if (visible) await callOk(setDistrictVisibility, as(s.curator), { org: s.slug, mentorId, visible: "yes", agreedOn: "2026-10-02" });
  return mentorId;
}

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  const other = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  a = await createStaffedSchool(prisma, { parentId: district.id, shortName: "СОШ А" });
  b = await createStaffedSchool(prisma, { parentId: district.id, shortName: "СОШ Б" });
  elsewhere = await createStaffedSchool(prisma, { parentId: other.id, shortName: "СОШ В" });
  visibleMentor = await approvedMentor(a, "Открытая", ["BANK", "PAIRS"], true);
  await approvedMentor(a, "Закрытая", ["BANK", "PAIRS"], false);
  await approvedMentor(a, "БезСогласияНаПары", ["BANK"], true);
});

describe("the district mentor bank", () => {
  it("shows a school's opted-in mentors to the other schools of the district and to its office only", async () => {
    const seenBy = (orgId: string) => withDb({ organizationId: orgId }, (tx) => loadDistrictMentors(tx, orgId, todayIn(DEFAULT_TIME_ZONE, now())));
    const fromB = await seenBy(b.id);
    expect(fromB.map((m) => m.id)).toEqual([visibleMentor]);
    expect(fromB[0]).toMatchObject({ organizationName: "СОШ А", name: "Открытая Мария", remainingCapacity: 2, capacity: 2 });
    expect((await seenBy(district.id)).map((m) => m.id)).toEqual([visibleMentor]);
    expect(await seenBy(elsewhere.id)).toEqual([]);
    // A school does not list itself in the district bank.
    expect(await seenBy(a.id)).toEqual([]);
    // The function answers only for the organization the transaction is scoped to.
    expect(await withDb({ organizationId: elsewhere.id }, (tx) => loadDistrictMentors(tx, b.id, todayIn(DEFAULT_TIME_ZONE, now())))).toEqual([]);
  });

  it("district matching suggests the other school's mentor but this school cannot propose that pair", async () => {
    const { programId } = await callOk(createProgram, as(b.curator), { org: b.slug, academicYear: 2026, audience: "BOTH", template: "school" });
    await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { stage: 5 } });
    const { menteeId } = await createMentee(b, { person: { lastName: "Новенькая", firstName: "Ольга" }, difficulties: ["PARENTS"] });
    const weights = { subject: 1, difficulties: 5, experience: 1, sameSchool: 1, capacity: 1, preference: 1 };
    const school = await callOk(matchPairs, as(b.curator), { org: b.slug, programId, weights, pool: "school" });
    expect(school.proposal).toEqual([]);
    const wide = await callOk(matchPairs, as(b.curator), { org: b.slug, programId, weights, pool: "district" });
    expect(wide.proposal).toEqual([expect.objectContaining({ mentorId: visibleMentor, mentorSchool: "СОШ А", menteeIds: [menteeId] })]);
    const propose = await call(proposePairs, as(b.curator), { org: b.slug, programId, pairs: [{ mentorId: visibleMentor, menteeIds: [menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    expect(propose).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.pair.count({ where: { programId } })).toBe(0);
  });
});
