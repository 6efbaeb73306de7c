// The organization registry (issue #13 item 2): a municipal (or regional) head adds organizations to the
// office's own tree, one by form or a whole list, all or nothing; invitations are queued in each new
// organization's own scope.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { IDEMPOTENCY_FIELD } from "../../lib/actions/idempotency-key";
import { addOrganization, importRegistry, previewRegistryImport } from "../../lib/registry/actions";
import { checkRegistryRows } from "../../lib/registry/check";
import { importOrganizations, loadRegistryExisting } from "../../lib/registry/import";
import { readRegistrySheet } from "../../lib/registry/read";
import type { RegistryImportReport } from "../../lib/registry/schemas";
import { createMember, createOrganization, createUser } from "../factories";
import { badInn, nthInn } from "../fixtures/registry/numbers";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf } from "../setup/call";
import { csvFile as csv } from "../setup/files";

const db = setupTestDatabase();
const FIXTURES = path.join(__dirname, "../fixtures/registry");
const fixture = (name: string) => new File([new Uint8Array(readFileSync(path.join(FIXTURES, name)))], name);

let region: { id: string; slug: string };
let district: { id: string; slug: string; name: string };
let other: { id: string; slug: string };
let head: { id: string };
let regionHead: { id: string };
let otherHead: { id: string };
let methodist: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  region = await createOrganization(prisma, { kind: "REGION", name: "Министерство образования края", timeZone: "Asia/Yekaterinburg" });
  district = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Благодарненский муниципальный округ", parentId: region.id });
  other = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Соседний муниципальный округ", parentId: region.id });
  head = await createMember(prisma, district.id, ["MUNICIPAL_HEAD"]);
  methodist = await createMember(prisma, district.id, ["METHODIST"]);
  regionHead = await createMember(prisma, region.id, ["MUNICIPAL_HEAD"]);
  otherHead = await createMember(prisma, other.id, ["MUNICIPAL_HEAD"]);
});

const children = (parentId: string) => db().prisma.organization.findMany({ where: { parentId }, orderBy: { name: "asc" } });

/** The office's list with one row's ИНН broken (row numbers as in the file: the header is row 1). */
function officeCsv(broken?: number): File {
  const text = new TextDecoder("windows-1251").decode(readFileSync(path.join(FIXTURES, "municipal-office-cp1251.csv")));
  const lines = text.split("\r\n");
  if (broken) {
    const cells = lines[broken - 1]!.split(";");
    cells[cells.length - 5] = badInn(cells[cells.length - 5]!);
    lines[broken - 1] = cells.join(";");
  }
  return csv(lines.join("\r\n"), "office.csv");
}

describe("registry.importPreview", () => {
  it("shows every row of the office's .xlsx with its slug and writes nothing", async () => {
    const before = [await db().prisma.organization.count(), await db().prisma.auditEvent.count()];
    const res = await call(previewRegistryImport, as(head), { org: district.slug, file: fixture("municipal-office.xlsx") });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ format: "xlsx", totalRows: 6, rowsWithErrors: 0, invitations: 4 });
    expect(res.data.rows.map((r) => r.slug)).toEqual(["sosh-1", "sosh-2", "oosh-14", "d-s-5", "do-ddt", "bat"]);
    expect([await db().prisma.organization.count(), await db().prisma.auditEvent.count()]).toEqual(before);
  });

  it("lists the problems of a hand-typed list with their rows", async () => {
    const res = await call(previewRegistryImport, as(head), { org: district.slug, file: fixture("hand-typed-errors.csv") });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.rowsWithErrors).toBe(10);
    expect([...new Set(res.data.problems.map((p) => p.row))]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("refuses a file that is not a list as a value, with a Russian reason", async () => {
    const res = await call(previewRegistryImport, as(head), { org: district.slug, file: csv("a;b\n1;2\n") });
    expect(res).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("Список не принят: не найдена строка с названиями столбцов") } });
  });
});

