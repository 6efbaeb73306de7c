import { describe, expect, it } from "vitest";
import { addMentee, addMentor, leaveMenteeBank, leaveMentorBank, updateMentee } from "../../lib/banks/actions";
import { approveMentees } from "../../lib/banks/mentee-approval-actions";
import { approveIncentives, proposeIncentive, withdrawIncentive } from "../../lib/incentives/actions";
import { incentiveOrder } from "../../lib/incentives/queries";
import { translator } from "../../lib/i18n/translator";
import { matchPairs, proposePairs } from "../../lib/pairs/actions";
import { inRussian } from "../../lib/pairs/match-words";
import { approveAct, registerAct } from "../../lib/programs/actions";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createApprovedPairs, createConsentedPerson, createMentee, createMentor, createSchool, type PersonOptions, type School } from "../setup/factories";
import { as, call, callOk, type InputOf, tenantContext } from "../setup/call";

type MenteeInput = InputOf<typeof updateMentee>;

// The head's approval of mentees and incentive payments to mentors (issue #15 item 2, decision 025): the
// happy paths, and every refusal with nothing written. Cross-tenant attacks on these actions are the
// generated suites' (tests/integration/security-cross-tenant.test.ts).
const db = setupTestDatabase();
/** What stops an order, as the order's page says it to a Russian reader. */
const missingText = (order: Awaited<ReturnType<typeof incentiveOrder>>) => (order.ok ? [] : order.missing.map((p) => translator("ru")(`errors.${p.key}`, p.values)));
pinClock(); // 4 December 2026: the pairs below work from 10 October 2026

// The story's teachers hold a position (the register prints it); its pupils are of the 11th grade.
const TEACHER: PersonOptions = { position: "Учитель" };
const STUDENT: PersonOptions = { kind: "STUDENT", grade: "11", birthDate: "2008-01-10" };
const school = () => createSchool(db().prisma, { stage: 5, name: "МБОУ «СОШ № 1»", directorName: "Смирнова Елена Петровна" });
/** A mentee waiting for the head's approval. */
const waitingMentee = async (s: School) => (await createMentee(s, { person: TEACHER, approve: false })).menteeId;
const approvedMentor = async (s: School, kind: "TEACHER" | "STUDENT" = "TEACHER", lastName?: string) =>
  (await createMentor(s, { person: { ...(kind === "STUDENT" ? STUDENT : TEACHER), lastName }, training: { finishedOn: "2026-09-20" } })).mentorId;

/** A mentor with a pair the head's order secured on 10 October 2026. */
async function pairedMentor(s: School, lastName?: string) {
  const mentorId = await approvedMentor(s, "TEACHER", lastName);
  const { menteeId } = await createMentee(s, { person: TEACHER });
  await createApprovedPairs(s, [{ mentorId, menteeIds: [menteeId] }]);
  return mentorId;
}

const approvalOf = (id: string) => db().prisma.menteeProfile.findUniqueOrThrow({ where: { id }, select: { approvedAt: true, approvedById: true, status: true } });

