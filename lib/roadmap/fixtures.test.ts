import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdfWithoutText } from "../../scripts/roadmap-fixtures";
import { type FixtureRoadmap, flat, gymnasium, kindergarten, lyceum, multiYear, sosh20Paste, sosh20Pdf } from "../../tests/fixtures/roadmaps/own/model";
import { LINES_WARNING } from "./lines";
import { PDF_MAX_PAGES, PDF_SCAN } from "./read-pdf";
import { parseRoadmapFile } from "./read";
import type { ParsedRoadmap } from "./types";
import { warningText } from "./warning-text";

// Roadmaps of our own (tests/fixtures/roadmaps/own, rendered by scripts/roadmap-fixtures.ts): each model
// read back from a Word table pasted as text, from the .docx and from the PDF printed from it.
const dir = path.join(process.cwd(), "tests", "fixtures", "roadmaps", "own");
const read = (name: string) => parseRoadmapFile(readFileSync(path.join(dir, name)), name);

/** What the model's activity must read as: the year columns become «2022–2023: август; 2023–2024». */
function expectedDue(model: FixtureRoadmap, a: FixtureRoadmap["sections"][number]["activities"][number]): string {
  const labels = model.columns.filter((c) => /^\d{4}/.test(c));
  const years = (a.years ?? []).map((v, i) => (!v ? "" : v === "+" ? labels[i] : `${labels[i]}: ${v}`)).filter(Boolean);
  return [flat(a.due), ...years].filter(Boolean).join("; ");
}

function expectModel(r: ParsedRoadmap, model: FixtureRoadmap) {
  expect(r.stages.map((s) => [s.number, s.title, s.stage])).toEqual(model.sections.map((s) => [s.number, s.title, s.stage]));
  r.stages.forEach((s, i) => {
    const section = model.sections[i] as FixtureRoadmap["sections"][number];
    expect(s.activities.map((a) => [a.title, a.due, a.responsible, a.result]), s.title).toEqual(
      section.activities.map((a) => [flat(a.title), expectedDue(model, a), flat(a.who), a.doc ?? ""]),
    );
  });
}

describe("own roadmaps: the same roadmap pasted from Word, as .docx and as PDF", () => {
  const cases: [string, FixtureRoadmap][] = [
    ["lyceum-word-paste.txt", lyceum], // Word paste, a cell's line breaks raw, CRLF, stage rows merged
    ["lyceum-no-header.txt", lyceum], // pasted without the header row: columns guessed
    ["lyceum.docx", lyceum],
    ["lyceum.pdf", lyceum], // a row cut by the page break, the header repeated on page 2
    ["gymnasium-word-paste.txt", gymnasium], // cells quoted with their line breaks, «Вид документа», 7th item
    ["gymnasium.docx", gymnasium], // headings «I.»…«VII.» in the activity column
    ["gymnasium.pdf", gymnasium],
    ["multi-year-word-paste.tsv", multiYear], // a column per academic year 2022–2025
    ["multi-year.docx", multiYear], // «Сроки» over a second header row of years
    ["multi-year.pdf", multiYear],
    ["kindergarten.docx", kindergarten], // merged stage rows, numbering 1.1 / 1.1.1, «Результат»
    ["kindergarten.pdf", kindergarten],
    ["sosh20-word-paste.txt", sosh20Paste], // the e2e journey's paste
    ["sosh20-plan.docx", sosh20Pdf],
    ["sosh20-plan.pdf", sosh20Pdf], // the e2e journey's PDF
  ];
  it.each(cases)("%s", async (file, model) => {
    const r = await read(file);
    expectModel(r, model);
    if (file.startsWith("lyceum-no-header")) expect(warningText(r.warnings[0]!)).toMatch(/заголовками столбцов не найдена/);
  }, 30_000);

  it("«Информационная поддержка» (the 7th item) goes to stage 1 with a warning; stages 5–6 merged go to 5", async () => {
    const r = await read("gymnasium.pdf");
    expect(r.stages.find((s) => s.title.startsWith("Информационная"))?.stage).toBe(1);
    expect(r.warnings.some((w) => warningText(w).includes("не отдельный этап"))).toBe(true);
    expect(r.warnings.some((w) => warningText(w).includes("объединяет этапы 5 и 6"))).toBe(true);
  });
});

describe("own roadmaps typed without a table, with typos, copied from a site", () => {
  const shape = (r: ParsedRoadmap) => r.stages.map((s) => [s.number, s.stage, s.activities.length]);

  it("a hand-typed numbered list «1.» / «1.1. … — срок — ответственный»", async () => {
    const r = await read("numbered-list.txt");
    expect(shape(r)).toEqual([[1, 1, 3], [2, 2, 2], [3, 3, 1], [4, 4, 1], [5, 5, 2], [6, 6, 1], [7, 7, 1]]);
    expect(r.stages[5]?.activities[0]).toEqual({ title: "Встречи пар по персонализированным программам", due: "декабрь 2025 – апрель 2026", responsible: "наставники", result: "" });
    expect(r.warnings).toEqual([LINES_WARNING]);
  });

  it("typos in the headings («Меропрятие», «Отвественный», «Формирвание») and no due column", async () => {
    const r = await read("typos-missing-columns.txt");
    expect(shape(r)).toEqual([[1, 1, 2], [2, 2, 1], [3, 3, 1], [4, 4, 1], [5, 5, 1], [6, 6, 2], [7, 7, 1]]);
    expect(r.stages[0]?.activities[0]).toEqual({ title: "Разработка положения о наставничестве", due: "", responsible: "Зам. директора по УВР", result: "" });
  });

  it("paragraphs and bullets from a school's site", async () => {
    const r = await read("site-paragraphs.txt");
    expect(shape(r)).toEqual([[1, 1, 2], [2, 2, 1], [3, 3, 1], [4, 4, 1], [5, 5, 1], [6, 6, 1], [7, 7, 1]]);
    expect(r.stages[0]?.activities.map((a) => a.title)).toEqual(["Издание приказа о внедрении целевой модели (август)", "Размещение информации на сайте школы"]);
  });
});

describe("PDFs refused", () => {
  it("a scan without text → «в файле нет текста (скан)…», nothing parsed", async () => {
    const r = await read("scan.pdf");
    expect(r).toEqual({ stages: [], warnings: [PDF_SCAN], refusal: { key: "importScan" } });
  });

  it("a 500-page PDF → refused with the limit before its text is read", async () => {
    const started = performance.now();
    const r = await parseRoadmapFile(pdfWithoutText(500), "plan.pdf");
    expect(r.refusal).toEqual({ key: "importPdfPages", values: { pages: 500, max: PDF_MAX_PAGES } });
    expect(warningText(r.warnings[0]!)).toBe(`В PDF 500 стр. — больше предела в ${PDF_MAX_PAGES} стр. Загрузите только дорожную карту (её страницы) или вставьте её текст.`);
    expect(r.stages).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a damaged PDF → a Russian message, no exception", async () => {
    const r = await parseRoadmapFile(Buffer.from("%PDF-1.4\nмусор"), "broken.pdf");
    expect(r.refusal?.key).toBe("importPdfUnreadable");
    expect(r.stages).toEqual([]);
  });
});
