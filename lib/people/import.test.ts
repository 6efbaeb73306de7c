import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translator";
import { checkPeople, type CheckResult, type ExistingPerson } from "./import";
import { suggestMapping } from "./import-mapping";
import { readSheet, type FileProblem, type Sheet } from "./sheet-read";
import { utf8 } from "../../tests/setup/files";

const TODAY = new Date(Date.UTC(2026, 10, 25));
const cp1251 = (text: string) => {
  // Node has no Windows-1251 encoder: invert the decoder's table.
  const table = new Map<string, number>();
  const all = new TextDecoder("windows-1251").decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...all].forEach((ch, i) => table.set(ch, i));
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
};
const say = (problem: FileProblem) => translator("ru")(`errors.${problem.key}` as never, problem.values as never);

async function sheetOf(bytes: Uint8Array, name = "list.csv", encoding: "auto" | "utf-8" | "windows-1251" = "auto"): Promise<Sheet> {
  const read = await readSheet(bytes, name, encoding);
  if (!read.ok) throw new Error(`unexpected: ${say(read.problem)}`);
  return read.sheet;
}
async function problemOf(bytes: Uint8Array, name = "list.csv", encoding: "auto" | "utf-8" | "windows-1251" = "auto"): Promise<string> {
  const read = await readSheet(bytes, name, encoding);
  if (read.ok) throw new Error("expected a refusal");
  return say(read.problem);
}
const check = (sheet: Sheet, options: Partial<Parameters<typeof checkPeople>[1]> = {}) =>
  checkPeople(sheet, { defaultKind: "TEACHER", today: TODAY, ...options });
function ok(result: CheckResult) {
  if (!result.ok) throw new Error(`unexpected: ${say(result.problem)}`);
  return result;
}
async function xlsx(rows: unknown[][], setup?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  for (const r of rows) ws.addRow(r);
  setup?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Distinct letter-only suffixes: names may not contain digits. */
const letters = (n: number) => {
  let out = "";
  do {
    out += "абвгдежзиклмнопрстуфхцчшщэюя"[n % 28];
    n = Math.floor(n / 28);
  } while (n > 0);
  return out;
};

const HEADER = "Фамилия;Имя;Отчество;Дата рождения;Должность;Предметы;Стаж;Квалификационная категория;E-mail";

describe("reading a CSV", () => {
  it("reads the Windows-1251 fixture with ; separators: 40 valid teachers", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, "../../tests/fixtures/people/teachers-40-cp1251.csv")));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const sheet = await sheetOf(bytes);
    expect(sheet).toMatchObject({ format: "csv", encoding: "windows-1251", headerRow: 1 });
    expect(sheet.headers).toEqual(HEADER.split(";"));
    const result = ok(check(sheet));
    expect(result.mapping).toEqual(["lastName", "firstName", "middleName", "birthDate", "position", "subjects", "experienceYears", "qualificationCategory", "email"]);
    expect(result.problems).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.people).toHaveLength(40);
    const kuznetsov = result.people.find((p) => p.lastName === "Кузнецов")!;
    expect(kuznetsov).toMatchObject({
      row: 3,
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
    });
    expect(result.people.filter((p) => (p.experienceYears ?? 99) <= 3).length).toBeGreaterThanOrEqual(5);
  });

  it("strips a UTF-8 byte order mark and detects , and tab separators", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Фамилия,Имя,Предметы\nИванова,Мария,\"Математика, Физика\"\n")]);
    const sheet = await sheetOf(bom);
    expect(sheet.headers).toEqual(["Фамилия", "Имя", "Предметы"]);
    expect(ok(check(sheet)).people[0]).toMatchObject({ lastName: "Иванова", subjects: ["Математика", "Физика"] });
    const tabs = await sheetOf(utf8("ФИО\tКласс\nПетров Иван Сергеевич\t8Б\n"), "list.txt");
    expect(ok(check(tabs, { defaultKind: "STUDENT" })).people[0]).toMatchObject({ lastName: "Петров", firstName: "Иван", middleName: "Сергеевич", grade: "8Б", kind: "STUDENT" });
  });

  it("reads Excel's «Unicode text» (UTF-16 with a byte order mark)", async () => {
    const text = "Фамилия\tИмя\r\nОрлова\tАнна\r\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const sheet = await sheetOf(bytes, "list.txt");
    expect(sheet.encoding).toBe("utf-16le");
    expect(ok(check(sheet)).people[0]).toMatchObject({ lastName: "Орлова", firstName: "Анна" });
  });

  it("reads a forced encoding, and names the encoding problem when the header comes out garbled", async () => {
    const text = `${HEADER}\nИванова;Мария;;;;;;;\n`;
    expect((await sheetOf(cp1251(text), "list.csv", "windows-1251")).headers[0]).toBe("Фамилия");
    expect((await sheetOf(utf8(text), "list.csv", "utf-8")).headers[0]).toBe("Фамилия");
    // UTF-8 read as Windows-1251 («Р¤Р°РјРёР»РёСЏ»), Windows-1251 read as UTF-8 (replacement characters).
    expect(await problemOf(utf8(text), "list.csv", "windows-1251")).toMatch(/кодировке.*Windows-1251.*Выберите/);
    expect(await problemOf(cp1251(text), "list.csv", "utf-8")).toMatch(/другой кодировке \(мы прочитали его как UTF-8\)/);
    // Text that was already garbled before upload (UTF-8 bytes once read as Latin-1 and saved again).
    const latin = new TextDecoder("latin1").decode(utf8(text));
    expect(await problemOf(utf8(latin))).toMatch(/кодировк/);
  });

  it("finds the header under a title line and keeps the file's row numbers", async () => {
    const sheet = await sheetOf(utf8("Список педагогов МБОУ СОШ № 20;;\n\nФамилия;Имя;Дата рождения\nИванова;Мария;31.02.1990\n"));
    expect(sheet.headerRow).toBe(3);
    expect(ok(check(sheet)).problems).toEqual([{ row: 4, column: "Дата рождения", message: "даты «31.02.1990» не существует" }]);
  });

  it("words the row problems in the reader's language (the file's own header and values stay as they are)", async () => {
    const sheet = await sheetOf(utf8("Фамилия;Имя;Дата рождения;Категория участника\nИванова;Мария;31.02.1990;директор\n"));
    expect(ok(check(sheet, { locale: "en" })).problems.map((p) => `${p.column}: ${p.message}`)).toEqual([
      "Категория участника: unknown participant category «директор»: write «teacher», «student» or «external»",
      "Дата рождения: the date «31.02.1990» does not exist",
    ]);
  });
});

