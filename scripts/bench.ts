// npm run bench — runs every benchmark script of the app, each of which measures its figure against a
// floor in the same run, prints one table and writes bench/results/latest.json (one key per figure:
// value, floor, ratio = value / floor, unit, goal; per-page details where a figure covers several pages).
//
// Steps, each in its own process (a failed or hung step shows `failed: …` in its rows and the others run):
//   bench-import.ts     10,000-row import (PGlite in memory)
//   bench-registry.ts   orgs:import of 2,000 schools vs a bare createMany of them (PGlite in memory)
//   bench-matching.ts   2,000 × 1,000 matching and its optimality gap
//   bench-dashboard.ts  district dashboard vs one raw SQL query                      (DATABASE_URL)
//   bench-actions.ts    p95 of programs.advance, pairs.approve, meetings.log vs the wrapper's fixed cost
//                       (a scratch database beside DATABASE_URL's; PGlite in memory without it)
//   bench-requests.ts   one GET per curator page: SQL statements (counted at a proxy) vs the cheapest request that
//                       reads the database; HTML bytes vs the not-found page              (DATABASE_URL)
//   bench-load.ts       curator pages under 20 connections vs a static chunk; server CPU per request; server RSS
//                       after start and after the load                                    (DATABASE_URL)
//   bench-pages.ts      first-load JS per route vs the not-found page; Lighthouse desktop  (DATABASE_URL)
// The server-based steps build the app when `.next` has none and always stop their server.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

type Figure = { value: number | null; floor: number | null; ratio: number | null; unit: string; goal: string; note?: string; details?: unknown };
type Json = Record<string, unknown>;

const STEP_TIMEOUT_MS = 6 * 60 * 1000;

function runScript(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ code: number; lastJson: Json | null; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    // A hung step is ended (its own handlers stop any server it started) and reported as failed.
    const timer = setTimeout(() => {
      err += `\nerror: ${script} timed out after ${STEP_TIMEOUT_MS / 60000} min`;
      child.kill("SIGTERM");
    }, STEP_TIMEOUT_MS);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      process.stderr.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      err = (err + d.toString()).slice(-4000);
      process.stderr.write(d);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const lines = out.trim().split("\n");
      let lastJson: Json | null = null;
      try {
        const parsed: unknown = JSON.parse(lines.at(-1) ?? "");
        lastJson = parsed && typeof parsed === "object" ? (parsed as Json) : null;
      } catch {
        lastJson = null;
      }
      // The reason of a failure: the last meaningful line of stderr (the error), else of stdout.
      const errLines = err.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("at ") && !l.includes("unexpected operator"));
      const why = errLines.find((l) => /error|Error|failed|refused|not set/.test(l)) ?? errLines.at(-1) ?? lines.at(-1) ?? `exit ${code}`;
      resolve({ code: code ?? 1, lastJson: code === 0 ? lastJson : null, tail: why.slice(0, 160) });
    });
  });
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** Two decimals, or three significant digits for small ratios (a page's req/s against a static file's). */
const round2 = (v: number) => (Math.abs(v) >= 0.1 ? Math.round(v * 100) / 100 : Number(v.toPrecision(3)));
const ratioOf = (value: unknown, floor: unknown) => {
  const v = num(value);
  const f = num(floor);
  return v !== null && f ? round2(v / f) : null;
};
const failed = (unit: string, goal: string, why: string): Figure => ({ value: null, floor: null, ratio: null, unit, goal, note: why });

