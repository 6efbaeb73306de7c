import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { attachConsentScan, createPerson, linkAccount, recordConsent, revokeConsent } from "../../lib/people/actions";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call } from "../setup/call";
import { createConsentedPerson, type PersonOptions } from "../setup/factories";

const db = setupTestDatabase();

let school: { id: string; slug: string };
let other: { id: string; slug: string };
let curator: { id: string };
let mentor: { id: string };
let otherCurator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma);
  other = await createOrganization(prisma);
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  mentor = await createMember(prisma, school.id, ["MENTOR"]);
  otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
});

// Each person is arranged without a consent: the consents are what these tests are about.
const person = (fields: PersonOptions) => createConsentedPerson({ slug: school.slug, curator }, { purposes: [], ...fields });

describe("people and consents", () => {
  it("adds a student as a minor and refuses a consent that is not from a legal representative", async () => {
    const id = await person({ kind: "STUDENT", lastName: "Петров", firstName: "Иван", birthDate: "2012-04-01", grade: "8Б" });
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id } })).minor).toBe(true);
    const before = await db().prisma.consent.count();
    const own = await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: ["BANK"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
    expect(own).toMatchObject({ ok: false, error: { fieldErrors: { givenBy: ["За несовершеннолетнего согласие даёт законный представитель."] } } });
    const noName = await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: ["BANK"], givenBy: "REPRESENTATIVE", givenAt: "2026-09-05" });
    expect(noName).toMatchObject({ ok: false, error: { fieldErrors: { representativeName: ["Укажите законного представителя (ФИО, кем приходится)."] } } });
    expect(await db().prisma.consent.count()).toBe(before);
    const ok = await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: ["BANK", "SURVEYS"], givenBy: "REPRESENTATIVE", representativeName: "Петрова Анна Сергеевна (мать)", givenAt: "2026-09-05" });
    expect(ok.ok).toBe(true);
  });

  it("keeps publication apart and needs at least one purpose", async () => {
    const id = await person({ kind: "TEACHER", lastName: "Смирнова", firstName: "Ольга", position: "Учитель математики" });
    expect(await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: ["BANK", "PUBLICATION"], givenBy: "SUBJECT", givenAt: "2026-09-05" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { purposes: ["Согласие на публикацию оформляется отдельным документом: не объединяйте его с другими целями."] } },
    });
    expect(await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: [], givenBy: "SUBJECT", givenAt: "2026-09-05" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { purposes: ["Отметьте хотя бы одну цель обработки."] } },
    });
  });

  it("revoking the only bank consent takes the person out of active work with the reason", async () => {
    const id = await person({ kind: "TEACHER", lastName: "Орлов", firstName: "Павел" });
    const rec = await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
    if (!rec.ok) throw new Error("setup");
    const res = await call(revokeConsent, as(curator), { org: school.slug, consentId: rec.data.consentId, revokedAt: "2026-11-20", reason: "Заявление об отзыве" });
    expect(res).toMatchObject({ ok: true, data: { personActive: false } });
    expect(await db().prisma.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false, inactiveReason: "Согласие отозвано: Заявление об отзыве" });
    expect(await call(revokeConsent, as(curator), { org: school.slug, consentId: rec.data.consentId, revokedAt: "2026-11-21", reason: "ещё раз" })).toMatchObject({
      ok: false,
      error: { message: "Согласие уже отозвано." },
    });
  });

  it("is closed to mentors and to other schools, in the application and in the database", async () => {
    const id = await person({ kind: "TEACHER", lastName: "Зайцева", firstName: "Нина" });
    expect(await call(createPerson, as(mentor), { org: school.slug, kind: "TEACHER", lastName: "X", firstName: "Y" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(recordConsent, as(otherCurator), { org: other.slug, personId: id, purposes: ["BANK"], givenBy: "SUBJECT", givenAt: "2026-09-05" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const seen = await withDb({ organizationId: other.id }, (tx) => tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Person" WHERE "organizationId" = $1::uuid`, school.id));
    expect(seen[0]?.n).toBe(0);
    await expect(withDb({ organizationId: school.id }, (tx) => tx.$executeRawUnsafe(`DELETE FROM "Consent"`))).rejects.toThrow(/permission denied/i);
  });
});

describe("a plain form post (FormData)", () => {
  it("keeps repeated fields such as ticked purposes as a list", async () => {
    const id = await person({ kind: "TEACHER", lastName: "Белова", firstName: "Ирина" });
    const form = new FormData();
    form.set("org", school.slug);
    form.set("personId", id);
    form.append("purposes", "BANK");
    form.append("purposes", "SURVEYS");
    form.set("givenBy", "SUBJECT");
    form.set("givenAt", "2026-09-05");
    const res = await call(recordConsent, as(curator), form);
    expect(res.ok).toBe(true);
    if (res.ok) expect((await db().prisma.consent.findUniqueOrThrow({ where: { id: res.data.consentId } })).purposes).toEqual(["BANK", "SURVEYS"]);
    form.delete("purposes");
    form.append("purposes", "PAIRS");
    const single = await call(recordConsent, as(curator), form);
    expect(single.ok).toBe(true);
    if (single.ok) expect((await db().prisma.consent.findUniqueOrThrow({ where: { id: single.data.consentId } })).purposes).toEqual(["PAIRS"]);
  });
});

describe("consent scans", () => {
  it("keeps a PDF scan with the consent and refuses other files, writing nothing", async () => {
    const id = await person({ kind: "TEACHER", lastName: "Сканова", firstName: "Вера" });
    const res = await call(recordConsent, as(curator), { org: school.slug, personId: id, purposes: ["BANK"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
    if (!res.ok) throw new Error(res.error.message);
    const consentId = res.data.consentId;
    const form = (file: File) => {
      const f = new FormData();
      f.set("org", school.slug);
      f.set("consentId", consentId);
      f.set("file", file);
      return f;
    };
    const exe = await call(attachConsentScan, as(curator), form(new File(["MZ"], "virus.exe", { type: "application/x-msdownload" })));
    expect(exe).toMatchObject({ ok: false, error: { fieldErrors: { file: ["Скан согласия — файл PDF, JPG или PNG."] } } });
    expect((await db().prisma.consent.findUniqueOrThrow({ where: { id: consentId } })).fileData).toBeNull();
    expect(await call(attachConsentScan, as(otherCurator), form(new File(["%PDF-1.4"], "скан.pdf", { type: "application/pdf" })))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const ok = await call(attachConsentScan, as(curator), form(new File(["%PDF-1.4"], "скан.pdf", { type: "application/pdf" })));
    expect(ok.ok).toBe(true);
    const stored = await db().prisma.consent.findUniqueOrThrow({ where: { id: consentId } });
    expect(stored).toMatchObject({ fileName: "скан.pdf", fileType: "application/pdf" });
    expect(Buffer.from(stored.fileData!).toString()).toBe("%PDF-1.4");
  });
});

describe("linking a person to an account", () => {
  it("links to a member of the school only, one person per account, and unlinks", async () => {
    const a = await person({ kind: "TEACHER", lastName: "Связанная", firstName: "Ирина" });
    const b = await person({ kind: "TEACHER", lastName: "Другая", firstName: "Ольга" });
    expect(await call(linkAccount, as(curator), { org: school.slug, personId: a, userId: otherCurator.id })).toMatchObject({
      ok: false,
      error: { fieldErrors: { userId: ["Выберите участника этой организации."] } },
    });
    expect((await call(linkAccount, as(curator), { org: school.slug, personId: a, userId: mentor.id })).ok).toBe(true);
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id: a } })).userId).toBe(mentor.id);
    expect(await call(linkAccount, as(curator), { org: school.slug, personId: b, userId: mentor.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id: b } })).userId).toBeNull();
    expect(await call(linkAccount, as(mentor), { org: school.slug, personId: a, userId: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await call(linkAccount, as(curator), { org: school.slug, personId: a, userId: "" })).ok).toBe(true);
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id: a } })).userId).toBeNull();
  });
});
