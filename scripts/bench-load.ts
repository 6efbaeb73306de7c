// npm run bench:load [-- --duration 10 --connections 20] — a curator's pages under concurrent connections and the
// server's memory, next to floors measured in the same run.
//
// Needs DATABASE_URL (PostgreSQL; the `seed:scale` data and the demo district can live together: the demo district
// is seeded when curator@sosh20.demo is missing). Builds the app when `.next` has no build, starts the production server (lib/cli/serve.ts)
// on a port from 3400, signs in over HTTP (next-auth credentials), checks every page answers 200 with the signed-in
// user's name (not a redirect to /login), then runs autocannon (programmatic API) for a fixed duration on each
// page with the session cookie, and on a static chunk of the same server (/_next/static/…: the floor).
// Figures: requests/s and p95 latency per page (p95 exact, from every response's time), non-2xx answers,
// the ratio to the static floor; VmRSS of the listening server process right after start (floor) and at the end
// of the load. The server is always stopped. Last line JSON for npm run bench.

import { createRequire } from "node:module";
import path from "node:path";
import { checkPage, cpuSeconds, CURATOR, curatorPages, ensureBuild, KOVALEVSKAYA_CURATOR, prepareBenchDatabase, rssMiB, signIn, startServer, staticChunk, type BenchServer } from "./bench-server";
import { flag, quantile } from "./bench-stats";

const GOAL_RPS = 200;
const GOAL_P95_MS = 100;

type AutocannonResult = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number; latency: { p50: number; average: number } };
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", fn: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
};
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => AutocannonInstance;
const autocannon = createRequire(path.join(process.cwd(), "package.json"))("autocannon") as Autocannon;



type Target = { label: string; path: string; cookie?: string; expect?: string };
/**
 * cpuBusy: the server's CPU seconds per second of load (1 = one core saturated: Node renders on one thread).
 * cpuMsPerRequest: the server's CPU time per answered request — the figure least disturbed by other load on
 * the machine; 1000 / cpuMsPerRequest is what one fully available core could serve.
 */
type Measured = { label: string; path: string; rps: number; p50Ms: number; p95Ms: number; requests: number; non2xx: number; errors: number; cpuBusy: number; cpuMsPerRequest: number };

