// npm run test:repeat -- N [--dates now,2026-08-31T12:00:00+03:00,…] [--only integration|e2e] [--skip-build]
//
// Runs the integration suites N times (PGlite always, PostgreSQL when a server answers) and the e2e
// suite N times against one production build, each run with the clock at the next instant of a cycle
// of boundary dates, and prints how many runs each test failed. No retries anywhere: a test that fails
// once in N runs is reported as such. Exit code 1 if any test failed in any run.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Real now, then the instants around the academic year's and the calendar year's boundaries. */
const DEFAULT_DATES = ["now", "2026-08-31T12:00:00+03:00", "2026-09-01T08:00:00+10:00", "2026-12-31T23:30:00+02:00", "2027-01-01T00:30:00+03:00", "2027-06-30T12:00:00+03:00"];
const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

type Project = "pglite" | "postgres" | "e2e";
type RunOutcome = { project: Project; run: number; instant: string; tests: Map<string, boolean>; crashed?: string; seconds: number };

function parseArgs(argv: string[]) {
  let runs = 1;
  let dates = DEFAULT_DATES;
  let only: "integration" | "e2e" | null = null;
  let skipBuild = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (name: string) => (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : (argv[++i] ?? fail(`${name} needs a value`)));
    if (arg.startsWith("--dates")) dates = value("--dates").split(",").map((d) => d.trim()).filter(Boolean);
    else if (arg.startsWith("--only")) {
      const v = value("--only");
      if (v !== "integration" && v !== "e2e") fail("--only takes integration or e2e");
      only = v;
    } else if (arg === "--skip-build") skipBuild = true;
    else if (/^\d+$/.test(arg)) runs = Number(arg);
    else fail(`unknown argument ${arg}`);
  }
  if (runs < 1) fail("N must be at least 1");
  for (const d of dates) if (d !== "now" && Number.isNaN(Date.parse(d))) fail(`not an ISO 8601 instant: ${d}`);
  if (dates.length === 0) fail("--dates is empty");
  return { runs, dates, only, skipBuild };
}

function fail(message: string): never {
  console.error(`test:repeat: ${message}`);
  process.exit(2);
}

/** The environment of run k: NASTAVNIK_NOW set to the run's instant (absent for real now). */
function clockEnv(instant: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NASTAVNIK_NOW;
  delete env.NASTAVNIK_TEST_CLOCK;
  if (instant !== "now") Object.assign(env, { NASTAVNIK_NOW: instant, NASTAVNIK_TEST_CLOCK: "1" });
  return env;
}

/** Runs a command with its output in a log file; resolves with the exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<number> {
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on("close", (code, signal) => {
      out.end();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

type VitestJson = { testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string }[] }[] };

/** Test → passed, from vitest's JSON report; a file that failed outside its tests counts as one test «file». */
function readVitest(file: string, root: string): Map<string, boolean> {
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestJson;
  const tests = new Map<string, boolean>();
  for (const f of report.testResults ?? []) {
    const rel = path.relative(root, f.name);
    const results = f.assertionResults ?? [];
    for (const a of results) {
      if (a.status === "passed") tests.set(`${rel} › ${a.fullName}`, tests.get(`${rel} › ${a.fullName}`) ?? true);
      else if (a.status === "failed") tests.set(`${rel} › ${a.fullName}`, false);
    }
    if (f.status === "failed" && !results.some((a) => a.status === "failed")) tests.set(`${rel} › (file: ${(f.message ?? "failed").split("\n")[0]!.slice(0, 80)})`, false);
  }
  return tests;
}

type PwSuite = { title: string; file?: string; specs?: { title: string; tests: { status: string }[] }[]; suites?: PwSuite[] };
type PwJson = { suites?: PwSuite[]; errors?: { message?: string }[] };

function readPlaywright(file: string): Map<string, boolean> {
  const report = JSON.parse(readFileSync(file, "utf8")) as PwJson;
  const tests = new Map<string, boolean>();
  const walk = (suite: PwSuite, titles: string[]) => {
    const here = [...titles, suite.title].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      const statuses = spec.tests.map((t) => t.status);
      if (statuses.every((s) => s === "skipped")) continue;
      tests.set([...here, spec.title].join(" › "), statuses.every((s) => s === "expected"));
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) tests.set(`(run: ${(error.message ?? "error").split("\n")[0]!.slice(0, 100)})`, false);
  return tests;
}

function printTable(outcomes: RunOutcome[]) {
  const projects = [...new Set(outcomes.map((o) => o.project))];
  let failedTests = 0;
  let failures = 0;
  let distinct = 0;
  console.log("\n=== test:repeat — failures per test (failed runs / runs) ===");
  for (const project of projects) {
    const runs = outcomes.filter((o) => o.project === project);
    const counts = new Map<string, { failed: number; runs: number; instants: string[] }>();
    for (const o of runs) {
      for (const [name, passed] of o.tests) {
        const c = counts.get(name) ?? { failed: 0, runs: 0, instants: [] };
        c.runs += 1;
        if (!passed) {
          c.failed += 1;
          c.instants.push(`#${o.run} ${o.instant}`);
        }
        counts.set(name, c);
      }
    }
    const failing = [...counts].filter(([, c]) => c.failed > 0).sort((a, b) => b[1].failed - a[1].failed || a[0].localeCompare(b[0]));
    const runFailures = failing.reduce((t, [, c]) => t + c.failed, 0);
    distinct += counts.size;
    failedTests += failing.length;
    failures += runFailures;
    console.log(`\n[${project}] ${runs.length} run(s), ${counts.size} tests, ${failing.length} failed at least once (${runFailures} failures)`);
    for (const o of runs) if (o.crashed) console.log(`  run #${o.run} (${o.instant}): ${o.crashed}`);
    for (const [name, c] of failing) console.log(`  ${String(c.failed).padStart(2)}/${c.runs}  ${name}\n         in ${c.instants.join(", ")}`);
  }
  console.log(`\nTotal: ${distinct} tests over ${projects.join(", ")}; ${failedTests} failed at least once; ${failures} failures.`);
  return failedTests;
}

