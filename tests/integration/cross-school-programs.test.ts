import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { setDistrictVisibility } from "../../lib/banks/actions";
import { recordDutiesConsent } from "../../lib/banks/duties-actions";
import { approveCrossPair, consentCrossPair, logCrossMeeting, proposeCrossPair } from "../../lib/cross-pairs/actions";
import { crossPairPlan } from "../../lib/cross-pairs/program";
import { savePlannedMeeting } from "../../lib/pairs/meeting-schedule-actions";
import { pairOrderDocument } from "../../lib/pairs/order-document";
import { approvePersonalProgram, savePersonalProgram, savePlanItem } from "../../lib/pairs/personal-program-actions";
import { buildPersonalProgramDocument, getPairProgram } from "../../lib/pairs/work-queries";
import { loadCompletionFacts, loadPairFacts } from "../../lib/programs/facts";
import { unmetExitConditions } from "../../lib/domain/stages";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { addStaff, createMentee, createMentor, createSchool, type School } from "../setup/factories";
import { as, call, callOk, tenantContext } from "../setup/call";

const db = setupTestDatabase();
pinClock();

// The personalized program of a cross-school pair, the stage gates over cross-school pairs, and the mentor's written
// consent to the additional duties in the mentee's school's order (docs/decisions/062). School A owns the pair (its
// mentee), school B lends the mentor, school C and the office stand outside.

async function world() {
  const prisma = db().prisma;
  const district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  const a = await createSchool(prisma, { parentId: district.id, stage: 5, shortName: "Школа А" });
  const b = await createSchool(prisma, { parentId: district.id, stage: 5, shortName: "Школа Б" });
  const c = await createSchool(prisma, { parentId: district.id, stage: 5 });
  const visible = async (s: School, options: Parameters<typeof createMentor>[1] = {}) => {
    const m = await createMentor(s, options);
    await callOk(setDistrictVisibility, as(s.curator), { org: s.slug, mentorId: m.mentorId, visible: "yes", agreedOn: "2026-09-10" });
    return m;
  };
  // B's mentor without a recorded consent to the additional duties (decision 023).
  const mentor = await visible(b, { person: { lastName: "Наставникова", firstName: "Берта" }, dutiesGivenAt: null });
  const mentee = await createMentee(a, { person: { lastName: "Молодая", firstName: "Анна" }, difficulties: ["PARENTS", "LESSON_PLANNING"], request: "Секретный запрос о родителях" });
  const methodist = await createMember(prisma, district.id, ["METHODIST"]);
  return { prisma, district, a, b, c, mentor, mentee, methodist };
}
type World = Awaited<ReturnType<typeof world>>;

const snapshot = (w: World) =>
  Promise.all([w.prisma.crossSchoolPair.findMany({ orderBy: { id: "asc" } }), w.prisma.pairOrder.count(), w.prisma.localAct.count(), w.prisma.menteeProfile.findMany({ orderBy: { id: "asc" } })]);

async function consentedPair(w: World) {
  const { crossSchoolPairId } = await callOk(proposeCrossPair, as(w.a.curator), { org: w.a.slug, programId: w.a.programId, menteeId: w.mentee.menteeId, mentorId: w.mentor.mentorId, direction: "Работа с родителями" });
  await callOk(consentCrossPair, as(w.b.director), { org: w.b.slug, crossSchoolPairId, version: 1 });
  return crossSchoolPairId;
}

async function activePair(w: World) {
  const id = await consentedPair(w);
  await callOk(recordDutiesConsent, as(w.b.curator), { org: w.b.slug, mentorId: w.mentor.mentorId, givenAt: "2026-10-20" });
  await callOk(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId: id, version: 2, orderDate: "2026-11-02" });
  return id;
}

const program = (w: World, pairId: string) => ({
  org: w.a.slug,
  pairId,
  startsOn: "2026-11-02",
  endsOn: "2027-05-31",
  direction: "Работа с родителями",
  goals: "Научиться выстраивать работу с родителями.",
  tasks: "1. Подготовить собрание.",
  workingMode: "MIXED" as const,
  difficulties: ["PARENTS"],
  expectedResults: "Проведено родительское собрание.",
  achievedResults: "",
});

