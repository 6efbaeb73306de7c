// The analytical report of the monitoring (аналитическая справка) as a .docx.
import "server-only";
import { AlignmentType, Paragraph, Table } from "docx";
import { TABLE_PT, SMALL_PT, PARAGRAPH_INDENT, textWidth, pageSetup, pack, paragraph, emptyLine, signatureBlock, textGrid, documentHead, executorMark } from "./docx-kit";
import type { Signatory } from "./types";
import { russianIn } from "../i18n/russian";

const reportText = russianIn("analyticalReport");

// ── Analytical report of the monitoring (аналитическая справка) ────────────────────────────────

export type AnalyticalReportTable = { header: string[]; weights: number[]; rows: string[][] };

export type AnalyticalReportDocument = {
  organizationName: string;
  /** Reference data under the name (address, ИНН, ОГРН…), from the organization's profile. */
  requisites?: string[] | null;
  place?: string | null;
  date: Date;
  /** Registration number; blank to fill by hand when not given. */
  number?: string | null;
  /** Title to the text: «по итогам мониторинга реализации системы наставничества … за 2026/2027 учебный год». */
  title: string;
  /** Text before the sections (the basis of the monitoring, or that no program ran that year). */
  intro: string[];
  /** One per indicator: a heading, the generated sentences, a table, a numbered list. */
  sections: { title: string; paragraphs: string[]; table?: AnalyticalReportTable | null; list?: string[] }[];
  signatory: Signatory;
  executor?: { name: string; contact?: string | null } | null;
};

/** A report table: 12 pt, 10 pt when it has more than five columns; figures centred. */
function reportTable(table: AnalyticalReportTable, width: number): Table {
  return textGrid(table, width, { size: table.header.length > 5 ? SMALL_PT : TABLE_PT, center: (text, i) => i > 0 && /^[\d\s,.%—–-]*$/.test(text) });
}

/**
 * The analytical report of the monitoring as a .docx (A4 portrait, Times New Roman 14 pt) with the
 * requisites of ГОСТ Р 7.0.97-2025: organization name, document kind «АНАЛИТИЧЕСКАЯ СПРАВКА», date and
 * registration number (blank to fill), place, title to the text; then per indicator a heading, its
 * generated sentences and table; the signature (position, initials and surname) and the executor mark.
 */
export async function renderAnalyticalReportDocx(doc: AnalyticalReportDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT } } as const;
  const children: (Paragraph | Table)[] = [
    ...documentHead(reportText("kind"), doc, width),
    paragraph([{ text: doc.title, bold: true }], { alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
    ...doc.intro.map((text) => paragraph([text], body)),
  ];
  for (const section of doc.sections) {
    children.push(paragraph([{ text: section.title, bold: true }], { keepNext: true, spacing: { before: 240, after: 120 } }));
    children.push(...section.paragraphs.map((text) => paragraph([text], body)));
    if (section.table && section.table.rows.length > 0) {
      children.push(paragraph([""], { keepNext: true }, SMALL_PT), reportTable(section.table, width));
    }
    if (section.list?.length) children.push(...section.list.map((item, i) => paragraph([`${i + 1}. ${item}`], body)));
  }
  children.push(emptyLine(), emptyLine(), signatureBlock(doc.signatory, width), ...executorMark(doc.executor, width));
  if (children.at(-1) instanceof Table) children.push(emptyLine());
  return pack({ title: reportText("documentTitle", { title: doc.title }), subject: reportText("subject") }, { properties: pageSetup("portrait"), children });
}
