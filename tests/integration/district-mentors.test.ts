import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../../lib/domain/local-date";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import "../../lib/banks/actions";
import "../../lib/banks/mentee-approval-actions";
import { loadDistrictMentors } from "../../lib/banks/district";
import { withDb } from "../../lib/db";
import "../../lib/pairs/actions";
import "../../lib/people/actions";
import "../../lib/programs/actions";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();
// A dated story (consents of September 2026, trainings in October): its own clock, see tests/setup/clock.ts.
pinClock();
const run = <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => runAction<T>(ACTION_REGISTRY.get(name)!, userId, input);
const ok = async <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => {
  const res = await run<T>(name, userId, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.message} ${JSON.stringify(res.error.details ?? res.error.fieldErrors ?? "")}`);
  return res.data;
};

let district: { id: string; slug: string };
let a: { id: string; slug: string; curator: { id: string }; director: { id: string } };
let b: typeof a;
let elsewhere: typeof a;
let visibleMentor: string;

async function school(parentId: string, shortName: string) {
  const prisma = db().prisma;
  const org = await createOrganization(prisma, { parentId, shortName });
  return { ...org, curator: await createMember(prisma, org.id, ["CURATOR"]), director: await createMember(prisma, org.id, ["DIRECTOR"]) };
}

async function approvedMentor(s: typeof a, lastName: string, purposes: string[], visible: boolean) {
  const { personId } = await ok<{ personId: string }>("people.create", s.curator.id, { org: s.slug, kind: "TEACHER", lastName, firstName: "Мария", experienceYears: 15 });
  await ok("consents.record", s.curator.id, { org: s.slug, personId, purposes, givenBy: "SUBJECT", givenAt: "2026-09-05" });
  const { mentorId } = await ok<{ mentorId: string }>("mentors.add", s.curator.id, { org: s.slug, personId, competencies: ["PARENTS"], capacity: "2" });
  await ok("mentors.recordTraining", s.curator.id, { org: s.slug, mentorId, kind: "COURSE", title: "Курсы наставников", finishedOn: "2026-10-01" });
  await ok("mentors.approve", s.director.id, { org: s.slug, mentorId });
  if (visible) await ok("mentors.setDistrictVisibility", s.curator.id, { org: s.slug, mentorId, visible: "yes", agreedOn: "2026-10-02" });
  return mentorId;
}

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  const other = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  a = await school(district.id, "СОШ А");
  b = await school(district.id, "СОШ Б");
  elsewhere = await school(other.id, "СОШ В");
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
    const { programId } = await ok<{ programId: string }>("programs.create", b.curator.id, { org: b.slug, academicYear: 2026, audience: "BOTH", template: "school" });
    await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { stage: 5 } });
    const { personId } = await ok<{ personId: string }>("people.create", b.curator.id, { org: b.slug, kind: "TEACHER", lastName: "Новенькая", firstName: "Ольга", experienceYears: 0 });
    await ok("consents.record", b.curator.id, { org: b.slug, personId, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
    const { menteeId } = await ok<{ menteeId: string }>("mentees.add", b.curator.id, { org: b.slug, personId, category: "YOUNG_SPECIALIST", difficulties: ["PARENTS"], source: "QUESTIONNAIRE" });
    await ok("mentees.approve", b.director.id, { org: b.slug, menteeIds: [menteeId] });
    const weights = { subject: 1, difficulties: 5, experience: 1, sameSchool: 1, capacity: 1, preference: 1 };
    const school = await ok<{ proposal: unknown[]; reason: string | null }>("pairs.match", b.curator.id, { org: b.slug, programId, weights, pool: "school" });
    expect(school.proposal).toEqual([]);
    const wide = await ok<{ proposal: { mentorId: string; mentorSchool: string | null; menteeIds: string[] }[] }>("pairs.match", b.curator.id, { org: b.slug, programId, weights, pool: "district" });
    expect(wide.proposal).toEqual([expect.objectContaining({ mentorId: visibleMentor, mentorSchool: "СОШ А", menteeIds: [menteeId] })]);
    const propose = await run("pairs.propose", b.curator.id, { org: b.slug, programId, pairs: [{ mentorId: visibleMentor, menteeIds: [menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    expect(propose).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.pair.count({ where: { programId } })).toBe(0);
  });
});
