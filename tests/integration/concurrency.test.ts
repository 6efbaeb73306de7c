import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import type { ActionResult } from "../../lib/actions/result";
import "../../lib/banks/actions";
import "../../lib/banks/duties-actions";
import "../../lib/banks/mentee-approval-actions";
import "../../lib/pairs/actions";
import "../../lib/people/actions";
import "../../lib/programs/actions";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";

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

const run = <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => runAction<T>(ACTION_REGISTRY.get(name)!, userId, input);
const ok = async <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => {
  const res = await run<T>(name, userId, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.message} ${JSON.stringify(res.error.details ?? res.error.fieldErrors ?? "")}`);
  return res.data;
};

type School = { id: string; slug: string; curator: { id: string }; directors: { id: string }[]; programId: string };

async function school(stage: number, directors = 3): Promise<School> {
  const prisma = db().prisma;
  const org = await createOrganization(prisma);
  const curator = await createMember(prisma, org.id, ["CURATOR"]);
  const ds = [];
  for (let i = 0; i < directors; i++) ds.push(await createMember(prisma, org.id, ["DIRECTOR"], { name: `Директор ${i + 1}` }));
  const { programId } = await ok<{ programId: string }>("programs.create", curator.id, { org: org.slug, academicYear: 2026, audience: "BOTH", template: "school" });
  await prisma.mentoringProgram.update({ where: { id: programId }, data: { stage } });
  return { ...org, curator, directors: ds, programId };
}

let n = 0;
async function person(s: School, experienceYears: number) {
  n += 1;
  const { personId } = await ok<{ personId: string }>("people.create", s.curator.id, { org: s.slug, kind: "TEACHER", lastName: `Фамилия${n}`, firstName: "Имя", experienceYears });
  await ok("consents.record", s.curator.id, { org: s.slug, personId, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
  return personId;
}

async function mentee(s: School) {
  const personId = await person(s, 1);
  const { menteeId } = await ok<{ menteeId: string }>("mentees.add", s.curator.id, { org: s.slug, personId, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE" });
  // The head approves the mentee before they may be paired (decision 025).
  await ok("mentees.approve", s.directors[0]!.id, { org: s.slug, menteeIds: [menteeId] });
  return menteeId;
}

async function trainedMentor(s: School, capacity = 2) {
  const personId = await person(s, 20);
  const { mentorId } = await ok<{ mentorId: string }>("mentors.add", s.curator.id, { org: s.slug, personId, competencies: ["DISCIPLINE"], capacity: String(capacity) });
  await ok("mentors.recordTraining", s.curator.id, { org: s.slug, mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: "2026-10-01" });
  // The written consent to the additional duties, signed before any order of the story (pairs are approved with it only).
  await ok("mentors.recordDutiesConsent", s.curator.id, { org: s.slug, mentorId, givenAt: "2026-09-07" });
  return mentorId;
}

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
    for (const p of pairsProposed) await ok("mentors.approve", s.directors[0]!.id, { org: s.slug, mentorId: p.mentorId });
    const { pairIds } = await ok<{ pairIds: string[] }>("pairs.propose", s.curator.id, {
      org: s.slug,
      programId: s.programId,
      pairs: pairsProposed.map((p) => ({ ...p, form: "TEACHER_TEACHER", type: "TRADITIONAL" })),
    });
    const auditBefore = await prisma.auditEvent.count({ where: { organizationId: s.id, action: "pairs.approve" } });

    // Every request covers the same four pairs at version 1, in a different order: batches racing in
    // opposite orders are the classic deadlock.
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        run<{ orderId: string; number: string; pairs: number }>("pairs.approve", s.directors[i % s.directors.length]!.id, {
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
    await ok("mentors.approve", s.directors[0]!.id, { org: s.slug, mentorId: nextMentor });
    const next = await ok<{ pairIds: string[] }>("pairs.propose", s.curator.id, { org: s.slug, programId: s.programId, pairs: [{ mentorId: nextMentor, menteeIds: [await mentee(s)], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    const second = await ok<{ number: string }>("pairs.approve", s.directors[1]!.id, { org: s.slug, orderDate: "2026-10-20", pairs: [{ pairId: next.pairIds[0]!, version: 1 }] });
    expect(second.number).toBe("2-НП");
  });

  it("of different pairs at once (one director, 50 single-pair batches) number the orders 1…50 without a gap or a duplicate", async () => {
    const prisma = db().prisma;
    const s = await school(5, 1);
    const mentorIds: string[] = [];
    for (let i = 0; i < 25; i++) mentorIds.push(await trainedMentor(s, 2));
    for (const mentorId of mentorIds) await ok("mentors.approve", s.directors[0]!.id, { org: s.slug, mentorId });
    const proposals = [];
    for (let i = 0; i < CONCURRENT; i++) proposals.push({ mentorId: mentorIds[i % mentorIds.length]!, menteeIds: [await mentee(s)], form: "TEACHER_TEACHER", type: "TRADITIONAL" });
    const { pairIds } = await ok<{ pairIds: string[] }>("pairs.propose", s.curator.id, { org: s.slug, programId: s.programId, pairs: proposals });
    const results = await Promise.all(pairIds.map((pairId) => run("pairs.approve", s.directors[0]!.id, { org: s.slug, orderDate: "2026-10-12", pairs: [{ pairId, version: 1 }] })));
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
        run("programs.override", s.directors[i % s.directors.length]!.id, { org: s.slug, programId: s.programId, expectedStage: 3, reason: `Решение руководителя № ${i + 1}` }),
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
    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => run("mentors.approve", s.directors[i % s.directors.length]!.id, { org: s.slug, mentorId })));
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
