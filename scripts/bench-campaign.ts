// npm run bench:campaign [-- --runs 30] — how long a region's consolidation of a monitoring campaign (decision 048)
// takes over 2,000 schools, next to a floor measured in the same run (issue #16: «a campaign's consolidation of
// 2,000 schools is a bench figure against the raw SQL floor»).
//
// PostgreSQL of DATABASE_URL only (it refuses without it). Applies the migrations; generates the scale data set
// first when it is absent (scripts/seed-scale.ts), and the region's campaign when it has none (below: 20 lines,
// an answer of 95 % of the schools). Then N rounds, each of (interleaved, so that the machine's other load
// hits all alike)
//   app:   the export route's path — getOfficeCampaign() for the REGION office (its own tenant transaction:
//          SET LOCAL ROLE, RLS settings; the campaign, the region's schools with their municipalities, every
//          answer with its evidence names, through Prisma), then consolidatedXlsx(…, "ru") (three sheets);
//          and, timed apart, the summary .docx (campaignSummary)
//   floor: the same rows as raw SQL on a plain node-postgres connection as the database owner — the campaign
//          with its lines, the schools with their municipality names, the answers with their values and
//          evidence names: no transaction, no RLS, no Prisma, no workbook
// and prints p50 / p95 / max of each, the ratio of the p95s of the data read, and as the last line JSON.

import "./server-only-allowed";
import { readFileSync } from "node:fs";
import pg from "pg";
import { hasPermission } from "../lib/auth/permissions";
import type { TenantContext } from "../lib/auth/tenant";
import { campaignSummary, consolidatedXlsx } from "../lib/campaigns/consolidation";
import { getOfficeCampaign } from "../lib/campaigns/queries";
import { setDatabase } from "../lib/db";
import { openPostgres } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import { academicYearOf } from "../lib/domain/academic-year";
import { INDICATOR_LIBRARY, type AnswerType, type LibraryKey } from "../lib/domain/monitoring-indicators";
import { indicatorTitleRu } from "../lib/campaigns/form-titles";
import { flag, postgresUrlOrExit, stats, type Stats } from "./bench-stats";
import { inTransaction, readScaleFlags, scaleDataPresent, scaleIdSql as id, scaleYear, seedScale, stepper, SCALE_REGION_SLUG, type Log } from "./seed-scale";

// Goals, fixed before the first run: the campaign page and the export read the data in under half a second at
// p95, at most twice the raw SQL; the whole .xlsx download (read + workbook) within 3 s.
const GOAL_READ_MS = 500;
const GOAL_RATIO = 2;
const GOAL_EXPORT_MS = 3000;

// ——— The campaign measured: the region's, generated beside the scale data set when absent ———
const CAMPAIGN_ID_SQL = id("campaign");
/** Its form: 18 lines of the library and two own questions; [lo, hi] is the range of the generated answers. */
const CAMPAIGN_LINES: [key: LibraryKey | null, lo: number, hi: number, title?: string, type?: AnswerType][] = [
  ["act.regulation", 0, 0], ["act.roadmap", 0, 0], ["act.curator", 0, 0], ["act.pairsOrder", 0, 0], ["site.section", 0, 0],
  ["bank.mentors", 2, 9], ["bank.mentees", 5, 30], ["pairs.byOrder", 3, 20], ["pairs.active", 0, 18], ["pairs.completed", 0, 10],
  ["coverage.teachers", 10, 70], ["coverage.youngSpecialists", 40, 100], ["coverage.studentMentees", 5, 40], ["coverage.studentMentors", 1, 15],
  ["satisfaction.mentees", 60, 100], ["satisfaction.mentors", 55, 100], ["meetings.count", 10, 120], ["deadlines.met", 50, 100],
  [null, 0, 0, "Основные трудности в реализации программы наставничества", "TEXT"],
  [null, 0, 0, "Ссылка на страницу программы наставничества на сайте школы", "LINK"],
];

/** The campaign's id and its number of answers, or null when the scale data has no campaign yet. */
async function scaleCampaignPresent(client: pg.ClientBase): Promise<{ id: string; submissions: number } | null> {
  const { rows } = await client.query<{ id: string; submissions: number }>(
    `SELECT c.id, (SELECT count(*) FROM "MonitoringSubmission" s WHERE s."campaignId" = c.id)::int AS submissions FROM "MonitoringCampaign" c WHERE c.id = ${CAMPAIGN_ID_SQL}`,
  );
  return rows[0] ?? null;
}