describe("the head approves mentees", () => {
  it("approves the selected list at once, recorded with who and when; the curator may not; an approved one is not approved twice", async () => {
    const s = await school();
    const [a, b] = [await waitingMentee(s), await waitingMentee(s)];
    expect(await call(approveMentees, as(s.curator), { org: s.slug, menteeIds: [a, b] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await callOk(approveMentees, as(s.director), { org: s.slug, menteeIds: [a, b] })).toEqual({ approved: 2 });
    for (const id of [a, b]) expect(await approvalOf(id)).toMatchObject({ approvedById: s.director.id, approvedAt: expect.any(Date) });
    expect(await db().prisma.auditEvent.count({ where: { action: "mentees.approve", organizationId: s.id } })).toBe(1);
    const c = await waitingMentee(s);
    const again = await call(approveMentees, as(s.director), { org: s.slug, menteeIds: [c, a] });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT", details: [expect.stringMatching(/: уже утверждён руководителем\.$/)] } });
    // Nothing approved from the refused batch.
    expect((await approvalOf(c)).approvedAt).toBeNull();
    expect(await call(approveMentees, as(s.director), { org: s.slug, menteeIds: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("refuses a mentee who left the bank, writing nothing; a new category withdraws the approval, new difficulties do not; re-entry is approved anew", async () => {
    const s = await school();
    const [a, b] = [await waitingMentee(s), await waitingMentee(s)];
    await callOk(leaveMenteeBank, as(s.curator), { org: s.slug, entryId: b, reason: "Перевёлся в другую школу" });
    const refused = await call(approveMentees, as(s.director), { org: s.slug, menteeIds: [a, b] });
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", details: [expect.stringContaining("выбыл из банка наставляемых")] } });
    expect((await approvalOf(a)).approvedAt).toBeNull();

    await callOk(approveMentees, as(s.director), { org: s.slug, menteeIds: [a] });
    const edit = (category: MenteeInput["category"], difficulties: MenteeInput["difficulties"]) => callOk(updateMentee, as(s.curator), { org: s.slug, menteeId: a, category, difficulties, source: "QUESTIONNAIRE" });
    expect(await edit("YOUNG_SPECIALIST", ["DISCIPLINE", "PARENTS"])).toMatchObject({ approvalWithdrawn: false });
    expect((await approvalOf(a)).approvedAt).not.toBeNull();
    expect(await edit("NEW_PLACE", ["DISCIPLINE"])).toMatchObject({ approvalWithdrawn: true });
    expect(await approvalOf(a)).toMatchObject({ approvedAt: null, approvedById: null });

    await callOk(approveMentees, as(s.director), { org: s.slug, menteeIds: [a] });
    await callOk(leaveMenteeBank, as(s.curator), { org: s.slug, entryId: a, reason: "Уволился" });
    const personId = (await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: a } })).personId;
    await callOk(addMentee, as(s.curator), { org: s.slug, personId, category: "NEW_PLACE", difficulties: [], source: "QUESTIONNAIRE" });
    expect(await approvalOf(a)).toMatchObject({ status: "WAITING", approvedAt: null });
  });

  it("pairs only approved mentees: the matching leaves the others out with the reason, a proposal naming one is refused", async () => {
    const s = await school();
    const mentorId = await approvedMentor(s);
    const waiting = await waitingMentee(s);
    const match = await callOk(matchPairs, as(s.curator), { org: s.slug, programId: s.programId, weights: { subject: 1, difficulties: 1, experience: 1, sameSchool: 1, capacity: 1, preference: 1 }, pool: "school" });
    expect(match.proposal).toEqual([]);
    expect(match.left.map((l) => ({ menteeId: l.menteeId, reason: inRussian(l.reason) }))).toEqual([{ menteeId: waiting, reason: "Наставляемый не утверждён руководителем." }]);
    const proposed = await call(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: [{ mentorId, menteeIds: [waiting], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    expect(proposed).toMatchObject({ ok: false, error: { code: "CONFLICT", details: [expect.stringMatching(/: наставляемый не утверждён руководителем\.$/)] } });
    expect(await db().prisma.pair.count({ where: { organizationId: s.id } })).toBe(0);
    await callOk(approveMentees, as(s.director), { org: s.slug, menteeIds: [waiting] });
    expect((await call(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: [{ mentorId, menteeIds: [waiting], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] })).ok).toBe(true);
  });
});

async function incentiveAct(s: School, approve = true, kind: InputOf<typeof registerAct>["kind"] = "INCENTIVE_REGULATION") {
  const { actId } = await callOk(registerAct, as(s.curator), { org: s.slug, kind, number: "75-од", date: "2026-08-28", title: "Положение о стимулирующих выплатах" });
  if (approve) await callOk(approveAct, as(s.director), { org: s.slug, actId });
  return actId;
}


describe("incentive payments to mentors", () => {
  it("the curator proposes, the head approves the selected ones, the order lists them; a proposal can be withdrawn, an approved payment cannot", async () => {
    const s = await school();
    const [m1, m2] = [await pairedMentor(s, "Мельникова"), await pairedMentor(s, "Тарасов")];
    const actId = await incentiveAct(s);
    const propose = (mentorId: string, amount: string) => callOk(proposeIncentive, as(s.curator), { org: s.slug, mentorId, periodFrom: "2026-10-01", periodTo: "2026-12-31", amount, basisActId: actId, note: "IV квартал" });
    const p1 = (await propose(m1, "15000")).paymentId;
    const p2 = (await propose(m2, "5000")).paymentId;
    expect(await db().prisma.incentivePayment.findUniqueOrThrow({ where: { id: p1 } })).toMatchObject({ organizationId: s.id, mentorId: m1, amount: 15000, status: "PROPOSED", basisActId: actId, proposedById: s.curator.id, approvedAt: null, note: "IV квартал" });
    // Nothing approved yet: no order.
    expect(missingText(await incentiveOrder(tenantContext(s, s.director, ["DIRECTOR"]), new Date("2026-10-01"), new Date("2026-12-31")))).toEqual(["утверждённые руководителем выплаты за этот период (их нет)"]);

    expect(await call(approveIncentives, as(s.curator), { org: s.slug, paymentIds: [p1, p2] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await callOk(approveIncentives, as(s.director), { org: s.slug, paymentIds: [p1] })).toEqual({ approved: 1 });
    expect(await db().prisma.incentivePayment.findUniqueOrThrow({ where: { id: p1 } })).toMatchObject({ status: "APPROVED", approvedById: s.director.id, approvedAt: expect.any(Date) });
    // An approved payment is not approved twice (the batch with it writes nothing) and is not withdrawn.
    expect(await call(approveIncentives, as(s.director), { org: s.slug, paymentIds: [p2, p1] })).toMatchObject({ ok: false, error: { code: "CONFLICT", details: [expect.stringContaining("уже утверждена")] } });
    expect((await db().prisma.incentivePayment.findUniqueOrThrow({ where: { id: p2 } })).status).toBe("PROPOSED");
    expect(await call(withdrawIncentive, as(s.curator), { org: s.slug, paymentId: p1 })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Выплата уже утверждена руководителем: отозвать её нельзя." } });
    expect(await callOk(withdrawIncentive, as(s.curator), { org: s.slug, paymentId: p2 })).toEqual({ paymentId: p2 });
    expect(await db().prisma.incentivePayment.count({ where: { organizationId: s.id } })).toBe(1);

    const order = await incentiveOrder(tenantContext(s, s.director, ["DIRECTOR"]), new Date("2026-10-01"), new Date("2026-12-31"));
    if (!order.ok) throw new Error(missingText(order).join("; "));
    expect(order.document.title).toBe("О выплатах стимулирующего характера наставникам");
    expect(order.document.appendix!.rows).toEqual([["1", "Мельникова Имя", "Учитель", "с 01.10.2026 по 31.12.2026", "15\u00a0000", "Положение о стимулирующих выплатах (от 28.08.2026 № 75-од)"]]);
    // Another period's order does not list it.
    expect((await incentiveOrder(tenantContext(s, s.director, ["DIRECTOR"]), new Date("2026-10-01"), new Date("2026-11-30"))).ok).toBe(false);
  });

  it("refuses the order while the basis act is not approved", async () => {
    const s = await school();
    const mentorId = await pairedMentor(s, "Мельникова");
    const actId = await incentiveAct(s, false);
    const { paymentId } = await callOk(proposeIncentive, as(s.curator), { org: s.slug, mentorId, periodFrom: "2026-11-01", periodTo: "2026-11-30", amount: "3000", basisActId: actId });
    await callOk(approveIncentives, as(s.director), { org: s.slug, paymentIds: [paymentId] });
    const refused = await incentiveOrder(tenantContext(s, s.director, ["DIRECTOR"]), new Date("2026-11-01"), new Date("2026-11-30"));
    expect(refused).toEqual({ ok: false, missing: [{ key: "incentiveOrderActNotApproved", values: { act: "Положение о стимулирующих выплатах", mentor: "Мельникова Имя" } }] });
    expect(missingText(refused)).toEqual(["утверждение руководителем локального акта «Положение о стимулирующих выплатах» (основание выплаты: Мельникова Имя)"]);
    await callOk(approveAct, as(s.director), { org: s.slug, actId });
    expect((await incentiveOrder(tenantContext(s, s.director, ["DIRECTOR"]), new Date("2026-11-01"), new Date("2026-11-30"))).ok).toBe(true);
  });

  it("refuses, writing nothing: a bad period or amount, a mentor not approved, a pupil mentor, no pair in the period, an overlapping period, an act that is no basis or not the school's", async () => {
    const s = await school();
    const other = await school();
    const mentorId = await pairedMentor(s);
    const candidate = (await callOk(addMentor, as(s.curator), { org: s.slug, personId: await createConsentedPerson(s, TEACHER), competencies: [], capacity: "1" })).mentorId;
    const pupil = await approvedMentor(s, "STUDENT");
    const actId = await incentiveAct(s);
    const pairsOrder = (await db().prisma.localAct.findFirstOrThrow({ where: { organizationId: s.id, kind: "PAIRS_ORDER" } })).id;
    const foreignAct = await incentiveAct(other);
    await callOk(proposeIncentive, as(s.curator), { org: s.slug, mentorId, periodFrom: "2026-10-01", periodTo: "2026-10-31", amount: "2000", basisActId: actId });
    const base = { org: s.slug, mentorId, periodFrom: "2026-11-01", periodTo: "2026-11-30", amount: "2000", basisActId: actId };
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ periodFrom: "2026-11-30", periodTo: "2026-11-01" }, { code: "VALIDATION", fieldErrors: { periodTo: ["Конец периода раньше его начала."] } }],
      [{ periodFrom: "2026-01-01", periodTo: "2027-06-30" }, { code: "VALIDATION", fieldErrors: { periodTo: ["Период выплаты — не больше года."] } }],
      [{ periodFrom: "2026-11-31" }, { code: "VALIDATION" }],
      [{ amount: "0" }, { code: "VALIDATION", fieldErrors: { amount: ["Укажите размер выплаты в рублях: от 1 до 500 000."] } }],
      [{ amount: "-5" }, { code: "VALIDATION" }],
      [{ amount: "1500.50" }, { code: "VALIDATION", fieldErrors: { amount: ["Укажите размер выплаты целым числом рублей."] } }],
      [{ amount: "500001" }, { code: "VALIDATION" }],
      [{ amount: "много" }, { code: "VALIDATION" }],
      [{ mentorId: candidate }, { code: "CONFLICT", message: expect.stringContaining("не утверждён руководителем как наставник") }],
      [{ mentorId: pupil }, { code: "CONFLICT", message: expect.stringContaining("не работник образовательной организации") }],
      [{ periodFrom: "2026-09-01", periodTo: "2026-09-30" }, { code: "CONFLICT", message: expect.stringContaining("нет наставнической пары, работавшей в период с 01.09.2026 по 30.09.2026") }],
      [{ periodFrom: "2026-10-15", periodTo: "2026-11-15" }, { code: "CONFLICT", message: expect.stringContaining("уже есть выплата за период с 01.10.2026 по 31.10.2026") }],
      [{ basisActId: pairsOrder }, { code: "VALIDATION", fieldErrors: { basisActId: [expect.stringContaining("положение о стимулировании")] } }],
      [{ basisActId: foreignAct }, { code: "NOT_FOUND" }],
    ];
    const before = await db().prisma.incentivePayment.count();
    for (const [change, error] of cases) {
      expect(await call(proposeIncentive, as(s.curator), { ...base, ...change }), JSON.stringify(change)).toMatchObject({ ok: false, error });
    }
    expect(await db().prisma.incentivePayment.count()).toBe(before);
    // A mentor who left the bank after the proposal: the head's approval is refused, nothing approved.
    const { paymentId } = await callOk(proposeIncentive, as(s.curator), base);
    await callOk(leaveMentorBank, as(s.curator), { org: s.slug, entryId: mentorId, reason: "Уволилась" });
    expect(await call(approveIncentives, as(s.director), { org: s.slug, paymentIds: [paymentId] })).toMatchObject({ ok: false, error: { code: "CONFLICT", details: [expect.stringContaining("не утверждён руководителем или выбыл из банка")] } });
    expect((await db().prisma.incentivePayment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PROPOSED");
  });
});
