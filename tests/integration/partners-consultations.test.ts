import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { askConsultation, closeConsultation, replyConsultation, writeConsultation } from "../../lib/consultations/actions";
import { getConsultation, listConsultations } from "../../lib/consultations/queries";
import { loadSchoolFigures } from "../../lib/monitoring/school";
import { createPartner, deletePartner, linkPartnerMentor, updatePartner } from "../../lib/partners/actions";
import { listPartners, partnerShares } from "../../lib/partners/queries";
import { createMember, createOrganization } from "../factories";
import { as, call, callOk, tenantContext } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createConsentedPerson, createMentor, createSchool, type School } from "../setup/factories";

// Partner organizations and consultations (issue #17 items 3 and 4b, decision 061). The register is a plain
// tenant table; the consultation is the school's row naming its office, its messages rows of whoever wrote them:
// both walls are tested — another school of the district and an office of another municipality see nothing,
// with and without the application's filter.
const db = setupTestDatabase();
pinClock();

type Org = Awaited<ReturnType<typeof createOrganization>>;
let muni: Org, otherMuni: Org, s1: School, s2: School;
let methodist: { id: string; name: string }, foreignMethodist: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  muni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования округа" });
  otherMuni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования соседнего округа" });
  s1 = await createSchool(prisma, { parentId: muni.id, name: "СОШ №1" });
  s2 = await createSchool(prisma, { parentId: muni.id, name: "СОШ №2" });
  methodist = await createMember(prisma, muni.id, ["METHODIST"], { name: "Белова Ирина Викторовна" });
  foreignMethodist = await createMember(prisma, otherMuni.id, ["METHODIST"]);
});

const partners = { org: "", name: "ООО «Агрофирма»", inn: "2613012344", agreementNumber: "7", agreementDate: "2026-09-01", contactName: "Руденко П. И.", phone: "", email: "agro@example.test" };
const count = () => db().prisma.partnerOrganization.count();

