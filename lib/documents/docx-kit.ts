// The shared typography of every generated .docx: the page and the requisites of ГОСТ Р 7.0.97-2025
// (organizational documents; replaced 7.0.97-2016, same requisites in substance) — head, signature,
// executor mark, approval stamp, tables. Pure: no database, no Next.js — the caller loads the data and
// serves the bytes. Each document has its own file beside this one.
import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  HorizontalPositionAlign,
  Packer,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalPositionAlign,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
  type ITableBordersOptions,
} from "docx";
import { formatDate } from "../format";
import { russianIn } from "../i18n/russian";
import type { ApprovalStamp, RoadmapDocumentActivity, Signatory } from "./types";

// The words every document shares (the creator, the stamp, the executor mark) are the catalog's
// (lib/i18n/russian/stage1-documents.json, docxKit).
const say = russianIn("docxKit");

// ── Shared page setup and typography ──────────────────────────────────────────────────────────

export const FONT = "Times New Roman";
/** Sizes in points; docx counts half-points. */
export const BODY_PT = 14;
export const TABLE_PT = 12;
export const SMALL_PT = 10;
export const halfPoints = (pt: number) => pt * 2;
/** Millimetres to twips, rounded (docx's convertMillimetersToTwip floors: A4 would be 11905 × 16837). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** A4 portrait, in mm. */
export const A4 = { width: 210, height: 297 } as const;
/** Fields: not less than 20 mm left / 10 mm right / 20 mm top and bottom; 30 / 15 leaves room to bind. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Paragraph (first-line) indent of the text: 1.25 cm. */
export const PARAGRAPH_INDENT = mm(12.5);

export type Orientation = "portrait" | "landscape";

/** Width of the text between the fields, in twips. */
export function textWidth(orientation: Orientation): number {
  const pageWidth = orientation === "portrait" ? A4.width : A4.height;
  return mm(pageWidth - MARGINS_MM.left - MARGINS_MM.right);
}

/** Page setup of a section: A4, the fields above. docx swaps width and height for landscape itself. */
export function pageSetup(orientation: Orientation): NonNullable<ISectionOptions["properties"]> {
  return {
    page: {
      size: {
        width: mm(A4.width),
        height: mm(A4.height),
        orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
      },
      margin: {
        top: mm(MARGINS_MM.top),
        bottom: mm(MARGINS_MM.bottom),
        left: mm(MARGINS_MM.left),
        right: mm(MARGINS_MM.right),
        header: mm(10),
        footer: mm(10),
      },
    },
  };
}

/** Document properties and defaults: title, creator «Наставник», Times New Roman 14 pt, single spacing, ru-RU. */
export async function pack(properties: { title: string; subject: string }, section: ISectionOptions): Promise<Buffer> {
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: say("creator"),
    lastModifiedBy: say("creator"),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPoints(BODY_PT), language: { value: "ru-RU" } },
          paragraph: { spacing: { line: 240, before: 0, after: 0 } },
        },
      },
    },
    sections: [section],
  });
  return Packer.toBuffer(document);
}

// ── Shared formatting ─────────────────────────────────────────────────────────────────────────

export const BLANK_DATE = "__.__.20__";
export const BLANK_NUMBER = "____";
export const BLANK_APPROVAL_DATE = say("blankApprovalDate");
export const SIGNATURE_LINE = "_______________";
/** «№» is kept on the line of its number by a no-break space. */
export const numberSign = (number: string) => `№\u00a0${number}`;

/** Date requisite: digits, dd.MM.yyyy («25.08.2025»); blanks to fill by hand when not known yet. */
export function formatDocumentDate(date: Date | null | undefined, blank = BLANK_DATE): string {
  return date ? formatDate(date) : blank;
}

export type Text = { text: string; bold?: boolean; size?: number };

/** One paragraph of runs; `size` in points. */
export function paragraph(runs: (Text | string)[], options: Omit<IParagraphOptions, "children" | "text"> = {}, size = BODY_PT) {
  return new Paragraph({
    ...options,
    children: runs.map((run) => {
      const r = typeof run === "string" ? { text: run } : run;
      return new TextRun({ text: r.text, bold: r.bold, size: halfPoints(r.size ?? size) });
    }),
  });
}

export const emptyLine = (size = BODY_PT) => paragraph([""], {}, size);

export const NO_BORDERS: ITableBordersOptions = {
  top: { style: BorderStyle.NONE, size: 0, color: "auto" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "auto" },
  left: { style: BorderStyle.NONE, size: 0, color: "auto" },
  right: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
};

export const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
export const GRID_BORDERS: ITableBordersOptions = {
  top: SINGLE,
  bottom: SINGLE,
  left: SINGLE,
  right: SINGLE,
  insideHorizontal: SINGLE,
  insideVertical: SINGLE,
};

/** Column widths in twips from relative weights, summing exactly to `total`. */
export function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => (i === widths.length - 1 ? w + rest : w));
}

/** An invisible table placing blocks side by side (signature, acquaintance lines). */
export function layoutTable(rows: Paragraph[][][], weights: number[], width: number, rowSpacingBefore = 0): Table {
  const widths = columnWidths(weights, width);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: rowSpacingBefore, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.BOTTOM,
                children,
              }),
          ),
        }),
    ),
  });
}

/**
 * The head of an organizational document: organization name (author), document kind, date (left) and
 * registration number (right) on one line, place of compilation, an empty line before the title.
 */
