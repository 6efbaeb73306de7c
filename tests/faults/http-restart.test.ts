// The same fault through the real HTTP stack (behind FAULTS_HTTP=1: it needs a production build, which
// it makes when .next has none — about a minute on two cores). `npm start` with SKIP_BUILD=1 against a
// throwaway PostgreSQL cluster (it applies the migrations itself), 4 clients polling GET /api/health
// (a raw connection per check) and GET /s/<slug> (a page reading through withDb) while the server is
// stopped with `-m fast` and with `-m immediate` for ~2 s each. Asserted: the Next server process
// survives both, answers 200 whenever the database was up for the whole request, 503 while it is down —
// the health check, and the page with the Russian «service unavailable» page, never a 500 (decision
// 015) — and serves again after each restart without being restarted.
// An existing .next is served as it is: `npm test` runs test:faults after test:e2e, whose `npm start`
// has just built the current sources; elsewhere delete a stale .next first.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../lib/db/database";
import { applyMigrations } from "../../lib/db/migrate";
import { createOrganization } from "../factories";
import { createCluster, findPgBin, type Cluster } from "./pg-cluster";
import { setTimeout as sleep } from "node:timers/promises";

const enabled = process.env.FAULTS_HTTP === "1";
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const pgBin = findPgBin();
if (enabled && !pgBin) throw new Error("FAULTS_HTTP=1 needs PostgreSQL binaries (set PG_BIN)");

const DOWN_MS = 2_000;
const UP_MS = 3_000;

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** FAULTS_HTTP_PORT, else a free port in 3300–3399 (the range this project's fault tests may use). */
async function appPort(): Promise<number> {
  // FAULTS_HTTP_PORT: a port of one's own on a shared machine.
  if (process.env.FAULTS_HTTP_PORT) return Number(process.env.FAULTS_HTTP_PORT);
  const start = 3300 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3300 + ((start - 3300 + i) % 100);
    if (await portFree(port)) return port;
  }
  throw new Error("no free port in 3300–3399");
}

function runNode(args: string[], env: NodeJS.ProcessEnv, detached = false): ChildProcess {
  return spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"], detached });
}

