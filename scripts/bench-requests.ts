// npm run bench:requests [-- --runs 5 --sql] — what ONE signed-in GET of each curator page costs the server, counted
// rather than timed (counts don't move with the machine's load): the SQL statements it sends to PostgreSQL and the
// bytes of HTML it answers, each next to a floor measured in the same run against the same server.
//
// Needs DATABASE_URL (like bench:load: migrations, the demo district seeded when missing, `next build` when `.next`
// has no build). The production server (lib/cli/serve.ts, reminder loop off) is started with DATABASE_URL pointing
// at a loopback proxy (bench-sql-proxy.ts) that counts the statements of the PostgreSQL wire protocol — simple
// Query and extended-protocol Execute messages, so BEGIN, COMMIT, SET and set_config count like any SELECT — without
// changing the app. Requests go one at a time, nothing else runs against the server; after each answer the count
// must stay still for 200 ms (work the server does after answering counts for that request), and the delta is the
// request's. One warm-up GET per page, then --runs measured ones; the figure per page is their median (min–max kept).
//
// Floors:
//   statements  the cheapest request of the same server that touches the database, among: GET /api/health (the
//               migrations check), the signed-in /account page, and a signed-in not-found page inside the school
//               (/sosh-20/<no such page>: session, tenant, the layout's shell). Each one's count is in the details.
//   HTML bytes  the not-found page (/s/<no such school>): the root layout, Next's runtime and the message payload
//               every page carries. Bytes are the decompressed body (what the browser parses); gzip bytes as served
//               are reported beside them.
// --sql prints every statement of the last run of each page (first 160 characters).
// --all adds the other pages curators, directors and the methodist use daily (roadmap, passport, banks, surveys, acts,
// members, the district pages): reported beside the others, against the same goal.
// Last line JSON for npm run bench.

import http from "node:http";
import { gunzipSync } from "node:zlib";
import { CURATOR, curatorPages, ensureBuild, KOVALEVSKAYA_CURATOR, prepareBenchDatabase, signIn, startServer } from "./bench-server";
import { databaseAddress, startSqlCounter, viaProxy, type SqlCounter } from "./bench-sql-proxy";
import { flag, quantile } from "./bench-stats";

const GOAL_STATEMENTS = 12;
const DIRECTOR = "director@sosh20.demo";
const METHODIST = "methodist@levokumsky.demo";

/** --all: more pages of daily use (the curator's, the director's, the municipal methodist's). */
function morePages(curator: string, director: string, methodist: string): { label: string; path: string; cookie: string; expect?: string }[] {
  return [
    { label: "roadmap", path: "/sosh-20/program/roadmap", cookie: curator, expect: "Орлова" },
    { label: "passport", path: "/sosh-20/program/passport", cookie: curator, expect: "Орлова" },
    { label: "mentors bank", path: "/sosh-20/mentors", cookie: curator, expect: "Орлова" },
    { label: "mentees bank", path: "/sosh-20/mentees", cookie: curator, expect: "Орлова" },
    { label: "surveys", path: "/sosh-20/surveys", cookie: curator, expect: "Орлова" },
    { label: "acts", path: "/sosh-20/acts", cookie: curator, expect: "Орлова" },
    { label: "members (director)", path: "/sosh-20/members", cookie: director },
    { label: "program (director)", path: "/sosh-20/program", cookie: director },
    { label: "pairs (director)", path: "/sosh-20/pairs", cookie: director },
    { label: "district home (methodist)", path: "/levokumsky", cookie: methodist },
    { label: "district (methodist)", path: "/levokumsky/district", cookie: methodist },
    { label: "schools (methodist)", path: "/levokumsky/schools", cookie: methodist },
    { label: "district mentors (methodist)", path: "/levokumsky/district-mentors", cookie: methodist },
    { label: "district program (methodist)", path: "/levokumsky/program", cookie: methodist },
  ];
}
const NOT_FOUND_PATH = "/s/no-such-school-bench";
const SETTLE_MS = 200;

type Answer = { status: number; location: string | null; htmlBytes: number; gzipBytes: number; body: string };

