// npx tsx scripts/roadmap-fixtures.ts — renders the roadmap models of tests/fixtures/roadmaps/own/model.ts
// into the files schools hand in: a Word table pasted as text (in-cell line breaks raw or quoted), .docx
// (stage rows merged across the table, a two-row header over the year columns) and the PDF LibreOffice
// prints from each .docx. The outputs are committed; run again after changing a model.

import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from "docx";
import { type FixtureActivity, type FixtureRoadmap, gymnasium, kindergarten, lyceum, multiYear, sosh20Paste, sosh20Pdf } from "../tests/fixtures/roadmaps/own/model";

const OUT = path.join(process.cwd(), "tests", "fixtures", "roadmaps", "own");

/** The cells of an activity row in the model's column order. */
function cellsOf(model: FixtureRoadmap, a: FixtureActivity): string[] {
  let year = 0;
  return model.columns.map((c) => {
    if (/^№/.test(c)) return a.n;
    if (/^(Мероприятие|Содержание|Наименование)/.test(c)) return a.title;
    if (/^Срок/.test(c)) return a.due;
    if (/^Ответствен/.test(c)) return a.who;
    if (/^(Вид документа|Результат)/.test(c)) return a.doc ?? "";
    if (/^\d{4}/.test(c)) return a.years?.[year++] ?? "";
    return "";
  });
}

/** A Word table copied and pasted as plain text: tabs between cells, a merged stage row as its text alone. */
function wordPaste(model: FixtureRoadmap, options: { quoted: boolean; header: boolean; eol: string }): string {
  const cell = (s: string) => (options.quoted && s.includes("\n") ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[] = [...model.caption.split("\n"), ""];
  if (options.header) lines.push(model.columns.join("\t"));
  for (const s of model.sections) {
    lines.push(s.heading);
    for (const a of s.activities) lines.push(cellsOf(model, a).map(cell).join("\t"));
  }
  lines.push("", "Исполнитель: заместитель директора по УВР");
  return lines.join(options.eol) + options.eol;
}

const para = (text: string, bold = false) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, bold, size: 22, font: "Liberation Serif" })] });
const cellParas = (text: string, bold = false) => text.split("\n").map((line) => para(line, bold));
const cell = (text: string, opts: { span?: number; bold?: boolean; merge?: "restart" | "continue" } = {}) =>
  new TableCell({
    children: cellParas(text, opts.bold),
    columnSpan: opts.span,
    verticalMerge: opts.merge === "restart" ? VerticalMergeType.RESTART : opts.merge === "continue" ? VerticalMergeType.CONTINUE : undefined,
  });

/** Column widths in twips as a person would drag them: «№» narrow, the activity wide, the rest shared. */
function widthsOf(model: FixtureRoadmap): number[] {
  const total = 9600;
  const multiYear = model.columns.some((c) => /^\d{4}/.test(c));
  const number = multiYear ? 500 : 700;
  const activity = multiYear ? 2900 : 3900;
  const who = multiYear ? 1900 : 0; // a multi-year plan: «Классные руководители» on one line
  const rest = (total - number - activity - who) / (model.columns.length - 2 - (who ? 1 : 0));
  return model.columns.map((c) =>
    /^№/.test(c) ? number : /^(Мероприятие|Содержание|Наименование)/.test(c) ? activity : who && /^Ответствен/.test(c) ? who : Math.round(rest),
  );
}

type StageRow = "merged" | "in-activity-column";

