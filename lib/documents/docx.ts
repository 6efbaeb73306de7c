// Word (.docx) rendering of the roadmap and of the director's order, laid out by the requisites of
// ГОСТ Р 7.0.97-2025 (organizational documents; replaced 7.0.97-2016, same requisites in substance).
// Pure: no database, no Next.js — the caller loads the data and serves the bytes.
import { format } from "date-fns";
import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  HorizontalPositionAlign,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
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
import type { ApprovalStamp, OrderDocument, RoadmapDocument, RoadmapDocumentActivity, Signatory } from "./types";

// ── Shared page setup and typography ──────────────────────────────────────────────────────────

const FONT = "Times New Roman";
/** Sizes in points; docx counts half-points. */
const BODY_PT = 14;
const TABLE_PT = 12;
const SMALL_PT = 10;
const halfPoints = (pt: number) => pt * 2;
/** Millimetres to twips, rounded (docx's convertMillimetersToTwip floors: A4 would be 11905 × 16837). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** A4 portrait, in mm. */
const A4 = { width: 210, height: 297 } as const;
/** Fields: not less than 20 mm left / 10 mm right / 20 mm top and bottom; 30 / 15 leaves room to bind. */
const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Paragraph (first-line) indent of the text: 1.25 cm. */
const PARAGRAPH_INDENT = mm(12.5);

type Orientation = "portrait" | "landscape";

/** Width of the text between the fields, in twips. */
function textWidth(orientation: Orientation): number {
  const pageWidth = orientation === "portrait" ? A4.width : A4.height;
  return mm(pageWidth - MARGINS_MM.left - MARGINS_MM.right);
}

/** Page setup of a section: A4, the fields above. docx swaps width and height for landscape itself. */
function pageSetup(orientation: Orientation): NonNullable<ISectionOptions["properties"]> {
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
async function pack(properties: { title: string; subject: string }, section: ISectionOptions): Promise<Buffer> {
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: "Наставник",
    lastModifiedBy: "Наставник",
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

const BLANK_DATE = "__.__.20__";
const BLANK_NUMBER = "____";
const BLANK_APPROVAL_DATE = "«__» ______ 20__ г.";
const SIGNATURE_LINE = "_______________";
/** «№» is kept on the line of its number by a no-break space. */
const numberSign = (number: string) => `№\u00a0${number}`;

/** Date requisite: digits, dd.MM.yyyy («25.08.2025»); blanks to fill by hand when not known yet. */
export function formatDocumentDate(date: Date | null | undefined, blank = BLANK_DATE): string {
  return date ? format(date, "dd.MM.yyyy") : blank;
}

type Text = { text: string; bold?: boolean; size?: number };

/** One paragraph of runs; `size` in points. */
function paragraph(runs: (Text | string)[], options: Omit<IParagraphOptions, "children" | "text"> = {}, size = BODY_PT) {
  return new Paragraph({
    ...options,
    children: runs.map((run) => {
      const r = typeof run === "string" ? { text: run } : run;
      return new TextRun({ text: r.text, bold: r.bold, size: halfPoints(r.size ?? size) });
    }),
  });
}

const emptyLine = (size = BODY_PT) => paragraph([""], {}, size);

const NO_BORDERS: ITableBordersOptions = {
  top: { style: BorderStyle.NONE, size: 0, color: "auto" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "auto" },
  left: { style: BorderStyle.NONE, size: 0, color: "auto" },
  right: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
};

const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const GRID_BORDERS: ITableBordersOptions = {
  top: SINGLE,
  bottom: SINGLE,
  left: SINGLE,
  right: SINGLE,
  insideHorizontal: SINGLE,
  insideVertical: SINGLE,
};

/** Column widths in twips from relative weights, summing exactly to `total`. */
function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => (i === widths.length - 1 ? w + rest : w));
}

/** An invisible table placing blocks side by side (signature, acquaintance lines). */
function layoutTable(rows: Paragraph[][][], weights: number[], width: number, rowSpacingBefore = 0): Table {
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
function documentHead(kind: string, doc: { organizationName: string; requisites?: string[] | null; date: Date | null; number?: string | null; place?: string | null }, width: number): Paragraph[] {
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
function organizationName(name: string, requisites?: string[] | null): Paragraph[] {
  return [
    paragraph([{ text: name, bold: true }], { alignment: AlignmentType.CENTER }),
    ...(requisites ?? []).map((line) => paragraph([line], { alignment: AlignmentType.CENTER }, SMALL_PT)),
  ];
}

/**
 * Signature requisite: position at the left margin, room for the handwritten signature in the middle,
 * «И.О. Фамилия» at the right margin on the level of the position's last line.
 */
function signatureBlock(signatory: Signatory, width: number): Table {
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
function executorMark(executor: { name: string; contact?: string | null } | null | undefined, width: number): Paragraph[] {
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
        new TextRun({ text: `Исп. ${executor.name}`, size: halfPoints(SMALL_PT) }),
        ...(executor.contact ? [new TextRun({ text: executor.contact, size: halfPoints(SMALL_PT), break: 1 })] : []),
      ],
    }),
    // LibreOffice anchors a frame to the paragraph after it: keep that one on the same page.
    emptyLine(SMALL_PT),
  ];
}

