import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { addCommunityMember, attachCommunityMaterial, createCommunity, holdCommunityMeeting, removeCommunityMember } from "../../lib/communities/actions";
import { revokeConsent } from "../../lib/people/actions";
import { loadPublicCommunities } from "../../lib/communities/public";
import { getCommunity, getCommunityMaterialFile, getCommunityMeeting, getCouncilFigures, listCommunities, listCommunityCandidates, listSchoolParticipation } from "../../lib/communities/queries";
import { createMember, createOrganization } from "../factories";
import { as, call, callOk, tenantContext } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createConsent, createConsentedPerson, createStaffedSchool, type Staffed } from "../setup/factories";

// District communities (issue #17 item 2, decision 059): the office's methodist creates a council, adds people of
// its schools who consented to DISTRICT_COMMUNITIES, records a meeting with attendance and materials; each school sees
// its own people's participation; the district figures count curators and mentors at the council per quarter. The
// member and attendance rows are shared by a school and the office: both walls are tested (the application's filter,
// and row-level security with the application forgetting to filter).
const db = setupTestDatabase();
pinClock(); // 4 December 2026: the fourth quarter

type Org = Awaited<ReturnType<typeof createOrganization>>;
let muni: Org, otherMuni: Org, sA: Staffed, sB: Staffed, sC: Staffed, foreign: Staffed;
let methodist: { id: string }, head: { id: string }, otherMethodist: { id: string }, regionMethodist: { id: string }, region: Org;
let aCurator: string, aMentor: string, aNoConsent: string, aRevoked: string, b1: string, f1: string;
let councilId: string, associationId: string, meetingId: string;
const members: Record<string, string> = {};

const counts = async () => {
  const p = db().prisma;
  return [await p.districtCommunity.count(), await p.communityMember.count(), await p.communityMeeting.count(), await p.communityAttendance.count(), await p.communityMaterial.count()];
};
const DC = ["DISTRICT_COMMUNITIES"] as const;

beforeAll(async () => {
  const prisma = db().prisma;
  region = await createOrganization(prisma, { kind: "REGION", name: "Министерство образования края" });
  regionMethodist = await createMember(prisma, region.id, ["METHODIST"]);
  muni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования округа", parentId: region.id });
  otherMuni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования соседнего округа" });
  sA = await createStaffedSchool(prisma, { parentId: muni.id, name: "СОШ №1" });
  sB = await createStaffedSchool(prisma, { parentId: muni.id, name: "СОШ №2" });
  sC = await createStaffedSchool(prisma, { parentId: muni.id, name: "СОШ №3" });
  foreign = await createStaffedSchool(prisma, { parentId: otherMuni.id, name: "СОШ соседнего округа" });
  methodist = await createMember(prisma, muni.id, ["METHODIST"]);
  head = await createMember(prisma, muni.id, ["MUNICIPAL_HEAD"]);
  otherMethodist = await createMember(prisma, otherMuni.id, ["METHODIST"]);
  aCurator = await createConsentedPerson(sA, { lastName: "Орлова", firstName: "Татьяна", purposes: [...DC] });
  aMentor = await createConsentedPerson(sA, { lastName: "Волков", firstName: "Сергей", purposes: [...DC, "BANK"] });
  aNoConsent = await createConsentedPerson(sA, { lastName: "Безсогласия", purposes: ["BANK", "PAIRS"] });
  aRevoked = await createConsentedPerson(sA, { lastName: "Отозвавшая", purposes: [] });
  await createConsent(sA, aRevoked, [...DC], { givenAt: "2026-09-05", validUntil: "2026-11-30" });
  b1 = await createConsentedPerson(sB, { lastName: "Фёдорова", firstName: "Ольга", purposes: [...DC] });
  f1 = await createConsentedPerson(foreign, { lastName: "Чужая", purposes: [...DC] });
  // Орлова is sA's curator (her account), Волков a mentor (his account's role).
  await prisma.person.update({ where: { id: aCurator }, data: { userId: sA.curator.id } });
  const mentorUser = await createMember(prisma, sA.id, ["MENTOR"]);
  await prisma.person.update({ where: { id: aMentor }, data: { userId: mentorUser.id } });
  const bMentor = await createMember(prisma, sB.id, ["MENTOR"]);
  await prisma.person.update({ where: { id: b1 }, data: { userId: bMentor.id } });
});

