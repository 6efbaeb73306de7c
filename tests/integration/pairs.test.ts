import { describe, expect, it } from "vitest";
import { recordDutiesConsent } from "../../lib/banks/duties-actions";
import { withDb } from "../../lib/db";
import { approvePairs, closePair, matchPairs, proposePairs, rejectPair, withdrawPair } from "../../lib/pairs/actions";
import { approvePersonalProgram, programFromTemplate } from "../../lib/pairs/personal-program-actions";
import { inRussian as ru } from "../../lib/pairs/match-words";
import { advanceStage } from "../../lib/programs/actions";
import type { TenantContext } from "../../lib/auth/tenant";
import { renderOrderDocx } from "../../lib/documents/order-docx";
import { pairOrderDocument } from "../../lib/pairs/order-document";
import { loadPairFacts } from "../../lib/programs/facts";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createMentee, createMentor, createSchool, type School } from "../setup/factories";
import { as, call, callOk } from "../setup/call";
import { pairVersion } from "../setup/rows";
import { docxXml } from "../setup/files";

const db = setupTestDatabase();
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();

const WEIGHTS = { subject: 3, difficulties: 5, experience: 2, sameSchool: 1, capacity: 1, preference: 4 };
const propose = (s: School, pairs: { mentorId: string; menteeIds: string[] }[]) =>
  call(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: pairs.map((p) => ({ ...p, form: "TEACHER_TEACHER" as const, type: "TRADITIONAL" as const })) });

describe("matching", () => {
  it("with no mentors gives an empty proposal with the reason", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    await createMentee(s);
    const res = await callOk(matchPairs, as(s.curator), { org: s.slug, programId: s.programId, weights: WEIGHTS, objective: "score" });
    expect(res.proposal).toEqual([]);
    expect(ru(res.reason!)).toContain("нет утверждённых наставников");
    expect(await db().prisma.pair.count({ where: { programId: s.programId } })).toBe(0);
  });

  it("pairs the mentee whose difficulty the mentor covers, explains the score, and lists who is left out", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const m1 = (await createMentee(s, { difficulties: ["DISCIPLINE"] })).menteeId;
    const m2 = (await createMentee(s, { difficulties: ["PARENTS"] })).menteeId;
    const noConsent = (await createMentee(s, { difficulties: ["DIGITAL"], person: { purposes: ["BANK"] } })).menteeId;
    const mentorId = (await createMentor(s, { capacity: "1", competencies: ["DISCIPLINE"] })).mentorId;
    const res = await callOk(matchPairs, as(s.curator),
      { org: s.slug, programId: s.programId, weights: WEIGHTS, objective: "score" },
    );
    expect(res.proposal).toHaveLength(1);
    expect(res.proposal[0]).toMatchObject({ mentorId, menteeIds: [m1] });
    expect(res.proposal[0]!.criteria.find((c) => c.key === "difficulties")!.contribution).toBeGreaterThan(0);
    expect(res.unassigned.map((u) => u.menteeId)).toEqual([m2]);
    expect(ru(res.left.find((l) => l.menteeId === noConsent)!.reason)).toContain("участие в наставнической паре");
    // The weights are kept on the program for the next run.
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).matchingSettings).toMatchObject({ weights: WEIGHTS });
  });
});