// ── Order (приказ) ────────────────────────────────────────────────────────────────────────────

/** The director's order as a .docx: A4 portrait, Times New Roman 14 pt. */
export async function renderOrderDocx(order: OrderDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT } } as const;

  const children: (Paragraph | Table)[] = [
    ...documentHead("ПРИКАЗ", order, width),
    // Title to the text.
    paragraph([{ text: order.title, bold: true }], { indent: { right: Math.round(width * 0.3) }, spacing: { after: 240 } }),
    // Text: preamble (legal basis), «ПРИКАЗЫВАЮ:», numbered items.
    paragraph([order.preamble.trim()], body),
    paragraph(["ПРИКАЗЫВАЮ:"], { spacing: { before: 120, after: 120 } }),
    ...order.items.map((item, i) => paragraph([`${i + 1}. ${item.trim()}`], body)),
  ];

  // Attachment mark.
  if (order.attachment) {
    const attachment = order.attachment.trim();
    const text = /^приложени/i.test(attachment) ? attachment : `Приложение: ${attachment}`;
    children.push(emptyLine(), paragraph([text], { alignment: AlignmentType.JUSTIFIED }));
  }

  // Signature, then the executor mark at the bottom of the order's last page.
  children.push(emptyLine(), emptyLine(), signatureBlock(order.signatory, width), ...executorMark(order.executor, width));

  // Appendix table on a page of its own, naming the order it belongs to (ГОСТ Р 7.0.97: отметка о приложении).
  if (order.appendix) {
    const a = order.appendix;
    const widths = columnWidths(a.weights, width);
    const cell = (text: string, i: number, bold = false) =>
      new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children: [paragraph([{ text, bold }], {}, TABLE_PT)] });
    children.push(
      paragraph([`Приложение к приказу от ${formatDocumentDate(order.date)} ${numberSign(order.number?.trim() || BLANK_NUMBER)}`], { pageBreakBefore: true, alignment: AlignmentType.RIGHT }),
      paragraph([{ text: a.title, bold: true }], { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } }),
      new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: GRID_BORDERS,
        margins: CELL_MARGINS,
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, children: a.header.map((h, i) => cell(h, i, true)) }),
          ...a.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
        ],
      }),
    );
  }

  // Acquaintance list, on a page of its own (naming the order it belongs to): name, signature line,
  // date line per person.
  if (order.acquainted.length > 0) {
    children.push(
      paragraph(
        [`Лист ознакомления с приказом от ${formatDocumentDate(order.date)} ${numberSign(order.number?.trim() || BLANK_NUMBER)} «${order.title}»`],
        { pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        SMALL_PT + 2,
      ),
      paragraph([{ text: "С приказом ознакомлены:" }], { spacing: { after: 240 } }),
      layoutTable(
        order.acquainted.map((name) => [
          [paragraph([name])],
          [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })],
          [paragraph([BLANK_APPROVAL_DATE], { alignment: AlignmentType.RIGHT })],
        ]),
        [45, 25, 30],
        width,
        mm(4),
      ),
    );
  }
  // Word wants a paragraph after a table at the end of the body.
  if (children.at(-1) instanceof Table) children.push(emptyLine());

  const kind = order.number ? `Приказ № ${order.number}` : "Приказ";
  return pack(
    { title: `${kind} «${order.title}»`, subject: "Приказ" },
    { properties: pageSetup("portrait"), children },
  );
}

// ── Roadmap (дорожная карта) ─────────────────────────────────────────────────────────────────

/**
 * Approval stamp «УТВЕРЖДАЮ» in the top right corner: position, signature line with initials and surname,
 * date (blanks when not approved yet), and the approving order when there is one.
 */
