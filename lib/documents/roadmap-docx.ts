// The roadmap (дорожная карта) as a .docx, landscape.
import "server-only";
import {
  AlignmentType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { TABLE_PT, textWidth, pageSetup, pack, paragraph, emptyLine, columnWidths, signatureBlock, type Column, cellText, gridTable, organizationName, approvalStamp, executorMark } from "./docx-kit";
import type { RoadmapDocument } from "./types";
import { russianIn } from "../i18n/russian";

const say = russianIn("docxKit");

// ── Roadmap (дорожная карта) ─────────────────────────────────────────────────────────────────


function roadmapColumns(withStatus: boolean): Column[] {
  const columns: Column[] = [
    { header: say("roadmap.number"), weight: 14, cell: (a) => [cellText(a.number, { alignment: AlignmentType.CENTER })] },
    {
      header: say("roadmap.activity"),
      weight: withStatus ? 78 : 90,
      // Activity title, then its content as a second paragraph.
      cell: (a) => [cellText(a.title), ...(a.content ? [cellText(a.content, { spacing: { before: 60 } })] : [])],
    },
    { header: say("roadmap.due"), weight: 30, cell: (a) => [cellText(a.due, { alignment: AlignmentType.CENTER })] },
    { header: say("roadmap.responsible"), weight: withStatus ? 45 : 50, cell: (a) => [cellText(a.responsible)] },
    { header: say("roadmap.result"), weight: withStatus ? 55 : 68, cell: (a) => [cellText(a.result ?? "")] },
  ];
  if (withStatus) {
    columns.push({ header: say("roadmap.status"), weight: 30, cell: (a) => [cellText(a.status ?? "", { alignment: AlignmentType.CENTER })] });
  }
  return columns;
}


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

  return gridTable(widths, width, [header, ...rows]);
}

/** The roadmap as a .docx: A4 landscape, title 14 pt, table 12 pt. */
export async function renderRoadmapDocx(doc: RoadmapDocument): Promise<Buffer> {
  const width = textWidth("landscape");
  const yearLine =
    doc.academicYear && !doc.title.includes(doc.academicYear) ? [say("roadmap.academicYear", { year: doc.academicYear })] : [];

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

  return pack({ title: doc.title, subject: say("roadmap.subject") }, { properties: pageSetup("landscape"), children });
}