/**
 * The region's campaign for academic year Y (in one transaction, beside the existing data, which it does not
 * change): 20 lines, and an answer of every school but one in 20 — 55 % submitted, 25 % confirmed by the head,
 * 10 % drafts (half the lines), 5 % returned with the office's comment; about 3 % of the library values
 * corrected with a comment, and the regulation's scan attached by about one school in 8. Returns the seconds.
 */
async function seedScaleCampaign(client: pg.ClientBase, Y: number, log: Log = console.log): Promise<number> {
  const step = stepper(client, log);
  const text = (s: string | null) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);
  const lines = CAMPAIGN_LINES.map(([key, lo, hi, title, type], n) => {
    const entry = key ? INDICATOR_LIBRARY[key] : null;
    return `(${n}, ${text(key)}, ${text(key ? indicatorTitleRu(key) : title!)}, '${entry?.answerType ?? type}', ${lo}, ${hi})`;
  });
  const pct = (t: string) => `CASE WHEN ${t} % 10 = 0 THEN (${t} / 10)::text ELSE (${t} / 10) || '.' || (${t} % 10) END`;
  return inTransaction(client, ["MonitoringCampaign", "MonitoringIndicator", "MonitoringSubmission", "MonitoringEvidence"], async () => {
    await step(
      "кампания мониторинга региона",
      `INSERT INTO "MonitoringCampaign" (id, "organizationId", title, "academicYear", "opensOn", "closesOn", "createdById", "createdAt", "updatedAt")
       SELECT ${CAMPAIGN_ID_SQL}, ${id("region")}, 'Региональный мониторинг реализации целевой модели наставничества, ${Y}/${Y + 1} учебный год', ${Y},
              o, o + 45, ${id("user")}, o::timestamp, now()
       FROM (SELECT LEAST(current_date, GREATEST(make_date(${Y}, 9, 1), current_date - 30)) AS o) x`,
    );
    await client.query(`CREATE TEMP TABLE scale_line ON COMMIT DROP AS
       SELECT md5('scale:cl:' || n)::uuid AS id, n, key, title, type, lo, hi FROM (VALUES ${lines.join(", ")}) AS l(n, key, title, type, lo, hi)`);
    await step(
      "строки формы",
      `INSERT INTO "MonitoringIndicator" (id, "organizationId", "campaignId", position, title, "answerType", "libraryKey")
       SELECT id, ${id("region")}, ${CAMPAIGN_ID_SQL}, n + 1, title, type::"MonitoringAnswerType", key FROM scale_line`,
    );
    // School i (of slug scale-school-i), line n: h a spread of 0–999; a correction where (7i + 13n) % 29 = 0.
    await step(
      "ответы школ",
      `INSERT INTO "MonitoringSubmission" (id, "organizationId", "officeId", "campaignId", status, "values", "submittedAt", "submittedById", "confirmedAt", "confirmedById",
                                           "returnedAt", "returnedById", "returnComment", "createdAt", "updatedAt")
       SELECT md5('scale:cs:' || i)::uuid, s.id, ${id("region")}, c.id, x.st::"MonitoringSubmissionStatus", v.vals,
              CASE WHEN x.st <> 'DRAFT' THEN x.at END, CASE WHEN x.st <> 'DRAFT' THEN ${id("user")} END,
              CASE WHEN x.st = 'CONFIRMED' THEN x.at + (now() - x.at) / 2 END, CASE WHEN x.st = 'CONFIRMED' THEN ${id("user")} END,
              CASE WHEN x.st = 'RETURNED' THEN x.at + (now() - x.at) / 2 END, CASE WHEN x.st = 'RETURNED' THEN ${id("user")} END,
              CASE WHEN x.st = 'RETURNED' THEN (ARRAY['Число наставников не совпадает с базой наставников: уточните', 'Не указана ссылка на страницу программы', 'Уточните долю вовлечённых педагогов'])[i % 3 + 1] END,
              c."opensOn"::timestamp + (x.at - c."opensOn"::timestamp) / 2, now()
       FROM "MonitoringCampaign" c
       JOIN "Organization" m ON m."parentId" = c."organizationId"
       JOIN "Organization" s ON s."parentId" = m.id,
       LATERAL (SELECT substr(s.slug, 14)::int AS i) k,
       LATERAL (SELECT CASE WHEN i % 20 IN (3, 13) THEN 'DRAFT' WHEN i % 20 = 17 THEN 'RETURNED' WHEN i % 20 IN (1, 5, 9, 11, 15) THEN 'CONFIRMED' ELSE 'SUBMITTED' END AS st,
                       c."opensOn"::timestamp + (now() - c."opensOn"::timestamp) * ((i % 97) / 97.0) AS at) x,
       LATERAL (SELECT jsonb_object_agg(l.id::text, jsonb_build_object('computed', CASE WHEN l.key IS NULL THEN NULL WHEN hh.fix THEN a.other ELSE a.val END, 'value', a.val,
                         'comment', CASE WHEN hh.fix THEN (ARRAY['Уточнено по журналу наставничества', 'В базе не учтены наставники, принятые в декабре', 'Учтены пары, закреплённые после отчёта'])[(i + l.n) % 3 + 1]
                                         WHEN (i + l.n) % 53 = 0 THEN 'Подтверждено приказом директора' END)) AS vals
                FROM scale_line l,
                LATERAL (SELECT (i * 31 + l.n * 17 + (i / 7) * 3) % 1000 AS h, l.key IS NOT NULL AND (7 * i + 13 * l.n) % 29 = 0 AS fix) hh,
                LATERAL (SELECT CASE l.type
                                  WHEN 'YES_NO' THEN CASE WHEN (i + 3 * l.n) % 11 = 0 THEN 'no' ELSE 'yes' END
                                  WHEN 'NUMBER' THEN (l.lo + h % (l.hi - l.lo + 1))::text
                                  WHEN 'PERCENT' THEN ${pct("(l.lo * 10 + h % ((l.hi - l.lo) * 10 + 1))")}
                                  WHEN 'TEXT' THEN (ARRAY['Недостаточно времени у наставников для встреч', 'Трудностей нет', 'Высокая нагрузка педагогов, мало молодых специалистов',
                                                          'Сложно подобрать наставников из числа обучающихся', 'Нет средств на стимулирование наставников'])[i % 5 + 1]
                                  ELSE 'https://school' || i || '.edu.example/nastavnichestvo' END AS val,
                                CASE l.type WHEN 'YES_NO' THEN CASE WHEN (i + 3 * l.n) % 11 = 0 THEN 'yes' ELSE 'no' END
                                            WHEN 'NUMBER' THEN (l.lo + (h + 1 + i % 3) % (l.hi - l.lo + 1))::text
                                            ELSE ${pct("(l.lo * 10 + (h + 37) % ((l.hi - l.lo) * 10 + 1))")} END AS other) a
                WHERE x.st <> 'DRAFT' OR l.n < 10) v
       WHERE c.id = ${CAMPAIGN_ID_SQL} AND m.kind = 'MUNICIPALITY' AND s.kind = 'SCHOOL' AND i % 20 <> 7`,
    );
    await step(
      "файлы-подтверждения",
      `INSERT INTO "MonitoringEvidence" (id, "organizationId", "officeId", "submissionId", "indicatorId", "fileName", "fileType", "fileSize", "fileData", "createdAt")
       SELECT md5('scale:ce:' || sub.id)::uuid, sub."organizationId", sub."officeId", sub.id, l.id, 'Положение о наставничестве.pdf', 'application/pdf', length(f.b), f.b, sub."createdAt"
       FROM "MonitoringSubmission" sub
       JOIN scale_line l ON l.key = 'act.regulation',
       LATERAL (SELECT convert_to(repeat('%PDF-1.4 положение о наставничестве ', 40), 'UTF8') AS b) f
       WHERE sub."campaignId" = ${CAMPAIGN_ID_SQL} AND sub.status <> 'DRAFT' AND substr(md5(sub.id::text), 1, 1) IN ('0', '1')`,
    );
  });
}

