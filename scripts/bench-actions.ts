// npm run bench:actions [-- --runs 40] — p95 of the main server actions through the one action wrapper
// (lib/actions/action.ts runAction), next to a floor measured in the same run.
//
// Database: a scratch database created on the PostgreSQL server of DATABASE_URL (migrated, dropped at the end, so
// the fixtures never land in the real one), or in-memory PGlite when DATABASE_URL is unset.
//
// Fixtures, built through the app's own actions (tests/factories for the organizations and users):
//   school A: a program whose stage-1 gate is met (three approved orders, stage-1 activities done);
//   school B: a program at stage 5, five approved mentors and five mentees with consents, five proposed pairs.
// Each round runs, in this order (the floor interleaved so that the machine's load hits both alike):
//   floor           the same wrapper on a trivial action: session → tenant → permission → zod → tenant
//                   transaction with one `SELECT 1` (no audit record)
//   programs.advance  stage 1 → 2 with the exit conditions checked (the director's `programs.return` puts
//                   it back afterwards, untimed)
//   pairs.approve   the batch of five proposed pairs → one numbered order (reset to proposed afterwards as
//                   the database owner, untimed)
//   meetings.log    a meeting of an approved pair (the curator), round-robin over the five pairs
// On PostgreSQL each call also reports how many statements it sent and how long it waited for their answers
// (node-postgres' Client.query counted and timed), which says whether round trips or computation dominate.
// Every timed call must answer ok: a refusal aborts the run. Last line JSON for npm run bench.

import "./server-only-allowed";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { ACTION_REGISTRY, done, runAction, type TenantActionDef } from "../lib/actions/action";
import type { ActionResult } from "../lib/actions/result";
import "../lib/banks/actions";
import "../lib/banks/duties-actions";
import "../lib/banks/mentee-approval-actions";
import { setDatabase } from "../lib/db";
import { openPGlite, openPostgres, type Database } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import { academicYearOf } from "../lib/domain/academic-year";
import "../lib/pairs/actions";
import "../lib/pairs/meeting-actions";
import "../lib/people/actions";
import "../lib/programs/actions";
import { createMember, createOrganization } from "../tests/factories";
import { flag, stats } from "./bench-stats";

const GOAL_MS = 50;
const PAIRS_PER_BATCH = 5;



async function call<T = Record<string, unknown>>(name: string, userId: string, input: unknown): Promise<T> {
  const def = ACTION_REGISTRY.get(name);
  if (!def) throw new Error(`action ${name} is not registered`);
  const res: ActionResult<T> = await runAction<T>(def, userId, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.message} ${JSON.stringify(res.error.details ?? res.error.fieldErrors ?? "")}`);
  return res.data;
}

// Where the time goes: every statement the driver sends (node-postgres, under Prisma's adapter) is counted and
// timed from send to answer, so each call splits into database round trips and the rest (Prisma, zod, the body).
const driver = { queries: 0, ms: 0 };
const sendQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const started = performance.now();
  driver.queries += 1;
  const out = sendQuery.apply(this, args);
  if (out && typeof (out as Promise<unknown>).finally === "function") {
    return (out as Promise<unknown>).finally(() => {
      driver.ms += performance.now() - started;
    });
  }
  return out;
};

type Sample = { ms: number; queries: number; dbMs: number };
async function timed<T>(samples: Sample[], fn: () => Promise<T>): Promise<T> {
  const q0 = driver.queries;
  const d0 = driver.ms;
  const started = performance.now();
  const out = await fn();
  samples.push({ ms: performance.now() - started, queries: driver.queries - q0, dbMs: driver.ms - d0 });
  return out;
}

/** The wrapper's fixed cost: a registered-like tenant action whose body is one `SELECT 1`. */
const floorAction: TenantActionDef<z.ZodObject<{ org: z.ZodString }>, null> = {
  name: "bench.floor",
  scope: "tenant",
  permission: "meetings.log",
  input: z.object({ org: z.string().min(1).max(100) }),
  audit: false,
  async run({ tx }) {
    await tx.$queryRaw`SELECT 1`;
    return done(null);
  },
};

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh migrated database: a scratch one beside DATABASE_URL's (dropped by close), or PGlite in memory. */
async function openDatabase(tag: string): Promise<Database> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await openPGlite("memory://");
    await db.withExecutor((ex) => applyMigrations(ex));
    setDatabase(db);
    return db;
  }
  const name = `nastavnik_bench_actions_${tag}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { maxConnections: 4 });
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
  setDatabase(db);
  const close = db.close;
  return Object.assign(db, {
    async close() {
      await close();
      await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  });
}

