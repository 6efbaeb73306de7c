import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { attachPracticeFile, deletePractice, savePractice, setPracticeSharing } from "../../lib/practices/actions";
import { getPractice, getPracticeFile, listPractices } from "../../lib/practices/queries";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk, tenantContext } from "../setup/call";

const db = setupTestDatabase();

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = Awaited<ReturnType<typeof createMember>>;
let district: Org;
let farDistrict: Org;
let schoolA: Org;
let schoolB: Org;
let farSchool: Org;
let curatorA: User;
let curatorB: User;
let farCurator: User;
let methodist: User;
let mentorA: User;
let completedPairId: string;
let workingPairId: string;

/** A pair of school A in the given status (arranged as the owner: the pairs' own flow is tested elsewhere). */
async function pairOf(status: "COMPLETED" | "ACTIVE") {
  const prisma = db().prisma;
  const mk = (lastName: string) => createPersonRow(prisma, schoolA.id, { kind: "TEACHER", lastName, firstName: "Анна" });
  const mentorPerson = await mk(`Наставник${status}`);
  const menteePerson = await mk(`Наставляемая${status}`);
  const program = (await prisma.mentoringProgram.findFirst({ where: { organizationId: schoolA.id } })) ??
    (await createProgramRow(prisma, schoolA.id, { academicYear: 2026, title: "Программа", audience: "TEACHERS", stage: 7 }));
  const mentor = await prisma.mentorProfile.create({ data: { organizationId: schoolA.id, personId: mentorPerson.id, status: "APPROVED", addedById: curatorA.id } });
  const mentee = await prisma.menteeProfile.create({
    data: { organizationId: schoolA.id, personId: menteePerson.id, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE", status: "PAIRED", addedById: curatorA.id },
  });
  const pair = await createPairRow(prisma, { organizationId: schoolA.id, programId: program.id, mentorId: mentor.id, menteeIds: [mentee.id], status, proposedById: curatorA.id });
  return pair.id;
}

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Управление образования Левокумского округа" });
  farDistrict = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Управление образования другого округа" });
  schoolA = await createOrganization(prisma, { parentId: district.id, name: "МБОУ «СОШ № 1»" });
  schoolB = await createOrganization(prisma, { parentId: district.id, name: "МБОУ «СОШ № 2»" });
  farSchool = await createOrganization(prisma, { parentId: farDistrict.id, name: "МБОУ «СОШ № 9»" });
  curatorA = await createMember(prisma, schoolA.id, ["CURATOR"], { name: "Куратор Первой" });
  mentorA = await createMember(prisma, schoolA.id, ["MENTOR"]);
  curatorB = await createMember(prisma, schoolB.id, ["CURATOR"]);
  farCurator = await createMember(prisma, farSchool.id, ["CURATOR"]);
  methodist = await createMember(prisma, district.id, ["METHODIST"]);
  completedPairId = await pairOf("COMPLETED");
  workingPairId = await pairOf("ACTIVE");
});

const pdf = (name = "памятка.pdf", type = "application/pdf", bytes = "%PDF-1.4 test") => new File([bytes], name, { type });
function upload(practiceId: string, file: File, org = schoolA.slug) {
  const form = new FormData();
  form.set("org", org);
  form.set("practiceId", practiceId);
  form.set("file", file);
  return form;
}