async function main() {
  const { runs, dates, only, skipBuild } = parseArgs(process.argv.slice(2));
  const root = process.cwd();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = path.join(root, ".data", "test-repeat", stamp);
  mkdirSync(dir, { recursive: true });
  const instantOf = (k: number) => dates[(k - 1) % dates.length]!;
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  const outcomes: RunOutcome[] = [];

  console.log(`test:repeat: ${runs} run(s); reports and logs in ${path.relative(root, dir)}`);
  for (let k = 1; k <= runs; k++) console.log(`  run #${k}: clock ${instantOf(k) === "now" ? "real now" : instantOf(k)}`);

  if (only !== "e2e") {
    let pgUrl = process.env.TEST_DATABASE_URL;
    if (pgUrl) console.log(`PostgreSQL: TEST_DATABASE_URL=${pgUrl}`);
    else if (await postgresAnswers(DEFAULT_POSTGRES)) {
      pgUrl = DEFAULT_POSTGRES;
      console.log(`PostgreSQL: TEST_DATABASE_URL not set; ${DEFAULT_POSTGRES} answers — using it.`);
    } else console.log(`PostgreSQL: TEST_DATABASE_URL not set and ${DEFAULT_POSTGRES} does not answer — PGlite only.`);
    const projects: [Project, string][] = [["pglite", "integration-pglite"], ...(pgUrl ? ([["postgres", "integration-postgres*"]] as [Project, string][]) : [])];
    for (let k = 1; k <= runs; k++) {
      for (const [project, filter] of projects) {
        const instant = instantOf(k);
        const report = path.join(dir, `${project}-${k}.json`);
        const log = path.join(dir, `${project}-${k}.log`);
        const env = { ...clockEnv(instant), ...(pgUrl ? { TEST_DATABASE_URL: pgUrl } : {}) };
        if (!pgUrl) delete env.TEST_DATABASE_URL;
        const started = Date.now();
        const shown = instant === "now" ? `real now (${new Date().toISOString()})` : instant;
        process.stdout.write(`[${project}] run #${k}/${runs}, clock ${shown} … `);
        const code = await run(bin("vitest"), ["run", "--project", filter, "--reporter=json", `--outputFile=${report}`], env, log);
        const outcome: RunOutcome = { project, run: k, instant: shown, tests: new Map(), seconds: (Date.now() - started) / 1000 };
        if (existsSync(report)) outcome.tests = readVitest(report, root);
        else outcome.crashed = `no report (exit ${code}); see ${path.relative(root, log)}`;
        const failed = [...outcome.tests.values()].filter((p) => !p).length;
        console.log(`${outcome.tests.size} tests, ${failed} failed, ${outcome.seconds.toFixed(0)} s${outcome.crashed ? ` — ${outcome.crashed}` : ""}`);
        outcomes.push(outcome);
      }
    }
  }

  if (only !== "integration") {
    // One production build for every e2e run; the server of each run starts on a fresh embedded database.
    let built = 0;
    if (skipBuild) console.log("[e2e] --skip-build: using the existing .next build");
    else {
      process.stdout.write("[e2e] npm run build … ");
      const buildLog = path.join(dir, "build.log");
      const started = Date.now();
      built = await run("npm", ["run", "build"], { ...process.env, NODE_ENV: "production" }, buildLog);
      console.log(built === 0 ? `done, ${((Date.now() - started) / 1000).toFixed(0)} s` : `failed (exit ${built}); see ${path.relative(root, buildLog)}`);
    }
    if (built !== 0) outcomes.push({ project: "e2e", run: 0, instant: "-", tests: new Map([["(build)", false]]), seconds: 0 });
    else {
      for (let k = 1; k <= runs; k++) {
        const instant = instantOf(k);
        const report = path.join(dir, `e2e-${k}.json`);
        const log = path.join(dir, `e2e-${k}.log`);
        const env = { ...clockEnv(instant), SKIP_BUILD: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: report };
        const begun = Date.now();
        const shown = instant === "now" ? `real now (${new Date().toISOString()})` : instant;
        process.stdout.write(`[e2e] run #${k}/${runs}, clock ${shown} … `);
        const code = await run(bin("playwright"), ["test", "--reporter=json"], env, log);
        const outcome: RunOutcome = { project: "e2e", run: k, instant: shown, tests: new Map(), seconds: (Date.now() - begun) / 1000 };
        if (existsSync(report)) outcome.tests = readPlaywright(report);
        else outcome.crashed = `no report (exit ${code}); see ${path.relative(root, log)}`;
        const failed = [...outcome.tests.values()].filter((p) => !p).length;
        console.log(`${outcome.tests.size} tests, ${failed} failed, ${outcome.seconds.toFixed(0)} s${outcome.crashed ? ` — ${outcome.crashed}` : ""}`);
        outcomes.push(outcome);
      }
    }
  }

  const failedTests = printTable(outcomes);
  writeFileSync(
    path.join(dir, "summary.json"),
    JSON.stringify(outcomes.map((o) => ({ ...o, tests: Object.fromEntries(o.tests) })), null, 2),
  );
  const crashed = outcomes.some((o) => o.crashed);
  process.exit(failedTests > 0 || crashed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