async function load(server: BenchServer, target: Target, connections: number, duration: number): Promise<Measured> {
  const times: number[] = [];
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  const instance = autocannon({ url: `${server.origin}${target.path}`, connections, duration, headers: target.cookie ? { cookie: target.cookie } : {} });
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  const cpuUsed = cpuSeconds(server.pid) - cpu0;
  const cpuBusy = Math.round((cpuUsed / ((performance.now() - t0) / 1000)) * 100) / 100;
  times.sort((a, b) => a - b);
  return {
    label: target.label,
    path: target.path,
    rps: Math.round(result.requests.average * 10) / 10,
    p50Ms: Math.round(quantile(times, 0.5) * 10) / 10,
    p95Ms: Math.round(quantile(times, 0.95) * 10) / 10,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpuBusy,
    cpuMsPerRequest: Math.round(((cpuUsed * 1000) / Math.max(1, result.requests.total)) * 10) / 10,
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: the load benchmark runs the server against PostgreSQL only.");
    process.exit(2);
  }
  const duration = flag("duration", 10);
  const connections = flag("connections", 20);
  const log = (line: string) => console.log(line);
  await prepareBenchDatabase(url, log);
  await ensureBuild(log);
  const server = await startServer(url, log);
  try {
    const rssAtStart = rssMiB(server.pid);
    const curator = await signIn(server.origin, CURATOR);
    const kovalevskaya = await signIn(server.origin, KOVALEVSKAYA_CURATOR);
    const pages: Target[] = curatorPages(curator, kovalevskaya);
    for (const p of pages) await checkPage(server.origin, p.path, p.cookie!, p.expect!);
    const floorTarget: Target = { label: "static chunk (floor)", path: await staticChunk(server.origin) };

    const peak = { mib: rssAtStart };
    const sampler = setInterval(() => {
      try {
        peak.mib = Math.max(peak.mib, rssMiB(server.pid));
      } catch {
        // the server is gone; the load will say so
      }
    }, 500);
    const floor = await load(server, floorTarget, connections, duration);
    // What the framework alone costs per dynamic render here: an address no route matches renders the not-found
    // page inside the root layout only (no session read, no data; the cookie only gets it past the proxy's
    // redirect to /login). Reported beside the pages, not a floor of the ratios: it says how low CPU per render
    // can go on this stack and machine before any page of ours does anything. Its answers are 404 by design.
    const bare = await load(server, { label: "not-found page (bare render)", path: "/bench/not-found", cookie: curator }, connections, duration);
    const measured: Measured[] = [];
    try {
      for (const p of pages) {
        const m = await load(server, p, connections, duration);
        measured.push(m);
        console.log(`  ${m.label.padEnd(24)} ${String(m.rps).padStart(7)} req/s  p95 ${String(m.p95Ms).padStart(7)} ms  non-2xx ${m.non2xx}, errors ${m.errors}, server CPU ${m.cpuBusy} core, ${m.cpuMsPerRequest} ms CPU/request`);
      }
    } finally {
      clearInterval(sampler);
    }
    const rssAtEnd = rssMiB(server.pid);
    peak.mib = Math.max(peak.mib, rssAtEnd);

    console.log(`\n${connections} connections, ${duration} s per route; floor: ${floorTarget.path}; bare render (not-found page): ${bare.cpuMsPerRequest} ms CPU/request`);
    console.log(`${"route".padEnd(34)}${"req/s".padStart(8)}${"p50".padStart(9)}${"p95".padStart(9)}${"non-2xx".padStart(9)}${"rps ratio".padStart(11)}${"p95 ratio".padStart(11)}  goal ≥ ${GOAL_RPS} req/s, p95 < ${GOAL_P95_MS} ms`);
    const row = (m: Measured, ratios: boolean) =>
      console.log(
        `${`${m.label} ${m.path}`.slice(0, 33).padEnd(34)}${String(m.rps).padStart(8)}${`${m.p50Ms}`.padStart(9)}${`${m.p95Ms}`.padStart(9)}${String(m.non2xx).padStart(9)}` +
          (ratios ? `${(floor.rps / m.rps).toFixed(2).padStart(11)}${(m.p95Ms / floor.p95Ms).toFixed(2).padStart(11)}  ${m.rps >= GOAL_RPS && m.p95Ms < GOAL_P95_MS ? "yes" : "NO"}` : ""),
      );
    row(floor, false);
    row(bare, false);
    for (const m of measured) row(m, true);
    console.log(`RSS of the server process: ${rssAtStart.toFixed(0)} MiB after start, ${rssAtEnd.toFixed(0)} MiB at the end of the load (peak ${peak.mib.toFixed(0)} MiB)`);

    const worstRps = measured.reduce((a, b) => (b.rps < a.rps ? b : a));
    const worstP95 = measured.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
    const total = measured.reduce((n, m) => n + m.requests, 0);
    console.log(
      JSON.stringify({
        connections,
        durationS: duration,
        floorPath: floorTarget.path,
        floorRps: floor.rps,
        floorP95Ms: floor.p95Ms,
        floorCpuMsPerRequest: floor.cpuMsPerRequest,
        bareRenderPath: bare.path,
        bareRenderRps: bare.rps,
        bareRenderCpuMsPerRequest: bare.cpuMsPerRequest,
        worstCpuMsPerRequest: Math.max(...measured.map((m) => m.cpuMsPerRequest)),
        worstCpuPage: measured.reduce((a, b) => (b.cpuMsPerRequest > a.cpuMsPerRequest ? b : a)).path,
        worstRps: worstRps.rps,
        worstRpsPage: worstRps.path,
        worstP95Ms: worstP95.p95Ms,
        worstP95Page: worstP95.path,
        meanRps: Math.round((measured.reduce((n, m) => n + m.rps, 0) / measured.length) * 10) / 10,
        non2xx: measured.reduce((n, m) => n + m.non2xx, 0),
        errors: measured.reduce((n, m) => n + m.errors, 0),
        requests: total,
        rssStartMiB: Math.round(rssAtStart),
        rssEndMiB: Math.round(rssAtEnd),
        rssPeakMiB: Math.round(peak.mib),
        pages: measured,
      }),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