function docxOf(model: FixtureRoadmap, options: { stageRow: StageRow; yearsUnderSrok?: boolean }): Promise<Buffer> {
  const width = model.columns.length;
  const rows: TableRow[] = [];
  if (options.yearsUnderSrok) {
    const years = model.columns.filter((c) => /^\d{4}/.test(c));
    const fixed = model.columns.filter((c) => !/^\d{4}/.test(c));
    rows.push(new TableRow({ tableHeader: true, children: [...fixed.map((c) => cell(c, { bold: true, merge: "restart" })), cell("Сроки", { bold: true, span: years.length })] }));
    rows.push(new TableRow({ tableHeader: true, children: [...fixed.map(() => cell("", { merge: "continue" })), ...years.map((y) => cell(y, { bold: true }))] }));
  } else {
    rows.push(new TableRow({ tableHeader: true, children: model.columns.map((c) => cell(c, { bold: true })) }));
  }
  const activityColumn = model.columns.findIndex((c) => /^(Мероприятие|Содержание|Наименование)/.test(c));
  for (const s of model.sections) {
    if (options.stageRow === "merged") rows.push(new TableRow({ children: [cell(s.heading, { span: width, bold: true })] }));
    else rows.push(new TableRow({ children: model.columns.map((_, i) => cell(i === activityColumn ? s.heading : "", { bold: true })) }));
    for (const a of s.activities) rows.push(new TableRow({ children: cellsOf(model, a).map((t) => cell(t)) }));
  }
  const doc = new Document({
    sections: [
      {
        children: [
          ...model.caption.split("\n").map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: true, size: 24, font: "Liberation Serif" })] })),
          new Paragraph({ children: [] }),
          new Table({ width: { size: 9600, type: WidthType.DXA }, columnWidths: widthsOf(model), rows }),
          new Paragraph({ children: [] }),
          para("Исполнитель: заместитель директора по УВР"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A PDF whose pages hold only drawings — what a scanner produces, as far as text goes. Also used by the
 * tests to build a 500-page PDF (a few kilobytes) for the page limit.
 */
export function pdfWithoutText(pages: number): Buffer {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages} >>`;
  objects[3] = "<< /Length 44 >>\nstream\n0.5 g 72 72 451 698 re f 0 g 100 700 m 500 700 l S\nendstream";
  for (const id of pageIds) objects[id] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>";
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    const object = objects[id];
    if (!object) continue;
    offsets[id] = Buffer.byteLength(body, "latin1");
    body += `${id} 0 obj\n${object}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id] ?? 0).padStart(10, "0")} ${offsets[id] ? "00000 n" : "65535 f"} \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const write = (name: string, data: string | Buffer) => writeFileSync(path.join(OUT, name), data);
  write("lyceum-word-paste.txt", wordPaste(lyceum, { quoted: false, header: true, eol: "\r\n" }));
  write("lyceum-no-header.txt", wordPaste(lyceum, { quoted: false, header: false, eol: "\n" }));
  write("gymnasium-word-paste.txt", wordPaste(gymnasium, { quoted: true, header: true, eol: "\n" }));
  write("multi-year-word-paste.tsv", wordPaste(multiYear, { quoted: true, header: true, eol: "\r\n" }));
  write("sosh20-word-paste.txt", wordPaste(sosh20Paste, { quoted: false, header: true, eol: "\r\n" }));
  const docs: [string, Buffer][] = [
    ["lyceum.docx", await docxOf(lyceum, { stageRow: "merged" })],
    ["gymnasium.docx", await docxOf(gymnasium, { stageRow: "in-activity-column" })],
    ["multi-year.docx", await docxOf(multiYear, { stageRow: "merged", yearsUnderSrok: true })],
    ["kindergarten.docx", await docxOf(kindergarten, { stageRow: "merged" })],
    ["sosh20-plan.docx", await docxOf(sosh20Pdf, { stageRow: "in-activity-column" })],
  ];
  const tmp = path.join(OUT, ".pdf-tmp");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const [name, data] of docs) {
    write(name, data);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", OUT, path.join(OUT, name)], {
      stdio: "ignore",
      env: { ...process.env, HOME: tmp },
    });
  }
  rmSync(tmp, { recursive: true, force: true });
  write("scan.pdf", pdfWithoutText(2));
  console.log(`Written to ${OUT}`);
}

if (process.argv[1]?.endsWith("roadmap-fixtures.ts")) void main();
