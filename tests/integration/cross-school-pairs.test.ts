import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { setDistrictVisibility } from "../../lib/banks/actions";
import { approveCrossPair, consentCrossPair, declineCrossPair, logCrossMeeting, proposeCrossPair, withdrawCrossPair } from "../../lib/cross-pairs/actions";
import { crossPairPage, listCrossPairs } from "../../lib/cross-pairs/queries";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { proposePairs } from "../../lib/pairs/actions";
import { pairOrderDocument } from "../../lib/pairs/order-document";
import { revokeConsent } from "../../lib/people/actions";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { addStaff, createConsent, createMentee, createMentor, createSchool, type School } from "../setup/factories";
import { as, call, callOk, tenantContext } from "../setup/call";

const db = setupTestDatabase();
pinClock();

// Cross-school pairs (docs/decisions/058): school A's mentee with school B's mentor, B of the same municipality.
// The flow, the refusals (nothing written), and both walls: the application's filter and row-level security.

async function world() {
  const prisma = db().prisma;
  const district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  const otherDistrict = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  const a = await createSchool(prisma, { parentId: district.id, stage: 5, shortName: "Школа А" });
  const b = await createSchool(prisma, { parentId: district.id, stage: 5, shortName: "Школа Б" });
  const c = await createSchool(prisma, { parentId: district.id, stage: 5 });
  const far = await createSchool(prisma, { parentId: otherDistrict.id, stage: 5 });
  const visible = async (s: School, options: Parameters<typeof createMentor>[1] = {}) => {
    const m = await createMentor(s, options);
    await callOk(setDistrictVisibility, as(s.curator), { org: s.slug, mentorId: m.mentorId, visible: "yes", agreedOn: "2026-09-10" });
    return m;
  };
  const mentor = await visible(b, { capacity: "1", person: { lastName: "Наставникова", firstName: "Берта" } });
  const mentee = await createMentee(a, { person: { lastName: "Молодая", firstName: "Анна" }, difficulties: ["PARENTS"], request: "Секретный запрос о родителях" });
  const methodist = await createMember(prisma, district.id, ["METHODIST"]);
  return { prisma, district, a, b, c, far, mentor, mentee, methodist, visible };
}

type World = Awaited<ReturnType<typeof world>>;

/** A counted snapshot of what the actions write. */
const snapshot = (w: World) =>
  Promise.all([w.prisma.crossSchoolPair.findMany({ orderBy: { id: "asc" } }), w.prisma.crossSchoolMeeting.count(), w.prisma.pairOrder.count(), w.prisma.localAct.count()]);

async function activePair(w: World) {
  const { crossSchoolPairId } = await callOk(proposeCrossPair, as(w.a.curator), { org: w.a.slug, programId: w.a.programId, menteeId: w.mentee.menteeId, mentorId: w.mentor.mentorId, direction: "Работа с родителями" });
  await callOk(consentCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 1 });
  await callOk(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 2, orderDate: "2026-11-02" });
  return crossSchoolPairId;
}

