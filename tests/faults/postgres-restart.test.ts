// PostgreSQL restarted under load (issue #7, item 6). A throwaway cluster started by this test; the
// app's own database layer on it (openPostgres, the migration runner, setDatabase); 6 workers writing
// through the real action wrapper (`people.create`) and reading through withDb while the server is
// stopped twice — `pg_ctl stop -m fast` (orderly) and `-m immediate` (a crash: no checkpoint, crash
// recovery on start) — for ~2 s each and started again. Asserted:
//  (a) every request that began and ended while the server was up succeeded; failures happen only in
//      the down window, come back as values (actions) or rejected promises (reads) — no unhandled
//      exception, no crashed process;
//  (b) the same Database object recovers by itself after each restart (no re-open);
//  (c) every acknowledged write is in the database afterwards, and nothing is half-written (a person
//      row and its audit record exist together or not at all);
//  (d) no duplicate (decision 015): each write carries an idempotency key, and a worker whose write is
//      refused as UNAVAILABLE (outcome unknown) resubmits it with the same key until it succeeds — one
//      row per write, even when the refused attempt had committed and only its answer was lost.
// A second case puts a TCP proxy in front of the server that, for 3 s, drops the open connections
// and swallows new ones without an answer (a hung server or a stuck proxy): requests must fail within
// the connect timeout instead of hanging, and the same pool must serve again afterwards.
import { createServer, connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import { newIdempotencyKey } from "../../lib/actions/idempotency-key";
import type { ActionResult } from "../../lib/actions/result";
import { getDatabase, setDatabase, withDb } from "../../lib/db";
import { openPostgres, type Database } from "../../lib/db/database";
import { checkHealth } from "../../lib/health";
import { applyMigrations } from "../../lib/db/migrate";
import "../../lib/people/actions";
import { createMember, createOrganization } from "../factories";
import { createCluster, findPgBin, type Cluster } from "./pg-cluster";
import { setTimeout as sleep } from "node:timers/promises";

const pgBin = findPgBin();
// Without PostgreSQL binaries the test cannot run; in CI that is a failure, not a skip.
if (!pgBin && process.env.CI) throw new Error("PostgreSQL binaries not found (set PG_BIN): the restart fault test must run in CI");

const WORKERS = 6;
const DOWN_MS = 2_000;
const UP_MS = 3_000;

type Sample = {
  kind: "write" | "read" | "health";
  worker: number;
  token: string;
  attempt?: number;
  start: number;
  end: number;
  ok: boolean;
  code?: string;
  message?: string;
  personId?: string;
};
type Window = { mode: "fast" | "immediate"; stopAt: number; upAt: number };

// What a lost or refused connection looks like through Prisma, the adapter and node-postgres: the
// failures in the down window must all be of this kind (not, say, a corrupted pool or a type error).
const CONNECTION_LOST =
  /P1001|P1017|57P0[123]|Connection terminated|not queryable|ConnectionClosed|ECONNREFUSED|ECONNRESET|Can't reach database|Server has closed the connection|terminating connection due to administrator command|shutting down|starting up|not yet accepting connections/;
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? cause.message : cause && typeof cause === "object" ? JSON.stringify(cause) : String(cause ?? "");
  return `${e.name} ${(e as { code?: string }).code ?? ""} ${e.message} ${causeText}`;
}


/** A TCP proxy to the cluster that can turn into a black hole: open connections dropped, new ones
 *  accepted and never answered, as a hung server or a stuck proxy would. */
