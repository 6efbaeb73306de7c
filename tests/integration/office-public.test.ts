import { beforeAll, describe, expect, it } from "vitest";
import { setDistrictVisibility } from "../../lib/banks/actions";
import { listMentorsPage, MentorBankSearchInput } from "../../lib/banks/queries";
import { withDb } from "../../lib/db";
import { deleteDistrictAward, giveDistrictAward } from "../../lib/district-awards/actions";
import { loadDistrictAwardsAdmin } from "../../lib/district-awards/queries";
import type { GiveDistrictAwardInput } from "../../lib/district-awards/schemas";
import { deleteOfficeDocument, saveOfficeNews, setOfficeDocumentPublished, setOfficeSection, uploadOfficeDocument } from "../../lib/office-site/actions";
import { produceReport } from "../../lib/monitoring/report";
import { loadOfficePublicSection, loadPublishedOfficeDocumentFile } from "../../lib/office-site/public";
import { savePractice, setPracticeSharing } from "../../lib/practices/actions";
import { setPublicSection } from "../../lib/publication/actions";
import { loadPublicNews, loadPublicSection } from "../../lib/publication/public";
import { createMember, createOrganization, createProgramRow } from "../factories";
import { as, call, callOk, tenantContext } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createMentor, createStaffedSchool, type Staffed } from "../setup/factories";

// The office's public section and district recognition (issue #17 items 5 and 4a, decision 060). The section shows the
// office's own documents and news and, of its schools, only what they published themselves; an award is the school's
// row naming the office — both walls are tested: the application's filter and row-level security without it.
const db = setupTestDatabase();
pinClock(); // 4 December 2026

type Org = Awaited<ReturnType<typeof createOrganization>>;
let office: Org, otherOffice: Org;
let a: Staffed, b: Staffed, foreign: Staffed;
let methodist: { id: string }, otherMethodist: { id: string };
let openMentor: string, closedMentor: string, foreignMentor: string;

const pdf = (name: string) => new File([new TextEncoder().encode(`%PDF-1.4 ${name}`)], name, { type: "application/pdf" });

async function openToDistrict(s: Staffed, lastName: string, visible: boolean) {
  const { mentorId } = await createMentor(s, { person: { lastName, firstName: "Ольга", purposes: ["BANK", "PAIRS"] }, training: { kind: "COURSE", title: "Курсы наставников" } });
  if (visible) await callOk(setDistrictVisibility, as(s.curator), { org: s.slug, mentorId, visible: "yes", agreedOn: "2026-10-02" });
  return mentorId;
}

beforeAll(async () => {
  const prisma = db().prisma;
  office = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования округа", shortName: "Отдел образования" });
  otherOffice = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования соседнего округа" });
  a = await createStaffedSchool(prisma, { parentId: office.id, shortName: "СОШ А" });
  b = await createStaffedSchool(prisma, { parentId: office.id, shortName: "СОШ Б" });
  foreign = await createStaffedSchool(prisma, { parentId: otherOffice.id, shortName: "СОШ соседей" });
  methodist = await createMember(prisma, office.id, ["METHODIST"]);
  otherMethodist = await createMember(prisma, otherOffice.id, ["METHODIST"]);
  openMentor = await openToDistrict(a, "Открытая", true);
  closedMentor = await openToDistrict(a, "Закрытая", false);
  foreignMentor = await openToDistrict(foreign, "Соседская", true);
});