describe.runIf(enabled)("PostgreSQL restarted under the running production server", () => {
  let cluster: Cluster | undefined;
  let server: ChildProcess | undefined;
  let serverExit: { code: number | null; signal: string | null } | null = null;
  let output = "";
  let base = "";
  let slug = "";

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
      const build = runNode([createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"], { ...process.env, NODE_ENV: "production" });
      let log = "";
      build.stdout!.on("data", (d) => (log += d));
      build.stderr!.on("data", (d) => (log += d));
      const code = await new Promise<number | null>((r) => build.on("exit", r));
      if (code !== 0) throw new Error(`next build failed:\n${log}`);
    }
    cluster = await createCluster(pgBin!);
    await cluster.start();
    const admin = await openPostgres(cluster.url("postgres"), { maxConnections: 1 });
    await admin.withExecutor((ex) => ex.exec("CREATE DATABASE nastavnik"));
    await admin.close();
    const db = await openPostgres(cluster.url("nastavnik"), { maxConnections: 1 });
    await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
    const org = await createOrganization(db.prisma);
    slug = org.slug;
    // A published section: the page answers 200 while the database is up.
    await db.prisma.publicSection.create({ data: { organizationId: org.id, publishedAt: new Date(Date.now() - 60_000), intro: "Раздел" } });
    await db.close();

    const port = await appPort();
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: cluster.url("nastavnik"),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
      SKIP_BUILD: "1",
      REMINDERS_DISABLED: "1",
      NODE_ENV: "production",
    };
    // Its own process group, so that afterAll stops `next start` too (start.ts spawns it).
    server = runNode(["--import", "tsx", "lib/cli/start.ts"], env, true);
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    server.on("exit", (code, signal) => (serverExit = { code, signal }));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (serverExit) throw new Error(`server exited ${JSON.stringify(serverExit)}:\n${output}`);
      const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`server did not come up:\n${output}`);
      await sleep(500);
    }
  }, 400_000);

  afterAll(async () => {
    if (server?.pid && !serverExit) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const gone = await Promise.race([new Promise((r) => server!.once("exit", r)).then(() => true), sleep(10_000).then(() => false)]);
      if (!gone) {
        try {
          process.kill(-server.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    await cluster?.destroy();
  }, 60_000);

  it("keeps serving: 503 only while the database is down, 200 again after each restart, no crash", { timeout: 60_000 }, async () => {
    type Sample = { path: string; start: number; end: number; status: number; unavailablePage?: boolean };
    const samples: Sample[] = [];
    const windows: { mode: string; stopAt: number; upAt: number }[] = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    let running = true;

    async function client(n: number) {
      for (let i = 0; running; i++) {
        const p = (i + n) % 2 === 0 ? "/api/health" : `/s/${slug}`;
        const start = now();
        const { status, body } = await fetch(base + p, { signal: AbortSignal.timeout(15_000), redirect: "manual" }).then(
          async (r) => ({ status: r.status, body: await r.text() }),
          () => ({ status: 0, body: "" }), // no answer at all: the server is gone or hung
        );
        samples.push({ path: p, start, end: now(), status, unavailablePage: body.includes("Сервис временно недоступен, попробуйте через минуту.") });
        await sleep(20);
      }
    }
    async function conductor() {
      await sleep(UP_MS);
      for (const mode of ["fast", "immediate"] as const) {
        const stopAt = now();
        await cluster!.stop(mode);
        await sleep(DOWN_MS);
        await cluster!.start();
        windows.push({ mode, stopAt, upAt: now() });
        await sleep(UP_MS);
      }
      running = false;
    }
    await Promise.all([conductor(), ...Array.from({ length: 4 }, (_, i) => client(i))]);

    const overlapsDown = (s: Sample) => windows.some((w) => s.start < w.upAt && s.end > w.stopAt);
    const bad = (s: Sample) => (s.path === "/api/health" ? s.status !== 200 : s.status === 0 || s.status >= 500);
    const failuresWhileUp = samples.filter((s) => bad(s) && !overlapsDown(s));
    const report = {
      requests: samples.length,
      statuses: Object.fromEntries([...new Set(samples.map((s) => `${s.path.startsWith("/s/") ? "page" : "health"} ${s.status}`))].map((k) => [k, samples.filter((s) => `${s.path.startsWith("/s/") ? "page" : "health"} ${s.status}` === k).length])),
      pages503: samples.filter((s) => s.path.startsWith("/s/") && s.status === 503).length,
      windows: windows.map((w) => {
        const firstOk = samples.filter((s) => !bad(s) && s.start >= w.upAt).sort((a, b) => a.end - b.end)[0];
        return {
          mode: w.mode,
          downMs: Math.round(w.upAt - w.stopAt),
          failures: samples.filter((s) => bad(s) && s.start < w.upAt && s.end > w.stopAt).length,
          recoveryMs: firstOk ? Math.round(firstOk.end - w.upAt) : null,
        };
      }),
    };
    console.log("[faults] http restart:", JSON.stringify(report));

    expect(serverExit, `the server process must survive:\n${output.slice(-3000)}`).toBeNull();
    expect(samples.filter((s) => s.status === 0), "every request got an answer").toEqual([]);
    expect(failuresWhileUp, JSON.stringify(failuresWhileUp.slice(0, 5))).toEqual([]);
    for (const w of report.windows) {
      expect(w.failures, `failures in the ${w.mode} window`).toBeGreaterThan(0);
      expect(w.recoveryMs, `recovery after the ${w.mode} restart`).not.toBeNull();
    }
    expect(samples.filter((s) => s.path === "/api/health" && overlapsDown(s) && s.status !== 200).every((s) => s.status === 503)).toBe(true);
    // Pages: 200 while the database is up; while it is down, 503 with the Russian page — never a 500.
    const pages = samples.filter((s) => s.path.startsWith("/s/"));
    expect(pages.filter((s) => !overlapsDown(s) && s.status !== 200), "pages not 200 while the database was up").toEqual([]);
    const pageFailures = pages.filter((s) => s.status !== 200);
    expect(pageFailures.filter((s) => s.status !== 503 || !s.unavailablePage), "page failures other than the 503 page").toEqual([]);
    for (const w of windows) {
      const seen = pages.filter((s) => s.status === 503 && s.start < w.upAt && s.end > w.stopAt).length;
      expect(seen, `pages answered 503 in the ${w.mode} window`).toBeGreaterThan(0);
    }
    expect(pages.filter((s) => s.start > windows[1]!.upAt && s.status === 200).length, "pages 200 after the last restart").toBeGreaterThan(0);
  });
});
