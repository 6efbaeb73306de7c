// npm run bench:dashboard [-- --schools 2000 --people 120000 --pairs 30000 --runs 30] — how long the district
// dashboard's server-side data path takes on a large region, next to a floor measured in the same run.
//
// PostgreSQL of DATABASE_URL only (it refuses without it). Applies the migrations; generates the scale data set
// first when it is absent (scripts/seed-scale.ts: set-based INSERT … SELECT generate_series). Then, for one
// municipality (≈ 50 schools) and for the whole region (2 000 schools), N runs each of
//   app:   the page's path — one tenant transaction (SET LOCAL ROLE, RLS settings) calling
//          district_school_figures() through Prisma, then the TypeScript assessment (coverage, lagging, summary)
//   floor: the same aggregate query as one raw SQL statement (the function's query text, the school ids bound
//          as a parameter) on a plain node-postgres connection as the database owner — no transaction, no RLS,
//          no function call, no Prisma, no post-processing
// and prints p50 / p95 / max of each, the ratio of the p95s, and as the last line JSON for CI (the region's with the
// year before, its figures kept). Each case runs with nothing kept (every school computed in the read) and then with
// the kept school figures (decision 055) after a timed full refresh and real writes in 1 % of the region's schools.

import "./server-only-allowed";
import pg from "pg";
import { setDatabase, withDb } from "../lib/db";
import { openPostgres } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import { loadDistrictDashboard } from "../lib/monitoring/district";
import { forgetFinishedYears } from "../lib/monitoring/finished-years";
import { refreshKeptFigures } from "../lib/monitoring/kept-figures";
import { isoDate, todayIn } from "../lib/domain/local-date";
import { readScaleFlags, scaleDataPresent, seedScale, SCALE_REGION_SLUG } from "./seed-scale";
import { academicYearOf } from "../lib/domain/academic-year";
import { flag, postgresUrlOrExit, stats, type Stats } from "./bench-stats";

const GOAL_MS = 250;
const GOAL_RATIO = 1.5;