describe("not a spreadsheet", () => {
  it("refuses an empty file, binary garbage, an .xlsx that is not a zip, an old .xls and a broken zip — as values", async () => {
    expect(await problemOf(new Uint8Array(), "list.xlsx")).toMatch(/^Файл не похож на таблицу: в нём нет ни одной заполненной строки/);
    expect(await problemOf(utf8("\n ; ;\n\n"), "list.csv")).toMatch(/^Файл не похож на таблицу/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
    expect(await problemOf(png, "photo.csv")).toMatch(/Файл не похож на таблицу: это не текст и не книга Excel/);
    expect(await problemOf(utf8("Фамилия;Имя\nИванова;Мария\n"), "list.xlsx")).toMatch(/расширение \.xlsx, но внутри не книга Excel/);
    expect(await problemOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "list.xls")).toMatch(/старый формат Excel \(\.xls\)/);
    expect(await problemOf(utf8("PK\u0003\u0004 not really a zip"), "list.xlsx")).toMatch(/Файл не похож на таблицу/);
  });

  it("refuses a zip that is not a workbook (a renamed .docx)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    expect(await problemOf(bytes, "list.xlsx")).toMatch(/Файл не похож на таблицу/);
  });

  it("refuses a file over 5 MB and more than 10 000 data rows; takes exactly 10 000", async () => {
    expect(await problemOf(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), "big.csv")).toBe("Файл больше 5 МБ: разделите список на несколько файлов.");
    const rows = (n: number) => ["Фамилия;Имя", ...Array.from({ length: n }, (_, i) => `Иванов-${letters(i)};Иван`)].join("\n");
    expect(await problemOf(utf8(rows(10_001)))).toMatch(/^В файле 10\s001 строка с данными, а за один раз можно загрузить не больше 10\s000/);
    expect(ok(check(await sheetOf(utf8(rows(10_000))))).people).toHaveLength(10_000);
    const big = await xlsx([["Фамилия", "Имя"], ...Array.from({ length: 10_001 }, (_, i) => [`Иванов-${letters(i)}`, "Иван"])]);
    expect(await problemOf(big, "big.xlsx")).toMatch(/10\s001 строка/);
  });
});