describe("the методическая копилка", () => {
  let caseId: string;
  let materialId: string;

  it("writes a case from a completed pair only, copying nothing from it", async () => {
    const base = { org: schoolA.slug, kind: "CASE" as const, title: "Совместные уроки", summary: "Как пара сняла трудности молодого педагога с дисциплиной" };
    expect(await call(savePractice, as(curatorA), base)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { pairId: ["Выберите завершённую пару, по итогам которой оформлен кейс."] } } });
    expect(await call(savePractice, as(curatorA), { ...base, pairId: workingPairId })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { pairId: ["Кейс оформляют по завершённой паре."] } } });
    expect(await call(savePractice, as(curatorA), { ...base, pairId: completedPairId, title: "x" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { title: ["Укажите название (не короче 3 символов)."] } } });
    expect(await call(savePractice, as(curatorA), { ...base, pairId: completedPairId, tags: Array.from({ length: 11 }, (_, i) => `т${i}`).join(",") })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { tags: ["Не больше 10 тегов."] } },
    });
    expect(await call(savePractice, as(mentorA), { ...base, pairId: completedPairId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    ({ practiceId: caseId } = await callOk(savePractice, as(curatorA), { ...base, pairId: completedPairId, tags: "адаптация, Молодой педагог, адаптация, #дисциплина" }));
    const row = await db().prisma.bestPractice.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ organizationId: schoolA.id, kind: "CASE", pairId: completedPairId, body: null, tags: ["адаптация", "Молодой педагог", "дисциплина"], sharedWithDistrict: false, publishedOnSite: false, authorId: curatorA.id });
    expect(JSON.stringify(row)).not.toContain("DISCIPLINE");
  });

  it("keeps a material's file (PDF, DOCX, PPTX, JPG, PNG up to 10 MB)", async () => {
    ({ practiceId: materialId } = await callOk(savePractice, as(curatorA), { org: schoolA.slug, kind: "MATERIAL", title: "Памятка наставнику", summary: "Памятка для первой встречи наставника и наставляемого" }));
    expect(await call(attachPracticeFile, as(curatorA), upload(materialId, pdf("script.html", "text/html")))).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { file: ["Загрузите PDF, DOCX, PPTX, JPG или PNG."] } } });
    expect(await call(attachPracticeFile, as(curatorA), upload(materialId, pdf("fake.pdf", "text/html")))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(attachPracticeFile, as(curatorA), upload(materialId, pdf("big.pdf", "application/pdf", "x".repeat(10 * 1024 * 1024 + 1))))).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { file: ["Файл больше 10 МБ."] } },
    });
    await callOk(attachPracticeFile, as(curatorA), upload(materialId, pdf("слайды.pptx", "")));
    expect(await db().prisma.bestPractice.findUniqueOrThrow({ where: { id: materialId } })).toMatchObject({
      fileName: "слайды.pptx",
      fileType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    });
    await callOk(attachPracticeFile, as(curatorA), upload(materialId, pdf()));
    const file = await getPracticeFile(tenantContext(schoolA, curatorA, ["CURATOR"]), materialId);
    expect(file).toMatchObject({ fileName: "памятка.pdf", fileType: "application/pdf" });
    expect(Buffer.from(file!.fileData!).toString()).toBe("%PDF-1.4 test");
  });

  it("shares a case with the district: the other school and the office read it with the school's name, not the unshared material", async () => {
    await callOk(setPracticeSharing, as(curatorA), { org: schoolA.slug, practiceId: caseId, field: "sharedWithDistrict", value: true });
    await callOk(setPracticeSharing, as(curatorA), { org: schoolA.slug, practiceId: caseId, field: "publishedOnSite", value: true });
    expect(await db().prisma.bestPractice.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ sharedWithDistrict: true, publishedOnSite: true });

    const b = tenantContext(schoolB, curatorB, ["CURATOR"]);
    const { practices, tags } = await listPractices(b);
    expect(practices.map((p) => [p.id, p.own, p.school, p.author])).toEqual([[caseId, false, "МБОУ «СОШ № 1»", null]]);
    expect(tags).toEqual(["адаптация", "дисциплина", "Молодой педагог"]);
    expect(await getPractice(b, caseId)).toMatchObject({ title: "Совместные уроки", own: false, pair: null });
    expect(await getPractice(b, materialId)).toBeNull();
    expect(await getPracticeFile(b, materialId)).toBeNull();
    // The tag filter (any case).
    expect((await listPractices(b, { tag: "молодой педагог" })).practices).toHaveLength(1);
    expect((await listPractices(b, { tag: "нет такого" })).practices).toHaveLength(0);

    const office = tenantContext(district, methodist, ["METHODIST"]);
    expect((await listPractices(office)).practices.map((p) => p.id)).toEqual([caseId]);

    // The owner sees both, with the author.
    const own = await listPractices(tenantContext(schoolA, curatorA, ["CURATOR"]));
    expect(own.practices.map((p) => [p.id, p.own, p.author]).sort()).toEqual([[caseId, true, "Куратор Первой"], [materialId, true, "Куратор Первой"]].sort());
    expect((await listPractices(tenantContext(schoolA, curatorA, ["CURATOR"]), { scope: "district" })).practices).toHaveLength(0);
  });

  it("the row-level-security policy alone gives the same: shared rows of the district, read-only", async () => {
    const visible = await withDb({ organizationId: schoolB.id }, (tx) => tx.bestPractice.findMany({ select: { id: true } }));
    expect(visible.map((r) => r.id)).toEqual([caseId]);
    // An UPDATE or DELETE from school B's scope, without any application filter, touches nothing.
    const changed = await withDb({ organizationId: schoolB.id }, (tx) => tx.bestPractice.updateMany({ where: { id: caseId }, data: { title: "Чужое название", sharedWithDistrict: false } }));
    expect(changed.count).toBe(0);
    const removed = await withDb({ organizationId: schoolB.id }, (tx) => tx.bestPractice.deleteMany({ where: { id: caseId } }));
    expect(removed.count).toBe(0);
    expect(await db().prisma.bestPractice.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ title: "Совместные уроки", sharedWithDistrict: true });
  });

  it("another school of the district cannot change a shared entry through the actions", async () => {
    const refused = { ok: false, error: { code: "NOT_FOUND" } };
    expect(await call(savePractice, as(curatorB), { org: schoolB.slug, practiceId: caseId, kind: "CASE", title: "Чужое", summary: "Попытка переписать чужой кейс" })).toMatchObject(refused);
    expect(await call(setPracticeSharing, as(curatorB), { org: schoolB.slug, practiceId: caseId, field: "sharedWithDistrict", value: false })).toMatchObject(refused);
    expect(await call(attachPracticeFile, as(curatorB), upload(caseId, pdf(), schoolB.slug))).toMatchObject(refused);
    expect(await call(deletePractice, as(curatorB), { org: schoolB.slug, practiceId: caseId })).toMatchObject(refused);
    // Naming school A while being a member of B only: forbidden before anything is read.
    expect(await call(deletePractice, as(curatorB), { org: schoolA.slug, practiceId: caseId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db().prisma.bestPractice.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ title: "Совместные уроки", sharedWithDistrict: true, fileName: null });
  });

  it("a school of another district sees nothing of it", async () => {
    const far = tenantContext(farSchool, farCurator, ["CURATOR"]);
    expect((await listPractices(far)).practices).toEqual([]);
    expect(await getPractice(far, caseId)).toBeNull();
    expect(await withDb({ organizationId: farSchool.id }, (tx) => tx.bestPractice.count())).toBe(0);
    expect(await withDb({ organizationId: farDistrict.id }, (tx) => tx.bestPractice.count())).toBe(0);
  });

  it("the office may keep its own materials but publishes nothing on a school site", async () => {
    const { practiceId } = await callOk(savePractice, as(methodist), { org: district.slug, kind: "MATERIAL", title: "Методические рекомендации", summary: "Рекомендации ИМЦ по организации наставничества" });
    expect(await call(setPracticeSharing, as(methodist), { org: district.slug, practiceId, field: "publishedOnSite", value: true })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: "Публиковать на сайте может только школа." },
    });
    expect((await listPractices(tenantContext(district, methodist, ["METHODIST"]))).practices.map((p) => p.id).sort()).toEqual([caseId, practiceId].sort());
  });

  it("unsharing takes it out of the district's view; the owner deletes its own", async () => {
    await callOk(setPracticeSharing, as(curatorA), { org: schoolA.slug, practiceId: caseId, field: "sharedWithDistrict", value: false });
    expect((await listPractices(tenantContext(schoolB, curatorB, ["CURATOR"]))).practices).toEqual([]);
    await callOk(savePractice, as(curatorA), { org: schoolA.slug, practiceId: materialId, kind: "MATERIAL", title: "Памятка наставнику (2-е изд.)", summary: "Памятка для первой встречи наставника и наставляемого", body: "Текст" });
    expect(await db().prisma.bestPractice.findUniqueOrThrow({ where: { id: materialId } })).toMatchObject({ title: "Памятка наставнику (2-е изд.)", body: "Текст", kind: "MATERIAL" });
    await callOk(deletePractice, as(curatorA), { org: schoolA.slug, practiceId: materialId });
    expect(await db().prisma.bestPractice.count({ where: { id: materialId } })).toBe(0);
    expect(await db().prisma.auditEvent.count({ where: { organizationId: schoolA.id, action: { startsWith: "practices." } } })).toBeGreaterThanOrEqual(6);
  });
});