describe("the mentor's written consent to the additional duties in the mentee's school's order", () => {
  it("refuses to secure the pair without it, naming the mentor, and writes nothing; cites it with its date once recorded", async () => {
    const w = await world();
    const id = await consentedPair(w);
    const before = await snapshot(w);
    const refused = await call(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId: id, version: 2, orderDate: "2026-11-02" });
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("Наставникова Берта: не записано письменное согласие наставника на дополнительную работу") } });
    expect(refused.ok ? "" : refused.error.message).toContain("Школа Б");
    expect(await snapshot(w)).toEqual(before);

    // Recorded after the order's date: still refused.
    await callOk(recordDutiesConsent, as(w.b.curator), { org: w.b.slug, mentorId: w.mentor.mentorId, givenAt: "2026-11-05" });
    expect(await call(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId: id, version: 2, orderDate: "2026-11-02" })).toMatchObject({ ok: false, error: { message: expect.stringContaining("05.11.2026") } });
    expect(await snapshot(w)).toEqual(before);

    await callOk(recordDutiesConsent, as(w.b.curator), { org: w.b.slug, mentorId: w.mentor.mentorId, givenAt: "2026-10-20" });
    const approved = await callOk(approveCrossPair, as(w.a.director), { org: w.a.slug, crossSchoolPairId: id, version: 2, orderDate: "2026-11-02" });
    const doc = await pairOrderDocument(tenantContext(w.a, w.a.director, ["DIRECTOR"]), approved.orderId);
    if (!doc?.ok) throw new Error("the order document was refused");
    expect(doc.document.appendix!.rows[0]![5]).toContain("согласие на доп. работу от 20.10.2026");

    // Only that date crosses the wall: A reads no row of B's mentor bank, and the function answers no other school.
    const fromA = await withDb({ organizationId: w.a.id }, async (tx) => ({
      mentors: await tx.mentorProfile.count({ where: { organizationId: w.b.id } }),
      duties: await tx.$queryRaw<{ duties_consent_at: Date }[]>`SELECT duties_consent_at FROM cross_school_pair_mentor_duties(${w.a.id}::uuid)`,
    }));
    expect(fromA.mentors).toBe(0);
    expect(fromA.duties.map((d) => d.duties_consent_at.toISOString().slice(0, 10))).toEqual(["2026-10-20"]);
    for (const org of [w.b.id, w.c.id, w.district.id]) {
      const rows = await withDb({ organizationId: org }, async (tx) => [
        ...(await tx.$queryRaw<unknown[]>`SELECT * FROM cross_school_pair_mentor_duties(${org}::uuid)`),
        ...(await tx.$queryRaw<unknown[]>`SELECT * FROM cross_school_pair_mentor_duties(${w.a.id}::uuid)`),
      ]);
      expect(rows).toEqual([]);
    }
  });
});