function approvalStamp(stamp: ApprovalStamp, width: number): Paragraph[] {
  // A block at the right margin, its lines flush left: up to 110 mm wide, half the text width at most.
  const indent = { left: width - Math.min(mm(110), Math.round(width / 2)) };
  const lines = [
    "УТВЕРЖДАЮ",
    stamp.approver.position,
    `${SIGNATURE_LINE} ${stamp.approver.initialsAndSurname}`,
    formatDocumentDate(stamp.date, BLANK_APPROVAL_DATE),
  ];
  if (stamp.orderNumber) {
    lines.push(`Утверждено приказом от ${formatDocumentDate(stamp.orderDate)} ${numberSign(stamp.orderNumber)}`);
  }
  // Room for the handwritten signature above the signature line; the order line set a little apart.
  const before = [0, 0, 360, 0, 120];
  return lines.map((line, i) => paragraph([line], { indent, spacing: { before: before[i] ?? 0 } }));
}

type Column = { header: string; weight: number; cell: (a: RoadmapDocumentActivity) => Paragraph[] };

const cellText = (text: string, options: Omit<IParagraphOptions, "children" | "text"> = {}) => paragraph([text], options, TABLE_PT);

function roadmapColumns(withStatus: boolean): Column[] {
  const columns: Column[] = [
    { header: "№ п/п", weight: 14, cell: (a) => [cellText(a.number, { alignment: AlignmentType.CENTER })] },
    {
      header: "Мероприятие",
      weight: withStatus ? 78 : 90,
      // Activity title, then its content as a second paragraph.
      cell: (a) => [cellText(a.title), ...(a.content ? [cellText(a.content, { spacing: { before: 60 } })] : [])],
    },
    { header: "Сроки", weight: 30, cell: (a) => [cellText(a.due, { alignment: AlignmentType.CENTER })] },
    { header: "Ответственные", weight: withStatus ? 45 : 50, cell: (a) => [cellText(a.responsible)] },
    { header: "Ожидаемый результат", weight: withStatus ? 55 : 68, cell: (a) => [cellText(a.result ?? "")] },
  ];
  if (withStatus) {
    columns.push({ header: "Статус", weight: 30, cell: (a) => [cellText(a.status ?? "", { alignment: AlignmentType.CENTER })] });
  }
  return columns;
}

const CELL_MARGINS = { left: mm(1.5), right: mm(1.5), top: mm(0.5), bottom: mm(0.5) };

/** The roadmap table: header row repeated on every page, a shaded full-width row per stage, a row per activity. */
function roadmapTable(stages: RoadmapDocument["stages"], width: number): Table {
  const withStatus = stages.some((s) => s.activities.some((a) => Boolean(a.status?.trim())));
  const columns = roadmapColumns(withStatus);
  const widths = columnWidths(
    columns.map((c) => c.weight),
    width,
  );
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [paragraph([{ text: c.header, bold: true }], { alignment: AlignmentType.CENTER }, TABLE_PT)],
        }),
    ),
  });

  const rows = stages.flatMap((stage) => [
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children: [
        new TableCell({
          columnSpan: columns.length,
          width: { size: width, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: "D9D9D9" },
          children: [paragraph([{ text: `${stage.number}. ${stage.title}`, bold: true }], {}, TABLE_PT)],
        }),
      ],
    }),
    ...stage.activities.map(
      (activity) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(c.cell(activity), i)) }),
    ),
  ]);

  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows: [header, ...rows],
  });
}

/** The roadmap as a .docx: A4 landscape, title 14 pt, table 12 pt. */
export async function renderRoadmapDocx(doc: RoadmapDocument): Promise<Buffer> {
  const width = textWidth("landscape");
  const yearLine =
    doc.academicYear && !doc.title.includes(doc.academicYear) ? [`на ${doc.academicYear} учебный год`] : [];

  const children: (Paragraph | Table)[] = [
    // Organization name (author).
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    // Approval stamp.
    ...approvalStamp(doc.approval, width),
    emptyLine(),
    // Title (document kind and title to the text are one heading here: «Дорожная карта … »).
    ...[doc.title, ...yearLine].map((line) => paragraph([{ text: line, bold: true }], { alignment: AlignmentType.CENTER })),
    // Place of compilation.
    ...(doc.place ? [paragraph([doc.place], { alignment: AlignmentType.CENTER, spacing: { before: 120 } })] : []),
    emptyLine(),
    roadmapTable(doc.stages, width),
  ];

  // Signature of who compiled it, then the executor mark.
  if (doc.signatory) children.push(emptyLine(), emptyLine(), signatureBlock(doc.signatory, width));
  children.push(...executorMark(doc.executor, width));
  // Word wants a paragraph after a table at the end of the body.
  if (children.at(-1) instanceof Table) children.push(emptyLine());

  return pack({ title: doc.title, subject: "Дорожная карта" }, { properties: pageSetup("landscape"), children });
}

