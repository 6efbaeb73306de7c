import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import { archiveOrganization, createOrganization, inviteHead, moveSchool, restoreOrganization } from "../../lib/operator/actions";
import { acceptInvitation, inviteMember } from "../../lib/members/actions";
import { updateOrganizationProfile } from "../../lib/organization/actions";
import { withDb } from "../../lib/db";
import { listOrganizationTree } from "../../lib/operator/queries";
import { flattenTree } from "../../lib/domain/organization-tree";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { hashOneTimeToken } from "../../lib/auth/one-time-token";
import { currentAcademicYear } from "../../lib/domain/academic-year";
import { todayIn } from "../../lib/domain/local-date";
import { now } from "../../lib/clock";
import { seedDemo } from "../../prisma/seed";
import { createUser } from "../factories";
import { openOwner, type Owner } from "../security/owner";
import { setupTestDatabase } from "../setup/database";
import { call, type InputOf } from "../setup/call";

// The platform operator (issue #13 item 1, decision 018): its actions, their refusals to everyone else,
// archived organizations read-only and out of the dashboards, a school moved with its data, and the proof
// that the operator's scope reads no row of any tenant table.
const db = setupTestDatabase();
let owner: Owner;
let operator: string;
let director: string;
let head: string;
const org = {} as Record<"region" | "district" | "sosh20" | "kovalevskaya", string>;