describe("the personalized program of a cross-school pair", () => {
  it("A's curator writes it, A's director approves it; B reads the plan without the difficulties; C and the office read nothing", async () => {
    const w = await world();
    const id = await activePair(w);
    await callOk(savePersonalProgram, as(w.a.curator), program(w, id));
    await callOk(savePlanItem, as(w.a.curator), { org: w.a.slug, pairId: id, title: "Подготовка родительского собрания", dueOn: "2026-12-15", status: "PLANNED", result: "" });
    await callOk(savePlannedMeeting, as(w.a.curator), { org: w.a.slug, pairId: id, plannedOn: "2027-05-20", kind: "FINAL", topic: "Итоги" });
    // A difficulty not in the mentee's bank entry is refused, as for a school pair.
    expect(await call(savePersonalProgram, as(w.a.curator), { ...program(w, id), difficulties: ["DIGITAL"] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const row = await w.prisma.personalProgram.findFirstOrThrow({ where: { crossPairId: id } });
    expect(row).toMatchObject({ organizationId: w.a.id, pairId: null, crossPairId: id, difficulties: ["PARENTS"], status: "DRAFT", version: 3 });

    // Approval: the curator writes, the director (or the curator) approves the version read; B's head cannot.
    expect(await call(approvePersonalProgram, as(w.b.director), { org: w.b.slug, pairId: id, version: row.version })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(approvePersonalProgram, as(w.a.director), { org: w.a.slug, pairId: id, version: row.version - 1 })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await callOk(approvePersonalProgram, as(w.a.director), { org: w.a.slug, pairId: id, version: row.version });
    expect(await w.prisma.personalProgram.findFirstOrThrow({ where: { crossPairId: id } })).toMatchObject({ status: "APPROVED", approvedVersion: row.version, approvedById: w.a.director.id });

    // A's page and document: the school pair's editor and .docx.
    const page = await getPairProgram(tenantContext(w.a, w.a.curator, ["CURATOR"]), id);
    expect(page).toMatchObject({ canEdit: true, cross: { mentorSchool: "Школа Б" }, pair: { mentor: { name: "Наставникова Берта" } }, program: { status: "APPROVED", difficulties: ["PARENTS"] } });
    const doc = await buildPersonalProgramDocument(tenantContext(w.a, w.a.director, ["DIRECTOR"]), id);
    expect(doc).toMatchObject({ mentor: { name: "Наставникова Берта" }, form: expect.stringContaining("Школа Б"), items: [{ title: "Подготовка родительского собрания" }] });

    // B's head and B's mentor read the plan: goals, tasks, items, schedule, approval — never the difficulties.
    const mentorUser = await addStaff(w.prisma, w.b, ["MENTOR"]);
    await w.prisma.person.update({ where: { id: w.mentor.personId }, data: { userId: mentorUser.id } });
    for (const reader of [tenantContext(w.b, w.b.director, ["DIRECTOR"]), tenantContext(w.b, mentorUser, ["MENTOR"])]) {
      const plan = await crossPairPlan(reader, id);
      expect(plan).toMatchObject({ goals: "Научиться выстраивать работу с родителями.", tasks: "1. Подготовить собрание.", status: "APPROVED", approvedBy: { name: w.a.director.name }, items: [{ title: "Подготовка родительского собрания" }], plannedMeetings: [{ kind: "FINAL", topic: "Итоги" }] });
      expect(plan!.startsOn.toISOString().slice(0, 10)).toBe("2026-11-02");
      expect(JSON.stringify(plan)).not.toMatch(/PARENTS|LESSON_PLANNING|difficult|Секретный/);
    }
    // B's staff through the school pair's path: nothing (404), whether to read, write or approve.
    expect(await getPairProgram(tenantContext(w.b, w.b.director, ["DIRECTOR"]), id)).toBeNull();
    expect(await call(savePersonalProgram, as(w.b.curator), { ...program(w, id), org: w.b.slug, difficulties: [] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // School C, the office: nothing.
    expect(await crossPairPlan(tenantContext(w.c, w.c.director, ["DIRECTOR"]), id)).toBeNull();
    expect(await call(savePersonalProgram, as(w.c.curator), { ...program(w, id), org: w.c.slug })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("row-level security, the application forgetting to filter: B cannot read the difficulties nor write the program; C and the office see nothing", async () => {
    const w = await world();
    const id = await activePair(w);
    await callOk(savePersonalProgram, as(w.a.curator), program(w, id));
    await callOk(savePlanItem, as(w.a.curator), { org: w.a.slug, pairId: id, title: "Собрание", dueOn: "2026-12-15", status: "PLANNED", result: "" });
    const programRow = await w.prisma.personalProgram.findFirstOrThrow({ where: { crossPairId: id } });
    const before = await Promise.all([w.prisma.personalProgram.findMany(), w.prisma.planItem.findMany(), w.prisma.plannedMeeting.findMany()]);

    const unfiltered = (org: string) =>
      withDb({ organizationId: org }, async (tx) => ({
        programs: await tx.personalProgram.count(),
        difficulties: await tx.$queryRaw<unknown[]>`SELECT difficulties FROM "PersonalProgram"`,
        items: await tx.planItem.count(),
        planned: await tx.plannedMeeting.count(),
        updated: (await tx.personalProgram.updateMany({ data: { goals: "Переписано", status: "APPROVED" } })).count,
        itemsUpdated: (await tx.planItem.updateMany({ data: { status: "DONE" } })).count,
        deleted: (await tx.personalProgram.deleteMany({})).count,
      }));
    for (const org of [w.b.id, w.c.id, w.district.id]) {
      expect(await unfiltered(org)).toEqual({ programs: 0, difficulties: [], items: 0, planned: 0, updated: 0, itemsUpdated: 0, deleted: 0 });
      // Writing in A's name or its own: refused by the policies.
      await expect(withDb({ organizationId: org }, (tx) => tx.planItem.create({ data: { organizationId: w.a.id, personalProgramId: programRow.id, title: "Чужое", dueOn: new Date("2026-12-01") } }))).rejects.toThrow();
      await expect(withDb({ organizationId: org }, (tx) => tx.personalProgram.create({ data: { organizationId: org, crossPairId: id, startsOn: new Date("2026-11-02"), endsOn: new Date("2027-05-31"), direction: "x", goals: "x", expectedResults: "x" } }))).rejects.toThrow();
    }
    // The plan function: B gets the plan (no difficulties key at all); C and the office, and a forged organization, nothing.
    const plan = (org: string, asOrg: string) => withDb({ organizationId: org }, async (tx) => (await tx.$queryRaw<{ plan: Record<string, unknown> | null }[]>`SELECT cross_school_pair_plan(${asOrg}::uuid, ${id}::uuid) AS plan`)[0]!.plan);
    const fromB = await plan(w.b.id, w.b.id);
    expect(fromB).toMatchObject({ goals: "Научиться выстраивать работу с родителями." });
    expect(Object.keys(fromB!)).not.toContain("difficulties");
    expect(JSON.stringify(fromB)).not.toContain("PARENTS");
    for (const org of [w.c.id, w.district.id]) {
      expect(await plan(org, org)).toBeNull();
      expect(await plan(org, w.a.id)).toBeNull();
      expect(await plan(org, w.b.id)).toBeNull();
    }
    // A program holds one pair: neither both nor none (the CHECK).
    await expect(w.prisma.personalProgram.update({ where: { id: programRow.id }, data: { pairId: null, crossPairId: null } })).rejects.toThrow();
    expect(await Promise.all([w.prisma.personalProgram.findMany(), w.prisma.planItem.findMany(), w.prisma.plannedMeeting.findMany()])).toEqual(before);
  });
});

describe("the stage gates count cross-school pairs (facts)", () => {
  it("a school whose only pair is a cross-school one passes stage 5 by it, and stage 6 waits for its final meeting", async () => {
    const w = await world();
    const facts = () => withDb({ organizationId: w.a.id }, (tx) => loadPairFacts(tx, w.a.id, w.a.programId));
    const gate = async (stage: number) =>
      unmetExitConditions({ stage, curatorAssigned: true, approvedActKinds: ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"], stageActivities: [], banks: null, pairs: await facts(), completion: null }).map((c) => c.code);
    expect(await facts()).toMatchObject({ approvedByOrder: 0 });
    const id = await activePair(w);
    expect(await facts()).toEqual({ approvedByOrder: 1, approvedWithoutProgram: 1, programsNotApproved: 0, activeWithoutFinalOrClosure: 1, feedbackCollected: false });
    expect(await gate(5)).toEqual(["pair-programs"]);
    await callOk(savePersonalProgram, as(w.a.curator), program(w, id));
    await callOk(savePlanItem, as(w.a.curator), { org: w.a.slug, pairId: id, title: "Собрание", dueOn: "2026-12-15", status: "PLANNED", result: "" });
    expect(await gate(5)).toEqual(["pair-programs-approval"]);
    const { version } = await w.prisma.personalProgram.findFirstOrThrow({ where: { crossPairId: id } });
    await callOk(approvePersonalProgram, as(w.a.director), { org: w.a.slug, pairId: id, version });
    expect(await gate(5)).toEqual([]);
    // B, the mentor's school, does not count A's pair.
    expect(await withDb({ organizationId: w.b.id }, (tx) => loadPairFacts(tx, w.b.id, w.b.programId))).toMatchObject({ approvedByOrder: 0 });

    // Stage 6 and 7: the final meeting (logged by either school) ends the pair's work.
    expect(await gate(6)).toEqual(["final-meetings", "feedback"]);
    const completion = () => withDb({ organizationId: w.a.id }, (tx) => loadCompletionFacts(tx, w.a.id, w.a.programId));
    expect((await completion()).openPairs).toBe(1);
    await callOk(logCrossMeeting, as(w.a.curator), { org: w.a.slug, crossSchoolPairId: id, kind: "FINAL", heldOn: "2026-11-20" });
    expect(await gate(6)).toEqual(["feedback"]);
    expect((await completion()).openPairs).toBe(0);
  });
});