describe("columns", () => {
  it("suggests a mapping from Russian and English names, whatever the case, spaces and punctuation", () => {
    expect(
      suggestMapping([
        "ФАМИЛИЯ", " имя ", "Отчество (при наличии)", "Ф.И.О.", "Дата рождения (дд.мм.гггг)", "Предмет(ы)", "Стаж, лет", "Кв. категория", "Эл. почта",
        "Категория участника", "Класс", "Телефон", "Организация", "Должность", "Что-то ещё",
      ]),
    ).toEqual([
      "lastName", "firstName", "middleName", "fullName", "birthDate", "subjects", "experienceYears", "", "email", "kind", "grade", "phone",
      "externalOrganization", "position", "",
    ]);
    expect(suggestMapping(["Last name", "First name", "E-mail", "Квалификационная категория", "Тип"])).toEqual(["lastName", "firstName", "email", "qualificationCategory", "kind"]);
    // A field is suggested once: the second «Фамилия» column is left for the user to decide.
    expect(suggestMapping(["Фамилия", "Фамилия"])).toEqual(["lastName", ""]);
  });

  it("refuses a file without last and first names, listing the missing columns", async () => {
    const sheet = await sheetOf(utf8("Фамилия;Должность\nИванова;Учитель\n"));
    const result = check(sheet);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(say(result.problem)).toBe("В файле не найдены обязательные столбцы: «Имя». Укажите, какой столбец им соответствует, или добавьте в таблицу столбец «ФИО».");
    const none = check(await sheetOf(utf8("Должность;Класс\nУчитель;5А\n")));
    if (!none.ok) expect(say(none.problem)).toMatch(/«Фамилия», «Имя»/);
    else throw new Error("expected a refusal");
  });

  it("follows the user's mapping, and refuses a field chosen for two columns", async () => {
    const sheet = await sheetOf(utf8("Колонка 1;Колонка 2;Колонка 3\nИванова;Мария;Учитель\n"));
    expect(ok(check(sheet, { mapping: ["lastName", "firstName", "position"] })).people[0]).toMatchObject({ lastName: "Иванова", firstName: "Мария", position: "Учитель" });
    expect(ok(check(sheet, { mapping: ["lastName", "firstName", ""] })).people[0]!.position).toBeNull();
    const twice = check(sheet, { mapping: ["lastName", "lastName", "firstName"] });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(say(twice.problem)).toBe("Поле «Фамилия» выбрано для двух столбцов: «Колонка 1» и «Колонка 2». Оставьте его у одного.");
  });
});

