import { describe, expect, it } from "vitest";
import type { ActionResult } from "../../lib/actions/result";
import { approveMentor } from "../../lib/banks/actions";
import { approvePairs, proposePairs } from "../../lib/pairs/actions";
import { passGateAnyway } from "../../lib/programs/actions";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { addStaff, createMentee, createMentor, createSchool, type School } from "../setup/factories";
import { as, call, callOk } from "../setup/call";

/**
 * Contended writes (issue #7, part 6): 50 concurrent requests over the same rows. On PGlite the
 * transactions run one after another; on PostgreSQL they really overlap (a pool of 20 connections).
 * Exactly one wins, the others get a refusal value (never INTERNAL), nothing is lost or doubled.
 */
const db = setupTestDatabase({ maxConnections: 20 });
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();
const CONCURRENT = 50;
// Each test builds a school with dozens of mentors and mentees through the actions, then races 50 of
// them: ~10 s on a quiet machine, 34 s seen on a shared 2-core one (load 20), past vitest's default 30 s.
const RACE_TIMEOUT = 120_000;

/** A school of the story at the stage, with further heads («Директор 2», …) who race each other. */
async function school(stage: number, directors = 3) {
  const prisma = db().prisma;
  const s = await createSchool(prisma, { stage, directorName: "Директор 1" });
  const more = [];
  for (let i = 1; i < directors; i++) more.push(await addStaff(prisma, s, ["DIRECTOR"], { name: `Директор ${i + 1}` }));
  return { ...s, directors: [s.director, ...more] };
}
const mentee = async (s: School) => (await createMentee(s)).menteeId;
/** Trained and with the duties consent; the head's approval is the race or follows. */
const trainedMentor = async (s: School, capacity = 2) => (await createMentor(s, { capacity: String(capacity), approve: false })).mentorId;

/** A deterministic shuffle (the same order on every run). */
function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function tally(results: ActionResult<unknown>[]) {
  const codes: Record<string, number> = {};
  for (const r of results) codes[r.ok ? "ok" : r.error.code] = (codes[r.ok ? "ok" : r.error.code] ?? 0) + 1;
  return codes;
}