describe("registry.import", () => {
  it("creates nothing from a list with one bad ИНН and names its row; the fixed list creates all, with queued invitations", async () => {
    const refused = await call(importRegistry, as(head), { org: district.slug, file: officeCsv(4) });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("ошибки в строках (1)") } });
    if (refused.ok) throw new Error("imported");
    expect(refused.error.details).toEqual([expect.stringMatching(/^Строка 4: ИНН «\d{10}» неверен/)]);
    expect(await children(district.id)).toEqual([]);

    const res = await call(importRegistry, as(head), { org: district.slug, file: officeCsv() });
    if (!res.ok) throw new Error(res.error.message);
    const { letters, ...report } = res.data as RegistryImportReport & { letters: { organizationId: string; ids: string[] }[] };
    expect(report).toEqual({ created: 6, slugs: ["sosh-1", "sosh-2", "oosh-14", "d-s-5", "do-ddt", "bat"], invitations: 4 });
    // The heads' letters leave after the commit: one batch per invited organization, naming its invitation.
    const queued = await db().prisma.invitation.findMany({ where: { emailStatus: "QUEUED", organization: { parentId: district.id } }, select: { id: true, organizationId: true } });
    expect(letters.map((l) => ({ organizationId: l.organizationId, ids: l.ids })).sort((a, b) => a.organizationId.localeCompare(b.organizationId))).toEqual(
      queued.map((q) => ({ organizationId: q.organizationId, ids: [q.id] })).sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
    );
    const created = await children(district.id);
    expect(created).toHaveLength(6);
    const kindergarten = created.find((o) => o.slug === "d-s-5")!;
    expect(kindergarten).toMatchObject({ kind: "SCHOOL", schoolKind: "KINDERGARTEN", headPosition: "Заведующий", headName: "Белова Елена Сергеевна", place: "г. Благодарный", timeZone: "Asia/Yekaterinburg" });
    expect(kindergarten.inn).toBe(nthInn("26050", 104));
    const invitations = await db().prisma.invitation.findMany({ where: { organizationId: { in: created.map((o) => o.id) } } });
    expect(invitations).toHaveLength(4);
    for (const i of invitations) expect(i).toMatchObject({ role: "DIRECTOR", emailStatus: "QUEUED", invitedById: head.id, acceptedAt: null });
    expect(new Set(invitations.map((i) => i.tokenHash)).size).toBe(4);
    // One audit record in each new organization, one for the file in the office.
    expect(await db().prisma.auditEvent.count({ where: { action: "registry.create", organizationId: { in: created.map((o) => o.id) } } })).toBe(6);
    expect(await db().prisma.auditEvent.findMany({ where: { action: "registry.import", organizationId: district.id } })).toEqual([
      expect.objectContaining({ actorId: head.id, data: { fileName: "office.csv", created: 6, invitations: 4 } }),
    ]);
  });

  it("repeats nothing: the same submission returns the first result, a new one is refused as duplicates", async () => {
    const key = "registry-repeat-key-000000000001";
    const file = csv(`Полное наименование;Вид;ИНН\nМБОУ СОШ № 31;школа;${nthInn("26050", 531)}\n`);
    const first = await call(importRegistry, as(head), { org: district.slug, file, [IDEMPOTENCY_FIELD]: key });
    const again = await call(importRegistry, as(head), { org: district.slug, file, [IDEMPOTENCY_FIELD]: key });
    expect(first).toMatchObject({ ok: true, data: { created: 1 } });
    expect(again).toEqual(first);
    const fresh = await call(importRegistry, as(head), { org: district.slug, file });
    if (fresh.ok) throw new Error("imported twice");
    expect(fresh.error.details).toEqual([
      `Строка 2: организация с ИНН ${nthInn("26050", 531)} уже зарегистрирована`,
      "Строка 2: организация «МБОУ СОШ № 31» уже есть в «Благодарненский муниципальный округ»",
    ]);
    expect(await db().prisma.organization.count({ where: { name: "МБОУ СОШ № 31" } })).toBe(1);
  });

  it("refuses a ИНН registered in another municipality", async () => {
    const res = await call(importRegistry, as(otherHead), { org: other.slug, file: csv(`Полное наименование;Вид;ИНН\nМБОУ СОШ № 1;школа;${nthInn("26050", 101)}\n`) });
    expect(res).toMatchObject({ ok: false, error: { details: [`Строка 2: организация с ИНН ${nthInn("26050", 101)} уже зарегистрирована`] } });
    expect(await children(other.id)).toEqual([]);
  });

  it("lets a head add only to the own office: another municipality, a methodist, a school are refused", async () => {
    const file = csv(`Полное наименование;Вид\nМБОУ СОШ № 40;школа\n`);
    expect(await call(importRegistry, as(otherHead), { org: district.slug, file })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(previewRegistryImport, as(otherHead), { org: district.slug, file })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(importRegistry, as(methodist), { org: district.slug, file })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const school = (await children(district.id))[0]!;
    const director = await createMember(db().prisma, school.id, ["DIRECTOR"]);
    expect(await call(importRegistry, as(director), { org: school.slug, file })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db().prisma.organization.count({ where: { name: "МБОУ СОШ № 40" } })).toBe(0);
  });

  it("creates municipalities under a region, their heads invited as MUNICIPAL_HEAD", async () => {
    const file = csv(`Полное наименование;Вид;E-mail руководителя\nУправление образования Северного округа;муниципалитет;head@north.example\nМБОУ СОШ № 77;школа;\n`);
    const res = await call(importRegistry, as(regionHead), { org: region.slug, file });
    if (!res.ok) throw new Error(res.error.message);
    const municipality = await db().prisma.organization.findUniqueOrThrow({ where: { slug: res.data.slugs[0] } });
    expect(municipality).toMatchObject({ kind: "MUNICIPALITY", schoolKind: null, parentId: region.id, headPosition: "Начальник управления образования" });
    expect(await db().prisma.invitation.findMany({ where: { organizationId: municipality.id } })).toEqual([expect.objectContaining({ role: "MUNICIPAL_HEAD", email: "head@north.example" })]);
  });
});