describe("rows", () => {
  it("splits ФИО into last, first and middle name, and refuses a lone surname", async () => {
    const sheet = await sheetOf(utf8("ФИО;Дата рождения\nМамедов Рашид Алиевич оглы;01.02.1980\n  Смирнова   Елена  ;\nСидоров;\n"));
    const result = check(sheet);
    if (!result.ok) throw new Error();
    expect(result.people.map(({ lastName, firstName, middleName }) => [lastName, firstName, middleName])).toEqual([
      ["Мамедов", "Рашид", "Алиевич оглы"],
      ["Смирнова", "Елена", null],
    ]);
    expect(result.problems).toEqual([{ row: 4, column: "ФИО", message: "в ФИО «Сидоров» нет имени: нужны хотя бы фамилия и имя" }]);
  });

  it("reads dd.MM.yyyy, d.M.yyyy, ISO and a time tail; refuses impossible, future and absurd dates naming the value", async () => {
    const sheet = await sheetOf(
      utf8(
        [
          "Фамилия;Имя;Дата рождения",
          "А;Один;05.03.1985",
          "Б;Два;5.3.1985",
          "В;Три;1985-03-05",
          "Г;Четыре;05.03.1985 0:00:00",
          "Д;Пять;31.02.2010",
          "Е;Шесть;01.01.2030",
          "Ж;Семь;01.01.1850",
          "З;Восемь;1985/03/05",
          "И;Девять;весна 1985",
        ].join("\n"),
      ),
    );
    const result = ok(check(sheet));
    expect(result.people.map((p) => p.birthDate?.toISOString().slice(0, 10))).toEqual(["1985-03-05", "1985-03-05", "1985-03-05", "1985-03-05"]);
    expect(result.problems.map((p) => `${p.row}: ${p.message}`)).toEqual([
      "6: даты «31.02.2010» не существует",
      "7: дата рождения 01.01.2030 ещё не наступила",
      "8: неправдоподобная дата рождения 01.01.1850",
      "9: «1985/03/05» — не дата: запишите дату как ДД.ММ.ГГГГ, например 05.03.1985",
      "10: «весна 1985» — не дата: запишите дату как ДД.ММ.ГГГГ, например 05.03.1985",
    ]);
  });

  it("reads real Excel date cells and date serial numbers; e-mails from hyperlinks and rich text", async () => {
    const bytes = await xlsx(
      [
        ["Фамилия", "Имя", "Дата рождения", "E-mail", "Стаж"],
        ["Иванова", "Мария", new Date(Date.UTC(1985, 2, 15)), { text: "Ivanova@School.ru", hyperlink: "mailto:ivanova@school.ru" }, 12],
        ["Петров", "Пётр", 31_000, { richText: [{ text: "petrov@" }, { text: "school.ru" }] }, { formula: "2+3", result: 5 }],
        ["Сидорова", "Анна", "14.11.1984", null, null],
      ],
      (ws) => {
        ws.getCell("C2").numFmt = "dd.mm.yyyy";
      },
    );
    const sheet = await sheetOf(bytes, "list.xlsx");
    expect(sheet.format).toBe("xlsx");
    expect(sheet.rows[0]!.cells[2]).toBeInstanceOf(Date);
    const people = ok(check(sheet)).people;
    expect(people.map((p) => [p.birthDate?.toISOString().slice(0, 10), p.email, p.experienceYears])).toEqual([
      ["1985-03-15", "ivanova@school.ru", 12],
      ["1984-11-14", "petrov@school.ru", 5],
      ["1984-11-14", null, null],
    ]);
  });

  it("refuses unknown kinds and qualification categories naming the value; normalizes known ones", async () => {
    const sheet = await sheetOf(
      utf8(
        [
          "Фамилия;Имя;Категория участника;Квалификационная категория",
          "Иванова;Мария;Педагог;Высшая квалификационная категория",
          "Петров;Иван;обучающийся;",
          "Сидоров;Павел;Внешний специалист;без категории",
          "Орлова;Анна;УЧИТЕЛЬ;СЗД",
          "Белов;Олег;директор;первая",
          "Зайцева;Нина;;вторая",
        ].join("\n"),
      ),
    );
    const result = ok(check(sheet, { defaultKind: "EXTERNAL" }));
    expect(result.people.map((p) => [p.kind, p.qualificationCategory])).toEqual([
      ["TEACHER", "высшая"],
      ["STUDENT", null],
      ["EXTERNAL", "без категории"],
      ["TEACHER", "соответствие занимаемой должности"],
    ]);
    expect(result.problems).toEqual([
      { row: 6, column: "Категория участника", message: "неизвестная категория участника «директор»: укажите «педагог», «обучающийся» или «внешний специалист»" },
      {
        row: 7,
        column: "Квалификационная категория",
        message: "неизвестная квалификационная категория «вторая»: допустимы высшая, первая, соответствие занимаемой должности, без категории",
      },
    ]);
  });

  it("checks experience, e-mail and lengths", async () => {
    const long = "Д".repeat(101);
    const sheet = await sheetOf(
      utf8(["Фамилия;Имя;Стаж;E-mail;Класс", "А;Один;5 лет;a@b.ru;", "Б;Два;61;;", "В;Три;-1;;", "Г;Четыре;2,5;;", "Д;Пять;;not-an-email;", `${long};Шесть;;;`, "Е;Семь;;;10 А класс гимназии № 1"].join("\n")),
    );
    const result = ok(check(sheet));
    expect(result.people).toHaveLength(1);
    expect(result.people[0]).toMatchObject({ experienceYears: 5, email: "a@b.ru" });
    expect(result.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      "3 Стаж: стаж «61»: укажите целое число лет от 0 до 60",
      "4 Стаж: стаж «-1»: укажите целое число лет от 0 до 60",
      "5 Стаж: стаж «2,5»: укажите целое число лет от 0 до 60",
      "6 E-mail: «not-an-email» — не адрес электронной почты",
      "7 Фамилия: фамилия длиннее 100 символов",
      "8 Класс: слишком длинное значение (больше 20 символов)",
    ]);
    expect(result.rowsWithErrors).toBe(6);
  });

  it("reads hire dates as HR lists write them (decision 052): a date cell, an Excel serial, dd.mm.yyyy text, an ISO date; refuses the future and the implausible", async () => {
    // An HR export (.xlsx): «Дата приёма на работу» as real date cells, one as a serial number typed as a number.
    const book = await xlsx(
      [
        ["ФИО", "Должность", "Дата приёма на работу", "Стаж"],
        ["Молодова Анна Сергеевна", "учитель математики", new Date(Date.UTC(2025, 7, 28)), 1],
        ["Старова Вера Ивановна", "учитель химии", 36770, 25],
        ["Новикова Ольга Петровна", "учитель музыки", null, 0],
      ],
    );
    const fromXlsx = ok(check(await sheetOf(book, "staff.xlsx")));
    expect(fromXlsx.mapping).toEqual(["fullName", "position", "hiredOn", "experienceYears"]);
    expect(fromXlsx.people.map((p) => [p.lastName, p.hiredOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["Молодова", "2025-08-28"],
      ["Старова", "2000-09-01"],
      ["Новикова", null],
    ]);
    // Typed by hand in a CSV, other header words: «Принят(а) на работу», «В учреждении с».
    for (const header of ["Принят(а) на работу", "В учреждении с", "Дата приема", "hire date"]) {
      const sheet = await sheetOf(utf8([`Фамилия;Имя;${header}`, "Иванова;Мария;01.09.2026", "Петрова;Анна;2024-9-2", "Сидорова;Елена;1.9.2019"].join("\n")));
      const result = ok(check(sheet));
      expect(result.mapping[2], header).toBe("hiredOn");
      expect(result.people.map((p) => p.hiredOn?.toISOString().slice(0, 10)), header).toEqual(["2026-09-01", "2024-09-02", "2019-09-01"]);
    }
    // With errors: after today (25.11.2026), before 1950, not a date, a day that does not exist — nothing of those rows is imported.
    const wrong = ok(check(await sheetOf(utf8(["Фамилия;Имя;Дата приёма", "А;Один;01.12.2026", "Б;Два;01.09.1949", "В;Три;с сентября", "Г;Четыре;31.09.2020", "Д;Пять;-"].join("\n")))));
    expect(wrong.problems.map((x) => `${x.row} ${x.column}: ${x.message}`)).toEqual([
      "2 Дата приёма: дата приёма 01.12.2026 ещё не наступила",
      "3 Дата приёма: неправдоподобная дата приёма 01.09.1949",
      "4 Дата приёма: «с сентября» — не дата: запишите дату как ДД.ММ.ГГГГ, например 01.09.2025",
      "5 Дата приёма: даты «31.09.2020» не существует",
    ]);
    expect(wrong.people.map((p) => [p.lastName, p.hiredOn])).toEqual([["Д", null]]);
  });

  it("marks students as minors: by birth date, and without one (the safe side), as createPerson does", async () => {
    const sheet = await sheetOf(utf8("Фамилия;Имя;Дата рождения;Тип\nПетров;Иван;01.04.2012;обучающийся\nСидоров;Пётр;;обучающийся\nОрлов;Олег;01.04.2006;обучающийся\nБелова;Ира;;педагог\n"));
    expect(ok(check(sheet)).people.map((p) => [p.lastName, p.minor])).toEqual([
      ["Петров", true],
      ["Сидоров", true],
      ["Орлов", false],
      ["Белова", false],
    ]);
  });
});

