import { translator } from "../../lib/i18n/translator";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { importPeople, previewPeopleImport } from "../../lib/people/import-actions";
import { exportMentees, exportMentors, exportPeople } from "../../lib/people/xlsx";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, tenantContext } from "../setup/call";
import { csvFile as csv } from "../setup/files";
import { peopleCount } from "../setup/rows";

const db = setupTestDatabase();

const FIXTURE = readFileSync(path.join(__dirname, "../fixtures/people/teachers-40-cp1251.csv"));
const fixture = () => new File([new Uint8Array(FIXTURE)], "teachers-40-cp1251.csv", { type: "text/csv" });

let school: Awaited<ReturnType<typeof createOrganization>>;
let other: { id: string; slug: string };
let curator: { id: string };
let mentor: { id: string };
let director: { id: string };
let otherCurator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { shortName: "СОШ № 20" });
  other = await createOrganization(prisma);
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  mentor = await createMember(prisma, school.id, ["MENTOR"]);
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
});

const imports = (organizationId: string) => db().prisma.auditEvent.findMany({ where: { organizationId, action: "people.import" } });

describe("people.importPreview", () => {
  it("reads the Windows-1251 fixture and writes nothing", async () => {
    const before = [await db().prisma.person.count(), await db().prisma.auditEvent.count()];
    const res = await call(previewPeopleImport, as(curator), { org: school.slug, file: fixture(), defaultKind: "TEACHER" });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ encoding: "windows-1251", headerRow: 1, totalRows: 40, toCreate: 40, errorCount: 0, duplicateCount: 0 });
    expect(res.data.mapping).toEqual(["lastName", "firstName", "middleName", "birthDate", "position", "subjects", "experienceYears", "qualificationCategory", "email"]);
    expect(res.data.rows).toHaveLength(20);
    expect(res.data.rows[0]).toMatchObject({ row: 2, name: "Смирнова Елена Петровна", kind: "TEACHER", birthDate: "28.06.1987", status: "ok" });
    expect([await db().prisma.person.count(), await db().prisma.auditEvent.count()]).toEqual(before);
  });

  it("lists row errors with the file's row numbers, and refuses what is not a spreadsheet as a value", async () => {
    const res = await call(previewPeopleImport, as(curator), {
      org: school.slug,
      file: csv("Фамилия;Имя;Дата рождения;Квалификационная категория\nИванова;Мария;31.02.1990;высшая\nПетров;Иван;01.01.1980;вторая\n"),
    });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ totalRows: 2, toCreate: 0, errorCount: 2, rowsWithErrors: 2 });
    expect(res.data.errors.map((e) => `${e.row}: ${e.column}`)).toEqual(["2: Дата рождения", "3: Квалификационная категория"]);
    // Columns that do not suffice: the headers come back with the problem, for the user to map them.
    const unnamed = await call(previewPeopleImport, as(curator), { org: school.slug, file: csv("Колонка 1;Колонка 2\nИванова Мария;5А\n") });
    expect(unnamed).toMatchObject({
      ok: true,
      data: { problem: { key: "peopleImportMissingColumns", values: { columns: "both" } }, headers: ["Колонка 1", "Колонка 2"], samples: ["Иванова Мария", "5А"], mapping: ["", ""], toCreate: 0 },
    });
    // The browser words it (lib/i18n/client-errors.ts): both columns named.
    if (unnamed.ok && unnamed.data.problem) expect(translator("ru")(`errors.${unnamed.data.problem.key}` as "errors.notFound", unnamed.data.problem.values as never)).toContain("столбцы: «Фамилия», «Имя».");
    const mapped = await call(previewPeopleImport, as(curator), { org: school.slug, file: csv("Колонка 1;Колонка 2\nИванова Мария;5А\n"), mapping: ["fullName", "grade"] });
    expect(mapped).toMatchObject({ ok: true, data: { problem: null, toCreate: 1, rows: [{ name: "Иванова Мария", details: "5А", status: "ok" }] } });
    const garbage = await call(previewPeopleImport, as(curator), { org: school.slug, file: new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])], "photo.xlsx") });
    expect(garbage).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/^Файл не похож на таблицу/) } });
  });
});