async function startProxy(targetPort: number) {
  let hole = false;
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("error", () => undefined);
    s.on("close", () => sockets.delete(s));
  };
  const server = createServer((client) => {
    track(client);
    if (hole) return; // accepted, never answered
    const upstream = connect(targetPort, "127.0.0.1");
    track(upstream);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    hole(on: boolean) {
      hole = on;
      if (on) for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe.skipIf(!pgBin)("PostgreSQL restarted during a load run", () => {
  let cluster: Cluster | undefined;
  let db: Database | undefined;
  let org: { id: string; slug: string };
  let curator: { id: string };

  beforeAll(async () => {
    cluster = await createCluster(pgBin!);
    await cluster.start();
    const adminDb = await openPostgres(cluster.url("postgres"), { maxConnections: 1 });
    await adminDb.withExecutor((ex) => ex.exec("CREATE DATABASE nastavnik"));
    await adminDb.close();
    db = await openPostgres(cluster.url("nastavnik"), { maxConnections: 8 });
    await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
    setDatabase(db);
    org = await createOrganization(db.prisma);
    curator = await createMember(db.prisma, org.id, ["CURATOR"]);
  }, 60_000);

  afterAll(async () => {
    setDatabase(undefined);
    await db?.close().catch(() => undefined);
    await cluster?.destroy();
  }, 60_000);

  it("fails only while the server is down, recovers by itself and loses no acknowledged write", { timeout: 60_000 }, async () => {
    const database = db!;
    const unhandled: unknown[] = [];
    const onUnhandled = (error: unknown) => unhandled.push(error);
    process.on("uncaughtException", onUnhandled);
    process.on("unhandledRejection", onUnhandled);
    // The action wrapper logs the cause of each INTERNAL failure: keep them to classify, not to print.
    const logged: unknown[] = [];
    const consoleError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args[1] ?? args[0]);
    });
    // UNAVAILABLE refusals are logged as warnings (one line each).
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    const samples: Sample[] = [];
    const windows: Window[] = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    let running = true;
    let seq = 0;
    const create = ACTION_REGISTRY.get("people.create")!;

    async function worker(n: number) {
      while (running) {
        const token = `w${n}-${seq++}`;
        const write = seq % 2 === 0;
        const start = now();
        if (write) {
          // One key per write; an UNAVAILABLE answer (or a throw) is resubmitted with the same key, as the
          // form does, until the write is acknowledged (bounded: ~40 s of attempts).
          const idempotencyKey = newIdempotencyKey();
          for (let attempt = 1; attempt <= 400; attempt++) {
            const attemptStart = attempt === 1 ? start : now();
            let result: ActionResult<{ personId: string }>;
            try {
              result = await runAction<{ personId: string }>(create, curator.id, { org: org.slug, kind: "TEACHER", lastName: token, firstName: "Нагрузка", idempotencyKey });
            } catch (error) {
              // An action must never throw: record it as a failure of the wrapper itself.
              samples.push({ kind: "write", worker: n, token, attempt, start: attemptStart, end: now(), ok: false, code: "THROWN", message: String(error) });
              await sleep(50);
              continue;
            }
            samples.push({
              kind: "write",
              worker: n,
              token,
              attempt,
              start: attemptStart,
              end: now(),
              ok: result.ok,
              code: result.ok ? undefined : result.error.code,
              message: result.ok ? undefined : result.error.message,
              personId: result.ok ? result.data.personId : undefined,
            });
            if (result.ok || result.error.code !== "UNAVAILABLE") break;
            await sleep(50);
          }
        } else {
          try {
            await withDb({ organizationId: org.id, userId: curator.id }, (tx) => tx.person.count({ where: { organizationId: org.id } }));
            samples.push({ kind: "read", worker: n, token, start, end: now(), ok: true });
          } catch (error) {
            samples.push({ kind: "read", worker: n, token, start, end: now(), ok: false, code: "THROWN", message: (error as Error).message });
            await sleep(50);
          }
        }
      }
    }

    // GET /api/health's path: a fresh raw connection per check (withExecutor), polled all along.
    async function healthWorker() {
      while (running) {
        const start = now();
        const health = await checkHealth();
        samples.push({ kind: "health", worker: -1, token: "", start, end: now(), ok: health.ok, code: health.database, message: health.error });
        await sleep(25);
      }
    }

    // A raw executor connection (migrations, seeds, the health check) that is open and idle when
    // the server goes away: its next query must fail as a value, the process must not die.
    const idleProbes: { mode: string; error?: string }[] = [];
    async function holdExecutorAcross(mode: string, stopped: Promise<void>) {
      await database.withExecutor(async (ex) => {
        await ex.query("SELECT 1");
        await stopped;
        try {
          await ex.query("SELECT 1");
          idleProbes.push({ mode });
        } catch (error) {
          idleProbes.push({ mode, error: (error as Error).message });
        }
      });
    }

    async function conductor() {
      await sleep(UP_MS);
      for (const mode of ["fast", "immediate"] as const) {
        let markStopped!: () => void;
        const stopped = new Promise<void>((r) => (markStopped = r));
        const probe = holdExecutorAcross(mode, stopped).catch((error) => idleProbes.push({ mode, error: `withExecutor threw: ${error}` }));
        await sleep(50);
        const stopAt = now();
        await cluster!.stop(mode);
        await sleep(200);
        markStopped();
        await probe;
        await sleep(DOWN_MS);
        await cluster!.start();
        windows.push({ mode, stopAt, upAt: now() });
        await sleep(UP_MS);
      }
      running = false;
    }

    try {
      await Promise.all([conductor(), healthWorker(), ...Array.from({ length: WORKERS }, (_, i) => worker(i))]);
    } finally {
      process.off("uncaughtException", onUnhandled);
      process.off("unhandledRejection", onUnhandled);
      consoleError.mockRestore();
      consoleWarn.mockRestore();
    }

    const overlapsDown = (s: Sample) => windows.some((w) => s.start < w.upAt && s.end > w.stopAt);
    const failures = samples.filter((s) => !s.ok);
    const failuresWhileUp = failures.filter((s) => !overlapsDown(s));
    const report = {
      requests: samples.length,
      writes: samples.filter((s) => s.kind === "write").length,
      reads: samples.filter((s) => s.kind === "read").length,
      healthChecks: samples.filter((s) => s.kind === "health").length,
      messages: [...new Set(failures.map((s) => `${s.kind}: ${(s.message ?? "").slice(0, 90)}`))],
      causes: [...new Set(logged.map((e) => describeError(e).replace(/\s+/g, " ").slice(0, 120)))],
      idleProbes,
      failures: failures.length,
      failuresWhileUp: failuresWhileUp.length,
      windows: windows.map((w) => {
        const failed = failures.filter((s) => s.start < w.upAt && s.end > w.stopAt);
        const firstOk = samples.filter((s) => s.ok && s.start >= w.upAt).sort((a, b) => a.end - b.end)[0];
        const lastFailure = failed.reduce((m, s) => Math.max(m, s.end), 0);
        return {
          mode: w.mode,
          downMs: Math.round(w.upAt - w.stopAt),
          failures: failed.length,
          codes: [...new Set(failed.map((s) => s.code))],
          lastFailureAfterUpMs: Math.round(lastFailure - w.upAt),
          recoveryMs: firstOk ? Math.round(firstOk.end - w.upAt) : null,
        };
      }),
    };
    console.log("[faults] postgres restart:", JSON.stringify(report));

    expect(unhandled, "no unhandled exception or rejection").toEqual([]);
    expect(windows).toHaveLength(2);
    // (a) Nothing fails while the server is up; something does fail while it is down (or the test proves nothing).
    expect(failuresWhileUp, JSON.stringify(failuresWhileUp.slice(0, 5))).toEqual([]);
    for (const w of report.windows) expect(w.failures, `failures in the ${w.mode} window`).toBeGreaterThan(0);
    // Every failure is a lost or refused connection: the action wrapper's logged causes, the reads'
    // and the health checks' errors.
    expect(logged.map(describeError).filter((m) => !CONNECTION_LOST.test(m))).toEqual([]);
    expect(failures.filter((s) => s.kind !== "write" && !CONNECTION_LOST.test(s.message ?? ""))).toEqual([]);
    // The raw connection held open across each stop saw its next query fail, as a rejection.
    expect(idleProbes.map((p) => p.mode)).toEqual(["fast", "immediate"]);
    for (const p of idleProbes) expect(p.error ?? "query succeeded on a stopped server").toMatch(/not queryable|Connection terminated/);
    // Actions refuse as values with a Russian message; they never throw.
    const writeFailures = failures.filter((s) => s.kind === "write");
    expect(writeFailures.filter((s) => s.code === "THROWN")).toEqual([]);
    // The database was unreachable: UNAVAILABLE (outcome unknown, check before repeating), never INTERNAL.
    for (const s of writeFailures) {
      expect(s.code).toBe("UNAVAILABLE");
      expect(s.message).toMatch(/временно недоступен/);
    }
    // (b) The same Database object serves after both restarts: requests succeed after each one.
    expect(await getDatabase()).toBe(database);
    for (const w of report.windows) expect(w.recoveryMs, `recovery after the ${w.mode} restart`).not.toBeNull();
    const lastUp = windows[1]!.upAt;
    expect(samples.filter((s) => s.ok && s.start > lastUp).length).toBeGreaterThan(WORKERS);

    // (c) Every acknowledged write survived both restarts (the crash included).
    const acknowledged = samples.filter((s) => s.kind === "write" && s.ok).map((s) => s.personId!);
    const persons = await database.prisma.person.findMany({ where: { organizationId: org.id }, select: { id: true, lastName: true } });
    const audits = await database.prisma.auditEvent.findMany({
      where: { organizationId: org.id, action: "people.create" },
      select: { targetId: true },
    });
    const personIds = new Set(persons.map((p) => p.id));
    expect(acknowledged.filter((id) => !personIds.has(id)), "acknowledged writes missing").toEqual([]);
    // Nothing half-written: each person has its audit record and each audit record its person.
    expect(new Set(audits.map((a) => a.targetId))).toEqual(personIds);
    // (d) Every row belongs to a write of this run, every write was acknowledged in the end (after
    // resubmissions with its key), and no write made two rows — however many times it was sent.
    const writes = samples.filter((s) => s.kind === "write");
    const tokens = new Set(writes.map((s) => s.token));
    const finalByToken = new Map(writes.filter((s) => s.ok).map((s) => [s.token, s.personId!]));
    const rowsByToken = new Map<string, string[]>();
    for (const p of persons) rowsByToken.set(p.lastName, [...(rowsByToken.get(p.lastName) ?? []), p.id]);
    for (const p of persons) expect(tokens.has(p.lastName), `row ${p.lastName} from no request`).toBe(true);
    const duplicates = [...rowsByToken.values()].filter((ids) => ids.length > 1).length;
    const resubmitted = new Set(writes.filter((s) => (s.attempt ?? 1) > 1).map((s) => s.token));
    const idempotency = {
      writes: tokens.size,
      attempts: writes.length,
      unavailable: writeFailures.length,
      resubmissions: writes.filter((s) => (s.attempt ?? 1) > 1).length,
      resubmittedWrites: resubmitted.size,
      acknowledgedWrites: finalByToken.size,
      rows: persons.length,
      duplicates,
    };
    console.log("[faults] idempotency:", JSON.stringify(idempotency));
    expect(duplicates, "writes that made two rows").toBe(0);
    expect([...tokens].filter((t) => !finalByToken.has(t)), "writes never acknowledged").toEqual([]);
    for (const [token, personId] of finalByToken) expect(rowsByToken.get(token), token).toEqual([personId]);
    expect(persons.length).toBe(tokens.size);
    // The test proves something only if writes were refused and resubmitted in the down windows.
    expect(idempotency.resubmissions).toBeGreaterThan(0);
  });
  it("a server that accepts connections but never answers: requests fail within the connect timeout, the pool recovers", { timeout: 60_000 }, async () => {
    const proxy = await startProxy(cluster!.port);
    const url = new URL(cluster!.url("nastavnik"));
    url.port = String(proxy.port);
    const viaProxy = await openPostgres(url.toString(), { maxConnections: 4, connectTimeoutMs: 1_000 });
    setDatabase(viaProxy);
    const unhandled: unknown[] = [];
    const onUnhandled = (error: unknown) => unhandled.push(error);
    process.on("uncaughtException", onUnhandled);
    process.on("unhandledRejection", onUnhandled);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const samples: { start: number; end: number; ok: boolean; personId?: string }[] = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    let running = true;
    let holeAt = 0;
    let healedAt = 0;
    const create = ACTION_REGISTRY.get("people.create")!;
    try {
      const worker = async (n: number) => {
        for (let i = 0; running; i++) {
          const start = now();
          const result = await runAction<{ personId: string }>(create, curator.id, { org: org.slug, kind: "TEACHER", lastName: `hole${n}-${i}`, firstName: "Дыра" });
          samples.push({ start, end: now(), ok: result.ok, personId: result.ok ? result.data.personId : undefined });
          if (!result.ok) await sleep(50);
        }
      };
      const conductor = async () => {
        await sleep(1_500);
        holeAt = now();
        proxy.hole(true);
        await sleep(3_000);
        proxy.hole(false);
        healedAt = now();
        await sleep(3_000);
        running = false;
      };
      const all = Promise.all([conductor(), ...Array.from({ length: 4 }, (_, i) => worker(i))]);
      const finished = await Promise.race([all.then(() => true), sleep(20_000).then(() => false)]);
      expect(finished, "workers hung: a request waited forever for a connection").toBe(true);
    } finally {
      running = false;
      process.off("uncaughtException", onUnhandled);
      process.off("unhandledRejection", onUnhandled);
      consoleError.mockRestore();
      consoleWarn.mockRestore();
      setDatabase(db);
    }
    const inHole = (s: { start: number; end: number }) => s.start < healedAt && s.end > holeAt;
    const longest = Math.max(...samples.filter(inHole).map((s) => s.end - s.start));
    const firstOk = samples.filter((s) => s.ok && s.start >= healedAt).sort((a, b) => a.end - b.end)[0];
    console.log(
      "[faults] black hole:",
      JSON.stringify({
        requests: samples.length,
        failures: samples.filter((s) => !s.ok).length,
        failuresOutside: samples.filter((s) => !s.ok && !inHole(s)).length,
        longestInHoleMs: Math.round(longest),
        recoveryMs: firstOk ? Math.round(firstOk.end - healedAt) : null,
      }),
    );
    try {
      expect(unhandled).toEqual([]);
      expect(samples.filter((s) => !s.ok && !inHole(s))).toEqual([]);
      expect(samples.filter((s) => !s.ok && inHole(s)).length).toBeGreaterThan(0);
      // Bounded: connect timeout (1 s) per connection a request opens, never the whole hole or more.
      expect(longest).toBeLessThan(3_000 + 1_000);
      expect(firstOk, "the pool serves again after the hole").toBeDefined();
      const acknowledged = samples.filter((s) => s.ok).map((s) => s.personId!);
      const found = await db!.prisma.person.count({ where: { id: { in: acknowledged } } });
      expect(found).toBe(acknowledged.length);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});