describe("cross-school pairs", () => {
  it("A proposes, B's head consents, A's head approves by order; both log meetings; either withdraws", async () => {
    const w = await world();
    const { crossSchoolPairId } = await callOk(proposeCrossPair, as(w.a.curator), { org: w.a.slug, programId: w.a.programId, menteeId: w.mentee.menteeId, mentorId: w.mentor.mentorId });
    const row = await w.prisma.crossSchoolPair.findUniqueOrThrow({ where: { id: crossSchoolPairId } });
    expect(row).toMatchObject({ organizationId: w.a.id, mentorOrganizationId: w.b.id, status: "PROPOSED", version: 1 });

    // Approval before the consent, by the wrong head, or twice: refused, nothing written.
    const before = await snapshot(w);
    expect(await call(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 1, orderDate: "2026-11-02" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(consentCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 1 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(consentCrossPair, as(w.c.director), { org: w.c.slug, crossSchoolPairId, version: 1 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(consentCrossPair, as(w.b.curator), { org: w.b.slug, crossSchoolPairId, version: 1 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshot(w)).toEqual(before);

    await callOk(consentCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 1 });
    expect(await call(consentCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 1 })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(approveCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 2, orderDate: "2026-11-02" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const approved = await callOk(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 2, orderDate: "2026-11-02" });
    expect(approved.number).toBe("1-НП");
    const twice = await snapshot(w);
    expect(await call(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 3, orderDate: "2026-11-02" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await snapshot(w)).toEqual(twice);
    expect(await w.prisma.crossSchoolPair.findUniqueOrThrow({ where: { id: crossSchoolPairId } })).toMatchObject({ status: "ACTIVE", version: 3, orderId: approved.orderId });
    expect(await w.prisma.localAct.findFirstOrThrow({ where: { organizationId: w.a.id, kind: "PAIRS_ORDER" } })).toMatchObject({ number: "1-НП", status: "APPROVED" });
    expect((await w.prisma.menteeProfile.findUniqueOrThrow({ where: { id: w.mentee.menteeId } })).status).toBe("PAIRED");
    // The order's appendix lists the pair with the mentor's organization and the consents it rests on.
    const doc = await pairOrderDocument(tenantContext(w.a, w.a.director, ["DIRECTOR"]), approved.orderId);
    if (!doc?.ok) throw new Error("the order document was refused");
    const rows = doc.document.appendix!.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]![1]).toContain("Наставникова Берта");
    expect(rows[0]![1]).toContain("Школа Б");
    expect(rows[0]![2]).toContain("Молодая Анна");
    expect(rows[0]![5]).toContain("согласие руководителя организации наставника (Школа Б)");

    // Meetings: A's curator and B's mentor (their account linked to the teacher's card); B's director holds no meetings.log.
    const mentorUser = await addStaff(w.prisma, w.b, ["MENTOR"]);
    await w.prisma.person.update({ where: { id: w.mentor.personId }, data: { userId: mentorUser.id } });
    await callOk(logCrossMeeting, as(w.a.curator), { org: w.a.slug, crossSchoolPairId, kind: "INTRO", heldOn: "2026-11-03" });
    await callOk(logCrossMeeting, as(mentorUser), { org: w.b.slug, crossSchoolPairId, kind: "REGULAR", heldOn: "2026-11-10", notes: "План на месяц" });
    const otherMentor = await addStaff(w.prisma, w.b, ["MENTOR"]);
    expect(await call(logCrossMeeting, as(otherMentor), { org: w.b.slug, crossSchoolPairId, kind: "REGULAR", heldOn: "2026-11-10" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(logCrossMeeting, as(w.a.curator), { org: w.a.slug, crossSchoolPairId, kind: "REGULAR", heldOn: "2027-01-10" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await w.prisma.crossSchoolMeeting.findMany({ where: { pairId: crossSchoolPairId }, orderBy: { heldOn: "asc" } })).toMatchObject([
      { organizationId: w.a.id, loggedByOrganizationId: w.a.id, kind: "INTRO" },
      { organizationId: w.a.id, loggedByOrganizationId: w.b.id, kind: "REGULAR" },
    ]);

    // Both schools see the pair, each from its side; B sees the mentee's name but none of the bank's sensitive fields.
    const fromA = await crossPairPage(tenantContext(w.a, w.a.curator, ["CURATOR"]), crossSchoolPairId);
    const fromB = await crossPairPage(tenantContext(w.b, w.b.director, ["DIRECTOR"]), crossSchoolPairId);
    expect(fromA).toMatchObject({ pair: { side: "mentee", status: "ACTIVE", mentor: { name: "Наставникова Берта" }, mentorSchool: "Школа Б", orderNumber: "1-НП" } });
    expect(fromB).toMatchObject({ pair: { side: "mentor", mentee: { name: "Молодая Анна" }, menteeSchool: "Школа А", orderNumber: "1-НП" } });
    expect(fromB!.meetings).toHaveLength(2);
    expect(JSON.stringify(fromB)).not.toMatch(/PARENTS|Секретный|YOUNG_SPECIALIST/);
    expect(await listCrossPairs(tenantContext(w.b, mentorUser, ["MENTOR"]))).toHaveLength(1);
    expect(await listCrossPairs(tenantContext(w.b, otherMentor, ["MENTOR"]))).toHaveLength(0);
    // School C of the same district sees nothing of it.
    expect(await crossPairPage(tenantContext(w.c, w.c.curator, ["CURATOR"]), crossSchoolPairId)).toBeNull();
    expect(await listCrossPairs(tenantContext(w.c, w.c.director, ["DIRECTOR"]))).toEqual([]);

    // The district figures count the pair once, for A (the owner), with its meetings.
    const figures = await withDb({ organizationId: w.district.id }, (tx) => loadDistrictFigures(tx, w.district.id, 2026, new Date("2026-12-04T00:00:00Z")));
    const of = (id: string) => figures.find((f) => f.schoolId === id)!;
    expect(of(w.a.id).pairs).toMatchObject({ active: 1, byOrder: 1 });
    expect(of(w.b.id).pairs).toMatchObject({ active: 0, byOrder: 0 });

    // B withdraws it with a reason: the pair ends and A's mentee waits again.
    expect(await call(withdrawCrossPair, as(w.c.director), { org: w.c.slug, crossSchoolPairId, version: 3, reason: "Чужая" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await callOk(withdrawCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 3, reason: "Наставник переходит в другую школу" });
    expect(await w.prisma.crossSchoolPair.findUniqueOrThrow({ where: { id: crossSchoolPairId } })).toMatchObject({ status: "WITHDRAWN", closedReason: "Наставник переходит в другую школу", closedByOrganizationId: w.b.id });
    expect((await w.prisma.menteeProfile.findUniqueOrThrow({ where: { id: w.mentee.menteeId } })).status).toBe("WAITING");
    expect(await call(withdrawCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 4, reason: "Ещё раз" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(logCrossMeeting, as(w.a.curator), { org: w.a.slug, crossSchoolPairId, kind: "REGULAR", heldOn: "2026-11-20" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("refuses a mentor without consent, over capacity, of another municipality, and a decline needs a reason", async () => {
    const w = await world();
    const propose = (mentorId: string, menteeId = w.mentee.menteeId) => call(proposeCrossPair, as(w.a.curator), { org: w.a.slug, programId: w.a.programId, menteeId, mentorId });
    const before = await snapshot(w);
    // Another municipality's visible mentor: not in A's district bank.
    const far = await w.visible(w.far);
    expect(await propose(far.mentorId)).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("муниципалитета") } });
    // A mentor of B not visible to the district.
    const hidden = await createMentor(w.b);
    expect(await propose(hidden.mentorId)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    // A visible mentor whose consent to pairs was revoked.
    const revoked = await w.visible(w.b);
    const consent = await w.prisma.consent.findFirstOrThrow({ where: { personId: revoked.personId } });
    await callOk(revokeConsent, as(w.b.curator), { org: w.b.slug, consentId: consent.id, revokedAt: "2026-11-01", reason: "Отозвал" });
    expect(await propose(revoked.mentorId)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    // The mentor's one seat is taken by a pair of their own school: over capacity across schools.
    const own = await createMentee(w.b);
    await callOk(proposePairs, as(w.b.curator), { org: w.b.slug, programId: w.b.programId, pairs: [{ mentorId: w.mentor.mentorId, menteeIds: [own.menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    const afterOwn = await snapshot(w);
    expect(await propose(w.mentor.mentorId)).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("1 из 1") } });
    // A mentee of another school, not A's.
    const foreign = await createMentee(w.c);
    const free = await w.visible(w.b);
    expect(await propose(free.mentorId, foreign.menteeId)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect((await snapshot(w))[0]).toEqual(afterOwn[0]);
    expect(afterOwn[0]).toEqual(before[0]);

    // And the other way: B's own pair proposal is refused once the seat is held by A's cross-school pair.
    const { crossSchoolPairId } = await callOk(proposeCrossPair, as(w.a.curator), { org: w.a.slug, programId: w.a.programId, menteeId: w.mentee.menteeId, mentorId: free.mentorId });
    await w.prisma.mentorProfile.update({ where: { id: free.mentorId }, data: { capacity: 1 } });
    const second = await createMentee(w.b);
    expect(await call(proposePairs, as(w.b.curator), { org: w.b.slug, programId: w.b.programId, pairs: [{ mentorId: free.mentorId, menteeIds: [second.menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] })).toMatchObject({ ok: false });
    // The same mentee twice: refused.
    expect(await propose(w.mentor.mentorId)).toMatchObject({ ok: false });

    // B's head declines with a reason (an empty one is refused).
    expect(await call(declineCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 1, reason: " " })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await callOk(declineCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 1, reason: "Наставник загружен" });
    expect(await w.prisma.crossSchoolPair.findUniqueOrThrow({ where: { id: crossSchoolPairId } })).toMatchObject({ status: "DECLINED", declineReason: "Наставник загружен" });
    expect(await call(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId, version: 2, orderDate: "2026-11-02" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // A mentee without a consent to pairs.
    const noConsent = await createMentee(w.a, { person: { purposes: ["BANK"] } });
    await createConsent(w.a, noConsent.personId, ["SURVEYS"]);
    expect(await propose(free.mentorId, noConsent.menteeId)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("row-level security: the mentor's school reads and decides only its own consent; school C and the office read nothing", async () => {
    const w = await world();
    const pairId = await activePair(w);
    const mentorUser = await addStaff(w.prisma, w.b, ["MENTOR"]);
    await callOk(logCrossMeeting, as(w.a.curator), { org: w.a.slug, crossSchoolPairId: pairId, kind: "INTRO", heldOn: "2026-11-03" });
    const meeting = await w.prisma.crossSchoolMeeting.findFirstOrThrow({ where: { pairId } });
    const before = await snapshot(w);

    // The application forgets to filter: C and the office see no row, and their writes reach none.
    for (const org of [w.c.id, w.district.id, w.far.id]) {
      const seen = await withDb({ organizationId: org }, async (tx) => ({
        pairs: await tx.crossSchoolPair.count(),
        meetings: await tx.crossSchoolMeeting.count(),
        parties: (await tx.$queryRaw<unknown[]>`SELECT * FROM cross_school_pair_parties(${org}::uuid)`).length,
        forged: (await tx.$queryRaw<unknown[]>`SELECT * FROM cross_school_pair_parties(${w.a.id}::uuid)`).length,
        updated: (await tx.crossSchoolPair.updateMany({ data: { closedReason: "Чужая" } })).count,
        deleted: (await tx.crossSchoolMeeting.deleteMany({})).count,
      }));
      expect(seen).toEqual({ pairs: 0, meetings: 0, parties: 0, forged: 0, updated: 0, deleted: 0 });
      await expect(withDb({ organizationId: org }, (tx) => tx.crossSchoolMeeting.create({ data: { organizationId: w.a.id, mentorOrganizationId: w.b.id, pairId, kind: "REGULAR", heldOn: new Date("2026-11-05"), loggedById: w.c.curator.id, loggedByOrganizationId: org } }))).rejects.toThrow();
    }

    // B (the mentor's school), unfiltered: reads the pair and its meetings, cannot delete or rewrite them, cannot
    // change anything but its consent and a withdrawal, cannot read A's mentee bank.
    const fromB = await withDb({ organizationId: w.b.id }, async (tx) => ({
      pairs: await tx.crossSchoolPair.count(),
      meetings: await tx.crossSchoolMeeting.count(),
      menteeRows: await tx.menteeProfile.count({ where: { organizationId: w.a.id } }),
      meetingRewritten: (await tx.crossSchoolMeeting.updateMany({ where: { id: meeting.id }, data: { notes: "Переписано" } })).count,
      meetingDeleted: (await tx.crossSchoolMeeting.deleteMany({ where: { id: meeting.id } })).count,
      pairDeleted: (await tx.crossSchoolPair.deleteMany({ where: { id: pairId } })).count,
    }));
    expect(fromB).toEqual({ pairs: 1, meetings: 1, menteeRows: 0, meetingRewritten: 0, meetingDeleted: 0, pairDeleted: 0 });
    await expect(withDb({ organizationId: w.b.id }, (tx) => tx.crossSchoolPair.updateMany({ where: { id: pairId }, data: { menteeId: w.mentee.menteeId, direction: "Подменено" } }))).rejects.toThrow();
    await expect(withDb({ organizationId: w.b.id }, (tx) => tx.crossSchoolPair.updateMany({ where: { id: pairId }, data: { status: "PROPOSED" } }))).rejects.toThrow();
    // B cannot create a pair in A's name, nor one of its own with A's mentee.
    await expect(withDb({ organizationId: w.b.id }, (tx) => tx.crossSchoolPair.create({ data: { organizationId: w.a.id, programId: w.a.programId, menteeId: w.mentee.menteeId, mentorOrganizationId: w.b.id, mentorId: w.mentor.mentorId, proposedById: w.b.director.id } }))).rejects.toThrow();
    // The mentor's school adds meetings only to an active pair it is named on, in its own name.
    await expect(withDb({ organizationId: w.b.id }, (tx) => tx.crossSchoolMeeting.create({ data: { organizationId: w.a.id, mentorOrganizationId: w.b.id, pairId, kind: "REGULAR", heldOn: new Date("2026-11-05"), loggedById: mentorUser.id, loggedByOrganizationId: w.a.id } }))).rejects.toThrow();
    expect(await snapshot(w)).toEqual(before);
    // A's own scope still reads and writes its rows.
    expect(await withDb({ organizationId: w.a.id }, async (tx) => [await tx.crossSchoolPair.count(), await tx.crossSchoolMeeting.count()])).toEqual([1, 1]);
  });
});