describe("row-level security of what an import writes", () => {
  it("keeps each invitation and audit record inside its new organization", async () => {
    const school = await db().prisma.organization.findUniqueOrThrow({ where: { slug: "sosh-1" } });
    const inOffice = await withDb({ organizationId: district.id, userId: head.id }, (tx) => tx.invitation.count({ where: { organizationId: school.id } }));
    const inSchool = await withDb({ organizationId: school.id }, (tx) => tx.invitation.count({ where: { organizationId: school.id } }));
    expect([inOffice, inSchool]).toEqual([0, 1]);
    const audits = await withDb({ organizationId: school.id }, (tx) => tx.auditEvent.findMany({ where: { action: "registry.create" }, select: { organizationId: true } }));
    expect(audits).toEqual([{ organizationId: school.id }]);
  });

  it("cannot write a school's invitation from the office's scope (the wall importOrganizations steps through)", async () => {
    const school = await db().prisma.organization.findUniqueOrThrow({ where: { slug: "sosh-2" } });
    const attempt = withDb({ organizationId: district.id, userId: head.id }, (tx) =>
      tx.invitation.create({ data: { organizationId: school.id, email: "x@example.test", role: "DIRECTOR", tokenHash: "f".repeat(64), invitedById: head.id, expiresAt: new Date() } }),
    );
    await expect(attempt).rejects.toThrow();
  });
});