describe("people.import", () => {
  it("creates exactly the 40 teachers of the file, with their fields, in this school, and one audit record", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const res = await call(importPeople, as(curator), { org: school.slug, file: fixture(), defaultKind: "TEACHER" });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ totalRows: 40, created: 40, skippedDuplicates: 0 });
    expect(await peopleCount(db().prisma, school.id)).toBe(before + 40);
    expect(await peopleCount(db().prisma, other.id)).toBe(0);
    const kuznetsov = await db().prisma.person.findFirstOrThrow({ where: { organizationId: school.id, lastName: "Кузнецов" } });
    expect(kuznetsov).toMatchObject({
      kind: "TEACHER",
      firstName: "Андрей",
      middleName: "Викторович",
      birthDate: new Date(Date.UTC(1988, 1, 14)),
      position: "Учитель русского языка и литературы",
      subjects: ["Русский язык", "Литература"],
      experienceYears: 15,
      qualificationCategory: "первая",
      email: "kuznetsov.av@sosh20-nevinnomyssk.ru",
      minor: false,
      active: true,
      userId: null,
    });
    const audit = await imports(school.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: curator.id, targetType: "Person", data: { fileName: "teachers-40-cp1251.csv", rows: 40, created: 40, skippedDuplicates: 0 } });
  });

  it("skips people already in the school and repeats inside the file, and counts them", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const text = [
      "Фамилия;Имя;Отчество;Дата рождения;E-mail;Класс",
      "СМИРНОВА;Елена;Петровна;28.06.1987;;", // already imported (name and birth date, another case)
      "Новая;Учительница;Ивановна;01.09.1995;novaya@school.ru;",
      "Другая;Фамилия;;;NOVAYA@school.ru;", // the same e-mail as the row above
      "Петров;Ваня;;;;7А",
    ].join("\n");
    const res = await call(importPeople, as(curator), { org: school.slug, file: csv(text), defaultKind: "STUDENT" });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ totalRows: 4, created: 2, skippedDuplicates: 2 });
    expect(await peopleCount(db().prisma, school.id)).toBe(before + 2);
    expect(await db().prisma.person.count({ where: { organizationId: school.id, lastName: { in: ["Смирнова", "СМИРНОВА"] } } })).toBe(1);
    // The file's kind for everyone; a student without a birth date counts as a minor.
    expect(await db().prisma.person.findFirstOrThrow({ where: { organizationId: school.id, lastName: "Петров", firstName: "Ваня" } })).toMatchObject({ kind: "STUDENT", minor: true, grade: "7А" });
  });

  it("imports nothing from a file with one bad row", async () => {
    const before = [await peopleCount(db().prisma, school.id), (await imports(school.id)).length];
    const text = ["Фамилия;Имя;Дата рождения", "Первый;Хороший;01.01.1990", "Второй;Хороший;02.02.1991", "Третий;Плохой;31.02.2010"].join("\n");
    const res = await call(importPeople, as(curator), { org: school.slug, file: csv(text) });
    expect(res).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: "В файле есть ошибки: 1 ошибка в 1 строке. Никто не импортирован: исправьте файл и загрузите его снова.", details: ["4: Дата рождения — даты «31.02.2010» не существует"] },
    });
    expect([await peopleCount(db().prisma, school.id), (await imports(school.id)).length]).toEqual(before);
  });

  it("takes the user's mapping from a form post (JSON), and the kind column when mapped", async () => {
    const form = new FormData();
    form.set("org", school.slug);
    form.set("file", csv("Колонка А,Колонка Б,Колонка В\nСеменов Артём Игоревич,партнёр,ООО «Завод»\n"));
    form.set("encoding", "auto");
    form.set("defaultKind", "TEACHER");
    form.set("mapping", JSON.stringify(["fullName", "kind", "externalOrganization"]));
    const res = await call(importPeople, as(curator), form);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.created).toBe(1);
    expect(await db().prisma.person.findFirstOrThrow({ where: { organizationId: school.id, lastName: "Семенов" } })).toMatchObject({
      firstName: "Артём",
      middleName: "Игоревич",
      kind: "EXTERNAL",
      externalOrganization: "ООО «Завод»",
    });
  });

  it("stores the hire dates of the file on the cards (decision 052: retention counts from them)", async () => {
    const form = new FormData();
    form.set("org", school.slug);
    form.set("file", csv("ФИО;Стаж;Дата приёма на работу\nНаймитова Ксения Олеговна;1;28.08.2025\nДавняя Зоя Павловна;30;\n"));
    form.set("encoding", "auto");
    form.set("defaultKind", "TEACHER");
    const res = await call(importPeople, as(curator), form);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.created).toBe(2);
    const rows = await db().prisma.person.findMany({ where: { organizationId: school.id, lastName: { in: ["Наймитова", "Давняя"] } }, select: { lastName: true, hiredOn: true, experienceYears: true }, orderBy: { lastName: "asc" } });
    expect(rows).toEqual([
      { lastName: "Давняя", hiredOn: null, experienceYears: 30 },
      { lastName: "Наймитова", hiredOn: new Date("2025-08-28T00:00:00Z"), experienceYears: 1 },
    ]);
  });

  it("is refused to a mentor and to a curator of another school, and writes nothing", async () => {
    const before = [await peopleCount(db().prisma, school.id), await peopleCount(db().prisma, other.id), await db().prisma.auditEvent.count()];
    expect(await call(importPeople, as(mentor), { org: school.slug, file: fixture() })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(previewPeopleImport, as(mentor), { org: school.slug, file: fixture() })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(importPeople, as(otherCurator), { org: school.slug, file: fixture() })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect([await peopleCount(db().prisma, school.id), await peopleCount(db().prisma, other.id), await db().prisma.auditEvent.count()]).toEqual(before);
    // Into their own school the same file goes to their own school only.
    const own = await call(importPeople, as(otherCurator), { org: other.slug, file: fixture() });
    expect(own).toMatchObject({ ok: true, data: { created: 40 } });
    expect([await peopleCount(db().prisma, school.id), await peopleCount(db().prisma, other.id)]).toEqual([before[0], 40]);
  });
});

