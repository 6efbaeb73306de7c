import { beforeAll, describe, expect, it } from "vitest";
import { renderConsentDocx } from "../../lib/documents/consent-docx";
import { attachDutiesConsentScan, recordDutiesConsent } from "../../lib/banks/duties-actions";
import { mentorAppointmentOrder, mentorDutiesConsentDocument } from "../../lib/banks/mentor-documents";
import { renderOrderDocx } from "../../lib/documents/order-docx";
import { createPerson, recordConsent } from "../../lib/people/actions";
import { consentDocument } from "../../lib/people/consent-document";
import { translator } from "../../lib/i18n/translator";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk, tenantContext } from "../setup/call";
import { createMentor } from "../setup/factories";
import { docxText } from "../setup/files";

const db = setupTestDatabase();
// The story is dated (consents of 05.09.2026, the duties consent of 12.09.2026): it happens as of its own day.
pinClock();
/** What the appointment order lacks, worded as the Russian refusal words it (the rule returns keys). */
const missingOf = async (ctx: Parameters<typeof mentorAppointmentOrder>[0]) => {
  const order = await mentorAppointmentOrder(ctx);
  const ru = translator("ru");
  return order.ok ? null : order.missing.map((m) => ru(`errors.${m.key}` as "errors.notFound", m.values as never));
};

type Org = Awaited<ReturnType<typeof createOrganization>>;
let kindergarten: Org;
let other: Org;
let head: { id: string };
let otherHead: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  kindergarten = await createOrganization(prisma, { schoolKind: "KINDERGARTEN", name: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7»", address: "357960, с. Левокумское, ул. Мира, д. 1" });
  await prisma.organization.update({ where: { id: kindergarten.id }, data: { inn: "2699016891", ogrn: "1032699768463", website: "ds7.example" } });
  other = await createOrganization(prisma);
  head = await createMember(prisma, kindergarten.id, ["DIRECTOR"]);
  otherHead = await createMember(prisma, other.id, ["DIRECTOR"]);
});

