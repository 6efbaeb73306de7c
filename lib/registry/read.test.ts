import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { nthInn } from "../../tests/fixtures/registry/numbers";
import { checkRegistryRows, type RegistryExisting, type RegistryParent } from "./check";
import { readProblemText, rowReasons } from "./problem-text";
import { readRegistrySheet, type ReadProblem, type RegistrySheet } from "./read";

const FIXTURES = path.join(__dirname, "../../tests/fixtures/registry");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const municipality: RegistryParent = { id: "00000000-0000-4000-8000-000000000001", kind: "MUNICIPALITY", name: "Благодарненский муниципальный округ", timeZone: "Europe/Moscow" };
const empty = (): RegistryExisting => ({ slugs: new Set(), inns: new Set(), siblingNames: new Set() });

async function sheetOf(name: string): Promise<RegistrySheet> {
  const read = await readRegistrySheet(fixture(name), name);
  if (!read.ok) throw new Error(read.problem.key);
  return read.sheet;
}

describe("reading lists of organizations", () => {
  it("reads the template as a municipal office fills it (.xlsx: numbers, hyperlinks, Alt+Enter)", async () => {
    const sheet = await sheetOf("municipal-office.xlsx");
    expect(sheet).toMatchObject({ format: "xlsx", headerRow: 1 });
    expect(sheet.rows).toHaveLength(6);
    const checked = checkRegistryRows(sheet.rows, municipality, empty());
    expect(checked.problems).toEqual([]);
    const [first, , third, kindergarten, , college] = checked.organizations;
    expect(first).toMatchObject({ row: 2, shortName: "МБОУ СОШ № 1", inn: nthInn("26050", 101), headEmail: "school1@blag.example", kind: { kind: "SCHOOL", schoolKind: "GENERAL" } });
    expect(first!.address).toBe("356420, Ставропольский край, г. Благодарный, ул. Ленина, д. 12");
    expect(first!.ogrn).toMatch(/^\d{13}$/);
    expect(third).toMatchObject({ headPosition: "Директор", headEmail: null });
    expect(kindergarten).toMatchObject({ kind: { schoolKind: "KINDERGARTEN" }, headPosition: "Заведующий" });
    expect(college).toMatchObject({ kind: { schoolKind: "COLLEGE" }, ogrn: null });
    expect(checked.organizations.map((o) => o.slug)).toEqual(["sosh-1", "sosh-2", "oosh-14", "d-s-5", "do-ddt", "bat"]);
  });

  it("reads the same list saved by Russian Excel as CSV (Windows-1251, «;», quotes) to the same organizations", async () => {
    const xlsx = checkRegistryRows((await sheetOf("municipal-office.xlsx")).rows, municipality, empty());
    const sheet = await sheetOf("municipal-office-cp1251.csv");
    expect(sheet).toMatchObject({ format: "csv", encoding: "windows-1251", headerRow: 1 });
    const csv = checkRegistryRows(sheet.rows, municipality, empty());
    expect(csv.problems).toEqual([]);
    expect(csv.organizations).toEqual(xlsx.organizations);
    expect(csv.organizations[3]!.name).toBe("Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5 „Солнышко“»");
  });

  it("finds the header under a title row, whatever the column order, case, «ё» and extra columns (UTF-8 with BOM, «,»)", async () => {
    const sheet = await sheetOf("title-reordered.csv");
    expect(sheet).toMatchObject({ encoding: "utf-8", headerRow: 3 });
    const checked = checkRegistryRows(sheet.rows, municipality, empty());
    expect(checked.problems).toEqual([]);
    expect(checked.organizations.map((o) => [o.row, o.kind.schoolKind, o.inn, o.headEmail, o.slug])).toEqual([
      [4, "GENERAL", nthInn("26050", 201), "litsei3@blag.example", "mou-litsey-3"],
      [5, "KINDERGARTEN", null, null, "yasli-sad-9"],
      [6, "GENERAL", nthInn("26050", 203), null, "mou-gimnaziya-4"],
    ]);
    expect(checked.organizations[1]).toMatchObject({ name: "Муниципальное дошкольное образовательное учреждение «Ясли-сад № 9»", headName: "Ёлкина Мария Петровна", place: "с. Сотниковское" });
  });

  it("names every mistake of a hand-typed list with its row and a Russian reason", async () => {
    const sheet = await sheetOf("hand-typed-errors.csv");
    const checked = checkRegistryRows(sheet.rows, municipality, empty());
    const byRow = (row: number) => rowReasons(checked.problems).filter((p) => p.row === row).map((p) => p.reason);
    expect(byRow(2)).toEqual([expect.stringMatching(/^ИНН «\d{10}» неверен: не сходится контрольная цифра$/)]);
    expect(byRow(3)).toEqual([expect.stringContaining("не указан «Вид»")]);
    expect(byRow(4)).toEqual([expect.stringContaining("вид «интернат» не распознан")]);
    expect(byRow(5)).toEqual([`ИНН ${nthInn("26050", 302)} уже указан в строке 3`]);
    expect(byRow(6)).toEqual(["организация «мбоу сош № 7» уже указана в строке 2"]);
    expect(byRow(7)).toEqual([expect.stringContaining("ОГРН «12345»: нужно 13 цифр"), "E-mail руководителя «director11@» — неверный адрес"]);
    expect(byRow(8)).toEqual([expect.stringContaining("в столбце «Полное наименование» формула")]);
    expect(byRow(9)).toEqual([expect.stringContaining("в столбце «Полное наименование» управляющие символы")]);
    expect(byRow(10)).toEqual([expect.stringContaining("не может входить в «Благодарненский муниципальный округ»")]);
    expect(byRow(11)).toEqual([expect.stringContaining("не указано «Полное наименование»")]);
    expect(byRow(12)).toEqual([]);
    expect(checked.rowsWithErrors).toBe(10);
    expect(checked.organizations).toEqual([expect.objectContaining({ row: 12, inn: nthInn("26050", 314), headEmail: "director14@blag.example" })]);
  });

  it("refuses formula cells of an .xlsx even when their cached value is a valid ИНН", async () => {
    const checked = checkRegistryRows((await sheetOf("formulas.xlsx")).rows, municipality, empty());
    expect(rowReasons(checked.problems)).toEqual([{ row: 2, reason: expect.stringContaining("в столбце «ИНН» формула") }]);
    expect(checked.organizations.map((o) => o.row)).toEqual([3]);
  });

  it("checks against the database: a registered ИНН, a sibling's name, a taken slug", async () => {
    const sheet = await sheetOf("municipal-office-cp1251.csv");
    const existing: RegistryExisting = {
      slugs: new Set(["sosh-1", "sosh-1-2"]),
      inns: new Set([nthInn("26050", 102)]),
      siblingNames: new Set(["муниципальное казенное общеобразовательное учреждение основная общеобразовательная школа № 14 с. алексеевское"]),
    };
    const checked = checkRegistryRows(sheet.rows, municipality, existing);
    expect(rowReasons(checked.problems)).toEqual([
      { row: 3, reason: `организация с ИНН ${nthInn("26050", 102)} уже зарегистрирована` },
      { row: 4, reason: expect.stringContaining("уже есть в «Благодарненский муниципальный округ»") },
    ]);
    expect(checked.rows[0]!.slug).toBe("sosh-1-3");
  });

  it("takes slugs typed in the preview when valid and unique, and refuses others", async () => {
    const sheet = await sheetOf("municipal-office.xlsx");
    const ok = checkRegistryRows(sheet.rows, municipality, empty(), { "2": "blag-school-1", "3": "sosh-1" });
    expect(ok.problems).toEqual([]);
    expect(ok.organizations.slice(0, 2).map((o) => o.slug)).toEqual(["blag-school-1", "sosh-1"]);
    const bad = checkRegistryRows(sheet.rows, municipality, { ...empty(), slugs: new Set(["taken"]) }, { "2": "Школа 1", "3": "taken", "4": "login", "5": "same", "6": "same" });
    expect(bad.problems.map((p) => p.row)).toEqual([2, 3, 4, 5, 6]);
    const reasons = rowReasons(bad.problems);
    expect(reasons[0]!.reason).toContain("только строчные латинские буквы");
    expect(reasons[1]!.reason).toBe("адрес «taken» уже занят другой организацией");
    expect(reasons[2]!.reason).toContain("занят самим приложением");
  });

  it("creates only regions and municipalities at the top level", async () => {
    const sheet = await sheetOf("municipal-office.xlsx");
    const checked = checkRegistryRows(sheet.rows, null, empty());
    expect(checked.rowsWithErrors).toBe(6);
    expect(rowReasons(checked.problems)[0]!.reason).toContain("без вышестоящей организации создаются только регионы и муниципалитеты");
  });

  it("refuses files that are not lists, too large, or too long — and passes 2 000 rows", async () => {
    const refusal = async (bytes: Uint8Array, name: string) => {
      const read = await readRegistrySheet(bytes, name);
      return read.ok ? null : readProblemText(read.problem);
    };
    expect(await refusal(new Uint8Array(5 * 1024 * 1024).fill(65), "big.csv")).toBe("файл больше 3 МБ");
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "old.xls")).toContain(".xls");
    expect(await refusal(new TextEncoder().encode("a;b\n1;2\n"), "x.csv")).toContain("не найдена строка с названиями столбцов");
    expect(await refusal(new TextEncoder().encode("Полное наименование;Адрес\nШкола;ул. Мира\n"), "x.csv")).toBe("в файле нет столбцов: «Вид»");
    const list = (n: number) =>
      new TextEncoder().encode("Полное наименование;Вид;ИНН\n" + Array.from({ length: n }, (_, i) => `Школа № ${i + 1};школа;${nthInn("2605", i + 1)}`).join("\n"));
    expect(await refusal(list(5000), "5000.csv")).toContain("в списке 5000 строк");
    const read = await readRegistrySheet(list(2000), "2000.csv");
    if (!read.ok) throw new Error(read.problem.key);
    const checked = checkRegistryRows(read.sheet.rows, municipality, empty());
    expect(checked.problems).toEqual([]);
    expect(new Set(checked.organizations.map((o) => o.slug)).size).toBe(2000);
  });

  it("refuses an .xlsx with 5 000 rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Лист1");
    ws.addRow(["Полное наименование", "Вид"]);
    for (let i = 0; i < 5000; i++) ws.addRow([`Школа № ${i}`, "школа"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readRegistrySheet(bytes, "big.xlsx");
    expect(read).toEqual({ ok: false, problem: { key: "tooManyRows", values: { count: 5000, max: 3000 } } });
    expect(readProblemText((read as { problem: ReadProblem }).problem)).toContain("не больше 3000");
    expect(readProblemText((read as { problem: ReadProblem }).problem, "en")).toBe("the list has 5000 rows, and at most 3000 can be loaded at once: split the list into parts");
  });
});
