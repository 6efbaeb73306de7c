import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import "../../lib/banks/actions";
import "../../lib/banks/mentee-approval-actions";
import "../../lib/banks/duties-actions";
import { withDb } from "../../lib/db";
import "../../lib/pairs/actions";
import "../../lib/pairs/personal-program-actions";
import "../../lib/people/actions";
import "../../lib/programs/actions";
import type { TenantContext } from "../../lib/auth/tenant";
import { renderOrderDocx } from "../../lib/documents/order-docx";
import { pairOrderDocument } from "../../lib/pairs/order-document";
import { loadPairFacts } from "../../lib/programs/facts";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();
const run = <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => runAction<T>(ACTION_REGISTRY.get(name)!, userId, input);
const ok = async <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => {
  const res = await run<T>(name, userId, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.message} ${JSON.stringify(res.error.details ?? res.error.fieldErrors ?? "")}`);
  return res.data;
};

type School = { id: string; slug: string; curator: { id: string }; director: { id: string }; programId: string };

async function school(stage = 5): Promise<School> {
  const prisma = db().prisma;
  const org = await createOrganization(prisma);
  const curator = await createMember(prisma, org.id, ["CURATOR"]);
  const director = await createMember(prisma, org.id, ["DIRECTOR"]);
  const { programId } = await ok<{ programId: string }>("programs.create", curator.id, { org: org.slug, academicYear: 2026, audience: "BOTH", template: "school" });
  await prisma.mentoringProgram.update({ where: { id: programId }, data: { stage } });
  return { ...org, curator, director, programId };
}

let n = 0;
async function person(s: School, extra: Record<string, unknown> = {}, purposes = ["BANK", "PAIRS"]) {
  n += 1;
  const { personId } = await ok<{ personId: string }>("people.create", s.curator.id, { org: s.slug, kind: "TEACHER", lastName: `Фамилия${n}`, firstName: "Имя", ...extra });
  await ok("consents.record", s.curator.id, { org: s.slug, personId, purposes, givenBy: "SUBJECT", givenAt: "2026-09-05" });
  return personId;
}

async function mentee(s: School, difficulties = ["DISCIPLINE"], purposes = ["BANK", "PAIRS"]) {
  const personId = await person(s, { experienceYears: 1 }, purposes);
  const { menteeId } = await ok<{ menteeId: string }>("mentees.add", s.curator.id, { org: s.slug, personId, category: "YOUNG_SPECIALIST", difficulties, source: "QUESTIONNAIRE" });
  // The head approves the mentee, as the Положение says, before they may be paired (decision 025).
  await ok("mentees.approve", s.director.id, { org: s.slug, menteeIds: [menteeId] });
  return menteeId;
}

async function mentor(s: School, capacity = 1, competencies = ["DISCIPLINE"], duties = true) {
  const personId = await person(s, { experienceYears: 20 });
  const { mentorId } = await ok<{ mentorId: string }>("mentors.add", s.curator.id, { org: s.slug, personId, competencies, capacity: String(capacity) });
  if (duties) await ok("mentors.recordDutiesConsent", s.curator.id, { org: s.slug, mentorId, givenAt: "2026-09-07" });
  await ok("mentors.recordTraining", s.curator.id, { org: s.slug, mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: "2026-10-01" });
  await ok("mentors.approve", s.director.id, { org: s.slug, mentorId });
  return mentorId;
}

const WEIGHTS = { subject: 3, difficulties: 5, experience: 2, sameSchool: 1, capacity: 1, preference: 4 };
const propose = (s: School, pairs: { mentorId: string; menteeIds: string[] }[]) =>
  run<{ pairIds: string[] }>("pairs.propose", s.curator.id, { org: s.slug, programId: s.programId, pairs: pairs.map((p) => ({ ...p, form: "TEACHER_TEACHER", type: "TRADITIONAL" })) });
const versionOf = async (pairId: string) => (await db().prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).version;

describe("matching", () => {
  it("with no mentors gives an empty proposal with the reason", async () => {
    const s = await school();
    await mentee(s);
    const res = await ok<{ proposal: unknown[]; unassigned: { reason: string }[]; reason: string }>("pairs.match", s.curator.id, { org: s.slug, programId: s.programId, weights: WEIGHTS, objective: "score" });
    expect(res.proposal).toEqual([]);
    expect(res.reason).toContain("нет утверждённых наставников");
    expect(await db().prisma.pair.count({ where: { programId: s.programId } })).toBe(0);
  });

  it("pairs the mentee whose difficulty the mentor covers, explains the score, and lists who is left out", async () => {
    const s = await school();
    const m1 = await mentee(s, ["DISCIPLINE"]);
    const m2 = await mentee(s, ["PARENTS"]);
    const noConsent = await mentee(s, ["DIGITAL"], ["BANK"]);
    const mentorId = await mentor(s, 1, ["DISCIPLINE"]);
    const res = await ok<{ proposal: { mentorId: string; menteeIds: string[]; criteria: { key: string; contribution: number }[] }[]; unassigned: { menteeId: string }[]; left: { menteeId: string; reason: string }[] }>(
      "pairs.match",
      s.curator.id,
      { org: s.slug, programId: s.programId, weights: WEIGHTS, objective: "score" },
    );
    expect(res.proposal).toHaveLength(1);
    expect(res.proposal[0]).toMatchObject({ mentorId, menteeIds: [m1] });
    expect(res.proposal[0]!.criteria.find((c) => c.key === "difficulties")!.contribution).toBeGreaterThan(0);
    expect(res.unassigned.map((u) => u.menteeId)).toEqual([m2]);
    expect(res.left.find((l) => l.menteeId === noConsent)?.reason).toContain("участие в наставнической паре");
    // The weights are kept on the program for the next run.
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).matchingSettings).toMatchObject({ weights: WEIGHTS });
  });
});

describe("proposing and approving", () => {
  it("refuses approval before stage 5, then approves a batch into one numbered order registered as a local act", async () => {
    const s = await school(4);
    const [a, b] = [await mentee(s), await mentee(s)];
    const mentorId = await mentor(s, 2);
    const proposed = await propose(s, [{ mentorId, menteeIds: [a] }, { mentorId, menteeIds: [b] }]);
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    const [p1, p2] = proposed.data.pairIds as [string, string];
    const batch = { org: s.slug, orderDate: "2026-10-10", pairs: [{ pairId: p1, version: 1 }, { pairId: p2, version: 1 }] };
    const early = await run("pairs.approve", s.director.id, batch);
    expect(early).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Пары утверждают с этапа 5; программа на этапе 4." } });
    expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(0);

    await db().prisma.mentoringProgram.update({ where: { id: s.programId }, data: { stage: 5 } });
    expect(await run("pairs.approve", s.curator.id, batch)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const approved = await ok<{ number: string; orderId: string }>("pairs.approve", s.director.id, batch);
    expect(approved.number).toBe("1-НП");
    const order = await db().prisma.pairOrder.findUniqueOrThrow({ where: { id: approved.orderId }, include: { pairs: true } });
    expect(order.pairs.map((p) => p.status).sort()).toEqual(["APPROVED", "APPROVED"]);
    expect(await db().prisma.localAct.findUniqueOrThrow({ where: { id: order.localActId! } })).toMatchObject({ kind: "PAIRS_ORDER", number: "1-НП", status: "APPROVED" });
    expect((await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: a } })).status).toBe("PAIRED");
    // The same pair again: already decided, nothing new.
    expect(await run("pairs.approve", s.director.id, { ...batch, pairs: [{ pairId: p1, version: 2 }] })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(1);
    // The order as a document: title, number, legal basis, the pairs in the appendix, the signature.
    const ctx = {
      user: { id: s.director.id, name: "Директор", email: "d@example.org", locale: "ru" },
      organization: { id: s.id, slug: s.slug, name: "МБОУ «СОШ № 1»", shortName: null, kind: "SCHOOL", schoolKind: null, address: "с. Левокумское", parentId: null },
      roles: ["DIRECTOR"],
    } as unknown as TenantContext;
    const doc = await pairOrderDocument(ctx, approved.orderId);
    if (!doc?.ok) throw new Error(`order refused: ${doc ? doc.missing.join("; ") : "not found"}`);
    const xml = await (await JSZip.loadAsync(await renderOrderDocx(doc.document))).file("word/document.xml")!.async("string");
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
    for (const pairId of [p1, p2]) await ok("personalPrograms.fromTemplate", s.curator.id, { org: s.slug, pairId, startsOn: "2026-10-12", endsOn: "2027-05-31" });
    const pairFacts = () => withDb({ organizationId: s.id }, (tx) => loadPairFacts(tx, s.id, s.programId));
    expect(await pairFacts()).toMatchObject({ approvedWithoutProgram: 0, programsNotApproved: 2 });
    const APPROVAL = "Не согласованы куратором персонализированные программы пар: 2 (черновик или план изменён после согласования).";
    const gate = await run("programs.advance", s.curator.id, { org: s.slug, programId: s.programId, expectedStage: 5 });
    expect(gate).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!gate.ok) expect(gate.error.details).toContain(APPROVAL);
    expect(await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).toMatchObject({ stage: 5 });
    // The curator approves the version each program is at; then the gate no longer names the programs.
    for (const pairId of [p1, p2]) {
      const { version } = await db().prisma.personalProgram.findFirstOrThrow({ where: { pairId } });
      await ok("personalPrograms.approve", s.curator.id, { org: s.slug, pairId, version });
    }
    expect(await pairFacts()).toMatchObject({ approvedWithoutProgram: 0, programsNotApproved: 0 });
    const after = await run("programs.advance", s.curator.id, { org: s.slug, programId: s.programId, expectedStage: 5 });
    if (!after.ok) expect(after.error.details?.join("\n") ?? "").not.toContain("Не согласованы куратором");
  });

  it("two approvals racing for the same pair produce one order", async () => {
    const s = await school();
    const mentorId = await mentor(s, 3);
    const proposed = await propose(s, [{ mentorId, menteeIds: [await mentee(s)] }]);
    if (!proposed.ok) throw new Error(proposed.error.message);
    const pairId = proposed.data.pairIds[0]!;
    const input = { org: s.slug, orderDate: "2026-10-12", pairs: [{ pairId, version: 1 }] };
    const results = await Promise.all([run("pairs.approve", s.director.id, input), run("pairs.approve", s.director.id, input), run("pairs.approve", s.director.id, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "CONFLICT")).toBe(true);
    expect(await db().prisma.pairOrder.count({ where: { organizationId: s.id } })).toBe(1);
    expect(await db().prisma.localAct.count({ where: { organizationId: s.id, kind: "PAIRS_ORDER" } })).toBe(1);
    expect(await versionOf(pairId)).toBe(2);
  });

  it("approving a pair is refused while its mentor's consent to the additional duties is not recorded by the order's date, naming the mentor; nothing is written", async () => {
    const s = await school();
    const mentorId = await mentor(s, 1, ["DISCIPLINE"], false);
    const proposed = await propose(s, [{ mentorId, menteeIds: [await mentee(s)] }]);
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
    const refused = await run("pairs.approve", s.director.id, batch);
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Пары нельзя сформировать:" } });
    if (!refused.ok) expect(refused.error.details).toEqual([`${mentorName}: не записано письменное согласие наставника на дополнительную работу (ТК РФ ст. 60.2) — запишите его на странице наставника.`]);
    await nothingWritten();
    // Signed after the order's date: not a basis for it either.
    await ok("mentors.recordDutiesConsent", s.curator.id, { org: s.slug, mentorId, givenAt: "2026-10-11" });
    const late = await run("pairs.approve", s.director.id, batch);
    if (!late.ok) expect(late.error.details).toEqual([`${mentorName}: письменное согласие наставника на дополнительную работу дано 11.10.2026 — позже даты приказа 10.10.2026.`]);
    expect(late.ok).toBe(false);
    await nothingWritten();
    // Recorded as the real flow goes — signed before the order: approved, and the order cites it.
    await ok("mentors.recordDutiesConsent", s.curator.id, { org: s.slug, mentorId, givenAt: "2026-10-01" });
    const approved = await ok<{ orderId: string }>("pairs.approve", s.director.id, batch);
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
    const s = await school();
    const mentorId = await mentor(s, 1);
    const [a, b] = [await mentee(s), await mentee(s)];
    const over = await propose(s, [{ mentorId, menteeIds: [a, b] }]);
    expect(over).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!over.ok) expect(over.error.details?.join(" ")).toContain("превышена нагрузка наставника (2 из 1)");
    const bankOnly = await mentee(s, ["DISCIPLINE"], ["BANK"]);
    const noConsent = await propose(s, [{ mentorId, menteeIds: [bankOnly] }]);
    if (!noConsent.ok) expect(noConsent.error.details?.join(" ")).toContain("нет согласия на цель «участие в наставнической паре / группе»");
    expect(noConsent.ok).toBe(false);
    const first = await propose(s, [{ mentorId, menteeIds: [a] }]);
    expect(first.ok).toBe(true);
    const other = await mentor(s, 2);
    const twice = await propose(s, [{ mentorId: other, menteeIds: [a] }]);
    if (!twice.ok) expect(twice.error.details?.join(" ")).toContain("уже в паре того же направления");
    expect(twice.ok).toBe(false);
    expect(await db().prisma.pair.count({ where: { programId: s.programId } })).toBe(1);
  });

  it("the director rejects with a comment, the curator withdraws, a dissolved pair frees its mentee", async () => {
    const s = await school();
    const mentorId = await mentor(s, 3);
    const [a, b, c] = [await mentee(s), await mentee(s), await mentee(s)];
    const res = await propose(s, [{ mentorId, menteeIds: [a] }, { mentorId, menteeIds: [b] }, { mentorId, menteeIds: [c] }]);
    if (!res.ok) throw new Error(res.error.message);
    const [pa, pb, pc] = res.data.pairIds as [string, string, string];
    expect(await run("pairs.reject", s.director.id, { org: s.slug, pairId: pa, version: 1, comment: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await ok("pairs.reject", s.director.id, { org: s.slug, pairId: pa, version: 1, comment: "Разные смены" });
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pa } })).toMatchObject({ status: "REJECTED", decisionComment: "Разные смены" });
    await ok("pairs.withdraw", s.curator.id, { org: s.slug, pairId: pb, version: 1 });
    expect(await db().prisma.pair.count({ where: { id: pb } })).toBe(0);
    await ok("pairs.approve", s.director.id, { org: s.slug, orderDate: "2026-10-15", pairs: [{ pairId: pc, version: 1 }] });
    await ok("pairs.close", s.curator.id, { org: s.slug, pairId: pc, version: 2, outcome: "DISSOLVED", reason: "Наставляемая уволилась" });
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pc } })).toMatchObject({ status: "DISSOLVED", closedReason: "Наставляемая уволилась" });
    expect((await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: c } })).status).toBe("WAITING");
  });

  it("is closed to other schools, and RLS hides pairs and orders from another tenant", async () => {
    const s = await school();
    const other = await school();
    const mentorId = await mentor(s, 1);
    const res = await propose(s, [{ mentorId, menteeIds: [await mentee(s)] }]);
    if (!res.ok) throw new Error(res.error.message);
    const pairId = res.data.pairIds[0]!;
    expect(await run("pairs.approve", other.director.id, { org: s.slug, orderDate: "2026-10-15", pairs: [{ pairId, version: 1 }] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await run("pairs.approve", other.director.id, { org: other.slug, orderDate: "2026-10-15", pairs: [{ pairId, version: 1 }] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await run("pairs.propose", other.curator.id, { org: other.slug, programId: other.programId, pairs: [{ mentorId, menteeIds: [pairId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] })).toMatchObject({ ok: false });
    const seen = await withDb({ organizationId: other.id }, async (tx) => [await tx.pair.count({ where: { id: pairId } }), await tx.pairMentee.count({ where: { pairId } })]);
    expect(seen).toEqual([0, 0]);
    expect((await db().prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).status).toBe("PROPOSED");
  });
});