describe("the office's public section", () => {
  it("is 404 until the methodist publishes it; a school cannot use the office's actions", async () => {
    expect(await loadOfficePublicSection(office.slug)).toBeNull();
    expect(await call(setOfficeSection, as(a.director), { org: a.slug, published: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(setOfficeSection, as(methodist), { org: office.slug, published: true, intro: "Муниципальная система наставничества." })).toMatchObject({ ok: true });
    expect(await loadOfficePublicSection(office.slug)).toMatchObject({ section: { published: true, intro: "Муниципальная система наставничества." }, documents: [], news: [], schools: [], practices: [], council: [] });
    // A school's loader does not answer for an office, nor the office's for a school.
    expect(await loadPublicSection(office.slug)).toBeNull();
    expect(await loadOfficePublicSection(a.slug)).toBeNull();
  });

  it("shows the documents marked for the site and the news with a date that has come", async () => {
    const before = await db().prisma.officeDocument.count();
    // A date in the future or unreadable, a missing file: refused, nothing written.
    const doc = { org: office.slug, kind: "MUNICIPAL_REGULATION", title: "Положение о муниципальной системе наставничества", number: "214", publishedOnSite: "on" } as const;
    expect(await call(uploadOfficeDocument, as(methodist), { ...doc, issuedOn: "2026-12-05", file: pdf("Положение.pdf") })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Дата документа позже сегодняшней: укажите дату, когда документ утверждён." } });
    expect(await call(uploadOfficeDocument, as(methodist), { ...doc, issuedOn: "05.09.2026", file: pdf("Положение.pdf") })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(uploadOfficeDocument, as(methodist), { ...doc, issuedOn: "2026-09-05", file: new File([], "пусто.pdf", { type: "application/pdf" }) })).toMatchObject({ ok: false });
    expect(await db().prisma.officeDocument.count()).toBe(before);

    const regulation = await callOk(uploadOfficeDocument, as(methodist), { ...doc, issuedOn: "2026-09-05", file: pdf("Положение.pdf") });
    const roadmap = await callOk(uploadOfficeDocument, as(methodist), { org: office.slug, kind: "MUNICIPAL_ROADMAP", title: "Дорожная карта", issuedOn: "2026-09-06", file: pdf("Дорожная карта.pdf") });
    await callOk(saveOfficeNews, as(methodist), { org: office.slug, title: "Конкурс «Наставник года»", body: "Объявлен муниципальный конкурс.", publishedAt: "2026-12-01" });
    await callOk(saveOfficeNews, as(methodist), { org: office.slug, title: "Черновик", body: "Не опубликовано.", publishedAt: "" });
    const section = await loadOfficePublicSection(office.slug);
    expect(section?.documents.map((d) => d.title)).toEqual(["Положение о муниципальной системе наставничества"]);
    expect(section?.news.map((n) => n.title)).toEqual(["Конкурс «Наставник года»"]);
    expect(await loadPublishedOfficeDocumentFile(office.slug, String(regulation.officeDocumentId))).toMatchObject({ name: "Положение.pdf", type: "application/pdf" });
    expect(await loadPublishedOfficeDocumentFile(office.slug, String(roadmap.officeDocumentId))).toBeNull();
    await callOk(setOfficeDocumentPublished, as(methodist), { org: office.slug, officeDocumentId: String(roadmap.officeDocumentId), published: true });
    expect((await loadOfficePublicSection(office.slug))?.documents).toHaveLength(2);
    // The office's news opens at /s/<office>/news/<id>; another office cannot touch its documents.
    expect(await loadPublicNews(office.slug, section!.news[0]!.id)).toMatchObject({ news: { title: "Конкурс «Наставник года»" } });
    expect(await call(deleteOfficeDocument, as(otherMethodist), { org: otherOffice.slug, officeDocumentId: String(roadmap.officeDocumentId) })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Row-level security without the application's filter: the other office's scope reads none of them.
    expect(await withDb({ organizationId: otherOffice.id }, (tx) => tx.officeDocument.count())).toBe(0);
  });

  it("lists only the schools whose own section is published, and only the practices they marked for their sites", async () => {
    await callOk(setPublicSection, as(a.curator), { org: a.slug, published: true });
    const onSite = await callOk(savePractice, as(a.curator), { org: a.slug, kind: "MATERIAL", title: "Наставник и молодой учитель", summary: "Как пара работала над дисциплиной.", tags: "" });
    await callOk(setPracticeSharing, as(a.curator), { org: a.slug, practiceId: String(onSite.practiceId), field: "publishedOnSite", value: true });
    // Shared with the district only, not published: never on the public page.
    const shared = await callOk(savePractice, as(a.curator), { org: a.slug, kind: "MATERIAL", title: "Только для округа", summary: "Внутренний материал.", tags: "" });
    await callOk(setPracticeSharing, as(a.curator), { org: a.slug, practiceId: String(shared.practiceId), field: "sharedWithDistrict", value: true });
    // B marks a practice for its site but has not published its section: neither B nor its practice is listed.
    const bPractice = await callOk(savePractice, as(b.curator), { org: b.slug, kind: "MATERIAL", title: "Практика Б", summary: "Раздел Б не опубликован.", tags: "" });
    await callOk(setPracticeSharing, as(b.curator), { org: b.slug, practiceId: String(bPractice.practiceId), field: "publishedOnSite", value: true });
    const section = await loadOfficePublicSection(office.slug);
    expect(section?.schools).toEqual([{ slug: a.slug, name: "СОШ А" }]);
    expect(section?.practices.map((p) => [p.title, p.school.slug])).toEqual([["Наставник и молодой учитель", a.slug]]);
    // The readers answer only for the office the transaction is scoped to.
    expect(await withDb({ organizationId: otherOffice.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM office_public_schools(${office.id}::uuid)`)).toEqual([]);
    expect(await withDb({ organizationId: otherOffice.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM office_public_practices(${office.id}::uuid)`)).toEqual([]);
  });
});

describe("district awards", () => {
  const award = { kind: "CERTIFICATE", title: "", awardedOn: "2026-11-20", basis: "Приказ отдела образования № 112 от 20.11.2026" } as const;
  const count = () => db().prisma.districtAward.count();

  it("refuses a mentor of another municipality or not open to the district, a future or unreadable date, an empty basis — nothing written", async () => {
    const base = { org: office.slug, mentorId: openMentor, ...award };
    const refused = async (input: Partial<GiveDistrictAwardInput>, message: string) =>
      expect(await call(giveDistrictAward, as(methodist), { ...base, ...input })).toMatchObject({ ok: false, error: { message } });
    const fieldRefused = async (input: Partial<GiveDistrictAwardInput>, field: string) =>
      expect(await call(giveDistrictAward, as(methodist), { ...base, ...input })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { [field]: [expect.any(String)] } } });
    await refused({ mentorId: foreignMentor }, "Этого наставника нет в банке наставников вашего округа: наградить можно наставника школы своего муниципалитета, открытого для округа.");
    await refused({ mentorId: closedMentor }, "Этого наставника нет в банке наставников вашего округа: наградить можно наставника школы своего муниципалитета, открытого для округа.");
    await refused({ awardedOn: "2026-12-05" }, "Дата награждения позже сегодняшней: запишите награду, когда она вручена.");
    await fieldRefused({ awardedOn: "20.11.2026" }, "awardedOn");
    await refused({ awardedOn: "0026-11-20" }, "Дата награждения не читается: проверьте год.");
    await fieldRefused({ basis: "   " }, "basis");
    await refused({ basis: "—" }, "Укажите основание награждения, например приказ с номером и датой.");
    await refused({ kind: "OTHER", title: "" }, "Укажите название иной награды.");
    // A school, even its director, awards nothing in the office's name; another office cannot award A's mentor.
    expect(await call(giveDistrictAward, as(a.director), { ...base, org: a.slug })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(giveDistrictAward, as(otherMethodist), { ...base, org: otherOffice.slug })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await count()).toBe(0);
  });

  it("records the award as A's row naming the office: the office lists it, A's bank shows it on the mentor's row", async () => {
    const { districtAwardId } = await callOk(giveDistrictAward, as(methodist), { org: office.slug, mentorId: openMentor, ...award });
    const row = await db().prisma.districtAward.findUniqueOrThrow({ where: { id: String(districtAwardId) } });
    expect(row).toMatchObject({ organizationId: a.id, officeId: office.id, mentorId: openMentor, personName: expect.stringContaining("Открытая"), kind: "CERTIFICATE", title: null, basis: award.basis });
    // The audit record is written in both organizations.
    expect(await db().prisma.auditEvent.count({ where: { targetId: String(districtAwardId), organizationId: { in: [office.id, a.id] } } })).toBe(2);

    const admin = await loadDistrictAwardsAdmin(tenantContext(office, methodist, ["METHODIST"]));
    expect(admin.awards).toMatchObject([{ id: districtAwardId, school: "СОШ А", kind: "CERTIFICATE" }]);
    expect(admin.mentors.map((m) => m.id)).toEqual([openMentor]);

    const bank = await listMentorsPage(tenantContext(a, a.curator, ["CURATOR"]), MentorBankSearchInput.parse({}));
    const awarded = bank.rows.find((r) => r.id === openMentor);
    expect(awarded?.districtAwards).toMatchObject([{ kind: "CERTIFICATE", basis: award.basis, office: { shortName: "Отдел образования" } }]);
    expect(bank.rows.find((r) => r.id === closedMentor)?.districtAwards).toEqual([]);
  });

  it("the school's figures and annual report count it as the office's award, by kind", async () => {
    const prisma = db().prisma;
    await createProgramRow(prisma, a.id, { academicYear: 2026, title: "Программа", audience: "TEACHERS", stage: 7 });
    const model = await produceReport(tenantContext(a, a.director, ["DIRECTOR"]), 2026, new Date(Date.UTC(2026, 11, 4)));
    const rows = model.sections.find((s) => s.key === "pairs")!.table!.rows;
    expect(rows).toContainEqual(["Награды органа управления образованием (муниципальный уровень)", "1: Почётная грамота — 1"]);
    // B's report has none.
    await createProgramRow(prisma, b.id, { academicYear: 2026, title: "Программа", audience: "TEACHERS", stage: 7 });
    const bRows = (await produceReport(tenantContext(b, b.director, ["DIRECTOR"]), 2026, new Date(Date.UTC(2026, 11, 4)))).sections.find((s) => s.key === "pairs")!.table!.rows;
    expect(bRows).toContainEqual(["Награды органа управления образованием (муниципальный уровень)", 0]);
  });

  it("both walls: B and the other office see nothing of it, even without the application's filter; only the office writes and deletes it", async () => {
    const id = (await db().prisma.districtAward.findFirstOrThrow()).id;
    // The application's filter: B's bank has no such mentor, the other office's list is empty.
    expect((await loadDistrictAwardsAdmin(tenantContext(otherOffice, otherMethodist, ["METHODIST"]))).awards).toEqual([]);
    // Row-level security with the filter forgotten.
    expect(await withDb({ organizationId: b.id }, (tx) => tx.districtAward.count())).toBe(0);
    expect(await withDb({ organizationId: otherOffice.id }, (tx) => tx.districtAward.count())).toBe(0);
    expect(await withDb({ organizationId: a.id }, (tx) => tx.districtAward.count())).toBe(1);
    expect(await withDb({ organizationId: office.id }, (tx) => tx.districtAward.count())).toBe(1);
    // The school reads its row but can neither change nor delete it, nor write one in the office's name.
    expect(await withDb({ organizationId: a.id }, (tx) => tx.$executeRaw`DELETE FROM "DistrictAward" WHERE id = ${id}::uuid`)).toBe(0);
    await expect(withDb({ organizationId: a.id }, (tx) => tx.$executeRaw`UPDATE "DistrictAward" SET basis = 'x' WHERE id = ${id}::uuid`)).rejects.toThrow(/permission denied/i);
    await expect(
      withDb({ organizationId: a.id }, (tx) => tx.$executeRaw`INSERT INTO "DistrictAward" (id, "organizationId", "officeId", "mentorId", "personName", kind, "awardedOn", basis, "createdById") VALUES (gen_random_uuid(), ${a.id}::uuid, ${office.id}::uuid, ${openMentor}::uuid, 'x', 'BADGE', '2026-11-01', 'x', ${a.director.id}::uuid)`),
    ).rejects.toThrow();
    // Another office cannot address a school that is not below it, nor delete this office's award.
    await expect(
      withDb({ organizationId: otherOffice.id }, (tx) => tx.$executeRaw`INSERT INTO "DistrictAward" (id, "organizationId", "officeId", "mentorId", "personName", kind, "awardedOn", basis, "createdById") VALUES (gen_random_uuid(), ${a.id}::uuid, ${otherOffice.id}::uuid, ${openMentor}::uuid, 'x', 'BADGE', '2026-11-01', 'x', ${otherMethodist.id}::uuid)`),
    ).rejects.toThrow();
    expect(await withDb({ organizationId: otherOffice.id }, (tx) => tx.$executeRaw`DELETE FROM "DistrictAward" WHERE id = ${id}::uuid`)).toBe(0);
    expect(await call(deleteDistrictAward, as(otherMethodist), { org: otherOffice.slug, districtAwardId: id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db().prisma.districtAward.count()).toBe(1);
    // The office deletes its own record made by mistake.
    await callOk(deleteDistrictAward, as(methodist), { org: office.slug, districtAwardId: id });
    expect(await db().prisma.districtAward.count()).toBe(0);
  });
});
