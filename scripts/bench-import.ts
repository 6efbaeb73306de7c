// npm run bench:import — how long the import of a 10 000-row Excel list of people takes, through the
// very code path of the import page (the people.import action via runAction, as a curator), next to
// a floor measured in the same run: a bare createMany of the already-parsed rows in the same kind of
// tenant transaction. In-memory PGlite by default; the PostgreSQL of DATABASE_URL when it is set
// (the scratch school is deleted afterwards). The last line is JSON for CI.

import ExcelJS from "exceljs";
import { runAction, ACTION_REGISTRY } from "../lib/actions/action";
import { setDatabase, withDb } from "../lib/db";
import { openPGlite, openPostgres, type Database } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import { checkPeople, type ImportReport } from "../lib/people/import";
import { readSheet } from "../lib/people/sheet-read";
import "../lib/people/import-actions";
import { addMembership, createMember, createOrganization } from "../tests/factories";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

// ——— A realistic list: a fifth teachers, the rest students of grades 1–11 ———

const SURNAMES = [
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев",
  "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
  "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв",
  "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков",
  "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
];
const MALE = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил", "Никита", "Матвей", "Роман", "Егор", "Арсений", "Иван", "Денис", "Евгений", "Тимофей", "Владимир", "Павел", "Глеб", "Марк", "Лев"];
const FEMALE = ["Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина", "София", "Дарья", "Алиса", "Ксения", "Елена", "Ольга", "Татьяна", "Ирина", "Светлана", "Юлия", "Вероника", "Варвара", "Алёна", "Елизавета", "Ева", "Милана"];
/** Patronymics from the fathers' names: [male, female]. */
const PATRONYMICS: [string, string][] = [
  ["Александрович", "Александровна"], ["Дмитриевич", "Дмитриевна"], ["Сергеевич", "Сергеевна"], ["Андреевич", "Андреевна"], ["Алексеевич", "Алексеевна"],
  ["Михайлович", "Михайловна"], ["Иванович", "Ивановна"], ["Николаевич", "Николаевна"], ["Владимирович", "Владимировна"], ["Евгеньевич", "Евгеньевна"],
  ["Павлович", "Павловна"], ["Олегович", "Олеговна"], ["Игоревич", "Игоревна"], ["Викторович", "Викторовна"], ["Юрьевич", "Юрьевна"], ["Петрович", "Петровна"],
];
const ROLES: [string, string][] = [
  ["Учитель математики", "Математика, Алгебра, Геометрия"], ["Учитель русского языка и литературы", "Русский язык, Литература"],
  ["Учитель начальных классов", "Русский язык, Математика, Окружающий мир"], ["Учитель истории и обществознания", "История, Обществознание"],
  ["Учитель физики", "Физика"], ["Учитель химии", "Химия"], ["Учитель биологии", "Биология"], ["Учитель английского языка", "Английский язык"],
  ["Учитель информатики", "Информатика"], ["Учитель географии", "География"], ["Учитель физической культуры", "Физическая культура"],
  ["Педагог-психолог", ""], ["Социальный педагог", ""], ["Педагог дополнительного образования", "Робототехника"],
];
const CATEGORIES = ["высшая", "первая", "соответствие занимаемой должности", "без категории"];
const LAT: Record<string, string> = Object.fromEntries(
  [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюя"].map((c, i) => [c, ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"][i]!]),
);
const latin = (s: string) => [...s.toLowerCase()].map((c) => LAT[c] ?? c).join("");

let seed = 20_26;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const female = (surname: string) => (surname.endsWith("ий") ? surname.slice(0, -2) + "ая" : surname + "а");