describe("exports to Excel", () => {

  async function rowsOf(bytes: Uint8Array) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { ws, rows };
  }

  it("exports the people with Russian headers, bold, and only the name of a person out of active work", async () => {
    const prisma = db().prisma;
    const out = await prisma.person.findFirstOrThrow({ where: { organizationId: school.id, lastName: "Попова" } });
    await prisma.person.update({ where: { id: out.id }, data: { active: false, inactiveReason: "Согласие отозвано" } });
    const file = await exportPeople(tenantContext(school, curator, ["CURATOR"]), "ru", new Date(Date.UTC(2026, 10, 25)));
    expect(file.asciiName).toBe(`lyudi-${school.slug}-2026-11-25.xlsx`);
    expect(file.fileName).toBe("Люди — СОШ № 20 — 2026-11-25.xlsx");
    const { ws, rows } = await rowsOf(file.bytes);
    expect(rows[0]).toEqual(["Фамилия", "Имя", "Отчество", "Категория участника", "Должность", "Предметы", "Класс", "Организация", "E-mail", "Телефон", "Действующие согласия", "Состояние"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(rows).toHaveLength(1 + (await peopleCount(db().prisma, school.id)));
    const popova = rows.find((r) => r[0] === "Попова")!;
    expect(popova.filter((v) => v !== null && v !== undefined)).toEqual(["Попова", "Ольга", "Николаевна", "выведен из активной работы"]);
    const kuznetsov = rows.find((r) => r[0] === "Кузнецов")!;
    expect(kuznetsov.slice(3, 11)).toEqual(["Педагог", "Учитель русского языка и литературы", "Русский язык, Литература", undefined, undefined, "kuznetsov.av@sosh20-nevinnomyssk.ru", undefined, "—"]);
    expect(await prisma.auditEvent.count({ where: { organizationId: school.id, action: "people.export", actorId: curator.id } })).toBe(1);
  });

  it("exports the mentee bank without category and difficulties for the director, with them for the curator", async () => {
    const prisma = db().prisma;
    const person = await prisma.person.findFirstOrThrow({ where: { organizationId: school.id, lastName: "Волкова" } });
    await prisma.menteeProfile.create({
      data: { organizationId: school.id, personId: person.id, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE", "PARENTS"], request: "Как держать дисциплину в 7 классе", source: "QUESTIONNAIRE", addedById: curator.id },
    });
    const forDirector = await rowsOf((await exportMentees(tenantContext(school, director, ["DIRECTOR"]), "ru")).bytes);
    expect(forDirector.rows[0]).toEqual(["ФИО", "Категория участника", "Статус", "Источник сведений", "Добавлен в банк"]);
    expect(JSON.stringify(forDirector.rows)).not.toMatch(/дисциплин|Молодой педагог/i);
    const forCurator = await rowsOf((await exportMentees(tenantContext(school, curator, ["CURATOR"]), "ru")).bytes);
    expect(forCurator.rows[0]).toEqual(["ФИО", "Категория участника", "Статус", "Источник сведений", "Добавлен в банк", "Категория наставляемого", "Затруднения и запросы", "Запрос своими словами"]);
    expect(forCurator.rows[1]!.slice(0, 4)).toEqual(["Волкова Анна Дмитриевна", "Педагог", "ждёт наставника", "Анкета самого наставляемого"]);
    expect(forCurator.rows[1]![4]).toBeInstanceOf(Date);
    expect(forCurator.rows[1]!.slice(5)).toEqual(["Молодой педагог (стаж до 3 лет)", "Дисциплина, управление классом; Работа с родителями", "Как держать дисциплину в 7 классе"]);
  });

  it("exports the mentor bank with competency labels, trainings and district visibility", async () => {
    const prisma = db().prisma;
    const person = await prisma.person.findFirstOrThrow({ where: { organizationId: school.id, lastName: "Смирнова" } });
    const mentorProfile = await prisma.mentorProfile.create({
      data: { organizationId: school.id, personId: person.id, competencies: ["METHODS", "SUBJECT"], achievements: "Победитель конкурса «Учитель года»", capacity: 2, status: "TRAINED", districtVisibleSince: new Date(Date.UTC(2026, 9, 1)), addedById: curator.id },
    });
    await prisma.mentorTraining.create({ data: { organizationId: school.id, mentorId: mentorProfile.id, kind: "SESSION", title: "Установочная сессия", finishedOn: new Date(Date.UTC(2026, 8, 20)) } });
    const file = await exportMentors(tenantContext(school, director, ["DIRECTOR"]), "ru");
    expect(file.asciiName).toMatch(/^nastavniki-/);
    const { ws, rows } = await rowsOf(file.bytes);
    expect(rows[0]![0]).toBe("ФИО");
    expect(rows[1]!.slice(0, 9)).toEqual([
      "Смирнова Елена Петровна",
      "Учитель математики",
      "Владеет современными педагогическими технологиями, готов транслировать опыт; Высокое качество обучения по своему предмету",
      "Победитель конкурса «Учитель года»",
      2,
      "прошёл обучение",
      1,
      "виден в округе",
      new Date(Date.UTC(2026, 9, 1)),
    ]);
    expect(ws.getCell("I2").numFmt).toBe("dd.mm.yyyy");
  });
});