describe(`${CONCURRENT} concurrent conflicting approvals`, { timeout: RACE_TIMEOUT }, () => {
  it("of the same proposed pairs (three directors, each batch in its own order) issue exactly one order; each pair is approved once", async () => {
    const prisma = db().prisma;
    const s = await school(5);
    const pairsProposed: { mentorId: string; menteeIds: string[] }[] = [];
    for (let i = 0; i < 4; i++) pairsProposed.push({ mentorId: await trainedMentor(s), menteeIds: [await mentee(s)] });
    for (const p of pairsProposed) await callOk(approveMentor, as(s.directors[0]!), { org: s.slug, mentorId: p.mentorId });
    const { pairIds } = await callOk(proposePairs, as(s.curator), {
      org: s.slug,
      programId: s.programId,
      pairs: pairsProposed.map((p) => ({ ...p, form: "TEACHER_TEACHER" as const, type: "TRADITIONAL" as const })),
    });
    const auditBefore = await prisma.auditEvent.count({ where: { organizationId: s.id, action: "pairs.approve" } });

    // Every request covers the same four pairs at version 1, in a different order: batches racing in
    // opposite orders are the classic deadlock.
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        call(approvePairs, as(s.directors[i % s.directors.length]!), {
          org: s.slug,
          orderDate: "2026-10-12",
          pairs: shuffled(pairIds, i + 1).map((pairId) => ({ pairId, version: 1 })),
          comment: `Решение ${i + 1}`,
        }),
      ),
    );
    const codes = tally(results);
    console.info(`[concurrency] pairs.approve ×${CONCURRENT} on ${db().kind}:`, codes);
    expect(codes.INTERNAL, JSON.stringify(results.find((r) => !r.ok && r.error.code === "INTERNAL"))).toBeUndefined();
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/[а-я]/) });
    const winner = winners[0]!;
    if (!winner.ok) return;

    const orders = await prisma.pairOrder.findMany({ where: { organizationId: s.id } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ id: winner.data.orderId, number: "1-НП", sequence: 1 });
    const acts = await prisma.localAct.findMany({ where: { organizationId: s.id, kind: "PAIRS_ORDER" } });
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ number: "1-НП", title: "О закреплении наставнических пар / групп", status: "APPROVED" });
    const pairs = await prisma.pair.findMany({ where: { organizationId: s.id }, include: { mentees: true } });
    expect(pairs).toHaveLength(pairIds.length);
    const decision = pairs[0]!.decisionComment;
    for (const pair of pairs) {
      // One decision per pair: version 1 → 2, the order of the one winner, the same decision for all.
      expect(pair).toMatchObject({ status: "APPROVED", version: 2, orderId: winner.data.orderId, decisionComment: decision });
    }
    const menteeIds = pairs.flatMap((p) => p.mentees.map((m) => m.menteeId));
    expect(await prisma.menteeProfile.count({ where: { id: { in: menteeIds }, status: "PAIRED" } })).toBe(menteeIds.length);
    expect(await prisma.auditEvent.count({ where: { organizationId: s.id, action: "pairs.approve" } })).toBe(auditBefore + 1);

    // The next batch gets the next number: the counter was not consumed by the losers.
    const nextMentor = await trainedMentor(s);
    await callOk(approveMentor, as(s.directors[0]!), { org: s.slug, mentorId: nextMentor });
    const next = await callOk(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: [{ mentorId: nextMentor, menteeIds: [await mentee(s)], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    const second = await callOk(approvePairs, as(s.directors[1]!), { org: s.slug, orderDate: "2026-10-20", pairs: [{ pairId: next.pairIds[0]!, version: 1 }] });
    expect(second.number).toBe("2-НП");
  });

  it("of different pairs at once (one director, 50 single-pair batches) number the orders 1…50 without a gap or a duplicate", async () => {
    const prisma = db().prisma;
    const s = await school(5, 1);
    const mentorIds: string[] = [];
    for (let i = 0; i < 25; i++) mentorIds.push(await trainedMentor(s, 2));
    for (const mentorId of mentorIds) await callOk(approveMentor, as(s.directors[0]!), { org: s.slug, mentorId });
    const proposals = [];
    for (let i = 0; i < CONCURRENT; i++) proposals.push({ mentorId: mentorIds[i % mentorIds.length]!, menteeIds: [await mentee(s)], form: "TEACHER_TEACHER" as const, type: "TRADITIONAL" as const });
    const { pairIds } = await callOk(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: proposals });
    const results = await Promise.all(pairIds.map((pairId) => call(approvePairs, as(s.directors[0]!), { org: s.slug, orderDate: "2026-10-12", pairs: [{ pairId, version: 1 }] })));
    const codes = tally(results);
    console.info(`[concurrency] pairs.approve of ${CONCURRENT} different pairs on ${db().kind}:`, codes);
    expect(codes).toEqual({ ok: CONCURRENT });
    const orders = await prisma.pairOrder.findMany({ where: { organizationId: s.id }, orderBy: { sequence: "asc" } });
    expect(orders.map((o) => o.number)).toEqual(Array.from({ length: CONCURRENT }, (_, i) => `${i + 1}-НП`));
    expect(await prisma.pair.count({ where: { organizationId: s.id, status: "APPROVED", version: 2, orderId: { not: null } } })).toBe(CONCURRENT);
  });
});

describe("no lost update on other contended writes", { timeout: RACE_TIMEOUT }, () => {
  it(`${CONCURRENT} concurrent stage overrides move the program exactly one stage, with one transition logged`, async () => {
    const prisma = db().prisma;
    const s = await school(3);
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        call(passGateAnyway, as(s.directors[i % s.directors.length]!), { org: s.slug, programId: s.programId, expectedStage: 3, reason: `Решение руководителя № ${i + 1}` }),
      ),
    );
    const codes = tally(results);
    console.info(`[concurrency] programs.override ×${CONCURRENT} on ${db().kind}:`, codes);
    expect(codes.INTERNAL).toBeUndefined();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe("CONFLICT");
    expect(await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).toMatchObject({ stage: 4, status: "ACTIVE" });
    expect(await prisma.stageTransition.findMany({ where: { programId: s.programId } })).toEqual([expect.objectContaining({ kind: "OVERRIDE", fromStage: 3, toStage: 4 })]);
    expect(await prisma.auditEvent.count({ where: { organizationId: s.id, action: "programs.override" } })).toBe(1);
  });

  it(`${CONCURRENT} concurrent approvals of one mentor candidate write one approval`, async () => {
    const prisma = db().prisma;
    const s = await school(3);
    const mentorId = await trainedMentor(s);
    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => call(approveMentor, as(s.directors[i % s.directors.length]!), { org: s.slug, mentorId })));
    const codes = tally(results);
    console.info(`[concurrency] mentors.approve ×${CONCURRENT} on ${db().kind}:`, codes);
    expect(codes.INTERNAL).toBeUndefined();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe("CONFLICT");
    const winnerIndex = results.findIndex((r) => r.ok);
    expect(await prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).toMatchObject({ status: "APPROVED", approvedById: s.directors[winnerIndex % s.directors.length]!.id });
    expect(await prisma.auditEvent.count({ where: { organizationId: s.id, action: "mentors.approve", targetId: mentorId } })).toBe(1);
  });
});