/** GET with gzip accepted, the raw body kept: bytes as served and decompressed. */
function get(origin: string, pathname: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}${pathname}`, { headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const gzip = res.headers["content-encoding"] === "gzip";
        const body = gzip ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, htmlBytes: body.length, gzipBytes: gzip ? raw.length : NaN, body: body.toString("utf8") });
      });
    });
    req.on("error", reject);
  });
}

/** Resolves once the statement count has not moved for SETTLE_MS (at most 5 s). */
async function settled(counter: SqlCounter): Promise<number> {
  const until = Date.now() + 5000;
  let last = counter.statements();
  let stillSince = Date.now();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    const now = counter.statements();
    if (now !== last) {
      last = now;
      stillSince = Date.now();
    } else if (Date.now() - stillSince >= SETTLE_MS) break;
  }
  return last;
}

type Measured = { label: string; path: string; status: number; statements: number; statementsMin: number; statementsMax: number; byKind: Record<string, number>; htmlBytes: number; gzipBytes: number; sql: string[] };

/** The first keyword of a statement: BEGIN, COMMIT, SET, SELECT, INSERT, … */
function kindOf(sql: string): string {
  const word = sql.trim().replace(/^\(+/, "").split(/\s+/)[0]?.toUpperCase() ?? "";
  return word === "SELECT" && /set_config\(/i.test(sql) ? "SET_CONFIG" : word || "?";
}

async function measure(origin: string, counter: SqlCounter, target: { label: string; path: string; cookie?: string; expect?: string; status?: number }, runs: number): Promise<Measured> {
  const expectStatus = target.status ?? 200;
  const once = async () => {
    const before = await settled(counter);
    counter.takeLog();
    const answer = await get(origin, target.path, target.cookie);
    const after = await settled(counter);
    if (answer.status !== expectStatus) throw new Error(`${target.path}: HTTP ${answer.status}${answer.location ? ` → ${answer.location}` : ""}, expected ${expectStatus}`);
    if (target.expect && !answer.body.includes(target.expect)) throw new Error(`${target.path}: the page does not contain «${target.expect}»`);
    return { answer, statements: after - before, sql: counter.takeLog() };
  };
  await once(); // warm-up: compiled routes, the pool's connections, per-process caches
  const samples: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const counts = samples.map((s) => s.statements).sort((a, b) => a - b);
  const last = samples.at(-1)!;
  const byKind: Record<string, number> = {};
  for (const sql of last.sql) byKind[kindOf(sql)] = (byKind[kindOf(sql)] ?? 0) + 1;
  return {
    label: target.label,
    path: target.path,
    status: last.answer.status,
    statements: quantile(counts, 0.5),
    statementsMin: counts[0]!,
    statementsMax: counts.at(-1)!,
    byKind,
    htmlBytes: last.answer.htmlBytes,
    gzipBytes: last.answer.gzipBytes,
    sql: last.sql,
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: the request benchmark runs the server against PostgreSQL only.");
    process.exit(2);
  }
  const runs = flag("runs", 5);
  const showSql = process.argv.includes("--sql");
  const log = (line: string) => console.log(line);
  await prepareBenchDatabase(url, log);
  await ensureBuild(log);
  const counter = await startSqlCounter(databaseAddress(url), { keepText: true });
  try {
    const server = await startServer(viaProxy(url, counter.port), log);
    try {
      const curator = await signIn(server.origin, CURATOR);
      const kovalevskaya = await signIn(server.origin, KOVALEVSKAYA_CURATOR);
      const floors = [
        await measure(server.origin, counter, { label: "health check", path: "/api/health" }, runs),
        await measure(server.origin, counter, { label: "account (signed in)", path: "/account", cookie: curator, expect: "Орлова" }, runs),
        await measure(server.origin, counter, { label: "not found in the school", path: "/sosh-20/no-such-page-bench", cookie: curator, status: 404 }, runs),
      ];
      const notFound = await measure(server.origin, counter, { label: "not-found page", path: NOT_FOUND_PATH, status: 404 }, runs);
      const pages: Measured[] = [];
      for (const p of curatorPages(curator, kovalevskaya)) pages.push(await measure(server.origin, counter, p, runs));
      if (process.argv.includes("--all")) {
        const [director, methodist] = [await signIn(server.origin, DIRECTOR), await signIn(server.origin, METHODIST)];
        for (const p of morePages(curator, director, methodist)) pages.push(await measure(server.origin, counter, p, runs));
      }

      const touching = floors.filter((f) => f.statements > 0);
      if (!touching.length) throw new Error("no floor request reached the database: is the proxy in the server's path?");
      const statementFloor = touching.reduce((a, b) => (b.statements < a.statements ? b : a));
      const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
      console.log(`\nOne GET at a time, median of ${runs} after a warm-up; statements = simple Query + Execute messages at the proxy`);
      console.log(`${"request".padEnd(42)}${"status".padStart(7)}${"SQL".padStart(5)}${"(min–max)".padStart(11)}${"HTML".padStart(12)}${"gzip".padStart(11)}  statements by kind`);
      const row = (m: Measured) =>
        console.log(
          `${m.statements > GOAL_STATEMENTS && pages.includes(m) ? "!" : " "}${`${m.label} ${m.path}`.slice(0, 40).padEnd(41)}${String(m.status).padStart(7)}${String(m.statements).padStart(5)}${`(${m.statementsMin}–${m.statementsMax})`.padStart(11)}` +
            `${kib(m.htmlBytes).padStart(12)}${(Number.isNaN(m.gzipBytes) ? "—" : kib(m.gzipBytes)).padStart(11)}  ${Object.entries(m.byKind).map(([k, n]) => `${k} ${n}`).join(", ")}`,
        );
      for (const m of [...floors, notFound, ...pages]) row(m);
      if (showSql) {
        for (const m of [...floors, ...pages]) {
          console.log(`\n${m.path} (${m.sql.length} statements in the last run):`);
          for (const sql of m.sql) console.log(`  ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
        }
      }
      const worstSql = pages.reduce((a, b) => (b.statements > a.statements ? b : a));
      const worstHtml = pages.reduce((a, b) => (b.htmlBytes > a.htmlBytes ? b : a));
      console.log(`\nstatements: worst ${worstSql.path} ${worstSql.statements} (goal ≤ ${GOAL_STATEMENTS}), floor ${statementFloor.path} ${statementFloor.statements}`);
      console.log(`HTML: worst ${worstHtml.path} ${kib(worstHtml.htmlBytes)}, floor ${NOT_FOUND_PATH} ${kib(notFound.htmlBytes)}`);
      const strip = (m: Measured): Omit<Measured, "sql"> => Object.fromEntries(Object.entries(m).filter(([k]) => k !== "sql")) as Omit<Measured, "sql">;
      console.log(
        JSON.stringify({
          runs,
          worstStatements: worstSql.statements,
          worstStatementsPage: worstSql.path,
          floorStatements: statementFloor.statements,
          floorStatementsPath: statementFloor.path,
          worstHtmlBytes: worstHtml.htmlBytes,
          worstHtmlPage: worstHtml.path,
          floorHtmlBytes: notFound.htmlBytes,
          floorHtmlPath: NOT_FOUND_PATH,
          floors: [...floors, notFound].map(strip),
          pages: pages.map(strip),
        }),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await counter.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
