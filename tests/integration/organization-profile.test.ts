import { beforeAll, describe, expect, it } from "vitest";
import { renderOrderDocx } from "../../lib/documents/order-docx";
import { renderRoadmapDocx } from "../../lib/documents/roadmap-docx";
import { updateOrganizationProfile } from "../../lib/organization/actions";
import { getOrganizationProfile } from "../../lib/organization/queries";
import { createProgram } from "../../lib/programs/actions";
import { buildRoadmapDocument, buildRoadmapOrder } from "../../lib/programs/documents";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf, tenantContext } from "../setup/call";
import { docxText } from "../setup/files";

// Issue #13 item 3: the head edits the organization's profile; the documents read it.

const db = setupTestDatabase();

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = Awaited<ReturnType<typeof createMember>>;
let district: Org;
let kindergarten: Org;
let school: Org;
let head: User;
let curator: User;
let otherDirector: User;
let districtHead: User;

const PROFILE = {
  name: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7 «Ласточка»",
  shortName: "МБДОУ «Детский сад № 7»",
  schoolKind: "KINDERGARTEN",
  place: "с. Левокумское",
  address: "357960, Ставропольский край, с. Левокумское, ул. Садовая, д. 3",
  phone: "8 (86543) 3-44-07",
  email: "DS7@Levokumsky.Demo",
  website: "ds7.demo",
  inn: "2699 045331",
  ogrn: "1152699314789",
  headPosition: "Заведующий",
  headName: "Белоусова Ирина Павловна",
  timeZone: "Europe/Moscow",
} satisfies Omit<InputOf<typeof updateOrganizationProfile>, "org">;

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования округа" });
  kindergarten = await createOrganization(prisma, { parentId: district.id, schoolKind: "KINDERGARTEN", name: "Детский сад № 7" });
  school = await createOrganization(prisma, { parentId: district.id, name: "Школа № 5" });
  head = await createMember(prisma, kindergarten.id, ["DIRECTOR"], { name: "Антонова Вера Ильинична" });
  curator = await createMember(prisma, kindergarten.id, ["CURATOR"], { name: "Ткаченко Наталья Сергеевна" });
  otherDirector = await createMember(prisma, school.id, ["DIRECTOR"]);
  districtHead = await createMember(prisma, district.id, ["MUNICIPAL_HEAD"]);
});

describe("organization.updateProfile", () => {
  it("the head fills the profile: values normalized, the kind's default position kept empty, from/to of each change audited", async () => {
    const res = await call(updateOrganizationProfile, as(head), { org: kindergarten.slug, ...PROFILE });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const row = await db().prisma.organization.findUniqueOrThrow({ where: { id: kindergarten.id } });
    expect(row).toMatchObject({
      name: PROFILE.name,
      shortName: PROFILE.shortName,
      schoolKind: "KINDERGARTEN",
      place: "с. Левокумское",
      email: "ds7@levokumsky.demo",
      inn: "2699045331",
      ogrn: "1152699314789",
      headPosition: null,
      headName: "Белоусова Ирина Павловна",
    });
    const audit = await db().prisma.auditEvent.findFirstOrThrow({ where: { organizationId: kindergarten.id, action: "organization.updateProfile" } });
    expect(audit.data).toMatchObject({ name: { from: "Детский сад № 7", to: PROFILE.name }, inn: { from: null, to: "2699045331" }, headName: { from: null, to: "Белоусова Ирина Павловна" } });
    expect(audit.data).not.toHaveProperty("timeZone");
    expect(audit.data).not.toHaveProperty("headPosition");

    // Saved again as it is: nothing changes.
    expect(await call(updateOrganizationProfile, as(head), { org: kindergarten.slug, ...PROFILE })).toEqual({ ok: true, data: { changed: [] } });
    // Every member sees it, with the position documents print.
    const profile = await getOrganizationProfile(tenantContext(kindergarten, curator, ["CURATOR"]));
    expect(profile).toMatchObject({ effectiveHeadPosition: "Заведующий", inn: "2699045331", parentName: "Отдел образования округа" });
  });

  it("refuses wrong checksums, lengths, e-mail, phone, site and an empty name with Russian messages, writing nothing", async () => {
    const before = await db().prisma.organization.findUniqueOrThrow({ where: { id: school.id } });
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ inn: "2699045332" }, "inn", /контрольное число/],
      [{ inn: "26990453" }, "inn", /10 цифр/],
      [{ inn: "26990453ab" }, "inn", /10 цифр/],
      [{ ogrn: "1152699314788" }, "ogrn", /контрольная цифра/],
      [{ ogrn: "115269931478" }, "ogrn", /13 цифр/],
      [{ email: "не почта" }, "email", /электронной почты/],
      [{ phone: "звоните" }, "phone", /телефон/],
      [{ website: "не сайт" }, "website", /сайта/],
      [{ name: "  " }, "name", /Заполните/],
      [{ timeZone: "Mars/Olympus" }, "timeZone", /часовой пояс/i],
    ];
    for (const [patch, field, message] of cases) {
      const res = await call(updateOrganizationProfile, as(otherDirector), { org: school.slug, name: "Школа № 5", timeZone: "Europe/Moscow", ...patch });
      expect(res.ok, `${field}: ${JSON.stringify(patch)}`).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe("VALIDATION");
      expect(res.error.fieldErrors?.[field]?.[0], JSON.stringify(res.error)).toMatch(message);
    }
    expect(await db().prisma.organization.findUniqueOrThrow({ where: { id: school.id } })).toEqual(before);
  });

  it("an ИНН another organization has is refused with a Russian message, not a 500", async () => {
    const res = await call(updateOrganizationProfile, as(otherDirector), { org: school.slug, name: "Школа № 5", timeZone: "Europe/Moscow", inn: "2699045331" });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Этот ИНН уже указан в профиле другой организации. Проверьте номер.", fieldErrors: { inn: ["Этот ИНН уже указан в профиле другой организации. Проверьте номер."] } } });
    expect((await db().prisma.organization.findUniqueOrThrow({ where: { id: school.id } })).inn).toBeNull();
    // Its own ИНН again is no conflict.
    expect(await call(updateOrganizationProfile, as(head), { org: kindergarten.slug, ...PROFILE, phone: "8 (86543) 3-44-08" })).toEqual({ ok: true, data: { changed: ["phone"] } });
  });

  it("only the head edits: a curator, a director of another school and the municipal head of the parent are refused", async () => {
    const before = await db().prisma.organization.findUniqueOrThrow({ where: { id: kindergarten.id } });
    for (const user of [curator, otherDirector, districtHead]) {
      const res = await call(updateOrganizationProfile, as(user), { org: kindergarten.slug, ...PROFILE, name: "Чужое имя" });
      expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await db().prisma.organization.findUniqueOrThrow({ where: { id: kindergarten.id } })).toEqual(before);
  });

  it("a school's kind is the head's to correct; a municipality has none", async () => {
    const res = await call(updateOrganizationProfile, as(otherDirector), { org: school.slug, name: "Школа № 5", timeZone: "Europe/Moscow", schoolKind: "COLLEGE", headPosition: "Директор" });
    // «Директор» is a college's default: kept empty, it follows a later change of kind.
    expect(res).toEqual({ ok: true, data: { changed: ["schoolKind"] } });
    expect(await db().prisma.organization.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({ schoolKind: "COLLEGE", headPosition: null });
    const named = await call(updateOrganizationProfile, as(otherDirector), { org: school.slug, name: "Школа № 5", timeZone: "Europe/Moscow", schoolKind: "COLLEGE", headPosition: "Директор колледжа" });
    expect(named).toEqual({ ok: true, data: { changed: ["headPosition"] } });
    const office = await call(updateOrganizationProfile, as(districtHead), { org: district.slug, name: "Отдел образования округа", timeZone: "Europe/Moscow", schoolKind: "KINDERGARTEN" });
    expect(office).toEqual({ ok: true, data: { changed: [] } });
    expect((await db().prisma.organization.findUniqueOrThrow({ where: { id: district.id } })).schoolKind).toBeNull();
  });
});