// ── Personal data of one person, on their request (152-ФЗ, art. 14) ─────────────────────────────

export type PersonalDataDocument = {
  organizationName: string;
  /** Reference data under the name (address, ИНН, ОГРН…), from the organization's profile. */
  requisites?: string[] | null;
  personName: string;
  generatedAt: Date;
  sections: { title: string; rows: [string, string][] }[];
};

/** A two-column grid table: what is kept — the value. */
function fieldTable(rows: [string, string][], width: number): Table {
  const widths = columnWidths([35, 65], width);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, children: [cellText(label)] }),
            new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, children: value.split("\n").map((line) => cellText(line)) }),
          ],
        }),
    ),
  });
}

/** What the organization keeps about one person, readable: A4 portrait, a table per section. */
export async function renderPersonalDataDocx(doc: PersonalDataDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const children: (Paragraph | Table)[] = [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    paragraph([{ text: "СВЕДЕНИЯ", bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([{ text: `о персональных данных, обрабатываемых в отношении: ${doc.personName}`, bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([`по состоянию на ${formatDocumentDate(doc.generatedAt)}`], { alignment: AlignmentType.CENTER }),
    emptyLine(),
  ];
  for (const section of doc.sections) {
    children.push(paragraph([{ text: section.title, bold: true }], { keepNext: true, spacing: { before: 240, after: 120 } }));
    children.push(section.rows.length ? fieldTable(section.rows, width) : paragraph(["Сведений нет."]));
  }
  return pack({ title: `Сведения о персональных данных: ${doc.personName}`, subject: "Персональные данные по запросу субъекта" }, { properties: pageSetup("portrait"), children });
}

// ── Personalized program of a pair or group (персонализированная программа наставничества) ─────

export type PersonalProgramDocument = {
  organizationName: string;
  /** Reference data under the name (address, ИНН, ОГРН…), from the organization's profile. */
  requisites?: string[] | null;
  place?: string | null;
  mentor: { name: string; details: string | null };
  mentees: { name: string; details: string | null }[];
  /** Role form and type of mentoring, in words («Учитель – учитель», «Традиционное (один на один)»). */
  form: string;
  type: string;
  /** The director's order securing the pair, when there is one. */
  order?: { number: string; date: Date } | null;
  startsOn: Date;
  endsOn: Date;
  direction: string;
  goals: string;
  /** The mentees' difficulties the program addresses, in words. */
  difficulties: string[];
  items: { title: string; dueOn: Date; status: string; result: string | null }[];
  expectedResults: string;
  achievedResults: string | null;
  /** «И.О. Фамилия» under the signature lines; the curator agrees the program («СОГЛАСОВАНО»). */
  signatures: { mentor: string; mentees: string[]; curator: string | null };
};

/** A bordered table with a header row repeated on every page; cells are plain text (lines split on \n). */
function personalProgramGrid(header: string[], weights: number[], rows: string[][], width: number): Table {
  const widths = columnWidths(weights, width);
  const cell = (text: string, i: number, bold = false, center = false) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: bold ? VerticalAlignTable.CENTER : undefined,
      children: text.split("\n").map((line) => paragraph([{ text: line, bold }], center ? { alignment: AlignmentType.CENTER } : {}, TABLE_PT)),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false, i === 0 || i === 2)) })),
    ],
  });
}

/**
 * The personalized program of a pair or group as a .docx (A4 portrait, Times New Roman 14 pt, tables
 * 12 pt): organization name, title, general data (mentor, mentees, form, type, period, direction),
 * goals, the difficulties addressed, the plan (№, мероприятие, срок, статус, результат), expected and
 * achieved results, signature lines of the mentor and the mentee(s), and the curator's «СОГЛАСОВАНО».
 */
