import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import JSZip from "jszip";
import { LINES_WARNING } from "./lines";
import { describe, expect, it } from "vitest";
import { parseRoadmapDocx, readDocxTables } from "./read-docx";
import { warningText } from "./warning-text";
import { EMPTY_WARNING } from "./parse";

const cell = (...paragraphs: string[]) => new TableCell({ children: paragraphs.map((p) => new Paragraph(p)) });
const row = (...cells: (string | TableCell)[]) => new TableRow({ children: cells.map((c) => (typeof c === "string" ? cell(c) : c)) });
/** A stage heading row: one cell merged across all four columns (w:gridSpan). */
const stageRow = (text: string) =>
  new TableRow({ children: [new TableCell({ columnSpan: 4, children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] })] });
const table = (rows: TableRow[]) => new Table({ rows, columnWidths: [600, 4000, 1600, 2400] });

async function build(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function sampleDocx(): Promise<Buffer> {
  return build([
    new Paragraph("Дорожная карта реализации целевой модели наставничества"),
    table([
      row("№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный"),
      row("1", "2", "3", "4"),
      stageRow("Этап 1. Подготовка условий для запуска программы наставничества"),
      row("1.", "Издание приказа о внедрении целевой модели", "сентябрь 2024", cell("Иванова А.А.,", "директор")),
      // «Сентябрь 2024» merged down two rows (w:vMerge): both activities share it.
      new TableRow({ children: [cell("2."), cell("Назначение куратора"), new TableCell({ rowSpan: 2, children: [new Paragraph("сентябрь 2024")] }), cell("Иванова А.А., директор")] }),
      new TableRow({ children: [cell("3."), cell("Информирование педагогов"), cell("Петрова Б.Б., заместитель директора")] }),
      stageRow("Формирование базы наставляемых"),
      row("4.", "Анкетирование педагогов", "октябрь 2024", "Петрова Б.Б., педагог-психолог"),
    ]),
    new Paragraph("Паспорт программы наставничества"),
    table([row("1.", "Цель программы", "Создание модели наставничества", ""), row("2.", "Куратор", "Петрова Б.Б.", "")]),
  ]);
}

describe("readDocxTables", () => {
  it("reads every table as rows of cells: spanning rows repeated, vMerge repeated, paragraphs joined with \\n", async () => {
    const tables = await readDocxTables(await sampleDocx());
    expect(tables).toHaveLength(2);
    const [roadmap, passport] = tables;
    expect(roadmap?.[0]).toEqual(["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный"]);
    expect(roadmap?.[2]).toEqual(Array(4).fill("Этап 1. Подготовка условий для запуска программы наставничества"));
    expect(roadmap?.[3]).toEqual(["1.", "Издание приказа о внедрении целевой модели", "сентябрь 2024", "Иванова А.А.,\nдиректор"]);
    expect(roadmap?.[4]?.[2]).toBe("сентябрь 2024");
    expect(roadmap?.[5]).toEqual(["3.", "Информирование педагогов", "сентябрь 2024", "Петрова Б.Б., заместитель директора"]);
    expect(passport?.[1]).toEqual(["2.", "Куратор", "Петрова Б.Б.", ""]);
  });
});

describe("parseRoadmapDocx", () => {
  it("parses the roadmap table and ignores the passport after it", async () => {
    const r = await parseRoadmapDocx(await sampleDocx());
    expect(r.stages).toEqual([
      {
        number: 1,
        title: "Подготовка условий для запуска программы наставничества",
        stage: 1,
        activities: [
          { title: "Издание приказа о внедрении целевой модели", due: "сентябрь 2024", responsible: "Иванова А.А., директор", result: "" },
          { title: "Назначение куратора", due: "сентябрь 2024", responsible: "Иванова А.А., директор", result: "" },
          { title: "Информирование педагогов", due: "сентябрь 2024", responsible: "Петрова Б.Б., заместитель директора", result: "" },
        ],
      },
      {
        number: 2,
        title: "Формирование базы наставляемых",
        stage: 2,
        activities: [{ title: "Анкетирование педагогов", due: "октябрь 2024", responsible: "Петрова Б.Б., педагог-психолог", result: "" }],
      },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("reads stage headings written as paragraphs before and between the tables", async () => {
    const buffer = await build([
      new Paragraph("Этап 1. Подготовка условий для запуска программы"),
      table([row("№", "Мероприятие", "Сроки", "Ответственные"), row("1.1", "Приказ", "сентябрь", "директор")]),
      new Paragraph("Этап 2. Формирование банка наставляемых"),
      table([row("2.1", "Анкетирование", "октябрь", "психолог"), row("2.2", "Согласия", "октябрь", "куратор")]),
      new Paragraph("Директор ____________ И.И. Иванов"),
      table([row("3.1", "Не читать", "май", "кто-то")]),
    ]);
    const r = await parseRoadmapDocx(buffer);
    expect(r.stages.map((s) => [s.number, s.title, s.stage, s.activities.map((a) => a.title)])).toEqual([
      [1, "Подготовка условий для запуска программы", 1, ["Приказ"]],
      [2, "Формирование банка наставляемых", 2, ["Анкетирование", "Согласия"]],
    ]);
  });

  it("a section heading paragraph between two tables of the same width is a section", async () => {
    const buffer = await build([
      table([row("№", "Мероприятие", "Сроки", "Ответственные"), stageRow("Организационные мероприятия"), row("1.", "Формирование базы", "май", "ИМЦ")]),
      new Paragraph("Организация работы в ОО"),
      table([row("2.", "Формирование банка наставников", "сентябрь", "руководители ОО")]),
      new Paragraph("Паспорт программы"),
      new Paragraph("Общие сведения"),
      table([row("1.", "Цель", "Создание модели", "")]),
    ]);
    const r = await parseRoadmapDocx(buffer);
    expect(r.stages.map((s) => [s.number, s.title, s.stage, s.activities.map((a) => a.title)])).toEqual([
      [1, "Организационные мероприятия", null, ["Формирование базы"]],
      [2, "Организация работы в ОО", null, ["Формирование банка наставников"]],
    ]);
  });

  it("a document without a table: its lines are proposed as stages and activities, never «empty»", async () => {
    const r = await parseRoadmapDocx(
      await build([
        new Paragraph("Дорожная карта"),
        new Paragraph("1. Подготовка условий для запуска программы наставничества"),
        new Paragraph("1.1. Приказ о внедрении целевой модели — август 2025 — директор"),
        new Paragraph("2. Формирование базы наставляемых"),
        new Paragraph("2.1. Анкетирование педагогов — сентябрь 2025 — педагог-психолог"),
      ]),
    );
    expect(r.stages.map((s) => [s.number, s.stage, s.activities.map((a) => [a.title, a.due, a.responsible])])).toEqual([
      [1, 1, [["Приказ о внедрении целевой модели", "август 2025", "директор"]]],
      [2, 2, [["Анкетирование педагогов", "сентябрь 2025", "педагог-психолог"]]],
    ]);
    expect(r.warnings).toContain(LINES_WARNING);
    expect(await parseRoadmapDocx(await build([new Paragraph("—")]))).toEqual({ stages: [], warnings: [EMPTY_WARNING] });
  });

  it("a file that is not a zip gives a Russian warning, not an exception", async () => {
    const r = await parseRoadmapDocx(Buffer.from("это не документ Word, а просто текст"));
    expect(r.stages).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(warningText(r.warnings[0]!)).toMatch(/^Не удалось прочитать файл как документ Word \(\.docx\): файл повреждён/);
    await expect(readDocxTables(Buffer.from("nope"))).rejects.toMatchObject({ name: "DocxReadError", warning: { key: "docxNotZip" } });
  });

  it("a zip without word/document.xml, an old .doc and an empty buffer give warnings too", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "привет");
    const notDocx = await zip.generateAsync({ type: "nodebuffer" });
    expect(warningText((await parseRoadmapDocx(notDocx)).warnings[0]!)).toContain("word/document.xml");
    const oldDoc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect(warningText((await parseRoadmapDocx(oldDoc)).warnings[0]!)).toContain(".doc");
    expect(warningText((await parseRoadmapDocx(Buffer.alloc(0))).warnings[0]!)).toContain("пуст");
  });
});