type OfficeInput = InputOf<typeof createOrganization>;
const count = async (table: string, where = "true") => Number((await owner.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}" WHERE ${where}`))[0]!.n);

beforeAll(async () => {
  const prisma = db().prisma;
  await seedDemo(prisma);
  owner = await openOwner(db());
  operator = (await prisma.user.update({ where: { id: (await createUser(prisma, { email: "operator@platform.test" })).id }, data: { isOperator: true } })).id;
  director = (await prisma.user.findUniqueOrThrow({ where: { email: "director@sosh20.demo" } })).id;
  head = (await prisma.user.findUniqueOrThrow({ where: { email: "head@levokumsky.demo" } })).id;
  for (const [key, slug] of [["region", "stavropolsky-krai"], ["district", "levokumsky"], ["sosh20", "sosh-20"], ["kovalevskaya", "kovalevskaya-oosh"]] as const) {
    org[key] = (await prisma.organization.findUniqueOrThrow({ where: { slug } })).id;
  }
}, 120_000);
afterAll(async () => {
  await owner?.close();
});

const municipality = (extra: Partial<OfficeInput> = {}): OfficeInput => ({ kind: "MUNICIPALITY", name: "Управление образования администрации Будённовского муниципального округа", shortName: "УО Будённовского МО", parentId: org.region, place: "г. Будённовск", timeZone: "Europe/Moscow", headEmail: "head@budennovsk.test", ...extra });

describe("operator actions are the operator's alone", () => {
  it.each([...ACTION_REGISTRY.values()].filter((d) => d.scope === "operator").map((d) => [d.name, d] as const))("%s: refused to a director, a municipal head and no session; nothing written", async (_name, def) => {
    const before = await Promise.all(["Organization", "Invitation", "AuditEvent"].map((t) => count(t)));
    const snapshot = await owner.query(`SELECT id, "parentId", "archivedAt" FROM "Organization" ORDER BY id`);
    const inputs = [municipality(), { organizationId: org.sosh20 }, { organizationId: org.district, email: "x@y.test" }, { schoolId: org.kovalevskaya, municipalityId: org.district }];
    for (const actor of [director, head]) {
      for (const input of inputs) expect(await runAction(def, actor, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Недостаточно прав для этого действия." } });
    }
    expect(await runAction(def, null, inputs[0])).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await Promise.all(["Organization", "Invitation", "AuditEvent"].map((t) => count(t)))).toEqual(before);
    expect(await owner.query(`SELECT id, "parentId", "archivedAt" FROM "Organization" ORDER BY id`)).toEqual(snapshot);
  });
});

describe("creating regions and municipalities", () => {
  it("creates a municipality under a region with a generated slug and a queued invitation of its head, audited in the new organization", async () => {
    const res = await call(createOrganization, operator, municipality());
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    const data = res.data as { organizationId: string; slug: string; invitation: { path: string; email: string } };
    expect(data.slug).toBe("uo-budyonnovskogo-mo");
    const created = await db().prisma.organization.findUniqueOrThrow({ where: { id: data.organizationId } });
    expect(created).toMatchObject({ kind: "MUNICIPALITY", parentId: org.region, place: "г. Будённовск", headPosition: "Начальник управления образования", archivedAt: null });
    expect(data.invitation).toMatchObject({ email: "head@budennovsk.test", path: expect.stringMatching(/^\/invite\/[A-Za-z0-9_-]{43}$/) });
    const token = data.invitation.path.replace("/invite/", "");
    const invitation = await db().prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashOneTimeToken(token) } });
    expect(invitation).toMatchObject({ organizationId: data.organizationId, role: "MUNICIPAL_HEAD", emailStatus: "QUEUED", invitedById: operator, acceptedAt: null });
    const audit = await owner.query<{ organizationId: string; action: string }>(`SELECT "organizationId", action FROM "AuditEvent" WHERE "actorId" = $1`, [operator]);
    expect(audit).toEqual([{ organizationId: data.organizationId, action: "operator.createOrganization" }]);

    // The tree shows it with its head invited; accepting the invitation makes the head "joined".
    const ctx = { user: { id: operator, name: "Оператор", email: "operator@platform.test", locale: "ru" as const } };
    const find = async () => flattenTree(await listOrganizationTree(ctx)).find((n) => n.node.id === data.organizationId)!;
    expect(await find()).toMatchObject({ depth: 1, node: { headStatus: "invited", members: 0 } });
    const accepted = await call(acceptInvitation, null, { token, name: "Петрова Анна Ивановна", password: "long-password-1", passwordRepeat: "long-password-1" });
    expect(accepted.ok, JSON.stringify(accepted)).toBe(true);
    expect(await find()).toMatchObject({ node: { headStatus: "joined", members: 1 } });
  });

  it("creates a region and a top-level municipality; a second with the same name gets the next slug", async () => {
    const region = await call(createOrganization, operator, { kind: "REGION", name: "Министерство образования Калужской области", timeZone: "Europe/Moscow", slug: "kaluga" });
    expect(region).toMatchObject({ ok: true, data: { slug: "kaluga", invitation: null } });
    const a = await call(createOrganization, operator, { kind: "MUNICIPALITY", name: "Отдел образования города Н", timeZone: "Asia/Yekaterinburg" });
    const b = await call(createOrganization, operator, { kind: "MUNICIPALITY", name: "Отдел образования города Н", parentId: (region as unknown as { data: { organizationId: string } }).data.organizationId, timeZone: "Europe/Moscow" });
    expect(a).toMatchObject({ ok: true, data: { slug: "otdel-obrazovaniya-goroda-n" } });
    expect(b).toMatchObject({ ok: true, data: { slug: "otdel-obrazovaniya-goroda-n-2" } });
  });

  it("refuses bad input with Russian reasons and writes nothing", async () => {
    const before = await Promise.all(["Organization", "Invitation", "AuditEvent"].map((t) => count(t)));
    // A kind the operator may not create is typed `as never`: it is deliberately outside the input type.
    const cases: [Partial<OfficeInput>, string, string][] = [
      [{ slug: "sosh-20" }, "slug", "Такой адрес уже есть у другой организации."],
      [{ slug: "operator" }, "slug", "Этот адрес занят самим приложением. Выберите другой."],
      [{ slug: "Плохой адрес" }, "slug", "Адрес: латинские строчные буквы, цифры и дефисы, не длиннее 48 знаков."],
      [{ parentId: org.district }, "parentId", "Эта организация не может входить в выбранную: регион включает муниципалитеты, муниципалитет — образовательные организации."],
      [{ kind: "REGION" }, "parentId", "Эта организация не может входить в выбранную: регион включает муниципалитеты, муниципалитет — образовательные организации."],
      [{ parentId: crypto.randomUUID() }, "parentId", "Вышестоящая организация не найдена или находится в архиве."],
      [{ name: "Управление образования администрации Будённовского муниципального округа", headEmail: "" }, "name", "Организация с таким названием здесь уже есть."],
      [{ headEmail: "не почта", name: "Другое управление" }, "email", ""],
      [{ timeZone: "Mars/Olympus", name: "Другое управление" }, "timeZone", "Выберите часовой пояс из списка."],
      [{ kind: "SCHOOL" as never, name: "Школа" }, "kind", ""],
    ];
    for (const [patch, field, message] of cases) {
      const res = await call(createOrganization, operator, municipality(patch));
      expect(res.ok, JSON.stringify(patch)).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).not.toBe("INTERNAL");
      if (field !== "email" && field !== "kind") expect(res.error.fieldErrors?.[field]?.[0], JSON.stringify(patch)).toBe(message);
    }
    expect(await Promise.all(["Organization", "Invitation", "AuditEvent"].map((t) => count(t)))).toEqual(before);
  });

  it("invites a head again for an existing office, but not for a school or an archived office", async () => {
    const res = await call(inviteHead, operator, { organizationId: org.district, email: "deputy@levokumsky.test" });
    expect(res).toMatchObject({ ok: true, data: { email: "deputy@levokumsky.test" } });
    expect(await count("Invitation", `"organizationId" = '${org.district}' AND email = 'deputy@levokumsky.test' AND "emailStatus" = 'QUEUED'`)).toBe(1);
    expect(await call(inviteHead, operator, { organizationId: org.district, email: "head@levokumsky.demo" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(inviteHead, operator, { organizationId: org.sosh20, email: "x@y.test" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("archived organizations are read-only and out of the dashboards", () => {
  const year = currentAcademicYear("Europe/Moscow", now());
  const today = todayIn("Europe/Moscow", now());
  const districtSchools = () =>
    withDb({ organizationId: org.district, userId: head }, (tx) => loadDistrictFigures(tx, org.district, year, today)).then((rows) => rows.map((r) => r.schoolId));

  it("an archived school refuses every action of its own members with a Russian message; reads still work; restore undoes it", async () => {
    expect(await districtSchools()).toContain(org.sosh20);
    expect(await call(archiveOrganization, operator, { organizationId: org.sosh20 })).toMatchObject({ ok: true });
    expect(await call(archiveOrganization, operator, { organizationId: org.sosh20 })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Организация уже в архиве." } });
    const auditBefore = await count("AuditEvent", `"organizationId" = '${org.sosh20}'`);
    const res = await call(updateOrganizationProfile, director, { org: "sosh-20", name: "МБОУ «СОШ № 20»", schoolKind: "GENERAL", timeZone: "Asia/Omsk" });
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Организация в архиве: её данные доступны только для просмотра." } });
    expect(await call(inviteMember, director, { org: "sosh-20", email: "new@sosh20.test", role: "CURATOR" })).toMatchObject({ ok: false, error: { message: "Организация в архиве: её данные доступны только для просмотра." } });
    expect(await count("AuditEvent", `"organizationId" = '${org.sosh20}'`)).toBe(auditBefore);
    expect((await db().prisma.organization.findUniqueOrThrow({ where: { id: org.sosh20 } })).timeZone).toBe("Europe/Moscow");
    // Reads: the school's own data is still there for its members (its scope reads its program).
    expect(await withDb({ organizationId: org.sosh20, userId: director }, (tx) => tx.mentoringProgram.count())).toBeGreaterThan(0);
    // The district dashboard leaves it out.
    expect(await districtSchools()).not.toContain(org.sosh20);

    expect(await call(restoreOrganization, operator, { organizationId: org.sosh20 })).toMatchObject({ ok: true });
    expect(await call(restoreOrganization, operator, { organizationId: org.sosh20 })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(inviteMember, director, { org: "sosh-20", email: "after-restore@sosh20.test", role: "CURATOR" })).toMatchObject({ ok: true });
    expect(await districtSchools()).toContain(org.sosh20);
    const audit = await owner.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "organizationId" = $1 AND "actorId" = $2 ORDER BY "createdAt"`, [org.sosh20, operator]);
    expect(audit.map((a) => a.action)).toEqual(["operator.archiveOrganization", "operator.restoreOrganization"]);
  });
});

describe("moving a school to another municipality", () => {
  it("changes only its parent: its programs, people, pairs and audit stay; the dashboards follow", async () => {
    const created = await call(createOrganization, operator, { kind: "MUNICIPALITY", name: "Отдел образования Арзгирского округа", parentId: org.region, timeZone: "Europe/Moscow" });
    const target = (created as unknown as { data: { organizationId: string } }).data.organizationId;
    const tables = ["MentoringProgram", "Person", "Pair", "MenteeProfile", "MentorProfile", "Membership", "AuditEvent", "RoadmapActivity"];
    const before = await Promise.all(tables.map((t) => count(t, `"organizationId" = '${org.kovalevskaya}'`)));
    expect(before.slice(0, 3).every((n) => n > 0)).toBe(true);
    expect(await call(moveSchool, operator, { schoolId: org.kovalevskaya, municipalityId: target })).toMatchObject({ ok: true });
    expect((await db().prisma.organization.findUniqueOrThrow({ where: { id: org.kovalevskaya } })).parentId).toBe(target);
    const after = await Promise.all(tables.map((t) => count(t, `"organizationId" = '${org.kovalevskaya}'`)));
    expect(after).toEqual(before.map((n, i) => (tables[i] === "AuditEvent" ? n + 1 : n)));
    expect(await withDb({ organizationId: org.district, userId: head }, (tx) => loadDistrictFigures(tx, org.district, currentAcademicYear("Europe/Moscow", now()), todayIn("Europe/Moscow", now())))).not.toContainEqual(expect.objectContaining({ schoolId: org.kovalevskaya }));
    // Refusals: to the same municipality, into a school, a region or an unknown one; a non-school moved.
    expect(await call(moveSchool, operator, { schoolId: org.kovalevskaya, municipalityId: target })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Школа уже входит в этот муниципалитет." } });
    expect(await call(moveSchool, operator, { schoolId: org.kovalevskaya, municipalityId: org.sosh20 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(moveSchool, operator, { schoolId: org.kovalevskaya, municipalityId: org.region })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(moveSchool, operator, { schoolId: org.district, municipalityId: target })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(moveSchool, operator, { schoolId: org.kovalevskaya, municipalityId: org.district })).toMatchObject({ ok: true });
  });
});

describe("the operator never reads personal data (row-level security)", () => {
  it("the operator's scope reads 0 rows of every tenant table, while the owner sees rows in them", async () => {
    const rows = await owner.query<{ table_name: string; granted: boolean }>(
      `SELECT DISTINCT table_name, has_table_privilege('nastavnik_app', quote_ident(table_name), 'SELECT') AS granted
       FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organizationId' ORDER BY 1`,
    );
    const tables = rows.map((t) => t.table_name);
    for (const t of ["Person", "Consent", "Membership", "Invitation", "MenteeProfile", "MentorProfile", "Pair", "AuditEvent"]) expect(tables).toContain(t);
    // The database's own bookkeeping (the kept school figures, decision 055) grants the application role nothing:
    // there the operator's read is refused outright.
    const ungranted = rows.filter((t) => !t.granted).map((t) => t.table_name);
    expect(ungranted).toEqual(["FiguresChange", "SchoolFiguresKept"]);
    for (const t of ungranted) {
      await expect(withDb({ userId: operator }, (tx) => tx.$queryRawUnsafe(`SELECT count(*) AS n FROM "${t}"`))).rejects.toThrow(/permission denied/);
    }
    const seen: Record<string, number> = {};
    await withDb({ userId: operator }, async (tx) => {
      for (const t of tables.filter((x) => !ungranted.includes(x))) seen[t] = Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0]!.n);
    });
    expect(Object.entries(seen).filter(([, n]) => n > 0)).toEqual([]);
    const nonEmpty = [];
    for (const t of tables) if ((await count(t)) > 0) nonEmpty.push(t);
    expect(nonEmpty.length).toBeGreaterThan(10);
  });

  it("operator_organization_status() answers the operator only, with counts and no names or e-mails", async () => {
    const cols = await owner.query<{ column_name: string }>(
      `SELECT p.parameter_name AS column_name FROM information_schema.parameters p JOIN information_schema.routines r ON r.specific_name = p.specific_name
       WHERE r.routine_name = 'operator_organization_status' AND p.parameter_mode = 'OUT' ORDER BY p.ordinal_position`,
    );
    expect(cols.map((c) => c.column_name)).toEqual(["organization_id", "heads", "pending_invitations", "members"]);
    const rows = (scope: { userId: string; organizationId?: string }) => withDb(scope, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM operator_organization_status()`);
    expect((await rows({ userId: operator })).length).toBe(await count("Organization"));
    expect(await rows({ userId: director, organizationId: org.sosh20 })).toEqual([]);
    expect(await rows({ userId: head, organizationId: org.district })).toEqual([]);
  });

  it("the operator is refused every tenant action of a school and of the municipal office", async () => {
    const before = await Promise.all(["Person", "Invitation", "AuditEvent", "Membership"].map((t) => count(t)));
    for (const def of ACTION_REGISTRY.values()) {
      if (def.scope !== "tenant") continue;
      for (const slug of ["sosh-20", "levokumsky"]) {
        const res = await runAction(def, operator, { org: slug });
        expect(res, `${def.name} ${slug}`).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      }
    }
    expect(await Promise.all(["Person", "Invitation", "AuditEvent", "Membership"].map((t) => count(t)))).toEqual(before);
  });
});
