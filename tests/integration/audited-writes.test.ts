import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { done } from "../../lib/actions/action";
import { defineDownload, DOWNLOAD_REGISTRY } from "../../lib/actions/download";
import { createMember, createOrganization, createPersonRow, createProgramRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { call, type InputOf, tenantContext } from "../setup/call";
import { signedIn } from "../setup/signed-in";
import { markFinalReport } from "../../lib/completion/actions";

// Decision 051: the wrappers own every audited write. A download (defineDownload) reads and writes its
// audit record in one transaction; the final report is marked by a POST action, and the report's GET reads.

// The report route reads the signed-in user through lib/auth/session: here whoever `session.user` holds.
vi.mock("../../lib/auth/session", async () => (await import("../setup/signed-in")).signedInSessionModule);
const session = signedIn;
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const db = setupTestDatabase();
const YEAR = 2026;

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = { id: string; name: string; email: string };
let school: Org;
let director: User;
let teacher: User;


// A download that counts the school's people; a read that fails after the count (a rendering error) must
// leave no audit record behind: the record is written in the read's transaction.
const countPeople = defineDownload({
  name: "test.countPeople",
  permission: "people.view",
  params: z.object({ fail: z.boolean().default(false) }),
  async read({ params, tx, ctx }) {
    const people = await tx.person.count({ where: { organizationId: ctx.organization.id } });
    if (params.fail) throw new Error("the file could not be written");
    return done(people, { targetType: "Organization", targetId: ctx.organization.id, data: { rows: people } });
  },
});

const audits = (action: string) => db().prisma.auditEvent.findMany({ where: { organizationId: school.id, action }, select: { actorId: true, targetType: true, targetId: true, data: true } });

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma);
  director = await createMember(prisma, school.id, ["DIRECTOR"], { name: "Смирнова Елена Петровна" });
  teacher = await createMember(prisma, school.id, ["MENTOR"]);
  await createPersonRow(prisma, school.id, { kind: "TEACHER", lastName: "Зайцева", firstName: "Мария" });
});

describe("defineDownload", () => {
  it("registers the download and writes its audit record with the read", async () => {
    expect(DOWNLOAD_REGISTRY.get("test.countPeople")?.permission).toBe("people.view");
    expect(await countPeople(tenantContext(school, director, ["DIRECTOR"]), {})).toEqual({ ok: true, value: 1 });
    expect(await audits("test.countPeople")).toEqual([{ actorId: director.id, targetType: "Organization", targetId: school.id, data: { rows: 1 } }]);
  });

  it("refuses without the permission or with bad params, and records nothing", async () => {
    const before = await db().prisma.auditEvent.count({ where: { organizationId: school.id } });
    expect(await countPeople(tenantContext(school, teacher, ["MENTOR"]), {})).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await countPeople(tenantContext(school, director, ["DIRECTOR"]), { fail: "yes" } as never)).toEqual({ ok: false, code: "VALIDATION" });
    expect(await db().prisma.auditEvent.count({ where: { organizationId: school.id } })).toBe(before);
  });

  it("rolls the audit record back with a read that fails", async () => {
    const before = (await audits("test.countPeople")).length;
    await expect(countPeople(tenantContext(school, director, ["DIRECTOR"]), { fail: true })).rejects.toThrow("the file could not be written");
    expect(await audits("test.countPeople")).toHaveLength(before);
  });
});

describe("the final report mark", () => {
  const markOf = async (id: string) => (await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id }, select: { finalReportAt: true } })).finalReportAt;
  const mark = (userId: string, input: InputOf<typeof markFinalReport>) => call(markFinalReport, userId, input);

  it("is not set by the report's GET: the GET changes nothing but its download record", async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
    const prisma = db().prisma;
    const finishing = await createProgramRow(prisma, school.id, { academicYear: YEAR, title: "Программа", audience: "BOTH", stage: 7 });
    const { GET } = await import("../../app/(app)/[org]/monitoring/report/route");
    const rows = async () => ({ audits: await prisma.auditEvent.count({ where: { organizationId: school.id, action: { not: "monitoring.report" } } }), programs: await prisma.mentoringProgram.findMany({ where: { organizationId: school.id } }) });
    const before = await rows();
    session.user = { ...director, locale: "ru" };
    const res = await GET(new Request(`http://test/${school.slug}/monitoring/report?year=${YEAR}&format=xlsx`), { params: Promise.resolve({ org: school.slug }) });
    session.user = null;
    expect(res.status).toBe(200);
    expect(await rows()).toEqual(before);
    expect(await markOf(finishing.id)).toBeNull();
    expect(await audits("monitoring.report")).toEqual([
      { actorId: director.id, targetType: "MentoringProgram", targetId: finishing.id, data: { year: YEAR, schools: 1, empty: false } },
    ]);
  });

  it("is set by the POST action at stage 7, recorded; refused to a role without reports.produce and before stage 7", async () => {
    const prisma = db().prisma;
    const finishing = await prisma.mentoringProgram.findFirstOrThrow({ where: { organizationId: school.id, academicYear: YEAR } });
    expect(await mark(teacher.id, { org: school.slug, programId: finishing.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await markOf(finishing.id)).toBeNull();
    expect(await mark(director.id, { org: school.slug, programId: finishing.id })).toEqual({ ok: true, data: { programId: finishing.id } });
    expect(await markOf(finishing.id)).not.toBeNull();
    expect(await audits("reports.markFinal")).toEqual([{ actorId: director.id, targetType: "MentoringProgram", targetId: finishing.id, data: { year: YEAR } }]);

    const earlier = await createProgramRow(prisma, school.id, { academicYear: YEAR + 1, title: "Программа", audience: "BOTH", stage: 6 });
    expect(await mark(director.id, { org: school.slug, programId: earlier.id })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Итоговым отчёт отмечается на этапе 7 программы." } });
    const completed = await createProgramRow(prisma, school.id, { academicYear: YEAR + 2, title: "Программа", audience: "BOTH", stage: 7, status: "COMPLETED" });
    expect(await mark(director.id, { org: school.slug, programId: completed.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect([await markOf(earlier.id), await markOf(completed.id)]).toEqual([null, null]);
    expect(await audits("reports.markFinal")).toHaveLength(1);
  });
});