async function main() {
  const started = performance.now();
  const figures: Record<string, Figure> = {};
  const withoutDb = { ...process.env, DATABASE_URL: "" };
  const hasDb = Boolean(process.env.DATABASE_URL);
  const noDb = "not run: set DATABASE_URL to a PostgreSQL database";

  const imp = await runScript("bench-import.ts", withoutDb);
  figures.importRows = imp.lastJson
    ? { value: num(imp.lastJson.seconds), floor: num(imp.lastJson.floorSeconds), ratio: num(imp.lastJson.ratio), unit: "s", goal: "10,000 rows < 10 s", note: `${imp.lastJson.rows} rows, PGlite` }
    : failed("s", "10,000 rows < 10 s", `failed: ${imp.tail}`);

  const registry = await runScript("bench-registry.ts", withoutDb);
  const orgs = registry.lastJson?.orgsImport2000 as Json | undefined;
  figures.orgsImport2000 = orgs
    ? { value: num(orgs.seconds), floor: num(orgs.floorSeconds), ratio: num(orgs.ratio), unit: "s", goal: "2,000 schools < 10 s", note: "orgs:import, PGlite; floor: bare createMany of the organizations" }
    : failed("s", "2,000 schools < 10 s", `failed: ${registry.tail}`);

  const match = await runScript("bench-matching.ts", process.env);
  figures.matching = match.lastJson
    ? { value: num(match.lastJson.seconds), floor: num(match.lastJson.floorSeconds), ratio: num(match.lastJson.ratio), unit: "s", goal: "2,000 × 1,000 < 2 s", note: `${match.lastJson.mentees} × ${match.lastJson.mentors}` }
    : failed("s", "2,000 × 1,000 < 2 s", `failed: ${match.tail}`);
  figures.matchingGap = match.lastJson ? { value: num(match.lastJson.gapPercent), floor: 0, ratio: null, unit: "%", goal: "≤ 1 %" } : failed("%", "≤ 1 %", `failed: ${match.tail}`);

  const dashGoal = "p95 < 250 ms, ≤ 1.5×";
  if (hasDb) {
    const dash = await runScript("bench-dashboard.ts", process.env);
    figures.districtDashboard = dash.lastJson
      ? { value: num(dash.lastJson.p95Ms), floor: num(dash.lastJson.floorP95Ms), ratio: num(dash.lastJson.ratio), unit: "ms (p95)", goal: dashGoal, note: `${dash.lastJson.schools} schools, with the year before (trends)` }
      : failed("ms (p95)", dashGoal, `failed: ${dash.tail}`);
  } else {
    figures.districtDashboard = failed("ms (p95)", dashGoal, noDb);
  }

  // Server actions: floor = the wrapper's fixed cost (session → tenant → permission → zod → tenant transaction
  // with SELECT 1), interleaved with the actions.
  const act = await runScript("bench-actions.ts", process.env);
  const actGoal = "p95 < 50 ms";
  for (const [key, name, field] of [
    ["actionAdvanceStage", "programs.advance", "advance"],
    ["actionApprovePairs", "pairs.approve (batch of 5)", "approve"],
    ["actionLogMeeting", "meetings.log", "meeting"],
  ] as const) {
    figures[key] = act.lastJson
      ? {
          value: num(act.lastJson[`${field}P95Ms`]),
          floor: num(act.lastJson.floorP95Ms),
          ratio: num(act.lastJson[`${field}Ratio`]),
          unit: "ms (p95)",
          goal: actGoal,
          note:
            `${name}, p50 ${act.lastJson[`${field}P50Ms`]} ms (floor ${act.lastJson.floorP50Ms}), ${act.lastJson.runs} runs, ` +
            (act.lastJson.database === "postgres"
              ? `PostgreSQL scratch db; ${act.lastJson[`${field}Queries`]} SQL/call, db p50 ${act.lastJson[`${field}DbP50Ms`]} ms (floor ${act.lastJson.floorQueries}, ${act.lastJson.floorDbP50Ms} ms)`
              : "PGlite in memory"),
        }
      : failed("ms (p95)", actGoal, `failed: ${act.tail}`);
  }

  // What one GET of each curator page costs, counted: SQL statements and HTML bytes.
  const sqlGoal = "≤ 12 statements per page";
  const htmlGoal = "— (reported)";
  if (hasDb) {
    const req = await runScript("bench-requests.ts", process.env);
    const j = req.lastJson;
    if (j) {
      const pages = (j.pages ?? []) as { path: string; statements: number; statementsMin: number; statementsMax: number; htmlBytes: number; gzipBytes: number; byKind: Record<string, number> }[];
      const floors = (j.floors ?? []) as { path: string; statements: number; htmlBytes: number }[];
      figures.statementsPerPage = {
        value: num(j.worstStatements),
        floor: num(j.floorStatements),
        ratio: ratioOf(j.worstStatements, j.floorStatements),
        unit: "SQL statements per GET (worst page)",
        goal: sqlGoal,
        note: `worst ${j.worstStatementsPage}; ${pages.map((p) => `${p.path} ${p.statements}`).join(", ")}; floor ${j.floorStatementsPath} (cheapest request that reads the database; ${floors.map((f) => `${f.path} ${f.statements}`).join(", ")}); median of ${j.runs} sequential GETs, BEGIN/COMMIT/set_config included`,
        details: pages.map(({ path: p, statements, statementsMin, statementsMax, byKind }) => ({ path: p, statements, statementsMin, statementsMax, byKind })),
      };
      figures.htmlBytes = {
        value: num(j.worstHtmlBytes),
        floor: num(j.floorHtmlBytes),
        ratio: ratioOf(j.worstHtmlBytes, j.floorHtmlBytes),
        unit: "bytes of HTML, decompressed (worst page)",
        goal: htmlGoal,
        note: `worst ${j.worstHtmlPage}; ${pages.map((p) => `${p.path} ${p.htmlBytes}`).join(", ")}; floor: not-found page ${j.floorHtmlPath}`,
        details: pages.map(({ path: p, htmlBytes, gzipBytes }) => ({ path: p, htmlBytes, gzipBytes })),
      };
    } else {
      figures.statementsPerPage = failed("SQL statements per GET (worst page)", sqlGoal, `failed: ${req.tail}`);
      figures.htmlBytes = failed("bytes of HTML, decompressed (worst page)", htmlGoal, `failed: ${req.tail}`);
    }
  } else {
    figures.statementsPerPage = failed("SQL statements per GET (worst page)", sqlGoal, noDb);
    figures.htmlBytes = failed("bytes of HTML, decompressed (worst page)", htmlGoal, noDb);
  }

  // Curator pages under load and the server's memory.
  const rpsGoal = "≥ 200 req/s";
  const p95Goal = "p95 < 100 ms";
  const rssGoal = "≤ 1.5× RSS after start";
  const cpuGoal = "≤ 5 ms CPU per render";
  if (hasDb) {
    const load = await runScript("bench-load.ts", process.env);
    const j = load.lastJson;
    if (j) {
      const pages = (j.pages ?? []) as { path: string; rps: number; p95Ms: number; non2xx: number; cpuBusy: number; cpuMsPerRequest: number }[];
      const cpu = pages.length ? Math.max(...pages.map((p) => p.cpuBusy)) : null;
      const cpuMs = pages.map((p) => p.cpuMsPerRequest);
      figures.curatorPagesRps = {
        value: num(j.worstRps),
        floor: num(j.floorRps),
        ratio: ratioOf(j.worstRps, j.floorRps),
        unit: "req/s (worst page)",
        goal: rpsGoal,
        note: `${j.connections} conn × ${j.durationS} s/page; ${pages.map((p) => `${p.path} ${p.rps}`).join(", ")}; non-2xx ${j.non2xx}, errors ${j.errors}; floor ${j.floorPath}; server CPU up to ${cpu} core, ${Math.min(...cpuMs)}–${Math.max(...cpuMs)} ms CPU/request`,
        details: pages,
      };
      figures.curatorPagesP95 = {
        value: num(j.worstP95Ms),
        floor: num(j.floorP95Ms),
        ratio: ratioOf(j.worstP95Ms, j.floorP95Ms),
        unit: "ms (p95, worst page)",
        goal: p95Goal,
        note: pages.map((p) => `${p.path} ${p.p95Ms}`).join(", "),
      };
      figures.curatorPagesCpuMs = {
        value: num(j.worstCpuMsPerRequest),
        floor: num(j.floorCpuMsPerRequest),
        ratio: ratioOf(j.worstCpuMsPerRequest, j.floorCpuMsPerRequest),
        unit: "ms of server CPU per request (worst page)",
        goal: cpuGoal,
        note: `worst ${j.worstCpuPage}; ${pages.map((p) => `${p.path} ${p.cpuMsPerRequest}`).join(", ")}; floor: the static chunk under the same load; a bare dynamic render (the not-found page: no session, no data) ${j.bareRenderCpuMsPerRequest} ms, ${j.bareRenderRps} req/s`,
      };
      figures.serverRss = {
        value: num(j.rssEndMiB),
        floor: num(j.rssStartMiB),
        ratio: ratioOf(j.rssEndMiB, j.rssStartMiB),
        unit: "MiB (VmRSS)",
        goal: rssGoal,
        note: `end of the load vs right after start; peak ${j.rssPeakMiB} MiB; ${j.requests} requests served`,
      };
    } else {
      figures.curatorPagesRps = failed("req/s (worst page)", rpsGoal, `failed: ${load.tail}`);
      figures.curatorPagesP95 = failed("ms (p95, worst page)", p95Goal, `failed: ${load.tail}`);
      figures.curatorPagesCpuMs = failed("ms of server CPU per request (worst page)", cpuGoal, `failed: ${load.tail}`);
      figures.serverRss = failed("MiB (VmRSS)", rssGoal, `failed: ${load.tail}`);
    }
  } else {
    figures.curatorPagesRps = failed("req/s (worst page)", rpsGoal, noDb);
    figures.curatorPagesP95 = failed("ms (p95, worst page)", p95Goal, noDb);
    figures.curatorPagesCpuMs = failed("ms of server CPU per request (worst page)", cpuGoal, noDb);
    figures.serverRss = failed("MiB (VmRSS)", rssGoal, noDb);
  }

  // What the browser gets: first-load JS per route and Lighthouse desktop scores.
  const jsGoal = "≤ 1.3× per route";
  const lhGoal = "— (reported; ratio = page / floor)";
  if (hasDb) {
    const pages = await runScript("bench-pages.ts", process.env);
    const js = (pages.lastJson?.js ?? null) as Json | null;
    const lh = (pages.lastJson?.lighthouse ?? null) as Json | null;
    if (js && !js.error) {
      const routes = (js.routes ?? []) as { path: string; encodedBytes: number; ratio: number }[];
      const kib = (b: unknown) => (num(b) === null ? null : Math.round((num(b)! / 1024) * 10) / 10);
      figures.firstLoadJs = {
        value: kib(js.worstBytes),
        floor: kib(js.floorBytes),
        ratio: num(js.worstRatio),
        unit: "KiB JS (worst route, compressed)",
        goal: jsGoal,
        note: `floor: not-found page; ${routes.map((r) => `${r.path} ${r.ratio}`).join(", ")}`,
        details: routes,
      };
    } else {
      figures.firstLoadJs = failed("KiB JS (worst route, compressed)", jsGoal, `failed: ${js?.error ?? pages.tail}`);
    }
    if (lh && !lh.error) {
      const scores = (lh.pages ?? []) as { path: string; performance: number; accessibility: number }[];
      figures.lighthousePerformance = {
        value: num(lh.worstPerformance),
        floor: num(lh.floorPerformance),
        ratio: ratioOf(lh.worstPerformance, lh.floorPerformance),
        unit: "score 0–100 (worst page)",
        goal: lhGoal,
        note: `desktop, floor /login; ${scores.map((s) => `${s.path} ${s.performance}`).join(", ")}`,
        details: scores,
      };
      figures.lighthouseAccessibility = {
        value: num(lh.worstAccessibility),
        floor: num(lh.floorAccessibility),
        ratio: ratioOf(lh.worstAccessibility, lh.floorAccessibility),
        unit: "score 0–100 (worst page)",
        goal: lhGoal,
        note: `desktop, floor /login; ${scores.map((s) => `${s.path} ${s.accessibility}`).join(", ")}`,
      };
    } else {
      figures.lighthousePerformance = failed("score 0–100 (worst page)", lhGoal, `failed: ${lh?.error ?? pages.tail}`);
      figures.lighthouseAccessibility = failed("score 0–100 (worst page)", lhGoal, `failed: ${lh?.error ?? pages.tail}`);
    }
  } else {
    figures.firstLoadJs = failed("KiB JS (worst route, compressed)", jsGoal, noDb);
    figures.lighthousePerformance = failed("score 0–100 (worst page)", lhGoal, noDb);
    figures.lighthouseAccessibility = failed("score 0–100 (worst page)", lhGoal, noDb);
  }

  const rows = Object.entries(figures).map(([key, f]) => [key, f.value ?? "—", f.floor ?? "—", f.ratio ?? "—", f.unit, f.goal, f.note ?? ""].map(String));
  const header = ["figure", "value", "floor", "ratio", "unit", "goal", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(["", line(header), ...rows.map(line)].join("\n"));
  const seconds = Math.round((performance.now() - started) / 1000);
  await mkdir(path.join("bench", "results"), { recursive: true });
  await writeFile(path.join("bench", "results", "latest.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), benchSeconds: seconds, figures }, null, 2)}\n`);
  console.log(`\nbench/results/latest.json written; ${Math.floor(seconds / 60)} min ${seconds % 60} s in all.`);
}

void main();