async function generateWorkbook(rows: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Список");
  sheet.addRow(["Фамилия", "Имя", "Отчество", "Категория участника", "Дата рождения", "Должность", "Предметы", "Стаж", "Квалификационная категория", "Класс", "E-mail"]);
  const seen = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const teacher = i % 5 === 0;
    let row: (string | number | Date | null)[];
    for (;;) {
      const woman = random() < (teacher ? 0.8 : 0.5);
      const base = pick(SURNAMES);
      const last = woman ? female(base) : base;
      const first = pick(woman ? FEMALE : MALE);
      const middle = pick(PATRONYMICS)[woman ? 1 : 0];
      const year = teacher ? 1960 + Math.floor(random() * 43) : 2009 + Math.floor(random() * 11);
      const birth = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      const key = `${last} ${first} ${middle} ${birth.toISOString()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (teacher) {
        const [position, subjects] = pick(ROLES);
        const experience = Math.min(60, Math.max(0, 2026 - year - 23 - Math.floor(random() * 3)));
        const email = `${latin(last)}.${latin(first)[0]}${latin(middle)[0]}${i}@school.example`;
        row = [last, first, middle, "педагог", birth, position, subjects || null, experience, experience < 2 ? "без категории" : pick(CATEGORIES), null, email];
      } else {
        const grade = `${Math.min(11, Math.max(1, 2026 - year - 6))}${pick(["А", "Б", "В"])}`;
        row = [last, first, middle, "обучающийся", `${String(birth.getUTCDate()).padStart(2, "0")}.${String(birth.getUTCMonth() + 1).padStart(2, "0")}.${year}`, null, null, null, null, grade, null];
      }
      break;
    }
    sheet.addRow(row);
  }
  sheet.getColumn(5).numFmt = "dd.mm.yyyy";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function openDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const db = url ? await openPostgres(url, { maxConnections: 2 }) : await openPGlite("memory://");
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: db.kind === "postgres" }));
  setDatabase(db);
  return db;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function main() {
  const generating = performance.now();
  const bytes = await generateWorkbook(ROWS);
  console.log(`Файл: ${ROWS} строк, ${(bytes.length / 1024).toFixed(0)} КБ (.xlsx, сгенерирован за ${seconds(performance.now() - generating)} с)`);

  const db = await openDatabase();
  console.log(`База данных: ${db.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "PGlite в памяти"}`);
  const school = await createOrganization(db.prisma, { name: "Школа для замера импорта" });
  const floorSchool = await createOrganization(db.prisma, { name: "Школа для замера нижней границы" });
  const curator = await createMember(db.prisma, school.id, ["CURATOR"]);
  const extraSchools: string[] = [];
  try {
    // Warm-up (module loading, JIT, the first queries) on a small file, so that neither measurement pays for it.
    const warmSchool = await createOrganization(db.prisma, { name: "Школа для разогрева" });
    extraSchools.push(warmSchool.id);
    await addMembership(db.prisma, { userId: curator.id, organizationId: warmSchool.id, role: "CURATOR" });
    const warm = await runAction<ImportReport>(ACTION_REGISTRY.get("people.import")!, curator.id, {
      org: warmSchool.slug,
      file: new File([(await generateWorkbook(300)) as BlobPart], "warm-up.xlsx"),
      defaultKind: "STUDENT",
    });
    if (!warm.ok) throw new Error(`разогрев: ${warm.error.message}`);

    // The import, as the page runs it.
    const started = performance.now();
    const res = await runAction<ImportReport>(ACTION_REGISTRY.get("people.import")!, curator.id, {
      org: school.slug,
      file: new File([bytes as BlobPart], "spisok-10000.xlsx"),
      defaultKind: "STUDENT",
    });
    const total = performance.now() - started;
    if (!res.ok) throw new Error(`импорт отклонён: ${res.error.message} ${res.error.details?.join("; ") ?? ""}`);
    const stored = await db.prisma.person.count({ where: { organizationId: school.id } });
    if (stored !== ROWS || res.data.created !== ROWS) throw new Error(`в базе ${stored} человек, в отчёте ${res.data.created}, ожидалось ${ROWS}`);

    // The floor: the same rows, already parsed, written by a bare createMany in one tenant transaction.
    const read = await readSheet(bytes, "spisok.xlsx");
    if (!read.ok) throw new Error(read.problem.key);
    const checked = checkPeople(read.sheet, { defaultKind: "STUDENT", today: new Date() });
    if (!checked.ok) throw new Error(checked.problem.key);
    const data = checked.people.map(({ row: _row, ...p }) => {
      void _row;
      return { ...p, organizationId: floorSchool.id };
    });
    const floorStarted = performance.now();
    await withDb({ organizationId: floorSchool.id }, async (tx) => {
      for (let i = 0; i < data.length; i += 1000) await tx.person.createMany({ data: data.slice(i, i + 1000) });
    });
    const floor = performance.now() - floorStarted;

    // For scale: one raw INSERT … SELECT FROM unnest(…) of the same rows, all columns, no Prisma.
    const rawSchool = await createOrganization(db.prisma, { name: "Школа для замера INSERT" });
    extraSchools.push(rawSchool.id);
    const column = <K extends keyof (typeof data)[number]>(key: K) => data.map((p) => p[key]);
    const rawStarted = performance.now();
    await withDb({ organizationId: rawSchool.id }, (tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO "Person" ("id", "organizationId", "kind", "lastName", "firstName", "middleName", "birthDate", "minor", "position", "subjects",
           "experienceYears", "qualificationCategory", "grade", "externalOrganization", "email", "phone", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, k::"PersonKind", l, f, m, b, mi, po, string_to_array(su, E'\\x1f'), ex, qc, gr, eo, em, ph, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::boolean[], $8::text[], $9::text[], $10::int[], $11::text[],
                     $12::text[], $13::text[], $14::text[], $15::text[]) AS t(k, l, f, m, b, mi, po, su, ex, qc, gr, eo, em, ph)`,
        rawSchool.id, column("kind"), column("lastName"), column("firstName"), column("middleName"), column("birthDate"), column("minor"),
        column("position"), data.map((p) => p.subjects.join("\u001f")), column("experienceYears"), column("qualificationCategory"), column("grade"),
        column("externalOrganization"), column("email"), column("phone"),
      ),
    );
    const raw = performance.now() - rawStarted;
    const rawStored = await db.prisma.person.count({ where: { organizationId: rawSchool.id } });

    const { parseMs, validateMs, insertMs } = res.data.timings;
    console.log(`Чтение файла (exceljs):        ${seconds(parseMs)} с`);
    console.log(`Проверка строк и повторов:     ${seconds(validateMs)} с`);
    console.log(`Запись в базу (createMany):    ${seconds(insertMs)} с`);
    console.log(`Всего через people.import:     ${seconds(total)} с (в том числе вход, права, транзакция, журнал)`);
    console.log(`Нижняя граница (только createMany уже разобранных строк): ${seconds(floor)} с; отношение ${(total / floor).toFixed(2)}`);
    console.log(`Для сравнения: один INSERT … unnest тех же ${rawStored} строк без Prisma: ${seconds(raw)} с`);
    console.log(JSON.stringify({ rows: ROWS, seconds: seconds(total), floorSeconds: seconds(floor), ratio: Math.round((total / floor) * 100) / 100 }));
  } finally {
    if (db.kind === "postgres") {
      await db.prisma.organization.deleteMany({ where: { id: { in: [school.id, floorSchool.id, ...extraSchools] } } });
      await db.prisma.user.delete({ where: { id: curator.id } });
    }
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