export async function renderPersonalProgramDocx(doc: PersonalProgramDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT } } as const;
  const heading = (text: string) => paragraph([{ text, bold: true }], { keepNext: true, spacing: { before: 240, after: 120 } });
  const text = (value: string | null | undefined) => {
    const lines = (value ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.length ? lines.map((line) => paragraph([line], body)) : [paragraph([SIGNATURE_LINE.repeat(4)])];
  };
  const person = (p: { name: string; details: string | null }) => (p.details ? `${p.name}, ${p.details}` : p.name);
  const period = `с ${formatDocumentDate(doc.startsOn)} по ${formatDocumentDate(doc.endsOn)}`;
  const group = doc.mentees.length > 1;

  const children: (Paragraph | Table)[] = [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    paragraph([{ text: "Персонализированная программа наставничества", bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([`на период ${period}`], { alignment: AlignmentType.CENTER }),
    ...(doc.order
      ? [paragraph([`(пара закреплена приказом от ${formatDocumentDate(doc.order.date)} ${numberSign(doc.order.number)})`], { alignment: AlignmentType.CENTER }, TABLE_PT)]
      : []),
    ...(doc.place ? [paragraph([doc.place], { alignment: AlignmentType.CENTER, spacing: { before: 120 } })] : []),

    heading("1. Общие сведения"),
    fieldTable(
      [
        ["Наставник", person(doc.mentor)],
        [group ? "Наставляемые" : "Наставляемый", doc.mentees.map(person).join("\n") || "—"],
        ["Форма наставничества", doc.form],
        ["Вид наставничества", doc.type],
        ["Срок реализации", period],
        ["Направление", doc.direction],
      ],
      width,
    ),

    heading("2. Цель и задачи"),
    ...text(doc.goals),

    heading(`3. Затруднения ${group ? "наставляемых" : "наставляемого"}, на преодоление которых направлена программа`),
    ...(doc.difficulties.length
      ? doc.difficulties.map((d, i) => paragraph([`${i + 1}) ${d}${i === doc.difficulties.length - 1 ? "." : ";"}`], { indent: { firstLine: PARAGRAPH_INDENT } }))
      : [paragraph(["—"])]),

    heading("4. План мероприятий"),
    doc.items.length
      ? personalProgramGrid(
          ["№ п/п", "Мероприятие", "Срок", "Статус", "Результат"],
          [9, 56, 24, 30, 41],
          doc.items.map((item, i) => [String(i + 1), item.title, formatDocumentDate(item.dueOn), item.status, item.result ?? ""]),
          width,
        )
      : paragraph(["Мероприятия не запланированы."]),

    heading("5. Ожидаемые результаты"),
    ...text(doc.expectedResults),

    heading("6. Достигнутые результаты"),
    ...text(doc.achievedResults),

    emptyLine(),
    emptyLine(),
    // Signatures of the participants: role, line for the signature, initials and surname.
    layoutTable(
      [
        [[paragraph(["Наставник"])], [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })], [paragraph([doc.signatures.mentor], { alignment: AlignmentType.RIGHT })]],
        ...doc.signatures.mentees.map((name, i) => [
          [paragraph([i === 0 ? (group ? "Наставляемые" : "Наставляемый") : ""])],
          [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })],
          [paragraph([name], { alignment: AlignmentType.RIGHT })],
        ]),
      ],
      [35, 35, 30],
      width,
      mm(6),
    ),
    emptyLine(),
    emptyLine(),
    // Approval mark (гриф согласования): below the signatures, at the left margin.
    ...[
      "СОГЛАСОВАНО",
      "Куратор программы наставничества",
      `${SIGNATURE_LINE} ${doc.signatures.curator ?? ""}`.trimEnd(),
      BLANK_APPROVAL_DATE,
    ].map((line, i) => paragraph([line], { keepNext: i < 3, keepLines: true, spacing: { before: i === 2 ? 360 : 0 } })),
  ];

  const names = [doc.signatures.mentor, ...doc.signatures.mentees].join(", ");
  return pack(
    { title: `Персонализированная программа наставничества: ${names}`, subject: "Персонализированная программа наставничества" },
    { properties: pageSetup("portrait"), children },
  );
}

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

/** A bordered table of text cells, header repeated on every page; 12 pt, 10 pt when it has more than five columns. */
function reportTable(table: AnalyticalReportTable, width: number): Table {
  const widths = columnWidths(table.weights, width);
  const size = table.header.length > 5 ? SMALL_PT : TABLE_PT;
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: bold ? VerticalAlignTable.CENTER : undefined,
      children: text.split("\n").map((line) => paragraph([{ text: line, bold }], i > 0 && !bold && /^[\d\s,.%—–-]*$/.test(text) ? { alignment: AlignmentType.CENTER } : {}, size)),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: table.header.map((h, i) => cell(h, i, true)) }),
      ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
    ],
  });
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
    ...documentHead("АНАЛИТИЧЕСКАЯ СПРАВКА", doc, width),
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
  return pack({ title: `Аналитическая справка ${doc.title}`, subject: "Аналитическая справка" }, { properties: pageSetup("portrait"), children });
}