describe("the partner register", () => {
  it("refuses a bad ИНН, a future agreement, a duplicate ИНН — in Russian, nothing written", async () => {
    const base = { ...partners, org: s1.slug };
    expect(await call(createPartner, as(s1.curator), { ...base, inn: "2613012345" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { inn: ["В ИНН ошибка: не сходится контрольное число. Проверьте цифры по выписке из ЕГРЮЛ."] } },
    });
    expect(await call(createPartner, as(s1.curator), { ...base, inn: "12345" })).toMatchObject({ ok: false, error: { fieldErrors: { inn: ["ИНН — 10 цифр (организация) или 12 цифр (индивидуальный предприниматель)."] } } });
    expect(await call(createPartner, as(s1.curator), { ...base, agreementDate: "2026-12-05" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { agreementDate: ["Дата соглашения не может быть позже сегодняшнего дня."] } },
    });
    expect(await count()).toBe(0);
    await callOk(createPartner, as(s1.curator), base);
    expect(await call(createPartner, as(s1.director), { ...base, name: "Другое имя", inn: "2613 012344" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fieldErrors: { inn: ["Организация с этим ИНН уже есть в реестре: «ООО «Агрофирма»»."] } },
    });
    expect(await count()).toBe(1);
    // The same ИНН in another school's register is another register.
    await callOk(createPartner, as(s2.curator), { ...base, org: s2.slug });
    expect(await count()).toBe(2);
  });

  it("links an external mentor, computes the indicator, refuses deleting a partner with mentors", async () => {
    const second = await callOk(createPartner, as(s1.curator), { ...partners, org: s1.slug, name: "ИП Петров", inn: "500100732259", agreementDate: "" });
    const first = (await db().prisma.partnerOrganization.findFirstOrThrow({ where: { organizationId: s1.id, inn: "2613012344" } })).id;
    const external = await createMentor(s1, { person: { kind: "EXTERNAL", lastName: "Гуляев", externalOrganization: "ООО «Агрофирма»" }, approve: false, training: null, dutiesGivenAt: null });
    const teacher = await createMentor(s1, { approve: false, training: null, dutiesGivenAt: null });
    const notInBank = await createConsentedPerson(s1, { kind: "EXTERNAL", lastName: "Безбанка" });
    const s2Partner = (await db().prisma.partnerOrganization.findFirstOrThrow({ where: { organizationId: s2.id } })).id;

    expect(await call(linkPartnerMentor, as(s1.curator), { org: s1.slug, personId: teacher.personId, partnerId: first })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(linkPartnerMentor, as(s1.curator), { org: s1.slug, personId: notInBank, partnerId: first })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(linkPartnerMentor, as(s1.curator), { org: s1.slug, personId: external.personId, partnerId: s2Partner })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db().prisma.person.count({ where: { partnerId: { not: null } } })).toBe(0);
    await callOk(linkPartnerMentor, as(s1.curator), { org: s1.slug, personId: external.personId, partnerId: first });

    const ctx = tenantContext(s1, s1.curator, ["CURATOR"]);
    const register = await listPartners(ctx);
    expect(register.partners.map((p) => [p.name, p.mentors.map((m) => m.name)])).toEqual([
      ["ИП Петров", []],
      ["ООО «Агрофирма»", ["Гуляев Имя"]],
    ]);
    expect(register.share).toEqual({ partners: 2, providing: 1, share: 50 });
    expect((await partnerShares(ctx)).own).toEqual({ partners: 2, providing: 1, share: 50 });
    // The school's monitoring reads the same register.
    const figures = await withDb({ organizationId: s1.id }, (tx) => loadSchoolFigures(tx, s1.id, s1.programId, new Date(Date.UTC(2026, 11, 4))));
    expect(figures?.partnerShare).toEqual({ partners: 2, providing: 1, share: 50 });
    // The office: its own register (empty) and its schools' aggregate; another office gets none of them.
    expect(await partnerShares(tenantContext(muni, methodist, ["METHODIST"]))).toEqual({ own: { partners: 0, providing: 0, share: null }, schools: { partners: 3, providing: 1, share: 33.3, count: 2 } });
    expect((await partnerShares(tenantContext(otherMuni, foreignMethodist, ["METHODIST"]))).schools).toEqual({ partners: 0, providing: 0, share: null, count: 0 });

    expect(await call(deletePartner, as(s1.curator), { org: s1.slug, partnerId: first })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "С организацией связаны наставники (1): сначала отвяжите их." },
    });
    expect(await db().prisma.partnerOrganization.count({ where: { id: first } })).toBe(1);
    await callOk(deletePartner, as(s1.curator), { org: s1.slug, partnerId: String(second.partnerId) });
    expect(await call(updatePartner, as(s1.curator), { ...partners, org: s1.slug, partnerId: first, agreementDate: "2027-01-01" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await callOk(updatePartner, as(s1.curator), { ...partners, org: s1.slug, partnerId: first, agreementNumber: "7/2" });
    expect((await listPartners(ctx)).share).toEqual({ partners: 1, providing: 1, share: 100 });
  });

  it("another school sees none of the register — even without the application's filter", async () => {
    const first = (await db().prisma.partnerOrganization.findFirstOrThrow({ where: { organizationId: s1.id } })).id;
    expect((await listPartners(tenantContext(s2, s2.curator, ["CURATOR"]))).partners.map((p) => p.id)).not.toContain(first);
    expect(await withDb({ organizationId: s2.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "PartnerOrganization" WHERE id = ${first}::uuid`)).toEqual([]);
    expect(await withDb({ organizationId: muni.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "PartnerOrganization"`)).toEqual([]);
    expect(await call(deletePartner, as(s2.curator), { org: s2.slug, partnerId: first })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("consultations", () => {
  let consultationId: string;

  it("the school asks its own office; the methodist may not ask", async () => {
    expect(await call(askConsultation, as(methodist), { org: muni.slug, topic: "Тема", question: "Вопрос" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(askConsultation, as(s1.curator), { org: s1.slug, topic: "", question: "Вопрос" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const asked = await callOk(askConsultation, as(s1.curator), { org: s1.slug, topic: "Программа для совместителя", question: "Как составить программу для педагога на 0,5 ставки?" });
    consultationId = String(asked.consultationId);
    expect(await db().prisma.consultation.findUniqueOrThrow({ where: { id: consultationId } })).toMatchObject({ organizationId: s1.id, officeId: muni.id, status: "OPEN" });
  });

  it("another school of the district and another municipality's office see nothing — the filter and row-level security", async () => {
    expect(await listConsultations(tenantContext(s2, s2.curator, ["CURATOR"]))).toEqual([]);
    expect(await getConsultation(tenantContext(s2, s2.curator, ["CURATOR"]), consultationId)).toBeNull();
    expect(await listConsultations(tenantContext(otherMuni, foreignMethodist, ["METHODIST"]))).toEqual([]);
    expect(await getConsultation(tenantContext(otherMuni, foreignMethodist, ["METHODIST"]), consultationId)).toBeNull();
    for (const org of [s2.id, otherMuni.id]) {
      const raw = await withDb({ organizationId: org }, async (tx) => [
        await tx.$queryRaw<unknown[]>`SELECT id FROM "Consultation"`,
        await tx.$queryRaw<unknown[]>`SELECT id FROM "ConsultationMessage"`,
      ]);
      expect(raw).toEqual([[], []]);
    }
    expect(await call(writeConsultation, as(s2.curator), { org: s2.slug, consultationId, body: "Чужая" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(replyConsultation, as(foreignMethodist), { org: otherMuni.slug, consultationId, body: "Чужой ответ" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(closeConsultation, as(foreignMethodist), { org: otherMuni.slug, consultationId, outcome: "Итог" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Row-level security alone: another office cannot write into the thread or close it, a school cannot address
    // another municipality's office, nor close its own consultation.
    await expect(
      withDb({ organizationId: otherMuni.id }, (tx) => tx.$executeRaw`INSERT INTO "ConsultationMessage" (id, "organizationId", "schoolId", "consultationId", body, "authorName") VALUES (gen_random_uuid(), ${otherMuni.id}::uuid, ${s1.id}::uuid, ${consultationId}::uuid, 'x', 'x')`),
    ).rejects.toThrow();
    expect(await withDb({ organizationId: otherMuni.id }, (tx) => tx.$executeRaw`UPDATE "Consultation" SET status = 'CLOSED' WHERE id = ${consultationId}::uuid`)).toBe(0);
    await expect(
      withDb({ organizationId: s1.id }, (tx) => tx.$executeRaw`INSERT INTO "Consultation" (id, "organizationId", "officeId", topic, question) VALUES (gen_random_uuid(), ${s1.id}::uuid, ${otherMuni.id}::uuid, 't', 'q')`),
    ).rejects.toThrow();
    expect(await withDb({ organizationId: s1.id }, (tx) => tx.$executeRaw`UPDATE "Consultation" SET outcome = 'сам себе' WHERE id = ${consultationId}::uuid`)).toBe(0);
    expect(await db().prisma.consultationMessage.count()).toBe(0);
    expect(await db().prisma.consultation.findUniqueOrThrow({ where: { id: consultationId } })).toMatchObject({ status: "OPEN", outcome: null });
  });

  it("the thread: the methodist replies, the school writes, the methodist closes with an outcome; nothing after closing", async () => {
    const office = tenantContext(muni, methodist, ["METHODIST"]);
    expect((await listConsultations(office)).map((c) => [c.topic, c.school, c.status])).toEqual([["Программа для совместителя", "СОШ №1", "OPEN"]]);
    await callOk(replyConsultation, as(methodist), { org: muni.slug, consultationId, body: "Срок и число встреч — с учётом нагрузки." });
    await callOk(writeConsultation, as(s1.curator), { org: s1.slug, consultationId, body: "Спасибо, пришлём проект." });
    await callOk(closeConsultation, as(methodist), { org: muni.slug, consultationId, outcome: "Рекомендовано сократить число встреч до двух в месяц." });
    expect(await call(closeConsultation, as(methodist), { org: muni.slug, consultationId, outcome: "Второй итог" })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Консультация уже закрыта." } });
    expect(await call(replyConsultation, as(methodist), { org: muni.slug, consultationId, body: "Ещё" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(writeConsultation, as(s1.curator), { org: s1.slug, consultationId, body: "Ещё" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const seen = await getConsultation(tenantContext(s1, s1.curator, ["CURATOR"]), consultationId);
    expect(seen).toMatchObject({ status: "CLOSED", outcome: "Рекомендовано сократить число встреч до двух в месяц." });
    expect(seen?.messages.map((m) => [m.fromSchool, m.body])).toEqual([
      [false, "Срок и число встреч — с учётом нагрузки."],
      [true, "Спасибо, пришлём проект."],
    ]);
    expect((await getConsultation(office, consultationId))?.messages).toHaveLength(2);
    // The other school and office still see nothing of the thread.
    expect(await withDb({ organizationId: s2.id }, (tx) => tx.consultationMessage.count())).toBe(0);
    expect(await withDb({ organizationId: otherMuni.id }, (tx) => tx.consultationMessage.count())).toBe(0);
  });
});