describe("registry.add", () => {
  it("adds one kindergarten with its head invited, and refuses a bad ИНН or a taken address with Russian reasons", async () => {
    const base = { org: district.slug, name: "МБДОУ «Детский сад № 12 „Ромашка“»", kind: "KINDERGARTEN", headEmail: "Romashka@Blag.Example" } satisfies InputOf<typeof addOrganization>;
    const bad = await call(addOrganization, as(head), { ...base, inn: badInn(nthInn("26050", 612)) });
    expect(bad).toMatchObject({ ok: false, error: { message: "Организация не добавлена: исправьте ошибки.", details: [expect.stringContaining("не сходится контрольная цифра")] } });
    const taken = await call(addOrganization, as(head), { ...base, slug: "sosh-1" });
    expect(taken).toMatchObject({ ok: false, error: { details: ["адрес «sosh-1» уже занят другой организацией"] } });
    const res = await call(addOrganization, as(head), { ...base, inn: nthInn("26050", 612) });
    expect(res).toEqual({ ok: true, data: { id: expect.any(String), slug: "detskiy-sad-12-romashka", invited: true, invitationId: expect.any(String) } });
    const created = await db().prisma.organization.findUniqueOrThrow({ where: { slug: "detskiy-sad-12-romashka" }, include: { invitations: true } });
    expect(created).toMatchObject({ parentId: district.id, headPosition: "Заведующий", schoolKind: "KINDERGARTEN" });
    expect(created.invitations).toEqual([expect.objectContaining({ email: "romashka@blag.example", role: "DIRECTOR", emailStatus: "QUEUED" })]);
  });
});

describe("importOrganizations", () => {
  it("creates 2 000 schools with invitations in one transaction", async () => {
    const parent = await createOrganization(db().prisma, { kind: "MUNICIPALITY", name: "Большой округ" });
    const actor = await createUser(db().prisma);
    const text = "Полное наименование;Вид;ИНН;E-mail руководителя\n" + Array.from({ length: 2000 }, (_, i) => `Школа № ${i + 1};школа;${nthInn("7701", i + 1)};director${i + 1}@big.example`).join("\n");
    const read = await readRegistrySheet(new TextEncoder().encode(text), "big.csv");
    if (!read.ok) throw new Error(read.problem.key);
    const p = { id: parent.id, kind: "MUNICIPALITY" as const, name: parent.name, timeZone: parent.timeZone };
    const created = await withDb({ organizationId: parent.id, userId: actor.id }, async (tx) => {
      const check = checkRegistryRows(read.sheet.rows, p, await loadRegistryExisting(tx, parent.id));
      expect(check.problems).toEqual([]);
      return importOrganizations(tx, { parent: p, rows: check.organizations, actorUserId: actor.id });
    });
    expect(created).toHaveLength(2000);
    expect(await db().prisma.organization.count({ where: { parentId: parent.id } })).toBe(2000);
    expect(await db().prisma.invitation.count({ where: { organization: { parentId: parent.id }, emailStatus: "QUEUED" } })).toBe(2000);
  }, 120_000);
});

describe("the registry in the reader's language", () => {
  it("words a refused row in English for a head who reads English; the cell's text and the template's words stay as typed", async () => {
    const reader = await createMember(db().prisma, district.id, ["MUNICIPAL_HEAD"]);
    await db().prisma.user.update({ where: { id: reader.id }, data: { locale: "en" } });
    const inn = badInn(nthInn("26050", 901));
    const file = csv(`Полное наименование;Вид;ИНН\nМБОУ СОШ № 90;школа;${inn}\nМБОУ СОШ № 91;интернат;\n`);
    const preview = await call(previewRegistryImport, as(reader), { org: district.slug, file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.rows.map((r) => r.problems)).toEqual([
      [`INN «${inn}» is wrong: the check digit does not match`],
      ["the kind «интернат» is not recognised: enter школа, детский сад, колледж, дополнительное образование, муниципалитет or регион"],
    ]);
    const refused = await call(importRegistry, as(reader), { org: district.slug, file });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: "The list was refused: errors in rows (2). No organization was created.",
        details: [`Row 2: INN «${inn}» is wrong: the check digit does not match`, expect.stringMatching(/^Row 3: the kind «интернат» is not recognised/)],
      },
    });
    const taken = await call(addOrganization, as(reader), { org: district.slug, name: "МБОУ СОШ № 92", kind: "GENERAL", slug: "sosh-1" });
    expect(taken).toMatchObject({ ok: false, error: { message: "The organization was not added: fix the errors.", details: ["the address «sosh-1» is already taken by another organization"] } });
    expect(await db().prisma.organization.count({ where: { name: { in: ["МБОУ СОШ № 90", "МБОУ СОШ № 91", "МБОУ СОШ № 92"] } } })).toBe(0);
  });
});