describe("the documents of a new program read the profile", () => {
  it("the curator creates a program: the roadmap order carries the kindergarten's requisites and «Заведующий» with the profile's head", async () => {
    const created = await call(createProgram, as(curator), { org: kindergarten.slug, academicYear: 2026, audience: "TEACHERS", template: "school" });
    expect(created.ok).toBe(true);
    // A kindergarten has no «директор»: the template's deputy is the deputy head.
    const responsible = (await db().prisma.roadmapActivity.findMany({ where: { organizationId: kindergarten.id }, select: { responsibleText: true } })).map((a) => a.responsibleText ?? "");
    expect(responsible).toContain("Заместитель заведующего (старший воспитатель)");
    expect(responsible.filter((r) => /директор/i.test(r))).toEqual([]);
    const ctx = tenantContext(await db().prisma.organization.findUniqueOrThrow({ where: { id: kindergarten.id } }), curator, ["CURATOR"]);
    const order = await buildRoadmapOrder(ctx, 2026);
    expect(order).toMatchObject({
      organizationName: PROFILE.name,
      place: "с. Левокумское",
      requisites: ["357960, Ставропольский край, с. Левокумское, ул. Садовая, д. 3; тел. 8 (86543) 3-44-08, e-mail: ds7@levokumsky.demo", "ИНН 2699045331, ОГРН 1152699314789"],
      signatory: { position: "Заведующий", initialsAndSurname: "И.П. Белоусова" },
    });
    const text = await docxText(await renderOrderDocx(order!), { plainSpaces: true });
    for (const expected of [PROFILE.name, "ИНН 2699045331, ОГРН 1152699314789", "ул. Садовая, д. 3", "Заведующий", "И.П. Белоусова"]) expect(text).toContain(expected);
    expect(text).not.toContain("Директор");

    const roadmap = await buildRoadmapDocument(ctx, 2026);
    expect(roadmap?.approval.approver).toEqual({ position: "Заведующий МБДОУ «Детский сад № 7»", initialsAndSurname: "И.П. Белоусова" });
    expect(await docxText(await renderRoadmapDocx(roadmap!), { plainSpaces: true })).toContain("ИНН 2699045331, ОГРН 1152699314789");
  });

  it("without a head in the profile, the first director's account signs, as before profiles", async () => {
    await db().prisma.organization.update({ where: { id: kindergarten.id }, data: { headName: null } });
    const ctx = tenantContext(kindergarten, curator, ["CURATOR"]);
    expect((await buildRoadmapOrder(ctx, 2026))?.signatory).toEqual({ position: "Заведующий", initialsAndSurname: "В.И. Антонова" });
  });
});
