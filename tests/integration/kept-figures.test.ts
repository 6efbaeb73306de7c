import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { refreshKeptFigures } from "../../lib/monitoring/kept-figures";
import { createPerson } from "../../lib/people/actions";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { openOwner, type Owner } from "../security/owner";
import { setupTestDatabase } from "../setup/database";
import { as, call } from "../setup/call";

// The kept school figures (decision 055): the dashboards read SchoolFiguresKept where it still holds and compute the
// rest, so a read shows the live figures whatever the refresh has done. Proven here by tampering with a kept row as the
// database owner: the read shows the tampered value while the row holds, the true one as soon as anything it is computed
// from is written — by an action as the application role, by the office, or on another day.

const db = setupTestDatabase();
const YEAR = 2026;
const NOW = new Date("2026-11-25T09:00:00Z"); // 12:00 in Moscow: the schools' day is 25.11.2026
const TODAY = new Date(Date.UTC(2026, 10, 25));

type Org = { id: string; slug: string; name: string; parentId: string | null };
let region: Org;
let district: Org;
let s1: Org;
let s2: Org;
let curator: { id: string };
let methodist: { id: string };
let ownerConnection: Owner;

const owner = <T,>(sql: string, params: unknown[] = []) => ownerConnection.query<T>(sql, params);
const figuresOf = (orgId: string, userId: string, today = TODAY, year = YEAR) =>
  withDb({ organizationId: orgId, userId }, (tx) => loadDistrictFigures(tx, orgId, year, today));
const school = (rows: Awaited<ReturnType<typeof figuresOf>>, id: string) => rows.find((r) => r.schoolId === id)!;
const tamper = (id: string, field: string, value: number) =>
  owner(`UPDATE "SchoolFiguresKept" SET figures = jsonb_set(figures, $2::text[], to_jsonb($3::int)) WHERE "organizationId" = $1::uuid AND "academicYear" = ${YEAR}`, [id, `{${field}}`, value]);

afterAll(() => ownerConnection.close());

beforeAll(async () => {
  ownerConnection = await openOwner(db());
  const prisma = db().prisma;
  region = (await createOrganization(prisma, { kind: "REGION", name: "Министерство образования края" })) as Org;
  district = (await createOrganization(prisma, { kind: "MUNICIPALITY", parentId: region.id, name: "Отдел образования округа", shortName: "Округ" })) as Org;
  s1 = (await createOrganization(prisma, { parentId: district.id, shortName: "СОШ 1" })) as Org;
  s2 = (await createOrganization(prisma, { parentId: district.id, shortName: "СОШ 2" })) as Org;
  curator = await createMember(prisma, s1.id, ["CURATOR"]);
  methodist = await createMember(prisma, district.id, ["METHODIST"]);
  for (const s of [s1, s2]) {
    const program = await createProgramRow(prisma, s.id, { academicYear: YEAR, title: "Программа", audience: "BOTH", stage: 5, status: "ACTIVE" });
    const teacher = await createPersonRow(prisma, s.id, { kind: "TEACHER", lastName: "Наставник", firstName: "Тест", experienceYears: 20 });
    const young = await createPersonRow(prisma, s.id, { kind: "TEACHER", lastName: "Молодой", firstName: "Тест", experienceYears: 1 });
    const mentor = await prisma.mentorProfile.create({ data: { organizationId: s.id, personId: teacher.id, status: "APPROVED", addedById: curator.id } });
    const mentee = await prisma.menteeProfile.create({ data: { organizationId: s.id, personId: young.id, category: "YOUNG_SPECIALIST", difficulties: [], source: "QUESTIONNAIRE", addedById: curator.id } });
    await createPairRow(prisma, { organizationId: s.id, programId: program.id, mentorId: mentor.id, status: "ACTIVE", menteeIds: [mentee.id], proposedById: curator.id });
  }
});

