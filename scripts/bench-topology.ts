// npm run bench:topology [-- --duration 10 --connections 20] — the curator's pages and the district dashboard under
// concurrent connections through the region topology of tests/topology/serve.ts: nginx → two production instances →
// PgBouncer (transaction mode) → PostgreSQL primary, the dashboard on the streaming replica. Demo district data
// (not seed:scale). Builds the topology on throwaway clusters and ports (TOPOLOGY_PORT, TOPOLOGY_PG_PORT), signs in
// through nginx, checks each page answers 200 with the expected text, runs autocannon per page, tears it all down.
// Figures: requests/s, p50/p95 latency (exact, from every response), non-2xx, the machine's load average before and
// after (other work on the machine shares the same cores). Last line JSON.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { ports } from "../tests/topology/config";
import { checkPage, CURATOR, curatorPages, KOVALEVSKAYA_CURATOR, signIn, staticChunk } from "./bench-server";
import { flag, quantile } from "./bench-stats";

type AutocannonResult = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & { on(event: "response", fn: (c: unknown, s: number, b: number, t: number) => void): void };
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => AutocannonInstance;
const autocannon = createRequire(path.join(process.cwd(), "package.json"))("autocannon") as Autocannon;

type Target = { label: string; path: string; cookie?: string; expect?: string };
type Measured = { label: string; path: string; rps: number; p50Ms: number; p95Ms: number; requests: number; non2xx: number; errors: number };

async function load(origin: string, target: Target, connections: number, duration: number): Promise<Measured> {
  const times: number[] = [];
  const instance = autocannon({ url: `${origin}${target.path}`, connections, duration, headers: target.cookie ? { cookie: target.cookie } : {} });
  instance.on("response", (_c, _s, _b, t) => times.push(t));
  const r = await instance;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { label: target.label, path: target.path, rps: round(r.requests.average), p50Ms: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function waitFor(origin: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the topology did not come up");
}

async function main() {
  const duration = flag("duration", 10);
  const connections = flag("connections", 20);
  const origin = `http://localhost:${ports.nginx}`;
  const topology = spawn(process.execPath, ["--import", "tsx", "tests/topology/serve.ts"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((r) => topology.once("exit", r));
  try {
    await waitFor(origin, 300_000);
    const [curator, kovalevskaya, methodist] = await Promise.all([signIn(origin, CURATOR), signIn(origin, KOVALEVSKAYA_CURATOR), signIn(origin, "methodist@levokumsky.demo")]);
    const pages: Target[] = [...curatorPages(curator, kovalevskaya), { label: "district dashboard (replica)", path: "/levokumsky/district", cookie: methodist, expect: "Данные на" }];
    for (const p of pages) await checkPage(origin, p.path, p.cookie!, p.expect!);
    const floorTarget: Target = { label: "static chunk (floor)", path: await staticChunk(origin) };
    const loadBefore = os.loadavg();
    const floor = await load(origin, floorTarget, connections, duration);
    const measured: Measured[] = [];
    for (const p of pages) {
      const m = await load(origin, p, connections, duration);
      measured.push(m);
      console.log(`  ${m.label.padEnd(30)} ${String(m.rps).padStart(7)} req/s  p50 ${String(m.p50Ms).padStart(6)} ms  p95 ${String(m.p95Ms).padStart(7)} ms  non-2xx ${m.non2xx}, errors ${m.errors}`);
    }
    const loadAfter = os.loadavg();
    console.log(`\nthrough nginx → 2 instances → PgBouncer; ${connections} connections, ${duration} s per route; ${os.cpus().length} cores`);
    console.log(`floor ${floorTarget.path}: ${floor.rps} req/s, p95 ${floor.p95Ms} ms`);
    console.log(`load average before ${loadBefore.map((n) => n.toFixed(2)).join(" ")}, after ${loadAfter.map((n) => n.toFixed(2)).join(" ")}`);
    console.log(JSON.stringify({ connections, durationS: duration, cores: os.cpus().length, loadBefore, loadAfter, floor, pages: measured }));
  } finally {
    topology.kill("SIGTERM");
    await exited;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