export function documentHead(kind: string, doc: { organizationName: string; requisites?: string[] | null; date: Date | null; number?: string | null; place?: string | null }, width: number): Paragraph[] {
  return [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    paragraph([{ text: kind, bold: true }], { alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      children: [new TextRun({ size: halfPoints(BODY_PT), children: [formatDocumentDate(doc.date), new Tab(), numberSign(doc.number?.trim() || BLANK_NUMBER)] })],
    }),
    ...(doc.place ? [paragraph([doc.place], { alignment: AlignmentType.CENTER, spacing: { before: 120 } })] : []),
    emptyLine(),
  ];
}

/**
 * Organization name (author of the document): centered, bold, as in the charter; under it, in small
 * print, the reference data of its profile (address, phone, e-mail; ИНН, ОГРН — lib/domain/organization-profile.ts).
 */
export function organizationName(name: string, requisites?: string[] | null): Paragraph[] {
  return [
    paragraph([{ text: name, bold: true }], { alignment: AlignmentType.CENTER }),
    ...(requisites ?? []).map((line) => paragraph([line], { alignment: AlignmentType.CENTER }, SMALL_PT)),
  ];
}

/**
 * Signature requisite: position at the left margin, room for the handwritten signature in the middle,
 * «И.О. Фамилия» at the right margin on the level of the position's last line.
 */
export function signatureBlock(signatory: Signatory, width: number): Table {
  return layoutTable(
    [
      [
        [paragraph([signatory.position])],
        [emptyLine()],
        [paragraph([signatory.initialsAndSurname], { alignment: AlignmentType.RIGHT })],
      ],
    ],
    [45, 25, 30],
    width,
  );
}

/**
 * Executor mark: name and phone / e-mail of who prepared the document, small print at the bottom left
 * of the last page (a frame aligned to the bottom margin of the page it lands on).
 */
export function executorMark(executor: { name: string; contact?: string | null } | null | undefined, width: number): Paragraph[] {
  if (!executor) return [];
  return [
    new Paragraph({
      frame: {
        type: "alignment",
        anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
        alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.BOTTOM },
        width: Math.round(width / 2),
      },
      children: [
        new TextRun({ text: say("executor", { name: executor.name }), size: halfPoints(SMALL_PT) }),
        ...(executor.contact ? [new TextRun({ text: executor.contact, size: halfPoints(SMALL_PT), break: 1 })] : []),
      ],
    }),
    // LibreOffice anchors a frame to the paragraph after it: keep that one on the same page.
    emptyLine(SMALL_PT),
  ];
}


/**
 * Approval stamp «УТВЕРЖДАЮ» in the top right corner: position, signature line with initials and surname,
 * date (blanks when not approved yet), and the approving order when there is one.
 */
export function approvalStamp(stamp: ApprovalStamp, width: number): Paragraph[] {
  // A block at the right margin, its lines flush left: up to 110 mm wide, half the text width at most.
  const indent = { left: width - Math.min(mm(110), Math.round(width / 2)) };
  const lines = [
    say("approve"),
    stamp.approver.position,
    `${SIGNATURE_LINE} ${stamp.approver.initialsAndSurname}`,
    formatDocumentDate(stamp.date, BLANK_APPROVAL_DATE),
  ];
  if (stamp.orderNumber) {
    lines.push(say("approvedByOrder", { date: formatDocumentDate(stamp.orderDate), number: numberSign(stamp.orderNumber) }));
  }
  // Room for the handwritten signature above the signature line; the order line set a little apart.
  const before = [0, 0, 360, 0, 120];
  return lines.map((line, i) => paragraph([line], { indent, spacing: { before: before[i] ?? 0 } }));
}

export type Column = { header: string; weight: number; cell: (a: RoadmapDocumentActivity) => Paragraph[] };

export const cellText = (text: string, options: Omit<IParagraphOptions, "children" | "text"> = {}) => paragraph([text], options, TABLE_PT);

export const CELL_MARGINS = { left: mm(1.5), right: mm(1.5), top: mm(0.5), bottom: mm(0.5) };

/** The shell of every bordered table: fixed column widths, single-line grid, the cell margins. */
export function gridTable(widths: number[], width: number, rows: TableRow[]): Table {
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows,
  });
}

export type TextGrid = { header: string[]; weights: number[]; rows: string[][] };
export type TextGridOptions = {
  /** Point size of the cells (TABLE_PT unless given). */
  size?: number;
  /** Header cells centred across as well as down. */
  centerHeader?: boolean;
  /** Whether a body cell is centred (numbers, dates). */
  center?: (text: string, column: number) => boolean;
};

/**
 * A bordered table of text cells (appendices, reports, plans): the header row bold, centred down and
 * repeated on every page; a cell's lines split on \n; no row breaks across pages.
 */
export function textGrid(grid: TextGrid, width: number, options: TextGridOptions = {}): Table {
  const widths = columnWidths(grid.weights, width);
  const size = options.size ?? TABLE_PT;
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: header ? VerticalAlignTable.CENTER : undefined,
      children: text
        .split("\n")
        .map((line) => paragraph([{ text: line, bold: header }], (header ? options.centerHeader : options.center?.(text, i)) ? { alignment: AlignmentType.CENTER } : {}, size)),
    });
  return gridTable(widths, width, [
    new TableRow({ tableHeader: true, cantSplit: true, children: grid.header.map((h, i) => cell(h, i, true)) }),
    ...grid.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
  ]);
}

/** A two-column grid table: what is kept — the value. */
export function fieldTable(rows: [string, string][], width: number): Table {
  const widths = columnWidths([35, 65], width);
  return gridTable(
    widths,
    width,
    rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, children: [cellText(label)] }),
            new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, children: value.split("\n").map((line) => cellText(line)) }),
          ],
        }),
    ),
  );
}