describe("duplicates", () => {
  const existing: ExistingPerson[] = [
    { id: "p1", lastName: "Фёдорова", firstName: "Анна", middleName: "Ивановна", birthDate: new Date(Date.UTC(1980, 0, 2)), email: null },
    { id: "p2", lastName: "Ким", firstName: "Олег", middleName: null, birthDate: null, email: "kim@school.ru" },
  ];

  it("finds repeats in the file (name and birth date, case and ё aside; or e-mail) and people already in the organization", async () => {
    const sheet = await sheetOf(
      utf8(
        [
          "Фамилия;Имя;Отчество;Дата рождения;E-mail",
          "Иванова;Мария;Петровна;05.03.1985;ivanova@school.ru",
          "ИВАНОВА;мария;петровна;5.3.1985;",
          "Иванова;Мария;Петровна;06.03.1985;",
          "Сидоров;Павел;;;IVANOVA@school.ru",
          "Федорова;Анна;Ивановна;02.01.1980;",
          "Кимова;Ольга;;;kim@school.ru",
        ].join("\n"),
      ),
    );
    const result = ok(check(sheet, { existing }));
    expect(result.duplicates).toEqual([
      { row: 3, name: "ИВАНОВА мария петровна", by: "name", ofRow: 2 },
      { row: 5, name: "Сидоров Павел", by: "email", ofRow: 2 },
      { row: 6, name: "Федорова Анна Ивановна", by: "name", existing: { id: "p1", name: "Фёдорова Анна Ивановна" } },
      { row: 7, name: "Кимова Ольга", by: "email", existing: { id: "p2", name: "Ким Олег" } },
    ]);
    expect(result.people.map((p) => p.row)).toEqual([2, 4]);
    expect(result.problems).toEqual([]);
  });
});