describe("kept school figures", () => {
  it("the refresh keeps every school's figures for this year and the year before, equal to the live ones", async () => {
    const live = await figuresOf(district.id, methodist.id);
    const summary = await refreshKeptFigures(NOW);
    expect(summary).toMatchObject({ busy: false });
    expect(summary.computed).toBeGreaterThanOrEqual(4);
    const kept = await owner<{ id: string; year: number; day: string }>(
      `SELECT "organizationId"::text AS id, "academicYear" AS year, to_char(day, 'YYYY-MM-DD') AS day FROM "SchoolFiguresKept" WHERE "organizationId" = ANY($1::uuid[]) ORDER BY 1, 2`,
      [[s1.id, s2.id]],
    );
    expect(kept).toEqual(
      [s1.id, s2.id].sort().flatMap((id) => [
        { id, year: YEAR - 1, day: "2026-11-25" },
        { id, year: YEAR, day: "2026-11-25" },
      ]),
    );
    expect(await owner(`SELECT 1 FROM "FiguresChange"`)).toEqual([]);
    expect(await figuresOf(district.id, methodist.id)).toEqual(live);
    // Nothing changed: a second refresh computes nothing.
    expect((await refreshKeptFigures(NOW)).computed).toBe(0);
  });

  it("a read uses a kept row while it holds (here tampered with), and the live figures once the school writes", async () => {
    await refreshKeptFigures(NOW);
    await tamper(s1.id, "teachers", 999);
    expect(school(await figuresOf(district.id, methodist.id), s1.id).teachers).toBe(999);
    expect(school(await figuresOf(region.id, methodist.id), s1.id).teachers).toBe(999);

    // A curator adds a teacher through the action (the application role): the trigger marks the school changed.
    const created = await call(createPerson, as(curator), { org: s1.slug, kind: "TEACHER", lastName: "Новикова", firstName: "Анна" });
    expect(created).toMatchObject({ ok: true });
    const changes = await owner<{ id: string }>(`SELECT DISTINCT "organizationId"::text AS id FROM "FiguresChange"`);
    expect(changes.map((c) => c.id)).toContain(s1.id);
    const afterWrite = await figuresOf(district.id, methodist.id);
    expect(school(afterWrite, s1.id).teachers).toBe(3);

    // The refresh takes the change and keeps the new figures; the read is unchanged by it.
    await refreshKeptFigures(NOW);
    expect(await owner(`SELECT 1 FROM "FiguresChange"`)).toEqual([]);
    expect(await figuresOf(district.id, methodist.id)).toEqual(afterWrite);
  });

  it("the office's own change (here its name) makes its schools' kept rows stale", async () => {
    await refreshKeptFigures(NOW);
    await tamper(s2.id, "teachers", 999);
    expect(school(await figuresOf(district.id, methodist.id), s2.id).teachers).toBe(999);
    await db().prisma.organization.update({ where: { id: district.id }, data: { name: "Управление образования округа" } });
    const rows = await figuresOf(district.id, methodist.id);
    expect(school(rows, s2.id)).toMatchObject({ teachers: 2, municipalityName: "Управление образования округа" });
  });

  it("a kept row computed for another day is not read", async () => {
    await refreshKeptFigures(NOW);
    await tamper(s2.id, "teachers", 999);
    expect(school(await figuresOf(district.id, methodist.id), s2.id).teachers).toBe(999);
    expect(school(await figuresOf(district.id, methodist.id, new Date(Date.UTC(2026, 10, 26))), s2.id).teachers).toBe(2);
  });

  it("a school's own read (its trends) goes through the same door", async () => {
    await refreshKeptFigures(NOW);
    await tamper(s1.id, "meetings", 77);
    const [own] = await figuresOf(s1.id, curator.id);
    expect(own?.results.meetings).toBe(77);
    await db().prisma.meeting.create({
      data: { organizationId: s1.id, pairId: (await db().prisma.pair.findFirstOrThrow({ where: { organizationId: s1.id } })).id, heldOn: TODAY, kind: "REGULAR", loggedById: curator.id },
    });
    const [fresh] = await figuresOf(s1.id, curator.id);
    expect(fresh?.results.meetings).toBe(1);
  });

  it("the application role can neither read nor write the kept figures or the change rows", async () => {
    for (const table of ["SchoolFiguresKept", "FiguresChange"]) {
      await expect(withDb({ organizationId: s1.id, userId: curator.id }, (tx) => tx.$queryRawUnsafe(`SELECT count(*) FROM "${table}"`))).rejects.toThrow(/permission denied/);
      await expect(
        withDb({ organizationId: s1.id, userId: curator.id }, (tx) => tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "organizationId" = '${s1.id}'::uuid`)),
      ).rejects.toThrow(/permission denied/);
    }
  });
});