describe("communities", () => {
  it("the methodist creates a council and a методическое объединение (with its area); bad input and schools are refused, nothing written", async () => {
    expect(await call(createCommunity, as(methodist), { org: muni.slug, kind: "METHOD_ASSOCIATION", name: "МО учителей начальных классов" })).toMatchObject({
      ok: false, error: { code: "VALIDATION", fieldErrors: { area: ["Укажите предмет или направление методического объединения."] } },
    });
    expect(await call(createCommunity, as(methodist), { org: muni.slug, kind: "CLUB" as never, name: "Клуб" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(createCommunity, as(sA.curator), { org: sA.slug, kind: "MENTOR_COUNCIL", name: "Совет" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // The head may read the office's communities (and manage them, as the methodist); a region keeps none.
    expect(await call(createCommunity, as(regionMethodist), { org: region.slug, kind: "MENTOR_COUNCIL", name: "Совет" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Сообщества ведёт муниципальный отдел образования." } });
    expect(await counts()).toEqual([0, 0, 0, 0, 0]);
    councilId = String((await callOk(createCommunity, as(methodist), { org: muni.slug, kind: "MENTOR_COUNCIL", name: "Совет наставников", area: "не нужно" })).communityId);
    associationId = String((await callOk(createCommunity, as(methodist), { org: muni.slug, kind: "METHOD_ASSOCIATION", name: "МО учителей начальных классов", area: "Начальные классы" })).communityId);
    expect(await db().prisma.districtCommunity.findUniqueOrThrow({ where: { id: councilId } })).toMatchObject({ organizationId: muni.id, area: null });
  });

  it("lists as candidates only the school's people with a consent in force for DISTRICT_COMMUNITIES", async () => {
    const ctx = tenantContext(muni, methodist, ["METHODIST"]);
    const names = (await listCommunityCandidates(ctx, councilId, sA.id, new Date("2026-12-04T00:00:00Z"))).map((p) => p.lastName);
    expect(names.sort()).toEqual(["Волков", "Орлова"]);
    // Another office's school: nothing, even asked by id.
    expect(await listCommunityCandidates(ctx, councilId, foreign.id, new Date("2026-12-04T00:00:00Z"))).toEqual([]);
  });

  it("refuses a person of another municipality, without consent, with an expired consent, a duplicate — nothing written", async () => {
    const add = (personId: string, communityId = councilId, user = methodist, org = muni.slug) => call(addCommunityMember, as(user), { org, communityId, personId });
    expect(await add(f1)).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "Этот человек не работает в школах округа." } });
    expect(await add(aNoConsent)).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("Нет действующего согласия") } });
    expect(await add(aRevoked)).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("Нет действующего согласия") } });
    // Another office adds the district's person to its own community: not its school.
    const theirs = String((await callOk(createCommunity, as(otherMethodist), { org: otherMuni.slug, kind: "MENTOR_COUNCIL", name: "Совет соседей" })).communityId);
    expect(await add(aCurator, theirs, otherMethodist, otherMuni.slug)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // … nor into ours.
    expect(await add(aCurator, councilId, otherMethodist, otherMuni.slug)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await counts()).toEqual([3, 0, 0, 0, 0]);

    members.aCurator = String((await callOk(addCommunityMember, as(methodist), { org: muni.slug, communityId: councilId, personId: aCurator })).communityMemberId);
    members.aMentor = String((await callOk(addCommunityMember, as(methodist), { org: muni.slug, communityId: councilId, personId: aMentor })).communityMemberId);
    members.b1 = String((await callOk(addCommunityMember, as(methodist), { org: muni.slug, communityId: councilId, personId: b1 })).communityMemberId);
    members.assocA = String((await callOk(addCommunityMember, as(methodist), { org: muni.slug, communityId: associationId, personId: aCurator })).communityMemberId);
    expect(await add(aCurator)).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Этот человек уже входит в сообщество." } });
    expect(await counts()).toEqual([3, 4, 0, 0, 0]);
    expect(await db().prisma.communityMember.findUniqueOrThrow({ where: { id: members.aCurator } })).toMatchObject({
      organizationId: sA.id, officeId: muni.id, lastName: "Орлова", firstName: "Татьяна", curator: true, mentor: false,
    });
    expect(await db().prisma.communityMember.findUniqueOrThrow({ where: { id: members.b1 } })).toMatchObject({ organizationId: sB.id, curator: false, mentor: true });
  });

  it("records a meeting with attendance from two schools; a wrong date or a non-member refuses it — nothing written", async () => {
    const base = { org: muni.slug, communityId: councilId, agenda: "1. Итоги первого полугодия.\n2. Наставничество молодых педагогов." };
    expect(await call(holdCommunityMeeting, as(methodist), { ...base, date: "01.12.2026", communityMemberIds: [members.aCurator!] })).toMatchObject({
      ok: false, error: { code: "VALIDATION", fieldErrors: { date: ["Введите дату в формате ДД.ММ.ГГГГ."] } },
    });
    expect(await call(holdCommunityMeeting, as(methodist), { ...base, date: "2026-12-01", communityMemberIds: [members.aCurator!, members.assocA!] })).toMatchObject({
      ok: false, error: { code: "VALIDATION", message: "Отметить присутствие можно только у участников сообщества." },
    });
    expect(await call(holdCommunityMeeting, as(methodist), { ...base, date: "2026-12-01", agenda: " ", communityMemberIds: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await counts()).toEqual([3, 4, 0, 0, 0]);
    meetingId = String((await callOk(holdCommunityMeeting, as(methodist), { ...base, date: "2026-12-01", communityMemberIds: [members.aCurator!, members.aMentor!, members.b1!] })).communityMeetingId);
    await callOk(holdCommunityMeeting, as(methodist), { ...base, date: "2026-10-15", agenda: "Установочное заседание", communityMemberIds: [members.aCurator!] });
    await callOk(holdCommunityMeeting, as(methodist), { ...base, date: "2027-02-18", agenda: "Планирование на второе полугодие", communityMemberIds: [] });
    expect(await counts()).toEqual([3, 4, 3, 4, 0]);
    const rows = await db().prisma.communityAttendance.findMany({ where: { meetingId }, select: { organizationId: true, officeId: true } });
    expect(rows.map((r) => r.organizationId).sort()).toEqual([sA.id, sA.id, sB.id].sort());
    expect(rows.every((r) => r.officeId === muni.id)).toBe(true);
  });

  it("attaches a material to the meeting (the office's file); another office cannot", async () => {
    const file = new File([new TextEncoder().encode("%PDF-1.4 протокол")], "протокол.pdf", { type: "application/pdf" });
    expect(await call(attachCommunityMaterial, as(otherMethodist), { org: otherMuni.slug, communityMeetingId: meetingId, file })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "большой.pdf", { type: "application/pdf" });
    expect(await call(attachCommunityMaterial, as(methodist), { org: muni.slug, communityMeetingId: meetingId, file: big })).toMatchObject({ ok: false, error: { message: "Файл больше 10 МБ." } });
    const { communityMaterialId } = await callOk(attachCommunityMaterial, as(methodist), { org: muni.slug, communityMeetingId: meetingId, file });
    const got = await getCommunityMaterialFile(tenantContext(muni, methodist, ["METHODIST"]), meetingId, String(communityMaterialId));
    expect(got?.fileName).toBe("протокол.pdf");
    expect(await getCommunityMaterialFile(tenantContext(sA, sA.director, ["DIRECTOR"]), meetingId, String(communityMaterialId))).toBeNull();
  });
});

describe("what each side sees", () => {
  it("the office: its communities with the next meeting, a community's members and meetings, a meeting's attendance", async () => {
    const ctx = tenantContext(muni, methodist, ["METHODIST"]);
    const today = new Date("2026-12-04T00:00:00Z");
    const list = await listCommunities(ctx, today);
    expect(list.map((c) => [c.name, c.members, c.meetings, c.next?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["Совет наставников", 3, 3, "2027-02-18"],
      ["МО учителей начальных классов", 1, 0, null],
    ]);
    // The head of the office reads the same list.
    expect((await listCommunities(tenantContext(muni, head, ["MUNICIPAL_HEAD"]), today)).map((c) => c.name)).toEqual(list.map((c) => c.name));
    const council = await getCommunity(ctx, councilId);
    expect(council?.members.map((m) => [m.school, m.name])).toEqual([["СОШ №1", "Волков Сергей"], ["СОШ №1", "Орлова Татьяна"], ["СОШ №2", "Фёдорова Ольга"]]);
    const meeting = await getCommunityMeeting(ctx, councilId, meetingId);
    expect(meeting?.members.filter((m) => m.attended).length).toBe(3);
    expect(meeting?.materials.map((m) => m.fileName)).toEqual(["протокол.pdf"]);
    // Another office's methodist: nothing of it.
    const other = tenantContext(otherMuni, otherMethodist, ["METHODIST"]);
    expect(await getCommunity(other, councilId)).toBeNull();
    expect(await getCommunityMeeting(other, councilId, meetingId)).toBeNull();
    expect((await listCommunities(other, today)).map((c) => c.name)).toEqual(["Совет соседей"]);
  });

  it("a school sees its own people's participation and nothing of other schools' people", async () => {
    const a = await listSchoolParticipation(tenantContext(sA, sA.curator, ["CURATOR"]));
    expect(a.map((m) => [m.name, m.community.name, m.attended.map((x) => x.date.toISOString().slice(0, 10))])).toEqual([
      ["Волков Сергей", "Совет наставников", ["2026-12-01"]],
      ["Орлова Татьяна", "МО учителей начальных классов", []],
      ["Орлова Татьяна", "Совет наставников", ["2026-12-01", "2026-10-15"]],
    ]);
    expect((await listSchoolParticipation(tenantContext(sB, sB.curator, ["CURATOR"]))).map((m) => m.name)).toEqual(["Фёдорова Ольга"]);
    expect(await listSchoolParticipation(tenantContext(sC, sC.curator, ["CURATOR"]))).toEqual([]);
    expect(await listSchoolParticipation(tenantContext(foreign, foreign.curator, ["CURATOR"]))).toEqual([]);
  });

  it("the district figures: per school the curators and mentors at the council this quarter, the council's meetings per quarter", async () => {
    const figures = await getCouncilFigures(tenantContext(muni, methodist, ["METHODIST"]), new Date("2026-12-04T00:00:00Z"));
    expect(figures.quarter).toEqual({ year: 2026, quarter: 4 });
    expect(figures.bySchool.map((s) => [s.name, s.curators, s.mentors])).toEqual([["СОШ №1", 1, 1], ["СОШ №2", 0, 1], ["СОШ №3", 0, 0]]);
    expect(figures.perQuarter).toEqual([{ year: 2027, quarter: 1, meetings: 1 }, { year: 2026, quarter: 4, meetings: 2 }]);
    const next = await getCouncilFigures(tenantContext(muni, methodist, ["METHODIST"]), new Date("2027-02-20T00:00:00Z"));
    expect(next.bySchool.map((s) => [s.curators, s.mentors])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it("the office's public list: name, kind, next meeting — no people", async () => {
    const list = await loadPublicCommunities(muni.id, new Date("2026-12-04T00:00:00Z"));
    expect(list).toEqual([
      { name: "Совет наставников", kind: "MENTOR_COUNCIL", area: null, nextMeeting: new Date("2027-02-18T00:00:00Z") },
      { name: "МО учителей начальных классов", kind: "METHOD_ASSOCIATION", area: "Начальные классы", nextMeeting: null },
    ]);
    expect(await loadPublicCommunities(sA.id, new Date("2026-12-04T00:00:00Z"))).toEqual([]);
  });
});

describe("the second wall: row-level security with the application forgetting to filter", () => {
  const raw = (organizationId: string) =>
    withDb({ organizationId }, async (tx) => ({
      members: (await tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "CommunityMember"`).map((r) => r.organizationId),
      attendance: (await tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "CommunityAttendance"`).map((r) => r.organizationId),
      communities: (await tx.$queryRaw<{ name: string }[]>`SELECT name FROM "DistrictCommunity" ORDER BY name`).map((r) => r.name),
      meetings: Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "CommunityMeeting"`)[0]!.n),
      materials: Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "CommunityMaterial"`)[0]!.n),
    }));

  it("school A reads only its own member and attendance rows; school C none; the schools read the office's communities and meetings, not its materials", async () => {
    const a = await raw(sA.id);
    expect(a.members.length).toBe(3);
    expect(new Set(a.members)).toEqual(new Set([sA.id]));
    expect(a.attendance.length).toBe(3);
    expect(new Set(a.attendance)).toEqual(new Set([sA.id]));
    expect(a.communities).toEqual(["МО учителей начальных классов", "Совет наставников"]);
    expect(a.meetings).toBe(3);
    expect(a.materials).toBe(0);
    const c = await raw(sC.id);
    expect([c.members, c.attendance, c.materials]).toEqual([[], [], 0]);
  });

  it("the office reads the rows naming it; another office and its school read nothing of ours", async () => {
    const office = await raw(muni.id);
    expect(office.members.length).toBe(4);
    expect(office.attendance.length).toBe(4);
    expect(office.materials).toBe(1);
    for (const outsider of [otherMuni.id, foreign.id]) {
      const r = await raw(outsider);
      expect([r.members, r.attendance, r.communities.filter((n) => n !== "Совет соседей"), r.meetings, r.materials]).toEqual([[], [], [], 0, 0]);
    }
  });

  it("a school cannot add, change or remove a member or an attendance; another office cannot address the district's schools", async () => {
    const before = await counts();
    const insertMember = (scope: string, office: string) =>
      withDb({ organizationId: scope }, (tx) => tx.$executeRaw`INSERT INTO "CommunityMember" (id, "organizationId", "officeId", "communityId", "personId", "lastName", "firstName") VALUES (gen_random_uuid(), ${sA.id}::uuid, ${office}::uuid, ${councilId}::uuid, ${aNoConsent}::uuid, 'Без', 'Согласия')`);
    await expect(insertMember(sA.id, muni.id)).rejects.toThrow();
    await expect(insertMember(otherMuni.id, otherMuni.id)).rejects.toThrow();
    // The school may only erase its person's name (decision 059, below): writing one is refused by the guard.
    await expect(withDb({ organizationId: sA.id }, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "lastName" = 'Иванова' WHERE "organizationId" = ${sA.id}::uuid`)).rejects.toThrow(/only erase/i);
    await expect(withDb({ organizationId: sA.id }, (tx) => tx.$executeRaw`DELETE FROM "CommunityMember"`)).rejects.toThrow(/permission denied/i);
    await expect(withDb({ organizationId: muni.id }, (tx) => tx.$executeRaw`DELETE FROM "CommunityAttendance"`)).rejects.toThrow(/permission denied/i);
    await expect(
      withDb({ organizationId: sA.id }, (tx) => tx.$executeRaw`INSERT INTO "CommunityAttendance" (id, "organizationId", "officeId", "meetingId", "memberId") VALUES (gen_random_uuid(), ${sA.id}::uuid, ${muni.id}::uuid, ${meetingId}::uuid, ${members.assocA!}::uuid)`),
    ).rejects.toThrow();
    // A school cannot write the office's community either.
    expect(await withDb({ organizationId: sA.id }, (tx) => tx.$executeRaw`UPDATE "DistrictCommunity" SET name = 'Взлом'`)).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("the people functions answer only the office directly above the school", async () => {
    const candidates = (scope: string, school: string) => withDb({ organizationId: scope }, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM community_candidates(${school}::uuid, '2026-12-04'::date)`);
    expect((await candidates(muni.id, sA.id)).length).toBe(2);
    expect(await candidates(otherMuni.id, sA.id)).toEqual([]);
    expect(await candidates(sA.id, sA.id)).toEqual([]);
    const person = (scope: string) => withDb({ organizationId: scope }, (tx) => tx.$queryRaw<{ last_name: string | null }[]>`SELECT last_name FROM community_person(${aNoConsent}::uuid, '2026-12-04'::date)`);
    // The office learns the person is of its school, never the name without the consent.
    expect(await person(muni.id)).toEqual([{ last_name: null }]);
    expect(await person(otherMuni.id)).toEqual([]);
    expect(await person(sB.id)).toEqual([]);
  });
});

describe("leaving a community, and a withdrawn consent (152-ФЗ)", () => {
  const member = (id: string) => db().prisma.communityMember.findUniqueOrThrow({ where: { id }, select: { lastName: true, firstName: true, middleName: true, position: true, leftAt: true, leftReason: true, curator: true } });
  const office = () => tenantContext(muni, methodist, ["METHODIST"]);

  it("the methodist removes a member with a reason; twice, without a reason, by another office or a school — refused, nothing written", async () => {
    const remove = (user: { id: string }, org: string, reason = "Перешла в другой округ") => call(removeCommunityMember, as(user), { org, communityMemberId: members.b1!, reason });
    expect(await remove(methodist, muni.slug, " ")).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { reason: expect.any(Array) } } });
    expect(await remove(otherMethodist, otherMuni.slug)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await remove(sB.director, sB.slug)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await member(members.b1!)).leftAt).toBeNull();
    await callOk(removeCommunityMember, as(methodist), { org: muni.slug, communityMemberId: members.b1!, reason: "Перешла в другой округ" });
    expect(await remove(methodist, muni.slug, "Ещё раз")).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Этот участник уже выбыл из сообщества." } });
    // The name stays with the meetings she attended; the first reason stands.
    expect(await member(members.b1!)).toMatchObject({ lastName: "Фёдорова", leftReason: "Перешла в другой округ", leftAt: expect.any(Date) });
    expect((await listCommunities(office(), new Date("2026-12-04T00:00:00Z"))).find((c) => c.name === "Совет наставников")?.members).toBe(2);
    const council = await getCommunity(office(), councilId);
    expect(council?.members.filter((m) => m.leftAt !== null).map((m) => [m.name, m.leftReason])).toEqual([["Фёдорова Ольга", "Перешла в другой округ"]]);
  });

  it("a member who left is not recorded at a later meeting (refused, nothing written), still at one before; and may be added again", async () => {
    const before = await counts();
    const hold = (date: string) => call(holdCommunityMeeting, as(methodist), { org: muni.slug, communityId: councilId, date, agenda: "Заседание", communityMemberIds: [members.b1!] });
    expect(await hold("2026-12-20")).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Отмечен участник, который к дате встречи выбыл из сообщества или отозвал согласие." } });
    expect(await counts()).toEqual(before);
    expect(await hold("2026-11-20")).toMatchObject({ ok: true });
    const candidates = await listCommunityCandidates(office(), councilId, sB.id, new Date("2026-12-04T00:00:00Z"));
    expect(candidates.map((c) => c.lastName)).toEqual(["Фёдорова"]);
    const again = await callOk(addCommunityMember, as(methodist), { org: muni.slug, communityId: councilId, personId: b1 });
    expect(again.communityMemberId).toBe(members.b1);
    expect(await member(members.b1!)).toMatchObject({ lastName: "Фёдорова", leftAt: null, leftReason: null });
  });

  it("the school records the withdrawal of the DISTRICT_COMMUNITIES consent: the name is erased from every community, the attendance still counts", async () => {
    const consent = await db().prisma.consent.findFirstOrThrow({ where: { personId: aCurator, purposes: { has: "DISTRICT_COMMUNITIES" } }, select: { id: true } });
    const attendanceBefore = await db().prisma.communityAttendance.count({ where: { memberId: members.aCurator! } });
    const res = await callOk(revokeConsent, as(sA.curator), { org: sA.slug, consentId: consent.id, revokedAt: "2026-12-04", reason: "Заявление об отзыве согласия" });
    expect(res).toMatchObject({ communitiesErased: 2 });
    for (const id of [members.aCurator!, members.assocA!]) {
      expect(await member(id)).toMatchObject({ lastName: null, firstName: null, middleName: null, position: null, leftAt: expect.any(Date), leftReason: null, curator: true });
    }
    expect(await db().prisma.communityAttendance.count({ where: { memberId: members.aCurator! } })).toBe(attendanceBefore);
    // The office: a nameless former member; the council's figures still count her attendance this quarter.
    const council = await getCommunity(office(), councilId);
    expect(council?.members.filter((m) => m.leftAt !== null).map((m) => [m.school, m.name])).toEqual([["СОШ №1", null]]);
    const figures = await getCouncilFigures(office(), new Date("2026-12-04T00:00:00Z"));
    expect(figures.bySchool.find((f) => f.name === "СОШ №1")).toMatchObject({ curators: 1, mentors: 1 });
    // No name of hers reaches the office's meeting page either.
    const meeting = await getCommunityMeeting(office(), councilId, meetingId);
    expect(meeting?.members.some((m) => m.name?.includes("Орлова"))).toBe(false);
    // The school still knows its own person (from its own table) and sees that she left.
    const mine = await listSchoolParticipation(tenantContext(sA, sA.curator, ["CURATOR"]));
    expect(mine.filter((m) => m.name === "Орлова Татьяна").map((m) => m.leftAt !== null)).toEqual([true, true]);
    // Without a consent she cannot be added back; another revocation erases nothing more.
    expect(await call(addCommunityMember, as(methodist), { org: muni.slug, communityId: councilId, personId: aCurator })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(holdCommunityMeeting, as(methodist), { org: muni.slug, communityId: councilId, date: "2026-11-25", agenda: "Заседание", communityMemberIds: [members.aCurator!] })).toMatchObject({
      ok: false, error: { code: "VALIDATION", message: "Отмечен участник, который к дате встречи выбыл из сообщества или отозвал согласие." },
    });
  });

  it("the walls of leaving: the school cannot write a name back or end another school's member; another office changes nothing; nobody moves a member", async () => {
    const asOrg = (organizationId: string, sql: (tx: Parameters<Parameters<typeof withDb>[1]>[0]) => Promise<number>) => withDb({ organizationId }, sql);
    await expect(asOrg(sA.id, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "lastName" = 'Орлова', "firstName" = 'Татьяна' WHERE id = ${members.aCurator!}::uuid`)).rejects.toThrow(/only erase/i);
    await expect(asOrg(sA.id, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "leftAt" = NULL, "lastName" = NULL, "firstName" = NULL WHERE id = ${members.aCurator!}::uuid`)).rejects.toThrow(/only erase/i);
    expect(await asOrg(sC.id, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "lastName" = NULL, "firstName" = NULL, "leftAt" = now()`)).toBe(0);
    expect(await asOrg(otherMuni.id, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "leftReason" = 'Взлом', "leftAt" = now()`)).toBe(0);
    await expect(asOrg(muni.id, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "organizationId" = ${sC.id}::uuid WHERE id = ${members.aMentor!}::uuid`)).rejects.toThrow(/permission denied/i);
    await expect(asOrg(muni.id, (tx) => tx.$executeRaw`UPDATE "CommunityMember" SET "personId" = ${aNoConsent}::uuid WHERE id = ${members.aMentor!}::uuid`)).rejects.toThrow(/permission denied/i);
    expect(await member(members.aMentor!)).toMatchObject({ lastName: "Волков", leftAt: null });
    expect(await member(members.b1!)).toMatchObject({ lastName: "Фёдорова", leftAt: null });
  });
});