async function main() {
  const runs = flag("runs", 40);
  const warmup = 5;
  const tag = randomBytes(4).toString("hex");
  const db = await openDatabase(tag);
  const prisma = db.prisma;
  try {
    const year = academicYearOf(new Date());
    const today = new Date().toISOString().slice(0, 10);
    const member = async (orgId: string, roles: ("DIRECTOR" | "CURATOR")[]) => {
      return (await createMember(prisma, orgId, roles)).id;
    };

    // School A: the stage-1 gate met.
    const a = await createOrganization(prisma, { slug: `bench-actions-a-${tag}`, name: "Школа замера действий A" });
    const aDirector = await member(a.id, ["DIRECTOR"]);
    const aCurator = await member(a.id, ["CURATOR"]);
    const { programId: aProgram } = await call<{ programId: string }>("programs.create", aCurator, { org: a.slug, academicYear: year, audience: "BOTH", template: "school" });
    for (const [kind, number] of [["REGULATION", "1-од"], ["ROADMAP_APPROVAL", "2-од"], ["CURATOR_APPOINTMENT", "3-од"]] as const) {
      const { actId } = await call<{ actId: string }>("acts.register", aCurator, { org: a.slug, programId: aProgram, kind, number, date: today, title: `Приказ ${number}` });
      await call("acts.approve", aDirector, { org: a.slug, actId });
    }
    for (const act of await prisma.roadmapActivity.findMany({ where: { programId: aProgram, stage: 1 }, select: { id: true } })) {
      await call("roadmap.setStatus", aCurator, { org: a.slug, activityId: act.id, status: "DONE", evidence: "Протокол педсовета № 1" });
    }

    // School B: five proposed pairs at stage 5.
    const b = await createOrganization(prisma, { slug: `bench-actions-b-${tag}`, name: "Школа замера действий B" });
    const bDirector = await member(b.id, ["DIRECTOR"]);
    const bCurator = await member(b.id, ["CURATOR"]);
    const { programId: bProgram } = await call<{ programId: string }>("programs.create", bCurator, { org: b.slug, academicYear: year, audience: "BOTH", template: "school" });
    await prisma.mentoringProgram.update({ where: { id: bProgram }, data: { stage: 5 } });
    let n = 0;
    const person = async (experienceYears: number) => {
      n += 1;
      const { personId } = await call<{ personId: string }>("people.create", bCurator, { org: b.slug, kind: "TEACHER", lastName: `Замеров${n}`, firstName: "Имя", experienceYears });
      await call("consents.record", bCurator, { org: b.slug, personId, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: today });
      return personId;
    };
    const proposals: { mentorId: string; menteeIds: string[] }[] = [];
    for (let i = 0; i < PAIRS_PER_BATCH; i++) {
      const { menteeId } = await call<{ menteeId: string }>("mentees.add", bCurator, { org: b.slug, personId: await person(1), category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE" });
      const { mentorId } = await call<{ mentorId: string }>("mentors.add", bCurator, { org: b.slug, personId: await person(20), competencies: ["DISCIPLINE"], capacity: "1" });
      await call("mentors.recordTraining", bCurator, { org: b.slug, mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: today });
      await call("mentors.approve", bDirector, { org: b.slug, mentorId });
      // The mentor's written consent to the additional work (ТК РФ ст. 60.2), which a pair's approval requires.
      await call("mentors.recordDutiesConsent", bCurator, { org: b.slug, mentorId, givenAt: today });
      proposals.push({ mentorId, menteeIds: [menteeId] });
    }
    // Mentees join pairs only once the director approved them (decision 025).
    await call("mentees.approve", bDirector, { org: b.slug, menteeIds: proposals.flatMap((p) => p.menteeIds) });
    const { pairIds } = await call<{ pairIds: string[] }>("pairs.propose", bCurator, {
      org: b.slug,
      programId: bProgram,
      pairs: proposals.map((p) => ({ ...p, form: "TEACHER_TEACHER", type: "TRADITIONAL" })),
    });
    const versions = async () =>
      (await prisma.pair.findMany({ where: { id: { in: pairIds } }, select: { id: true, version: true } })).map((p) => ({ pairId: p.id, version: p.version }));
    const resetPairs = () =>
      prisma.pair.updateMany({ where: { id: { in: pairIds } }, data: { status: "PROPOSED", orderId: null, decidedById: null, decidedAt: null, startsOn: null } });

    // Meetings go to the second set of pairs: five more mentees with the same mentors would exceed their
    // capacity, so the meeting pairs are approved copies proposed in another direction of work.
    const meetingProposals: { mentorId: string; menteeIds: string[] }[] = [];
    for (let i = 0; i < PAIRS_PER_BATCH; i++) {
      const { menteeId } = await call<{ menteeId: string }>("mentees.add", bCurator, { org: b.slug, personId: await person(1), category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE" });
      const { mentorId } = await call<{ mentorId: string }>("mentors.add", bCurator, { org: b.slug, personId: await person(20), competencies: ["DISCIPLINE"], capacity: "1" });
      await call("mentors.recordTraining", bCurator, { org: b.slug, mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: today });
      await call("mentors.approve", bDirector, { org: b.slug, mentorId });
      // The mentor's written consent to the additional work (ТК РФ ст. 60.2), which a pair's approval requires.
      await call("mentors.recordDutiesConsent", bCurator, { org: b.slug, mentorId, givenAt: today });
      meetingProposals.push({ mentorId, menteeIds: [menteeId] });
    }
    await call("mentees.approve", bDirector, { org: b.slug, menteeIds: meetingProposals.flatMap((p) => p.menteeIds) });
    const { pairIds: meetingPairIds } = await call<{ pairIds: string[] }>("pairs.propose", bCurator, {
      org: b.slug,
      programId: bProgram,
      pairs: meetingProposals.map((p) => ({ ...p, form: "TEACHER_TEACHER", type: "TRADITIONAL" })),
    });
    await call("pairs.approve", bDirector, { org: b.slug, orderDate: today, pairs: meetingPairIds.map((pairId) => ({ pairId, version: 1 })) });
    const meetingPairs = meetingPairIds.map((pairId, i) => ({ pairId, menteeId: meetingProposals[i]!.menteeIds[0]! }));

    const samples = { floor: [] as Sample[], advance: [] as Sample[], approve: [] as Sample[], meeting: [] as Sample[] };
    const throwaway = { floor: [] as Sample[], advance: [] as Sample[], approve: [] as Sample[], meeting: [] as Sample[] };
    const floorCall = async () => {
      const res = await runAction(floorAction, bCurator, { org: b.slug });
      if (!res.ok) throw new Error(`floor: ${res.error.message}`);
    };
    for (let round = 0; round < warmup + runs; round++) {
      const into = round < warmup ? throwaway : samples;
      await timed(into.floor, floorCall);
      await timed(into.advance, () => call("programs.advance", aCurator, { org: a.slug, programId: aProgram, expectedStage: 1 }));
      await call("programs.return", aDirector, { org: a.slug, programId: aProgram, expectedStage: 2, toStage: 1, reason: "Возврат для замера производительности" });
      const batch = { org: b.slug, orderDate: today, pairs: await versions() };
      const approved = await timed(into.approve, () => call<{ pairs: number }>("pairs.approve", bDirector, batch));
      if (approved.pairs !== PAIRS_PER_BATCH) throw new Error(`pairs.approve: ${approved.pairs} pairs approved`);
      await resetPairs();
      const target = meetingPairs[round % meetingPairs.length]!;
      await timed(into.meeting, () =>
        call("meetings.log", bCurator, { org: b.slug, pairId: target.pairId, kind: "REGULAR", heldOn: today, attendeeIds: [target.menteeId], notes: "Замер", planItemIds: [] }),
      );
    }
    const meetings = await prisma.meeting.count({ where: { pairId: { in: meetingPairIds } } });
    if (meetings !== warmup + runs) throw new Error(`meetings.log: ${meetings} meetings written, expected ${warmup + runs}`);

    const summary = (list: Sample[]) => ({
      ...stats(list.map((x) => x.ms)),
      queries: Math.round((list.reduce((n, x) => n + x.queries, 0) / list.length) * 10) / 10,
      dbP50: stats(list.map((x) => x.dbMs)).p50,
    });
    const floor = summary(samples.floor);
    const rows = [
      { key: "advance", label: "programs.advance", s: summary(samples.advance) },
      { key: "approve", label: `pairs.approve (${PAIRS_PER_BATCH} pairs)`, s: summary(samples.approve) },
      { key: "meeting", label: "meetings.log", s: summary(samples.meeting) },
    ];
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(`\n${db.kind === "postgres" ? "PostgreSQL" : "PGlite in memory"}; ${runs} runs each (after ${warmup} warm-up rounds), floor interleaved`);
    console.log(`${"action".padEnd(26)}${"p50".padStart(10)}${"p95".padStart(10)}${"max".padStart(10)}${"ratio p95".padStart(11)}${"SQL/call".padStart(10)}${"db p50".padStart(10)}  goal p95 < ${GOAL_MS} ms`);
    console.log(`${"floor (wrapper + SELECT 1)".padEnd(26)}${ms(floor.p50).padStart(10)}${ms(floor.p95).padStart(10)}${ms(floor.max).padStart(10)}${"".padStart(11)}${String(floor.queries).padStart(10)}${ms(floor.dbP50).padStart(10)}`);
    for (const r of rows) {
      console.log(
        `${r.label.padEnd(26)}${ms(r.s.p50).padStart(10)}${ms(r.s.p95).padStart(10)}${ms(r.s.max).padStart(10)}${(r.s.p95 / floor.p95).toFixed(2).padStart(11)}${String(r.s.queries).padStart(10)}${ms(r.s.dbP50).padStart(10)}  ${r.s.p95 < GOAL_MS ? "yes" : "NO"}`,
      );
    }
    console.log("SQL/call: statements sent by the driver per call (BEGIN, SET, COMMIT included; PostgreSQL only); db p50: time waiting for their answers.");
    const round1 = (v: number) => Math.round(v * 10) / 10;
    const out: Record<string, number | string> = { database: db.kind, runs, floorP95Ms: round1(floor.p95), floorP50Ms: round1(floor.p50), floorQueries: floor.queries, floorDbP50Ms: round1(floor.dbP50) };
    for (const r of rows) {
      out[`${r.key}P95Ms`] = round1(r.s.p95);
      out[`${r.key}P50Ms`] = round1(r.s.p50);
      out[`${r.key}Ratio`] = Math.round((r.s.p95 / floor.p95) * 100) / 100;
      out[`${r.key}Queries`] = r.s.queries;
      out[`${r.key}DbP50Ms`] = round1(r.s.dbP50);
    }
    console.log(JSON.stringify(out));
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