async function time(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * Fills the kept figures from nothing (timed), then saves one person's card in 1 % of the region's schools — real
 * writes, which the triggers mark as changes — so that the reads after it compute those schools themselves.
 */
async function refreshWithChanges(owner: pg.Client, regionId: string): Promise<{ seconds: number; rows: number; changed: number }> {
  const started = performance.now();
  const { computed } = await refreshKeptFigures(new Date(), { budgetMs: 10 * 60_000 });
  const seconds = (performance.now() - started) / 1000;
  const { rowCount } = await owner.query(
    `UPDATE "Person" p SET "updatedAt" = now()
     FROM (SELECT DISTINCT ON (x."organizationId") x.id FROM "Person" x
           JOIN "Organization" s ON s.id = x."organizationId" JOIN "Organization" m ON m.id = s."parentId" AND m."parentId" = $1
           WHERE hashtext(s.id::text) % 100 = 0 ORDER BY x."organizationId", x.id) one
     WHERE p.id = one.id`,
    [regionId],
  );
  return { seconds, rows: computed, changed: rowCount ?? 0 };
}

const ms = (v: number) => `${v.toFixed(1)} мс`.padStart(10);

async function main() {
  const url = postgresUrlOrExit("замер панели округа выполняется", "the dashboard benchmark runs");
  const runs = flag("runs", 30);
  const scale = readScaleFlags(process.argv.slice(2));

  const db = await openPostgres(url, { maxConnections: 2 });
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
  setDatabase(db);
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    let present = await scaleDataPresent(owner);
    if (!present) {
      const year = academicYearOf(new Date());
      console.log(`Нагрузочных данных нет — создаю: ${scale.municipalities} муниципалитетов, ${scale.schools} школ, ${scale.people} человек, ${scale.pairs} пар…`);
      const seconds = await seedScale(owner, { ...scale, year });
      present = await scaleDataPresent(owner);
      console.log(`Создано за ${seconds.toFixed(1)} с.`);
    }
    const { rows: orgs } = await owner.query<{ region: string; municipality: string; zone: string; year: number; municipality_schools: number }>(
      `SELECT r.id AS region, m.id AS municipality, m."timeZone" AS zone,
              (SELECT max(p."academicYear") FROM "MentoringProgram" p JOIN "Organization" s ON s.id = p."organizationId" WHERE s."parentId" = m.id)::int AS year,
              (SELECT count(*) FROM "Organization" s WHERE s."parentId" = m.id)::int AS municipality_schools
       FROM "Organization" r JOIN "Organization" m ON m."parentId" = r.id
       WHERE r.slug = $1 ORDER BY m.slug LIMIT 1`,
      [SCALE_REGION_SLUG],
    );
    const target = orgs[0];
    if (!target) throw new Error("в регионе нет муниципалитетов");
    const year = target.year;
    console.log(`Данные: ${present!.schools} школ, ${present!.people} человек, ${present!.pairs} пар; ${year}/${year + 1} учебный год; ${runs} замеров на случай`);

    // The floor's query: the very text the function runs ($1 the schools' ids, $2 the year, $3 the day).
    const { rows: src } = await owner.query<{ prosrc: string }>(`SELECT prosrc FROM pg_proc WHERE proname = 'school_figures_compute'`);
    const floorSql = src[0]?.prosrc.split("$q$")[1];
    if (!floorSql) throw new Error("school_figures_compute(): текст запроса не найден");
    // The function runs with jit = off (its own setting); the floor gets the same.
    await owner.query("SET jit = off");
    // The office's calendar day, as its page reads it (organizationToday); the refresh keeps each school's figures for
    // its municipality's day.
    const today = todayIn(target.zone, new Date());
    const day = isoDate(today);
    const schoolIds = async (orgId: string) =>
      (
        await owner.query<{ id: string }>(
          `SELECT s.id FROM "Organization" s WHERE s.kind = 'SCHOOL' AND (s."parentId" = $1 OR s."parentId" IN (SELECT m.id FROM "Organization" m WHERE m."parentId" = $1 AND m.kind = 'MUNICIPALITY'))`,
          [orgId],
        )
      ).rows.map((r) => r.id);

    // Two states of the kept school figures (decision 055):
    //   «вычисл.»: nothing kept (before the first refresh of the day, or FIGURES_REFRESH_SECONDS=0) — every school's
    //     figures computed in the read, as before the kept figures;
    //   «хранимые»: after the refresh, with 1 % of the region's schools written since (a person's card saved in each:
    //     the triggers mark them changed) — those computed in the read, the rest read kept.
    // «с динамикой»: the dashboard as its page reads it, with the year before for the comparison (issue #16 item 4);
    // its floor is the same raw query for both years. The finished year's summary is also kept in the process for ten
    // minutes (decision 053): «1-й показ» forgets it before every run.
    const cases = [
      { label: "Муниципалитет", orgId: target.municipality, trends: false, cold: false, kept: false },
      { label: "Регион", orgId: target.region, trends: false, cold: false, kept: false },
      { label: "Регион+дин. 1-й", orgId: target.region, trends: true, cold: true, kept: false },
      { label: "Регион+динамика", orgId: target.region, trends: true, cold: false, kept: false },
      { label: "Муниц., хранимые", orgId: target.municipality, trends: false, cold: false, kept: true },
      { label: "Регион, хранимые", orgId: target.region, trends: false, cold: false, kept: true },
      { label: "Рег.+дин. 1-й, хр.", orgId: target.region, trends: true, cold: true, kept: true },
      { label: "Рег.+дин., хран.", orgId: target.region, trends: true, cold: false, kept: true },
    ];
    await owner.query(`DELETE FROM "SchoolFiguresKept"`);
    let refreshed: { seconds: number; rows: number; changed: number } | null = null;
    const results: { label: string; schools: number; app: Stats; floor: Stats; ratio: number }[] = [];
    for (const c of cases) {
      if (c.kept && !refreshed) refreshed = await refreshWithChanges(owner, target.region);
      const ids = await schoolIds(c.orgId);
      let schools = 0;
      const app = await time(runs, 5, async () => {
        if (c.cold) forgetFinishedYears();
        const dashboard = await withDb({ organizationId: c.orgId }, (tx) => loadDistrictDashboard(tx, c.orgId, year, today, { trends: c.trends }));
        schools = dashboard.schools.length;
      });
      let floorRows = 0;
      const floor = await time(runs, 5, async () => {
        floorRows = (await owner.query(floorSql, [ids, year, day])).rowCount ?? 0;
        if (c.trends) await owner.query(floorSql, [ids, year - 1, day]);
      });
      if (schools !== ids.length || floorRows !== ids.length) throw new Error(`${c.label}: ${schools} школ через приложение, ${floorRows} в нижней границе, ожидалось ${ids.length}`);
      const a = stats(app);
      const f = stats(floor);
      results.push({ label: c.label, schools, app: a, floor: f, ratio: a.p95 / f.p95 });
    }

    console.log("");
    console.log(`${"Случай".padEnd(16)}${"школ".padStart(6)}${"p50".padStart(11)}${"p95".padStart(11)}${"max".padStart(11)}${"floor p50".padStart(11)}${"floor p95".padStart(11)}${"ratio".padStart(8)}  цель`);
    for (const r of results) {
      const verdict = r.app.p95 < GOAL_MS && r.ratio <= GOAL_RATIO ? "да" : "НЕТ";
      console.log(
        `${r.label.padEnd(16)}${String(r.schools).padStart(6)}${ms(r.app.p50).padStart(11)}${ms(r.app.p95).padStart(11)}${ms(r.app.max).padStart(11)}${ms(r.floor.p50).padStart(11)}${ms(r.floor.p95).padStart(11)}${r.ratio.toFixed(2).padStart(8)}  ${verdict} (p95 < ${GOAL_MS} мс, ratio ≤ ${GOAL_RATIO})`,
      );
    }
    console.log("");
    console.log("app: транзакция арендатора + district_school_figures() через Prisma + оценка в TypeScript; floor: тот же запрос одной командой SQL без функции, транзакции и Prisma.");
    if (refreshed)
      console.log(`Обновление хранимых показателей с нуля (все школы, этот и прошлый год): ${refreshed.rows} строк за ${refreshed.seconds.toFixed(2)} с; затем изменены ${refreshed.changed} школ региона.`);
    // The figure kept (README, bench/results): the region as its dashboard page reads it, with the trends, the figures
    // kept (the state the refresh keeps the database in).
    const region = results.at(-1)!;
    const round = (v: number) => Math.round(v * 10) / 10;
    console.log(JSON.stringify({ schools: region.schools, p95Ms: round(region.app.p95), floorP95Ms: round(region.floor.p95), ratio: Math.round(region.ratio * 100) / 100 }));
  } finally {
    await owner.end();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
