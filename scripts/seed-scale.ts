// npm run seed:scale [-- --schools 2000 --people 120000 --pairs 30000 --municipalities 40] — the large data
// set the district dashboard is measured on (npm run bench:dashboard): one region, its municipalities, their
// schools with this academic year's programs at every stage, local acts, roadmaps (some activities overdue),
// the municipal deadlines for schools, people (a quarter teachers), both banks, pairs with orders and
// satisfaction indicators, meetings of the working pairs and closed satisfaction questionnaires with
// the mentees' answers; then, beside them, the year before (completed programs, their pairs, acts, roadmaps
// and deadlines), which the dashboard's comparison reads. Set-based: a handful of INSERT … SELECT FROM
// generate_series statements run as the database owner in one transaction per year — no Prisma, no
// row-by-row round trips. Ids are md5 of a label, so rows reference each other without lookups. The
// region's monitoring campaign is added by npm run bench:campaign. PostgreSQL of DATABASE_URL only.

import pg from "pg";
import { prepareDatabase } from "../lib/db/setup";
import { academicYearOf } from "../lib/domain/academic-year";
import { templateQuestions } from "../lib/domain/questionnaire-templates";
import { postgresUrlOrExit } from "./bench-stats";

export type ScaleOptions = { schools: number; people: number; pairs: number; municipalities: number; year: number };

export const SCALE_REGION_SLUG = "scale-region";

export const DEFAULT_SCALE: Omit<ScaleOptions, "year"> = { schools: 2_000, people: 120_000, pairs: 30_000, municipalities: 40 };

/** --schools 2000 --people 120000 --pairs 30000 --municipalities 40 (also --schools=2000). */
export function readScaleFlags(argv: string[]): Omit<ScaleOptions, "year"> {
  const out = { ...DEFAULT_SCALE };
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i]!.match(/^--(schools|people|pairs|municipalities)(?:=(\d+))?$/);
    if (!m) continue;
    const value = Number(m[2] ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${m[1]}: нужно целое положительное число`);
    out[m[1] as keyof typeof out] = value;
  }
  if (out.municipalities > out.schools) out.municipalities = out.schools;
  return out;
}

const id = (label: string) => `md5('scale:${label}')::uuid`;

/** Whether the scale region exists, and its size (the pairs of its academic year). */
export async function scaleDataPresent(client: pg.ClientBase): Promise<{ schools: number; people: number; pairs: number } | null> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE slug = $1`, [SCALE_REGION_SLUG]);
  if (!rows[0]) return null;
  const { rows: counts } = await client.query<{ schools: number; people: number; pairs: number }>(
    `WITH s AS (SELECT s.id FROM "Organization" m JOIN "Organization" s ON s."parentId" = m.id WHERE m."parentId" = $1)
     SELECT (SELECT count(*) FROM s)::int AS schools,
            (SELECT count(*) FROM "Person" p WHERE p."organizationId" IN (SELECT id FROM s))::int AS people,
            (SELECT count(*) FROM "Pair" p JOIN "MentoringProgram" g ON g.id = p."programId"
             WHERE p."organizationId" IN (SELECT id FROM s) AND g."academicYear" = (SELECT "academicYear" FROM "MentoringProgram" WHERE id = ${id("mp:1")}))::int AS pairs`,
    [rows[0].id],
  );
  return counts[0]!;
}

export type Log = (line: string) => void;
/** The SQL of a scale row's id (md5 of its label), for the generators beside this one. */
export const scaleIdSql = (label: string) => id(label);

/** A step of the generator: one statement, logged with its rows and seconds. */
export const stepper = (client: pg.ClientBase, log: Log) => async (label: string, sql: string) => {
  const t = performance.now();
  const res = await client.query(sql);
  log(`  ${label.padEnd(34)} ${String(res.rowCount ?? "").padStart(8)} строк  ${((performance.now() - t) / 1000).toFixed(2)} с`);
};