describe("printable consents", () => {
  it("prints a mentor's consent per purpose with the organization's requisites, and their dissemination consent with the allowed fields", async () => {
    const { personId } = await callOk(createPerson, as(head), { org: kindergarten.slug, kind: "TEACHER", lastName: "Соколова", firstName: "Мария", middleName: "Ивановна", position: "Воспитатель" });
    const { consentId } = await callOk(recordConsent, as(head), { org: kindergarten.slug, personId, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
    const ctx = tenantContext(kindergarten, head, ["DIRECTOR"]);
    const bank = await consentDocument(ctx, consentId, "BANK", null);
    const pairs = await consentDocument(ctx, consentId, "PAIRS", null);
    expect(bank?.ok && pairs?.ok).toBe(true);
    if (!bank?.ok || !pairs?.ok) return;
    const bankText = await docxText(await renderConsentDocx(bank.document));
    for (const s of ["«Детский сад № 7»", "ИНН 2699016891", "ОГРН 1032699768463", "357960, с. Левокумское, ул. Мира, д. 1", "СОГЛАСИЕ", "Соколова Мария Ивановна, Воспитатель", "1. Цель обработки: включение в банк", "05.09.2026", "М.И. Соколова"]) expect(bankText).toContain(s);
    // One purpose, one paper.
    expect(bankText).not.toContain("участие в наставнической паре");
    expect(await docxText(await renderConsentDocx(pairs.document))).toContain("1. Цель обработки: участие в наставнической паре / группе");
    // A purpose the consent does not name, another school's consent: nothing.
    expect(await consentDocument(ctx, consentId, "SURVEYS", null)).toBeNull();
    expect(await consentDocument(tenantContext(other, otherHead, ["DIRECTOR"]), consentId, "BANK", null)).toBeNull();

    const publication = await callOk(recordConsent, as(head), { org: kindergarten.slug, personId, purposes: ["PUBLICATION"], givenBy: "SUBJECT", givenAt: "2026-09-06", publicFields: ["NAME", "POSITION"] });
    const dissemination = await consentDocument(ctx, publication.consentId, "PUBLICATION", "https://nastavnik.example/s/ds7");
    if (!dissemination?.ok) throw new Error("dissemination consent refused");
    const t = await docxText(await renderConsentDocx(dissemination.document));
    for (const s of ["для распространения", "ds7.example; https://nastavnik.example/s/ds7", "фамилия, имя, отчество", "статьёй 10.1"]) expect(t).toContain(s);
    expect(dissemination.document.table!.rows.map((r) => r[2])).toEqual(["да", "да", "нет", "нет"]);
  });

  it("prints the legal representative's version for a minor; refuses a minor's consent without a representative, writing nothing", async () => {
    const { personId } = await callOk(createPerson, as(head), { org: kindergarten.slug, kind: "STUDENT", lastName: "Петров", firstName: "Иван", birthDate: "2020-04-01", grade: "старшая группа" });
    const before = await db().prisma.consent.count({ where: { personId } });
    expect(await call(recordConsent, as(head), { org: kindergarten.slug, personId, purposes: ["BANK"], givenBy: "SUBJECT", givenAt: "2026-09-05" })).toMatchObject({
      ok: false, error: { fieldErrors: { givenBy: ["За несовершеннолетнего согласие даёт законный представитель."] } },
    });
    expect(await db().prisma.consent.count({ where: { personId } })).toBe(before);
    const { consentId } = await callOk(recordConsent, as(head), { org: kindergarten.slug, personId, purposes: ["BANK"], givenBy: "REPRESENTATIVE", representativeName: "Петрова Анна Сергеевна, мать", representativeDocument: "свидетельство о рождении", givenAt: "2026-09-05" });
    const doc = await consentDocument(tenantContext(kindergarten, head, ["DIRECTOR"]), consentId, "BANK", null);
    if (!doc?.ok) throw new Error("refused");
    const t = await docxText(await renderConsentDocx(doc.document));
    for (const s of ["законного представителя несовершеннолетнего", "Я, Петрова Анна Сергеевна, мать", "Петров Иван, дата рождения 01.04.2020, класс (группа) старшая группа на основании свидетельство о рождении", "А.С. Петрова", "«Детский сад № 7»"]) expect(t).toContain(s);
    // A row forced in without a representative (no action writes one): the document is refused.
    await db().prisma.consent.update({ where: { id: consentId }, data: { givenBy: "SUBJECT", representativeName: null } });
    expect(await consentDocument(tenantContext(kindergarten, head, ["DIRECTOR"]), consentId, "BANK", null)).toEqual({ ok: false, missing: ["законный представитель несовершеннолетнего (согласие за несовершеннолетнего даёт законный представитель)"] });
  });

  it("lists what to fill in the profile instead of printing a consent without the operator's address", async () => {
    const prisma = db().prisma;
    const bare = await createOrganization(prisma, { address: null });
    const director = await createMember(prisma, bare.id, ["DIRECTOR"]);
    const { personId } = await callOk(createPerson, as(director), { org: bare.slug, kind: "TEACHER", lastName: "Иванова", firstName: "Ольга" });
    const { consentId } = await callOk(recordConsent, as(director), { org: bare.slug, personId, purposes: ["BANK"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
    expect(await consentDocument(tenantContext(bare, director, ["DIRECTOR"]), consentId, "BANK", null)).toEqual({ ok: false, missing: ["адрес организации"] });
  });
});

describe("the mentor's consent to additional duties and the order appointing mentors", () => {
  it("prints the consent, records its date and scan, and the order lists the approved mentors with it — refused while one is missing", async () => {
    const prisma = db().prisma;
    const org = await createOrganization(prisma, { schoolKind: "KINDERGARTEN", name: "МБДОУ «Детский сад № 9»", address: "с. Левокумское, ул. Садовая, д. 3" });
    const director = await createMember(prisma, org.id, ["DIRECTOR"]);
    const curator = await createMember(prisma, org.id, ["CURATOR"]);
    const outsider = await createMember(prisma, kindergarten.id, ["DIRECTOR"]);
    const ctx = tenantContext(org, director, ["DIRECTOR"]);
    expect(await missingOf(ctx)).toEqual(["утверждённые руководителем наставники (в банке наставников их нет)"]);
    // An approved mentor whose written consent to the additional duties is not recorded yet.
    const { mentorId } = await createMentor(
      { ...org, curator, director },
      { person: { lastName: "Белова", firstName: "Нина", middleName: "Петровна", position: "Воспитатель" }, capacity: "1", dutiesGivenAt: null, training: { finishedOn: "2026-09-10" } },
    );

    // The printable consent before it is signed: the date blank.
    const blank = await mentorDutiesConsentDocument(ctx, mentorId);
    const blankText = await docxText(await renderConsentDocx(blank!));
    for (const s of ["СОГЛАСИЕ", "на выполнение дополнительной работы наставника", "Я, Белова Нина Петровна, Воспитатель", "статьями 60.2 и 151 Трудового кодекса", "__.__.20__", "Н.П. Белова", "с. Левокумское, ул. Садовая, д. 3"]) expect(blankText).toContain(s);
    expect(await mentorDutiesConsentDocument(tenantContext(kindergarten, outsider, ["DIRECTOR"]), mentorId)).toBeNull();

    expect(await missingOf(ctx)).toEqual(["письменное согласие на дополнительную работу: Белова Нина Петровна"]);
    // A scan before the date, a future date, another school: refused, nothing written.
    const scan = new File([Buffer.from("%PDF-1.4 signed")], "согласие.pdf", { type: "application/pdf" });
    expect(await call(attachDutiesConsentScan, as(curator), { org: org.slug, mentorId, file: scan })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Сначала запишите дату подписания согласия, затем прикрепите его скан." } });
    expect(await call(recordDutiesConsent, as(director), { org: org.slug, mentorId, givenAt: "2099-01-01" })).toMatchObject({ ok: false, error: { fieldErrors: { givenAt: ["Дата не может быть в будущем."] } } });
    expect(await call(recordDutiesConsent, as(outsider), { org: kindergarten.slug, mentorId, givenAt: "2026-09-12" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).toMatchObject({ dutiesConsentAt: null, dutiesConsentFileData: null });

    // The head records it (people's paperwork), then the scan.
    await callOk(recordDutiesConsent, as(director), { org: org.slug, mentorId, givenAt: "2026-09-12" });
    await callOk(attachDutiesConsentScan, as(curator), { org: org.slug, mentorId, file: scan });
    expect(await prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).toMatchObject({ dutiesConsentAt: new Date("2026-09-12T00:00:00Z"), dutiesConsentFileName: "согласие.pdf" });
    expect(await docxText(await renderConsentDocx((await mentorDutiesConsentDocument(ctx, mentorId))!))).toContain("12.09.2026");

    const order = await mentorAppointmentOrder(ctx);
    if (!order.ok) throw new Error(order.missing.map((m) => m.key).join("; "));
    expect(order.document.appendix!.rows).toEqual([["1", "Белова Нина Петровна", "Воспитатель", "от 12.09.2026"]]);
    expect(order.document.signatory.position).toBe("Заведующий");
    const text = await docxText(await renderOrderDocx(order.document));
    for (const s of ["ПРИКАЗ", "О назначении наставников", "статьёй 60.2 Трудового кодекса", "ПРИКАЗЫВАЮ:", "Список наставников", "Заведующий", "МБДОУ «Детский сад № 9»"]) expect(text).toContain(s);
  });
});