const ms = (v: number) => `${v.toFixed(1)} мс`;

// Where the app's read time goes: the statements node-postgres sends during it (under Prisma's adapter), counted
// and timed from send to answer — the rest is Prisma, RLS-free JavaScript and the sort.
const driver = { on: false, queries: 0, ms: 0 };
const sendQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  if (!driver.on) return sendQuery.apply(this, args);
  const started = performance.now();
  driver.queries += 1;
  const out = sendQuery.apply(this, args);
  return out instanceof Promise ? out.finally(() => (driver.ms += performance.now() - started)) : out;
};

async function main() {
  const url = postgresUrlOrExit("замер сводной таблицы кампании выполняется", "the campaign consolidation benchmark runs");
  const runs = flag("runs", 30);
  const scale = readScaleFlags(process.argv.slice(2));

  const db = await openPostgres(url, { maxConnections: 2 });
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
  setDatabase(db);
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    if (!(await scaleDataPresent(owner))) {
      console.log(`Нагрузочных данных нет — создаю: ${scale.municipalities} муниципалитетов, ${scale.schools} школ, ${scale.people} человек, ${scale.pairs} пар…`);
      console.log(`Создано за ${(await seedScale(owner, { ...scale, year: academicYearOf(new Date()) })).toFixed(1)} с.`);
    }
    if (!(await scaleCampaignPresent(owner))) {
      const year = await scaleYear(owner);
      console.log(`Кампании мониторинга региона в нагрузочных данных нет — создаю (${year}/${year + 1} учебный год):`);
      console.log(`Создана за ${(await seedScaleCampaign(owner, year)).toFixed(1)} с.`);
    }
    const campaign = (await scaleCampaignPresent(owner))!;
    const { rows: regions } = await owner.query<TenantContext["organization"]>(
      `SELECT id, slug, name, "shortName", kind, "schoolKind", address, "parentId", "timeZone", "archivedAt" FROM "Organization" WHERE slug = $1`,
      [SCALE_REGION_SLUG],
    );
    const { rows: users } = await owner.query<{ id: string; name: string; email: string }>(`SELECT id, name, email FROM "User" WHERE email = 'scale-generator@scale.example'`);
    const region = regions[0]!;
    // The region's methodist, as the export route sees them (it checks campaigns.manage).
    const ctx: TenantContext = { user: { ...users[0]!, locale: "ru" }, organization: region, roles: ["METHODIST"] };
    if (!hasPermission(ctx.roles, "campaigns.manage")) throw new Error("METHODIST без права campaigns.manage");

    const floorQueries = [
      [
        `SELECT c.id, c.title, c."formKey", c."academicYear", c."opensOn", c."closesOn", c."closedAt", i.id AS "indicatorId", i.title AS "indicatorTitle", i."answerType", i."libraryKey"
         FROM "MonitoringCampaign" c JOIN "MonitoringIndicator" i ON i."campaignId" = c.id AND i."organizationId" = c."organizationId"
         WHERE c.id = $1 AND c."organizationId" = $2 ORDER BY i.position`,
        [campaign.id, region.id],
      ],
      [
        `SELECT s.id, s.name, s."shortName", m.name AS municipality FROM "Organization" m JOIN "Organization" s ON s."parentId" = m.id
         WHERE m."parentId" = $1 AND m.kind = 'MUNICIPALITY' AND s.kind = 'SCHOOL' AND s."archivedAt" IS NULL`,
        [region.id],
      ],
      [
        `SELECT sub."organizationId", sub.status, sub."values", sub."submittedAt", sub."confirmedAt", sub."returnComment", sub."reopenedUntil", e."indicatorId", e."fileName"
         FROM "MonitoringSubmission" sub LEFT JOIN "MonitoringEvidence" e ON e."organizationId" = sub."organizationId" AND e."submissionId" = sub.id
         WHERE sub."officeId" = $1 AND sub."campaignId" = $2`,
        [region.id, campaign.id],
      ],
    ] as const;
    const floor = async () => {
      const counts: number[] = [];
      for (const [sql, params] of floorQueries) counts.push((await owner.query(sql, [...params])).rowCount ?? 0);
      return counts;
    };

    const samples = { read: [] as number[], xlsx: [] as number[], exportTotal: [] as number[], docx: [] as number[], floor: [] as number[] };
    let shape = { schools: 0, submitted: 0, lines: 0, xlsxRows: 0, xlsxBytes: 0, docxBytes: 0, floorSchools: 0, floorSubmissions: 0 };
    const warmup = 3;
    const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    const loadBefore = loadavg();
    for (let round = 0; round < warmup + runs; round++) {
      const t0 = performance.now();
      driver.on = round >= warmup;
      const data = await getOfficeCampaign(ctx, campaign.id);
      driver.on = false;
      const t1 = performance.now();
      if (!data) throw new Error("getOfficeCampaign: кампания не найдена для региона");
      const file = await consolidatedXlsx(data, "ru");
      const t2 = performance.now();
      const summary = await campaignSummary(ctx, data);
      const t3 = performance.now();
      const counts = await floor();
      const t4 = performance.now();
      if (round < warmup) {
        const submitted = data.schools.filter((s) => s.status === "SUBMITTED" || s.status === "CONFIRMED").length;
        shape = { schools: data.schools.length, submitted, lines: data.campaign.indicators.length, xlsxRows: file.rows, xlsxBytes: file.bytes.length, docxBytes: summary.docx.length, floorSchools: counts[1]!, floorSubmissions: counts[2]! };
        continue;
      }
      samples.read.push(t1 - t0);
      samples.xlsx.push(t2 - t1);
      samples.exportTotal.push(t2 - t0);
      samples.docx.push(t3 - t2);
      samples.floor.push(t4 - t3);
    }
    if (shape.schools !== shape.floorSchools || shape.xlsxRows !== shape.schools) {
      throw new Error(`школ через приложение ${shape.schools}, строк в .xlsx ${shape.xlsxRows}, в нижней границе ${shape.floorSchools}`);
    }

    const s: Record<keyof typeof samples, Stats> = {
      read: stats(samples.read),
      xlsx: stats(samples.xlsx),
      exportTotal: stats(samples.exportTotal),
      docx: stats(samples.docx),
      floor: stats(samples.floor),
    };
    const ratio = s.read.p95 / s.floor.p95;
    const readMet = s.read.p95 < GOAL_READ_MS && ratio <= GOAL_RATIO;
    const exportMet = s.exportTotal.p95 < GOAL_EXPORT_MS;
    const load = `${loadBefore} → ${loadavg()}`;
    console.log(
      `Кампания «${SCALE_REGION_SLUG}»: ${shape.schools} школ, ${shape.lines} строк формы, ${shape.floorSubmissions} ответов (представлены ${shape.submitted}); ${runs} замеров; .xlsx ${(shape.xlsxBytes / 1024).toFixed(0)} КиБ, .docx ${(shape.docxBytes / 1024).toFixed(0)} КиБ; нагрузка машины (loadavg до → после) ${load}`,
    );
    console.log("");
    const row = (label: string, v: Stats, note = "") => console.log(`${label.padEnd(40)}${ms(v.p50).padStart(12)}${ms(v.p95).padStart(12)}${ms(v.max).padStart(12)}  ${note}`);
    console.log(`${"".padEnd(40)}${"p50".padStart(12)}${"p95".padStart(12)}${"max".padStart(12)}`);
    row("app: чтение (getOfficeCampaign)", s.read, `ratio ${ratio.toFixed(2)}; цель p95 < ${GOAL_READ_MS} мс и ratio ≤ ${GOAL_RATIO}: ${readMet ? "да" : "НЕТ"}`);
    row("floor: те же строки сырым SQL", s.floor);
    row("сборка .xlsx (consolidatedXlsx)", s.xlsx);
    row("выгрузка .xlsx целиком (чтение + сборка)", s.exportTotal, `цель p95 < ${GOAL_EXPORT_MS} мс: ${exportMet ? "да" : "НЕТ"}`);
    row("справка .docx (campaignSummary)", s.docx, "(без цели)");
    console.log("");
    console.log(
      `app: транзакция арендатора региона + запросы Prisma + сортировка — ${(driver.queries / runs).toFixed(0)} команд SQL за чтение, ожидание их ответов в среднем ${ms(driver.ms / runs)}; floor: три запроса SQL владельцем базы без транзакции, RLS и Prisma.`,
    );
    const oneDecimal = (v: number) => Math.round(v * 10) / 10;
    console.log(
      JSON.stringify({
        schools: shape.schools,
        p95Ms: oneDecimal(s.read.p95),
        floorP95Ms: oneDecimal(s.floor.p95),
        ratio: Math.round(ratio * 100) / 100,
        xlsxP95Ms: oneDecimal(s.xlsx.p95),
        exportP95Ms: oneDecimal(s.exportTotal.p95),
        docxP95Ms: oneDecimal(s.docx.p95),
        goalMet: readMet && exportMet,
      }),
    );
  } finally {
    await owner.end();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