describe("proposing and approving", () => {
  it("refuses approval before stage 5, then approves a batch into one numbered order registered as a local act", async () => {
    const s = await createSchool(db().prisma, { stage: 4 });
    const [a, b] = [(await createMentee(s)).menteeId, (await createMentee(s)).menteeId];
    const mentorId = (await createMentor(s, { capacity: "2" })).mentorId;
    const proposed = await propose(s, [{ mentorId, menteeIds: [a] }, { mentorId, menteeIds: [b] }]);
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    const [p1, p2] = proposed.data.pairIds as [string, string];
    const batch = { org: s.slug, orderDate: "2026-10-10", pairs: [{ pairId: p1, version: 1 }, { pairId: p2, version: 1 }] };
    const early = await call(approvePairs, as(s.director), batch);
    expect(early).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Пары утверждают с этапа 5; программа на этапе 4." } });
    expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(0);

    await db().prisma.mentoringProgram.update({ where: { id: s.programId }, data: { stage: 5 } });
    expect(await call(approvePairs, as(s.curator), batch)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const approved = await callOk(approvePairs, as(s.director), batch);
    expect(approved.number).toBe("1-НП");
    const order = await db().prisma.pairOrder.findUniqueOrThrow({ where: { id: approved.orderId }, include: { pairs: true } });
    expect(order.pairs.map((p) => p.status).sort()).toEqual(["APPROVED", "APPROVED"]);
    expect(await db().prisma.localAct.findUniqueOrThrow({ where: { id: order.localActId! } })).toMatchObject({ kind: "PAIRS_ORDER", number: "1-НП", status: "APPROVED" });
    expect((await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: a } })).status).toBe("PAIRED");
    // The same pair again: already decided, nothing new.
    expect(await call(approvePairs, as(s.director), { ...batch, pairs: [{ pairId: p1, version: 2 }] })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(1);
    // The order as a document: title, number, legal basis, the pairs in the appendix, the signature.
    const ctx = {
      user: { id: s.director.id, name: "Директор", email: "d@example.org", locale: "ru" },
      organization: { id: s.id, slug: s.slug, name: "МБОУ «СОШ № 1»", shortName: null, kind: "SCHOOL", schoolKind: null, address: "с. Левокумское", parentId: null },
      roles: ["DIRECTOR"],
    } as unknown as TenantContext;
    const doc = await pairOrderDocument(ctx, approved.orderId);
    if (!doc?.ok) throw new Error(`order refused: ${doc ? doc.missing.join("; ") : "not found"}`);
    const xml = await docxXml(await renderOrderDocx(doc.document));
    for (const text of ["ПРИКАЗ", "№\u00a01-НП", "О закреплении наставнических пар / групп", "АЗ-1128/08", "ПРИКАЗЫВАЮ:", "Список наставнических пар / групп", "Учитель – учитель"]) {
      expect(xml).toContain(text);
    }
    // A teachers' pair: the order cites the 2021 recommendations for teachers' mentoring, not Р-145 (students').
    expect(xml).not.toContain("Р-145");
    // It cites the consents recorded (purpose, date), the mentor's consent to the additional duties among them.
    expect(doc.document.preamble).toContain("на основании согласий участников на обработку персональных данных для участия в наставнической паре / группе и письменных согласий наставников на выполнение дополнительной работы");
    expect(doc.document.appendix!.header.at(-1)).toBe("Согласия (основание)");
    expect(doc.document.appendix!.rows[0]!.at(-1)).toMatch(/^наставник: согласие на обработку ПДн от 05\.09\.2026; согласие на доп\. работу от 07\.09\.2026;\nФамилия\d+ Имя: согласие на обработку ПДн от 05\.09\.2026$/);
    expect(xml).toContain("согласие на доп. работу от 07.09.2026");
    // Stage 5 gate: pairs by order but no personalized programs yet.
    const facts = await withDb({ organizationId: s.id }, (tx) => loadPairFacts(tx, s.id, s.programId));
    expect(facts).toMatchObject({ approvedByOrder: 2, approvedWithoutProgram: 2, programsNotApproved: 0 });

    // Each pair gets its program from the template — a draft: the gate now asks for the curator's approval and
    // says of how many pairs.
    for (const pairId of [p1, p2]) await callOk(programFromTemplate, as(s.curator), { org: s.slug, pairId, startsOn: "2026-10-12", endsOn: "2027-05-31" });
    const pairFacts = () => withDb({ organizationId: s.id }, (tx) => loadPairFacts(tx, s.id, s.programId));
    expect(await pairFacts()).toMatchObject({ approvedWithoutProgram: 0, programsNotApproved: 2 });
    const APPROVAL = "Не согласованы куратором персонализированные программы пар: 2 (черновик или план изменён после согласования).";
    const gate = await call(advanceStage, as(s.curator), { org: s.slug, programId: s.programId, expectedStage: 5 });
    expect(gate).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!gate.ok) expect(gate.error.details).toContain(APPROVAL);
    expect(await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).toMatchObject({ stage: 5 });
    // The curator approves the version each program is at; then the gate no longer names the programs.
    for (const pairId of [p1, p2]) {
      const { version } = await db().prisma.personalProgram.findFirstOrThrow({ where: { pairId } });
      await callOk(approvePersonalProgram, as(s.curator), { org: s.slug, pairId, version });
    }
    expect(await pairFacts()).toMatchObject({ approvedWithoutProgram: 0, programsNotApproved: 0 });
    const after = await call(advanceStage, as(s.curator), { org: s.slug, programId: s.programId, expectedStage: 5 });
    if (!after.ok) expect(after.error.details?.join("\n") ?? "").not.toContain("Не согласованы куратором");
  });

  it("two approvals racing for the same pair produce one order", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const mentorId = (await createMentor(s, { capacity: "3" })).mentorId;
    const proposed = await propose(s, [{ mentorId, menteeIds: [(await createMentee(s)).menteeId] }]);
    if (!proposed.ok) throw new Error(proposed.error.message);
    const pairId = proposed.data.pairIds[0]!;
    const input = { org: s.slug, orderDate: "2026-10-12", pairs: [{ pairId, version: 1 }] };
    const results = await Promise.all([call(approvePairs, as(s.director), input), call(approvePairs, as(s.director), input), call(approvePairs, as(s.director), input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "CONFLICT")).toBe(true);
    expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(1);
    expect(await db().prisma.localAct.count({ where: { organizationId: s.id, kind: "PAIRS_ORDER" } })).toBe(1);
    expect(await pairVersion(db().prisma, pairId)).toBe(2);
  });

  it("approving a pair is refused while its mentor's consent to the additional duties is not recorded by the order's date, naming the mentor; nothing is written", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const mentorId = (await createMentor(s, { capacity: "1", competencies: ["DISCIPLINE"], dutiesGivenAt: null })).mentorId;
    const proposed = await propose(s, [{ mentorId, menteeIds: [(await createMentee(s)).menteeId] }]);
    if (!proposed.ok) throw new Error(proposed.error.message);
    const pairId = proposed.data.pairIds[0]!;
    const batch = { org: s.slug, orderDate: "2026-10-10", pairs: [{ pairId, version: 1 }] };
    const name = await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId }, select: { person: { select: { lastName: true, firstName: true } } } });
    const mentorName = `${name.person.lastName} ${name.person.firstName}`;
    const nothingWritten = async () => {
      expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).toMatchObject({ status: "PROPOSED", version: 1, orderId: null });
      expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(0);
      expect(await db().prisma.localAct.count({ where: { organizationId: s.id, kind: "PAIRS_ORDER" } })).toBe(0);
    };
    const refused = await call(approvePairs, as(s.director), batch);
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Пары нельзя сформировать:" } });
    if (!refused.ok) expect(refused.error.details).toEqual([`${mentorName}: не записано письменное согласие наставника на дополнительную работу (ТК РФ ст. 60.2) — запишите его на странице наставника.`]);
    await nothingWritten();
    // Signed after the order's date: not a basis for it either.
    await callOk(recordDutiesConsent, as(s.curator), { org: s.slug, mentorId, givenAt: "2026-10-11" });
    const late = await call(approvePairs, as(s.director), batch);
    if (!late.ok) expect(late.error.details).toEqual([`${mentorName}: письменное согласие наставника на дополнительную работу дано 11.10.2026 — позже даты приказа 10.10.2026.`]);
    expect(late.ok).toBe(false);
    await nothingWritten();
    // Recorded as the real flow goes — signed before the order: approved, and the order cites it.
    await callOk(recordDutiesConsent, as(s.curator), { org: s.slug, mentorId, givenAt: "2026-10-01" });
    const approved = await callOk(approvePairs, as(s.director), batch);
    const ctx = { user: { id: s.director.id }, organization: { id: s.id, slug: s.slug }, roles: ["DIRECTOR"] } as unknown as TenantContext;
    const doc = await pairOrderDocument(ctx, approved.orderId);
    expect(doc).toMatchObject({ ok: true });
    if (doc?.ok) expect(doc.document.appendix!.rows[0]!.at(-1)).toContain("согласие на доп. работу от 01.10.2026");
    expect(await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).toMatchObject({ dutiesConsentAt: new Date("2026-10-01T00:00:00Z") });
    // An order approved before approval asked for the consent (here: the consent's date cleared afterwards) is
    // still not printed without it, and says whose is missing.
    await db().prisma.mentorProfile.update({ where: { id: mentorId }, data: { dutiesConsentAt: null } });
    expect(await pairOrderDocument(ctx, approved.orderId)).toEqual({ ok: false, missing: [`письменное согласие наставника на дополнительную работу: ${mentorName}`] });
  });

  it("refuses over capacity, without a pairs consent, and a mentee twice in one direction — writing nothing", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const mentorId = (await createMentor(s, { capacity: "1" })).mentorId;
    const [a, b] = [(await createMentee(s)).menteeId, (await createMentee(s)).menteeId];
    const over = await propose(s, [{ mentorId, menteeIds: [a, b] }]);
    expect(over).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!over.ok) expect(over.error.details?.join(" ")).toContain("превышена нагрузка наставника (2 из 1)");
    const bankOnly = (await createMentee(s, { difficulties: ["DISCIPLINE"], person: { purposes: ["BANK"] } })).menteeId;
    const noConsent = await propose(s, [{ mentorId, menteeIds: [bankOnly] }]);
    if (!noConsent.ok) expect(noConsent.error.details?.join(" ")).toContain("нет согласия на цель «участие в наставнической паре / группе»");
    expect(noConsent.ok).toBe(false);
    const first = await propose(s, [{ mentorId, menteeIds: [a] }]);
    expect(first.ok).toBe(true);
    const other = (await createMentor(s, { capacity: "2" })).mentorId;
    const twice = await propose(s, [{ mentorId: other, menteeIds: [a] }]);
    if (!twice.ok) expect(twice.error.details?.join(" ")).toContain("уже в паре того же направления");
    expect(twice.ok).toBe(false);
    expect(await db().prisma.pair.count({ where: { programId: s.programId } })).toBe(1);
  });

  it("the director rejects with a comment, the curator withdraws, a dissolved pair frees its mentee", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const mentorId = (await createMentor(s, { capacity: "3" })).mentorId;
    const [a, b, c] = [(await createMentee(s)).menteeId, (await createMentee(s)).menteeId, (await createMentee(s)).menteeId];
    const res = await propose(s, [{ mentorId, menteeIds: [a] }, { mentorId, menteeIds: [b] }, { mentorId, menteeIds: [c] }]);
    if (!res.ok) throw new Error(res.error.message);
    const [pa, pb, pc] = res.data.pairIds as [string, string, string];
    expect(await call(rejectPair, as(s.director), { org: s.slug, pairId: pa, version: 1, comment: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await callOk(rejectPair, as(s.director), { org: s.slug, pairId: pa, version: 1, comment: "Разные смены" });
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pa } })).toMatchObject({ status: "REJECTED", decisionComment: "Разные смены" });
    await callOk(withdrawPair, as(s.curator), { org: s.slug, pairId: pb, version: 1 });
    expect(await db().prisma.pair.count({ where: { id: pb } })).toBe(0);
    await callOk(approvePairs, as(s.director), { org: s.slug, orderDate: "2026-10-15", pairs: [{ pairId: pc, version: 1 }] });
    await callOk(closePair, as(s.curator), { org: s.slug, pairId: pc, version: 2, outcome: "DISSOLVED", reason: "Наставляемая уволилась" });
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pc } })).toMatchObject({ status: "DISSOLVED", closedReason: "Наставляемая уволилась" });
    expect((await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: c } })).status).toBe("WAITING");
  });

  it("is closed to other schools, and RLS hides pairs and orders from another tenant", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const other = await createSchool(db().prisma, { stage: 5 });
    const mentorId = (await createMentor(s, { capacity: "1" })).mentorId;
    const res = await propose(s, [{ mentorId, menteeIds: [(await createMentee(s)).menteeId] }]);
    if (!res.ok) throw new Error(res.error.message);
    const pairId = res.data.pairIds[0]!;
    expect(await call(approvePairs, as(other.director), { org: s.slug, orderDate: "2026-10-15", pairs: [{ pairId, version: 1 }] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(approvePairs, as(other.director), { org: other.slug, orderDate: "2026-10-15", pairs: [{ pairId, version: 1 }] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(proposePairs, as(other.curator), { org: other.slug, programId: other.programId, pairs: [{ mentorId, menteeIds: [pairId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] })).toMatchObject({ ok: false });
    const seen = await withDb({ organizationId: other.id }, async (tx) => [await tx.pair.count({ where: { id: pairId } }), await tx.pairMentee.count({ where: { pairId } })]);
    expect(seen).toEqual([0, 0]);
    expect((await db().prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).status).toBe("PROPOSED");
  });
});