/** fn in one transaction, then ANALYZE of the tables it filled. Returns the seconds. */
export async function inTransaction(client: pg.ClientBase, tables: string[], fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await client.query("BEGIN");
  try {
    await fn();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  await client.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`);
  return (performance.now() - started) / 1000;
}

/** Generates the scale region (this year in one transaction, the year before in a second). Returns the seconds it took. */
export async function seedScale(client: pg.ClientBase, options: ScaleOptions, log: Log = console.log): Promise<number> {
  const { schools: S, people: P, pairs: Q, municipalities: M, year: Y } = options;
  const perSchool = Math.max(1, Math.floor(P / S)); // people per school (index k = 0 … perSchool-1)
  const usable = Math.max(4, perSchool - (perSchool % 4)); // keeps the mod-4 roles stable
  const started = performance.now();
  const step = stepper(client, log);
  // A school number i → its municipality; a program-school ordinal k (schools with i % 20 <> 0) → i.
  const schoolOfOrdinal = (k: string) => `(${k} + (${k} - 1) / 19)`;
  const withProgram = S - Math.floor(S / 20);

  await client.query("BEGIN");
  try {
    await step(
      "пользователь-генератор",
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       VALUES (${id("user")}, 'scale-generator@scale.example', 'Генератор нагрузочных данных', '!', now())
       ON CONFLICT (email) DO NOTHING`,
    );
    await step(
      "регион и муниципалитеты",
      `INSERT INTO "Organization" (id, kind, slug, name, "shortName", "parentId")
       SELECT ${id("region")}, 'REGION'::"OrganizationKind", '${SCALE_REGION_SLUG}', 'Министерство образования нагрузочного края', 'Нагрузочный край', NULL
       UNION ALL
       SELECT md5('scale:m:' || m)::uuid, 'MUNICIPALITY'::"OrganizationKind", 'scale-mun-' || m,
              'Отдел образования администрации муниципального округа № ' || m, 'Отдел образования МО № ' || m, ${id("region")}
       FROM generate_series(1, ${M}) m`,
    );
    await step(
      "школы",
      `INSERT INTO "Organization" (id, kind, "schoolKind", slug, name, "shortName", "parentId", address)
       SELECT md5('scale:s:' || i)::uuid, 'SCHOOL'::"OrganizationKind", CASE WHEN i % 25 = 0 THEN 'KINDERGARTEN' ELSE 'GENERAL' END::"SchoolKind", 'scale-school-' || i,
              'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ' || i || '»',
              'МБОУ «СОШ № ' || i || '»', md5('scale:m:' || (((i - 1)::bigint * ${M}) / ${S} + 1))::uuid, 'с. Школьное, ул. Центральная, ' || i
       FROM generate_series(1, ${S}) i`,
    );
    // This year's programs: every school but each 20th; stages skewed to the later ones; some completed.
    await step(
      "программы школ",
      `INSERT INTO "MentoringProgram" (id, "organizationId", "academicYear", title, audience, stage, status, "startDate", "endDate", "completedAt", "updatedAt")
       SELECT md5('scale:p:' || i)::uuid, md5('scale:s:' || i)::uuid, ${Y}, 'Программа наставничества на ${Y}/${Y + 1} учебный год', 'BOTH',
              st, CASE WHEN st = 7 AND i % 3 = 0 THEN 'COMPLETED' ELSE 'ACTIVE' END::"ProgramStatus",
              make_date(${Y}, 9, 1), make_date(${Y + 1}, 5, 31), CASE WHEN st = 7 AND i % 3 = 0 THEN now() END, now()
       FROM generate_series(1, ${S}) i, LATERAL (SELECT (ARRAY[1, 2, 3, 4, 5, 5, 6, 6, 6, 7])[(i % 10) + 1] AS st) x
       WHERE i % 20 <> 0`,
    );
    await step(
      "программы муниципалитетов",
      `INSERT INTO "MentoringProgram" (id, "organizationId", "academicYear", title, audience, stage, "updatedAt")
       SELECT md5('scale:mp:' || m)::uuid, md5('scale:m:' || m)::uuid, ${Y}, 'Система наставничества муниципального округа на ${Y}/${Y + 1} учебный год', 'TEACHERS', 6, now()
       FROM generate_series(1, ${M}) m`,
    );
    // Deadlines the offices set for their schools (seed 002, Приложение 2): acts, banks, materials, work, reports.
    await step(
      "сроки округа для школ",
      `INSERT INTO "RoadmapActivity" (id, "organizationId", "programId", "academicYear", stage, position, title, "dueText", "dueEnd", recurrence, "forSchools", "responsibleText", "updatedAt")
       SELECT md5('scale:ma:' || m || ':' || d.n)::uuid, md5('scale:m:' || m)::uuid, md5('scale:mp:' || m)::uuid, ${Y}, d.stage, d.n, d.title, d.due,
              d.due_end, d.rec::"DueRecurrence", true, 'Руководители образовательных организаций', now()
       FROM generate_series(1, ${M}) m, (VALUES
         (1, 1, 'Подготовка и принятие локальных актов образовательных организаций', 'сентябрь', make_date(${Y}, 9, 30), 'ONCE'),
         (2, 2, 'Формирование банка наставников и наставляемых', 'до 15.09', make_date(${Y}, 9, 15), 'ANNUALLY'),
         (3, 4, 'Разработка программно-методических материалов', 'октябрь', make_date(${Y}, 10, 31), 'ONCE'),
         (4, 6, 'Организация работы наставнических пар / групп', 'в течение учебного года', NULL, 'CONSTANTLY'),
         (5, 6, 'Участие в работе муниципального Совета наставников', 'ежеквартально', make_date(${Y}, 12, 31), 'QUARTERLY'),
         (6, 7, 'Отчёт наставников об итогах выполнения программы', 'май', make_date(${Y + 1}, 5, 31), 'ANNUALLY')
       ) AS d(n, stage, title, due, due_end, rec)`,
    );
    // Fourteen activities per school program, two per stage; what lies behind the program's stage is done,
    // except in every 7th school, which left some undone (overdue).
    await step(
      "дорожные карты школ",
      `INSERT INTO "RoadmapActivity" (id, "organizationId", "programId", "academicYear", stage, position, title, "dueText", "dueEnd", recurrence, status, "completedAt", "updatedAt")
       SELECT md5('scale:a:' || i || ':' || a)::uuid, p."organizationId", p.id, ${Y}, 1 + a / 2, a, 'Мероприятие ' || (a + 1), 'по плану',
              make_date(${Y}, 9, 10) + a * 21, CASE WHEN a % 5 = 4 THEN 'CONSTANTLY' ELSE 'ONCE' END::"DueRecurrence",
              CASE WHEN (p.status = 'COMPLETED' OR 1 + a / 2 < p.stage) AND NOT (i % 7 = 0 AND a % 4 = 1) THEN 'DONE'
                   WHEN a % 3 = 0 THEN 'IN_PROGRESS' ELSE 'PLANNED' END::"ActivityStatus",
              CASE WHEN (p.status = 'COMPLETED' OR 1 + a / 2 < p.stage) AND NOT (i % 7 = 0 AND a % 4 = 1) THEN make_date(${Y}, 9, 10) + a * 21 END, now()
       FROM generate_series(1, ${S}) i
       JOIN "MentoringProgram" p ON p.id = md5('scale:p:' || i)::uuid
       CROSS JOIN generate_series(0, 13) a`,
    );
    // The three acts of stage 1: approved once the program passed stage 1 (and in half of the stage-1 schools);
    // every 11th school still has its regulation unapproved.
    await step(
      "локальные акты",
      `INSERT INTO "LocalAct" (id, "organizationId", "programId", kind, number, date, title, status, "registeredById", "approvedById", "approvedAt")
       SELECT md5('scale:act:' || i || ':' || k.kind)::uuid, p."organizationId", p.id, k.kind::"LocalActKind", (i % 300 + k.n) || '-од', make_date(${Y}, 9, 1), k.title,
              CASE WHEN ok THEN 'APPROVED' ELSE 'REGISTERED' END::"LocalActStatus",
              ${id("user")}, CASE WHEN ok THEN ${id("user")} END, CASE WHEN ok THEN now() END
       FROM generate_series(1, ${S}) i
       JOIN "MentoringProgram" p ON p.id = md5('scale:p:' || i)::uuid
       CROSS JOIN (VALUES (1, 'REGULATION', 'Об утверждении Положения о наставничестве'),
                          (2, 'ROADMAP_APPROVAL', 'Об утверждении дорожной карты'),
                          (3, 'CURATOR_APPOINTMENT', 'О назначении куратора программы наставничества')) AS k(n, kind, title),
       LATERAL (SELECT (p.stage >= 2 OR i % 2 = 0) AND NOT (k.kind = 'REGULATION' AND i % 11 = 0) AS ok) x`,
    );
    await step(
      "показатели программ",
      `INSERT INTO "ProgramIndicator" (id, "organizationId", "programId", kind, title, position, targets, "actualValue")
       SELECT md5('scale:ind:' || i || ':' || k.kind)::uuid, p."organizationId", p.id, k.kind::"IndicatorKind", k.title, k.n, '{"${Y}": 10}'::jsonb,
              CASE WHEN k.kind LIKE '%SATISFACTION' AND p.stage >= 6 THEN 35 + ((i * 13 + k.n * 7) % 60) END
       FROM generate_series(1, ${S}) i
       JOIN "MentoringProgram" p ON p.id = md5('scale:p:' || i)::uuid
       CROSS JOIN (VALUES (0, 'STUDENT_MENTEES_SHARE', 'Доля обучающихся-наставляемых'), (1, 'STUDENT_MENTORS_SHARE', 'Доля обучающихся-наставников'),
                          (2, 'YOUNG_SPECIALISTS_SHARE', 'Доля молодых специалистов-наставляемых'), (3, 'TEACHERS_INVOLVED_SHARE', 'Доля вовлечённых педагогов'),
                          (4, 'PARTNER_MENTORS_SHARE', 'Доля организаций-партнёров'), (5, 'MENTEE_SATISFACTION', 'Удовлетворённость наставляемых'),
                          (6, 'MENTOR_SATISFACTION', 'Удовлетворённость наставников')) AS k(n, kind, title)`,
    );
    // People: person j belongs to school ((j-1) % S) + 1 with index k = (j-1) / S; every 4th index a teacher.
    await step(
      "люди",
      `INSERT INTO "Person" (id, "organizationId", kind, "lastName", "firstName", "middleName", "birthDate", minor, position, subjects, "experienceYears", grade, active, "updatedAt")
       SELECT md5('scale:pe:' || j)::uuid, md5('scale:s:' || (((j - 1) % ${S}) + 1))::uuid,
              CASE WHEN t THEN 'TEACHER' ELSE 'STUDENT' END::"PersonKind",
              (ARRAY['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Васильева', 'Петров', 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров', 'Морозова', 'Волков'])[j % 12 + 1],
              (ARRAY['Анна', 'Сергей', 'Мария', 'Дмитрий', 'Елена', 'Андрей', 'Ольга', 'Илья', 'Дарья', 'Никита'])[j % 10 + 1],
              (ARRAY['Александровна', 'Петрович', 'Ивановна', 'Сергеевич', 'Николаевна', 'Андреевич'])[j % 6 + 1],
              CASE WHEN t THEN make_date(1960 + j % 40, 1 + j % 12, 1 + j % 28) ELSE make_date(2009 + j % 10, 1 + j % 12, 1 + j % 28) END,
              NOT t, CASE WHEN t THEN 'Учитель' END, CASE WHEN t THEN ARRAY['Математика'] ELSE ARRAY[]::text[] END,
              CASE WHEN t THEN (j * 7) % 35 END, CASE WHEN t THEN NULL ELSE (1 + j % 11) || 'А' END, j % 97 <> 0, now()
       FROM generate_series(1, ${P}) j, LATERAL (SELECT ((j - 1) / ${S}) % 4 = 0 AS t) x`,
    );
    // Pairs over the schools with a program: pair q → program-school ordinal ((q-1) % withProgram) + 1, index r.
    // Mentor: a teacher of index 4·(r mod 6) (a student of index +2 in every 7th pair); mentee: a young teacher
    // (index 24 + 4·…) in every 5th pair, a student (index 4r+1) otherwise; every 4th pair is a group (+ index 4r+3).
    await step(
      "пары (черновик)",
      `CREATE TEMP TABLE scale_pair ON COMMIT DROP AS
       SELECT q, i, r, md5('scale:pair:' || q)::uuid AS id, p.stage, p.status AS program_status, p.id AS program_id,
              (CASE WHEN r % 7 = 6 THEN 4 * (r % 6) + 2 ELSE 4 * (r % 6) END) % ${usable} * ${S} + i AS mentor_j,
              (CASE WHEN r % 5 = 0 THEN 24 + 4 * ((r / 5) % 9) ELSE 4 * r + 1 END) % ${usable} * ${S} + i AS mentee_j,
              CASE WHEN r % 4 = 3 THEN (4 * r + 3) % ${usable} * ${S} + i END AS mentee2_j,
              CASE WHEN p.stage <= 4 THEN 'PROPOSED'
                   WHEN p.stage = 5 THEN CASE WHEN r % 4 = 0 THEN 'PROPOSED' ELSE 'APPROVED' END
                   WHEN r % 9 = 8 THEN 'DISSOLVED'
                   WHEN p.stage = 6 THEN 'ACTIVE'
                   ELSE 'COMPLETED' END AS status
       FROM generate_series(1, ${Q}) q,
            LATERAL (SELECT ${schoolOfOrdinal(`(((q - 1) % ${withProgram}) + 1)`)} AS i, (q - 1) / ${withProgram} AS r) x
       JOIN "MentoringProgram" p ON p.id = md5('scale:p:' || x.i)::uuid`,
    );
    await client.query(`DELETE FROM scale_pair WHERE mentor_j > ${P} OR mentee_j > ${P} OR mentee_j = mentor_j`);
    await client.query(`UPDATE scale_pair SET mentee2_j = NULL WHERE mentee2_j > ${P} OR mentee2_j IN (mentor_j, mentee_j)`);
    // Mentor bank: the six teachers of indices 0–20 of each school, approved; plus the student mentors of the pairs.
    await step(
      "банк наставников",
      `INSERT INTO "MentorProfile" (id, "organizationId", "personId", competencies, capacity, status, "approvedById", "approvedAt", "addedById", "updatedAt")
       SELECT md5('scale:mentor:' || j)::uuid, md5('scale:s:' || (((j - 1) % ${S}) + 1))::uuid, md5('scale:pe:' || j)::uuid, ARRAY['SUBJECT'], 3,
              CASE WHEN j % 13 = 0 THEN 'TRAINED' ELSE 'APPROVED' END::"MentorStatus", ${id("user")}, now(), ${id("user")}, now()
       FROM (SELECT k * ${S} + i AS j FROM generate_series(1, ${S}) i, generate_series(0, 20, 4) k
             UNION SELECT mentor_j FROM scale_pair) m
       WHERE j <= ${P}`,
    );
    await step(
      "банк наставляемых",
      // Every one of them is in a pair the head's order secured: approved by the head (decision 025).
      `INSERT INTO "MenteeProfile" (id, "organizationId", "personId", category, difficulties, source, status, "addedById", "approvedById", "approvedAt", "updatedAt")
       SELECT md5('scale:mentee:' || j)::uuid, md5('scale:s:' || (((j - 1) % ${S}) + 1))::uuid, md5('scale:pe:' || j)::uuid,
              CASE WHEN ((j - 1) / ${S}) % 4 = 0 THEN 'YOUNG_SPECIALIST' ELSE 'LOW_RESULTS' END::"MenteeCategory", ARRAY['LESSON_PLANNING'],
              'QUESTIONNAIRE', CASE WHEN j % 31 = 0 THEN 'LEFT' ELSE 'PAIRED' END::"MenteeStatus", ${id("user")}, ${id("user")}, now(), now()
       FROM (SELECT mentee_j AS j FROM scale_pair UNION SELECT mentee2_j FROM scale_pair WHERE mentee2_j IS NOT NULL) m`,
    );
    await step(
      "приказы о закреплении пар",
      `INSERT INTO "PairOrder" (id, "organizationId", "programId", year, sequence, number, date, "createdById")
       SELECT md5('scale:o:' || i)::uuid, md5('scale:s:' || i)::uuid, md5('scale:p:' || i)::uuid, ${Y + 1}, 1, '1-НП', make_date(${Y}, 11, 1), ${id("user")}
       FROM (SELECT DISTINCT i FROM scale_pair WHERE status <> 'PROPOSED') s`,
    );
    await step(
      "пары",
      `INSERT INTO "Pair" (id, "organizationId", "programId", "mentorId", form, type, status, "proposedById", "orderId", "decidedById", "decidedAt", "closedReason", "closedAt", "updatedAt")
       SELECT id, md5('scale:s:' || i)::uuid, program_id, md5('scale:mentor:' || mentor_j)::uuid,
              CASE WHEN (mentor_j - 1) / ${S} % 4 = 0 THEN (CASE WHEN (mentee_j - 1) / ${S} % 4 = 0 THEN 'TEACHER_TEACHER' ELSE 'TEACHER_STUDENT' END)
                   ELSE 'STUDENT_STUDENT' END::"MentoringForm",
              CASE WHEN mentee2_j IS NULL THEN 'TRADITIONAL' ELSE 'GROUP' END::"MentoringType", status::"PairStatus", ${id("user")},
              CASE WHEN status <> 'PROPOSED' THEN md5('scale:o:' || i)::uuid END,
              CASE WHEN status <> 'PROPOSED' THEN ${id("user")} END, CASE WHEN status <> 'PROPOSED' THEN now() END,
              CASE WHEN status = 'DISSOLVED' THEN 'Смена места работы наставляемого' END, CASE WHEN status IN ('DISSOLVED', 'COMPLETED') THEN now() END, now()
       FROM scale_pair`,
    );
    await step(
      "участники пар",
      `INSERT INTO "PairMentee" (id, "organizationId", "pairId", "menteeId")
       SELECT md5('scale:pm:' || q || ':1')::uuid, md5('scale:s:' || i)::uuid, id, md5('scale:mentee:' || mentee_j)::uuid FROM scale_pair
       UNION ALL
       SELECT md5('scale:pm:' || q || ':2')::uuid, md5('scale:s:' || i)::uuid, id, md5('scale:mentee:' || mentee2_j)::uuid FROM scale_pair WHERE mentee2_j IS NOT NULL`,
    );
    await step(
      "встречи пар",
      `INSERT INTO "Meeting" (id, "organizationId", "pairId", kind, "heldOn", "attendeeIds", "planItemIds", "loggedById")
       SELECT md5('scale:m:' || p.q || ':' || k.kind)::uuid, md5('scale:s:' || p.i)::uuid, p.id, k.kind::"MeetingKind",
              make_date(${Y}, 10, 1) + k.days, ARRAY[md5('scale:mentee:' || p.mentee_j)::uuid::text], ARRAY[]::text[], ${id("user")}
       FROM scale_pair p
       JOIN (VALUES ('INTRO', 0, false), ('TRIAL', 14, false), ('PLANNING', 28, false), ('REGULAR', 60, false), ('FINAL', 200, true)) AS k(kind, days, final_only)
         ON p.status IN ('APPROVED', 'ACTIVE', 'COMPLETED') AND (NOT k.final_only OR p.status = 'COMPLETED')`,
    );
    // One closed satisfaction questionnaire per program that has working pairs, answered by the mentees.
    const questions = templateQuestions("SATISFACTION_MENTEE");
    const scaleIds = questions.filter((q) => q.type === "scale").map((q) => q.id);
    await step(
      "анкеты удовлетворённости",
      `INSERT INTO "Questionnaire" (id, "organizationId", "programId", kind, title, questions, status, "openedAt", "closedAt", "createdById", "updatedAt")
       SELECT md5('scale:qn:' || i)::uuid, md5('scale:s:' || i)::uuid, program_id, 'SATISFACTION_MENTEE', 'Удовлетворённость наставляемых',
              $json$${JSON.stringify(questions)}$json$::jsonb, 'CLOSED', now(), now(), ${id("user")}, now()
       FROM (SELECT DISTINCT i, program_id FROM scale_pair WHERE status IN ('ACTIVE', 'COMPLETED')) x`,
    );
    await step(
      "ответы на анкеты",
      `INSERT INTO "SurveyRecipient" (id, "organizationId", "questionnaireId", "personId", answers, "answeredAt", "updatedAt")
       SELECT md5('scale:sr:' || q)::uuid, md5('scale:s:' || i)::uuid, md5('scale:qn:' || i)::uuid, md5('scale:pe:' || mentee_j)::uuid,
              jsonb_build_object(${scaleIds.map((qid, n) => `'${qid}', 3 + (q + ${n}) % 3`).join(", ")}), now(), now()
       FROM scale_pair WHERE status IN ('ACTIVE', 'COMPLETED')
       ON CONFLICT ("questionnaireId", "personId") DO NOTHING`,
    );
    // The «до/после» assessment of the same schools (the district's growth by criterion): «до» answers 2–4, «после»
    // 3–5 shifted per criterion, so that some criteria grow and some do not.
    const assessment = templateQuestions("ASSESSMENT_AFTER").filter((q) => q.type === "scale").map((q) => q.id);
    for (const [kind, tag, compared, low] of [["ASSESSMENT_BEFORE", "qb", "NULL", 2], ["ASSESSMENT_AFTER", "qa", "md5('scale:qb:' || i)::uuid", 3]] as const) {
      await step(
        kind === "ASSESSMENT_BEFORE" ? "оценка «до»" : "оценка «после»",
        `INSERT INTO "Questionnaire" (id, "organizationId", "programId", kind, title, questions, status, "openedAt", "closedAt", "comparedWithId", "createdById", "updatedAt")
         SELECT md5('scale:${tag}:' || i)::uuid, md5('scale:s:' || i)::uuid, program_id, '${kind}', 'Оценка участников',
                $json$${JSON.stringify(templateQuestions(kind))}$json$::jsonb, 'CLOSED', now(), now() + interval '${low - 2} day', ${compared}, ${id("user")}, now()
         FROM (SELECT DISTINCT i, program_id FROM scale_pair WHERE status IN ('ACTIVE', 'COMPLETED')) x`,
      );
      await step(
        "  её ответы",
        `INSERT INTO "SurveyRecipient" (id, "organizationId", "questionnaireId", "personId", answers, "answeredAt", "updatedAt")
         SELECT md5('scale:${tag}r:' || q)::uuid, md5('scale:s:' || i)::uuid, md5('scale:${tag}:' || i)::uuid, md5('scale:pe:' || mentee_j)::uuid,
                jsonb_build_object(${assessment.map((qid, n) => `'${qid}', ${low} + (q * ${n + 1} + i) % 3`).join(", ")}), now(), now()
         FROM scale_pair WHERE status IN ('ACTIVE', 'COMPLETED')
         ON CONFLICT ("questionnaireId", "personId") DO NOTHING`,
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  const t = performance.now();
  await client.query(`ANALYZE "Organization", "MentoringProgram", "RoadmapActivity", "LocalAct", "ProgramIndicator", "Person", "MentorProfile", "MenteeProfile", "PairOrder", "Pair", "PairMentee", "Meeting", "Questionnaire", "SurveyRecipient"`);
  log(`  ${"ANALYZE".padEnd(34)} ${"".padStart(8)}       ${((performance.now() - t) / 1000).toFixed(2)} с`);
  await seedScalePreviousYear(client, Y, log);
  return (performance.now() - started) / 1000;
}

// ——— The year before (Y − 1): what the region dashboard's comparison reads (bench:dashboard «Регион+динамика») ———

/**
 * Last year's completed programs of the schools past stage 1 (a stage-1 program is the school's first), made
 * from this year's rows and only beside them — no row of year Y changes, so the current figures stay as they
 * were: the acts, roadmaps (every 7th school left some undone), indicators and municipal deadlines of Y − 1,
 * and three quarters of this year's pairs a year earlier (same mentor and mentees; completed; the 5th and 14th of
 * a school dissolved) with their orders and meetings. Returns the seconds.
 */
export async function seedScalePreviousYear(client: pg.ClientBase, Y: number, log: Log = console.log): Promise<number> {
  const step = stepper(client, log);
  const P = Y - 1;
  const copy = (prefix: string) => `md5('scale:y1:' || ${prefix}.id)::uuid`;
  const tables = ["MentoringProgram", "RoadmapActivity", "LocalAct", "ProgramIndicator", "PairOrder", "Pair", "PairMentee", "Meeting"];
  return inTransaction(client, tables, async () => {
    await client.query(`CREATE TEMP TABLE scale_prev ON COMMIT DROP AS
       SELECT p.id AS cur, md5('scale:y1:p:' || p."organizationId")::uuid AS id, p."organizationId" AS org, substr(s.slug, 14)::int AS i
       FROM "MentoringProgram" p JOIN "Organization" s ON s.id = p."organizationId" JOIN "Organization" m ON m.id = s."parentId"
       WHERE m."parentId" = ${id("region")} AND p."academicYear" = ${Y} AND p.stage >= 2`);
    await step(
      "прошлый год: программы школ",
      `INSERT INTO "MentoringProgram" (id, "organizationId", "academicYear", title, audience, stage, status, "startDate", "endDate", "completedAt", "createdAt", "updatedAt")
       SELECT v.id, v.org, ${P}, 'Программа наставничества на ${P}/${Y} учебный год', 'BOTH', 7, 'COMPLETED', make_date(${P}, 9, 1), make_date(${Y}, 5, 31),
              make_date(${Y}, 5, 31), make_date(${P}, 9, 1), make_date(${Y}, 5, 31) FROM scale_prev v`,
    );
    await step(
      "прошлый год: программы округов",
      `INSERT INTO "MentoringProgram" (id, "organizationId", "academicYear", title, audience, stage, status, "completedAt", "createdAt", "updatedAt")
       SELECT md5('scale:y1:mp:' || m.id)::uuid, m.id, ${P}, 'Система наставничества муниципального округа на ${P}/${Y} учебный год', 'TEACHERS', 7, 'COMPLETED',
              make_date(${Y}, 5, 31), make_date(${P}, 9, 1), make_date(${Y}, 5, 31)
       FROM "Organization" m WHERE m."parentId" = ${id("region")}`,
    );
    // The municipal deadlines and the schools' roadmaps: this year's, a year earlier.
    await step(
      "прошлый год: сроки и дорожные карты",
      `INSERT INTO "RoadmapActivity" (id, "organizationId", "programId", "academicYear", stage, position, title, "dueText", "dueEnd", recurrence, "forSchools", "responsibleText", status, "completedAt", "updatedAt")
       SELECT ${copy("a")}, a."organizationId", coalesce(v.id, md5('scale:y1:mp:' || a."organizationId")::uuid), ${P}, a.stage, a.position, a.title, a."dueText",
              (a."dueEnd" - interval '1 year')::date, a.recurrence, a."forSchools", a."responsibleText", x.st::"ActivityStatus",
              CASE WHEN x.st = 'DONE' THEN (a."dueEnd" - interval '1 year')::date END, make_date(${Y}, 5, 31)
       FROM "RoadmapActivity" a
       LEFT JOIN scale_prev v ON v.cur = a."programId",
       LATERAL (SELECT CASE WHEN v.i % 7 = 0 AND a.position % 4 = 1 THEN 'IN_PROGRESS' ELSE 'DONE' END AS st) x
       WHERE a."academicYear" = ${Y} AND (v.id IS NOT NULL OR a."organizationId" IN (SELECT m.id FROM "Organization" m WHERE m."parentId" = ${id("region")}))`,
    );
    await step(
      "прошлый год: локальные акты",
      `INSERT INTO "LocalAct" (id, "organizationId", "programId", kind, number, date, title, status, "registeredById", "approvedById", "approvedAt", "createdAt")
       SELECT ${copy("a")}, a."organizationId", v.id, a.kind, a.number, make_date(${P}, 9, 1), a.title, 'APPROVED', ${id("user")}, ${id("user")}, make_date(${P}, 9, 1), make_date(${P}, 9, 1)
       FROM "LocalAct" a JOIN scale_prev v ON v.cur = a."programId"`,
    );
    await step(
      "прошлый год: показатели программ",
      `INSERT INTO "ProgramIndicator" (id, "organizationId", "programId", kind, title, position, targets, "actualValue")
       SELECT ${copy("k")}, k."organizationId", v.id, k.kind, k.title, k.position, '{"${P}": 10}'::jsonb,
              CASE WHEN k.kind::text LIKE '%SATISFACTION' THEN 35 + ((v.i * 17 + k.position * 5) % 60) END
       FROM "ProgramIndicator" k JOIN scale_prev v ON v.cur = k."programId"`,
    );
    await client.query(`CREATE TEMP TABLE scale_prev_pair ON COMMIT DROP AS
       SELECT ${copy("pr")} AS id, pr.id AS cur, pr."organizationId" AS org, v.id AS program, pr."mentorId", pr.form, pr.type,
              CASE WHEN pr.r % 9 = 5 THEN 'DISSOLVED' ELSE 'COMPLETED' END AS status,
              (SELECT min(pm."menteeId"::text) FROM "PairMentee" pm WHERE pm."pairId" = pr.id) AS mentee
       FROM (SELECT pr.*, row_number() OVER (PARTITION BY pr."organizationId" ORDER BY pr.id) AS r FROM "Pair" pr) pr
       JOIN scale_prev v ON v.cur = pr."programId"
       WHERE pr.r % 4 <> 0`);
    await step(
      "прошлый год: приказы о парах",
      `INSERT INTO "PairOrder" (id, "organizationId", "programId", year, sequence, number, date, "createdById", "createdAt")
       SELECT md5('scale:y1:o:' || org)::uuid, org, program, ${Y}, 1, '1-НП', make_date(${P}, 11, 1), ${id("user")}, make_date(${P}, 11, 1)
       FROM (SELECT DISTINCT org, program FROM scale_prev_pair) x`,
    );
    await step(
      "прошлый год: пары",
      `INSERT INTO "Pair" (id, "organizationId", "programId", "mentorId", form, type, status, "proposedById", "orderId", "decidedById", "decidedAt", "closedReason", "closedAt", "createdAt", "updatedAt")
       SELECT id, org, program, "mentorId", form, type, status::"PairStatus", ${id("user")}, md5('scale:y1:o:' || org)::uuid, ${id("user")}, make_date(${P}, 11, 1),
              CASE WHEN status = 'DISSOLVED' THEN 'Смена места работы наставника' END, CASE WHEN status = 'DISSOLVED' THEN make_date(${Y}, 2, 1) ELSE make_date(${Y}, 5, 25) END,
              make_date(${P}, 10, 15), make_date(${Y}, 5, 25)
       FROM scale_prev_pair`,
    );
    await step(
      "прошлый год: участники пар",
      `INSERT INTO "PairMentee" (id, "organizationId", "pairId", "menteeId")
       SELECT ${copy("pm")}, pm."organizationId", pp.id, pm."menteeId" FROM scale_prev_pair pp JOIN "PairMentee" pm ON pm."pairId" = pp.cur`,
    );
    await step(
      "прошлый год: встречи пар",
      `INSERT INTO "Meeting" (id, "organizationId", "pairId", kind, "heldOn", "attendeeIds", "planItemIds", "loggedById")
       SELECT md5('scale:y1:m:' || p.id || ':' || k.kind)::uuid, p.org, p.id, k.kind::"MeetingKind", make_date(${P}, 10, 1) + k.days, ARRAY[p.mentee], ARRAY[]::text[], ${id("user")}
       FROM scale_prev_pair p
       JOIN (VALUES ('INTRO', 0, false), ('TRIAL', 14, false), ('PLANNING', 28, false), ('REGULAR', 60, false), ('FINAL', 200, true)) AS k(kind, days, final_only)
         ON NOT k.final_only OR p.status = 'COMPLETED'`,
    );
  });
}

/** Adds the year before to scale data made without it (for the data's year); a no-op when it is there. */
export async function ensureScalePreviousYear(client: pg.ClientBase, log: Log = console.log): Promise<void> {
  const year = await scaleYear(client);
  const { rows: previous } = await client.query(`SELECT 1 FROM "MentoringProgram" WHERE "organizationId" = ${id("m:1")} AND "academicYear" = ${year - 1}`);
  if (previous.length) return;
  log(`В нагрузочных данных нет ${year - 1}/${year} учебного года — создаю:`);
  log(`Создан за ${(await seedScalePreviousYear(client, year, log)).toFixed(1)} с.`);
}

/** The academic year of the scale data (its municipal programs'). */
export async function scaleYear(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ year: number }>(`SELECT "academicYear" AS year FROM "MentoringProgram" WHERE id = ${id("mp:1")}`);
  if (!rows[0]) throw new Error("нагрузочные данные без программ: пересоздайте базу (npm run seed:scale)");
  return rows[0].year;
}

function connectionFromEnv(): pg.Client {
  return new pg.Client({ connectionString: postgresUrlOrExit("нагрузочные данные создаются", "the scale data set is generated") });
}

export async function openScaleClient(): Promise<pg.Client> {
  const client = connectionFromEnv();
  await client.connect();
  return client;
}

async function main() {
  const flags = readScaleFlags(process.argv.slice(2));
  const client = await openScaleClient();
  try {
    // A fresh database gets the schema first, as `npm run db:migrate` would (no demo data).
    await prepareDatabase({ seed: false });
    const present = await scaleDataPresent(client);
    if (present) {
      console.log(`Нагрузочные данные уже есть: ${present.schools} школ, ${present.people} человек, ${present.pairs} пар (регион «${SCALE_REGION_SLUG}»).`);
      await ensureScalePreviousYear(client);
      return;
    }
    const year = academicYearOf(new Date());
    console.log(`Создаю: 1 регион, ${flags.municipalities} муниципалитетов, ${flags.schools} школ, ${flags.people} человек, ${flags.pairs} пар; ${year}/${year + 1} учебный год`);
    const seconds = await seedScale(client, { ...flags, year });
    const made = await scaleDataPresent(client);
    console.log(`Готово за ${seconds.toFixed(1)} с: ${made?.schools} школ, ${made?.people} человек, ${made?.pairs} пар.`);
  } finally {
    await client.end();
  }
}

if (process.argv[1]?.replace(/\\/g, "/").endsWith("scripts/seed-scale.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
