// Reads the tables of a Word (.docx) document and the roadmap in them.
//
// A .docx is a zip archive; its text is word/document.xml (WordprocessingML): the body holds
// paragraphs (w:p) and tables (w:tbl → w:tr → w:tc). Merged cells: w:gridSpan (a cell spanning
// several grid columns) and w:vMerge (a cell continuing the one above).

import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { isHeaderRow } from "./columns";
import { cleanCell } from "./heading";
import { EMPTY_WARNING, parseRoadmapRows } from "./parse";
import { isStageHeadingLine, mayBeSectionLine, parseRoadmapText } from "./text";
import { type ParsedRoadmap, type RoadmapWarning, warning } from "./types";

/** The warnings about a .docx that could not be read (each says why). */
export const DOCX_UNREADABLE: readonly RoadmapWarning["key"][] = ["docxUnreadable", "docxEmpty", "docxOldFormat", "docxNotZip", "docxNoText", "docxBrokenText", "docxNoBody"];

export class DocxReadError extends Error {
  constructor(readonly warning: RoadmapWarning) {
    super(warning.key);
    this.name = "DocxReadError";
  }
}

// fast-xml-parser with preserveOrder: every node is { [tag]: children[], ":@"?: attributes }, text
// nodes are { "#text": string }.
type XNode = Record<string, unknown>;

function tagOf(node: XNode): string | null {
  for (const key of Object.keys(node)) if (key !== ":@") return key;
  return null;
}

function childrenOf(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function attr(node: XNode, name: string): string | undefined {
  const attrs = node[":@"];
  if (!attrs || typeof attrs !== "object") return undefined;
  const value = (attrs as Record<string, unknown>)[name];
  return value === undefined || value === null ? undefined : String(value);
}

function child(node: XNode, tag: string): XNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** The text of one paragraph: runs' w:t, tabs as spaces, line breaks as "\n". */
function paragraphText(p: XNode): string {
  let out = "";
  const walk = (node: XNode) => {
    const tag = tagOf(node);
    if (tag === "w:t") {
      for (const c of childrenOf(node)) if (typeof c["#text"] === "string" || typeof c["#text"] === "number") out += String(c["#text"]);
      return;
    }
    if (tag === "w:tab" || tag === "w:ptab") {
      out += " ";
      return;
    }
    if (tag === "w:br" || tag === "w:cr") {
      out += "\n";
      return;
    }
    // Deleted text (w:delText), field codes (w:instrText) and the fallback copy of drawings are not text.
    if (tag === "w:del" || tag === "mc:Fallback" || tag === "w:instrText" || tag === "w:delText") return;
    for (const c of childrenOf(node)) walk(c);
  };
  walk(p);
  return out;
}

/** Paragraphs of a cell (nested tables included), non-empty ones joined with "\n". */
function cellText(tc: XNode): string {
  const lines: string[] = [];
  const walk = (node: XNode) => {
    const tag = tagOf(node);
    if (tag === "w:p") {
      const text = paragraphText(node).replace(/[ \t\u00a0]+/g, " ").trim();
      if (text) lines.push(text);
      return;
    }
    if (tag === "w:tcPr") return;
    for (const c of childrenOf(node)) walk(c);
  };
  for (const c of childrenOf(tc)) walk(c);
  return lines.join("\n");
}

/** The nodes of `tag` directly under `node`, looking through content controls and custom XML. */
function directChildren(node: XNode, tag: string): XNode[] {
  const out: XNode[] = [];
  for (const c of childrenOf(node)) {
    const t = tagOf(c);
    if (t === tag) out.push(c);
    else if (t === "w:sdt" || t === "w:sdtContent" || t === "w:customXml" || t === "w:smartTag") out.push(...directChildren(c, tag));
  }
  return out;
}

function intAttr(node: XNode | undefined, fallback: number): number {
  const v = node ? attr(node, "w:val") : undefined;
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * One table as rows of cell texts on the table's grid. A cell spanning columns (gridSpan) keeps its
 * text in its first column and leaves the others empty — except a row that is one cell across the
 * whole table (a stage heading row), whose text is repeated in every column so that the parser knows
 * it spans. A cell continuing a vertical merge (vMerge) repeats the text of the cell above: the due
 * date or responsible shared by several activities belongs to each of them.
 */
function readTable(tbl: XNode): string[][] {
  const gridCols = directChildren(child(tbl, "w:tblGrid") ?? {}, "w:gridCol").length;
  type Cell = { col: number; span: number; text: string };
  const rows: Cell[][] = [];
  let width = gridCols;
  let previous = new Map<number, string>();
  for (const tr of directChildren(tbl, "w:tr")) {
    const trPr = child(tr, "w:trPr");
    let col = trPr ? intAttr(child(trPr, "w:gridBefore"), 0) : 0;
    const cells: Cell[] = [];
    const starts = new Map<number, string>();
    for (const tc of directChildren(tr, "w:tc")) {
      const tcPr = child(tc, "w:tcPr");
      const span = intAttr(tcPr ? child(tcPr, "w:gridSpan") : undefined, 1);
      const vMerge = tcPr ? child(tcPr, "w:vMerge") : undefined;
      const continues = vMerge !== undefined && attr(vMerge, "w:val") !== "restart";
      const text = continues ? (previous.get(col) ?? "") : cellText(tc);
      cells.push({ col, span, text });
      starts.set(col, text);
      col += span;
    }
    width = Math.max(width, col);
    previous = starts;
    rows.push(cells);
  }
  return rows.map((cells) => {
    const row = Array.from({ length: width }, () => "");
    const only = cells.length === 1 ? cells[0] : undefined;
    if (only && width >= 2 && only.span >= width - only.col && only.col === 0 && only.span >= 2) {
      return row.fill(only.text);
    }
    for (const c of cells) if (c.col < width) row[c.col] = c.text;
    return row;
  });
}

type BodyItem = { kind: "table"; rows: string[][] } | { kind: "paragraph"; text: string };

async function readBody(buffer: Buffer): Promise<BodyItem[]> {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer ?? []);
  if (bytes.length === 0) throw new DocxReadError(warning("docxEmpty"));
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new DocxReadError(warning("docxOldFormat"));
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxReadError(warning("docxNotZip"));
  }
  const entry = zip.file("word/document.xml");
  if (!entry) throw new DocxReadError(warning("docxNoText"));
  let tree: XNode[];
  try {
    const xml = await entry.async("string");
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: "",
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
    });
    tree = parser.parse(xml) as XNode[];
  } catch {
    throw new DocxReadError(warning("docxBrokenText"));
  }
  const document = tree.find((n) => tagOf(n) === "w:document");
  const body = document ? child(document, "w:body") : undefined;
  if (!body) throw new DocxReadError(warning("docxNoBody"));

  const items: BodyItem[] = [];
  const walk = (node: XNode) => {
    for (const c of childrenOf(node)) {
      const tag = tagOf(c);
      if (tag === "w:tbl") items.push({ kind: "table", rows: readTable(c) });
      else if (tag === "w:p") items.push({ kind: "paragraph", text: paragraphText(c).replace(/\s+/g, " ").trim() });
      else if (tag === "w:sdt" || tag === "w:sdtContent" || tag === "w:customXml") walk(c);
    }
  };
  walk(body);
  return items;
}

/** Every table of a .docx as rows of cell texts (paragraphs inside a cell joined with "\n"). Throws DocxReadError. */
export async function readDocxTables(buffer: Buffer): Promise<string[][][]> {
  const items = await readBody(buffer);
  return items.flatMap((i) => (i.kind === "table" ? [i.rows] : []));
}

/**
 * Reads the roadmap of a .docx: the tables with a roadmap header row (Мероприятие / Срок /
 * Ответственный …), the header-less tables that continue one, and the stage headings written as
 * paragraphs between or just before them. Never throws: an unreadable file gives a warning.
 */
export async function parseRoadmapDocx(buffer: Buffer): Promise<ParsedRoadmap> {
  let items: BodyItem[];
  try {
    items = await readBody(buffer);
  } catch (e) {
    return { stages: [], warnings: [e instanceof DocxReadError ? e.warning : warning("docxUnreadable")] };
  }
  try {
    const fromTables = readRoadmapTables(items);
    if (fromTables.stages.some((s) => s.activities.length)) return fromTables;
    // No table gave an activity: the document's text as lines (a numbered list typed without a table).
    const text = items
      .map((i) => (i.kind === "paragraph" ? i.text : i.rows.map((r) => r.map((c) => c.replace(/\s*\n\s*/g, " ")).join("\t")).join("\n")))
      .join("\n");
    const fromText = parseRoadmapText(text);
    return fromText.stages.some((s) => s.activities.length) ? fromText : fromTables;
  } catch {
    return { stages: [], warnings: [warning("docxUnreadable")] };
  }
}

function readRoadmapTables(items: BodyItem[]): ParsedRoadmap {
  {
    const rows: string[][] = [];
    let inRoadmap = false;
    let width = 0;
    let pendingHeadings: string[] = [];
    let pendingText: string[] = [];
    for (const item of items) {
      if (item.kind === "paragraph") {
        if (!item.text) continue;
        if (!pendingText.length && isStageHeadingLine(item.text)) {
          if (inRoadmap) rows.push([item.text]);
          else pendingHeadings.push(item.text);
          continue;
        }
        // Other text ends the roadmap (a passport, a signature follows) — unless it is one short line
        // followed by a table of the same width: a section heading written between two tables.
        if (inRoadmap) pendingText.push(item.text);
        pendingHeadings = [];
        continue;
      }
      const header = item.rows.findIndex((r) => isHeaderRow(r));
      const tableWidth = item.rows[0]?.length ?? 0;
      if (header >= 0) {
        const [head, ...rest] = item.rows.slice(header);
        rows.push([], head ?? [], ...pendingHeadings.map((h) => [h]), ...rest);
        inRoadmap = true;
        width = head?.length ?? 0;
      } else if (inRoadmap) {
        const section = pendingText.length === 1 && tableWidth === width && mayBeSectionLine(pendingText[0] as string) ? pendingText[0] : undefined;
        if (!pendingText.length || section) rows.push([], ...(section ? [[section]] : []), ...item.rows);
        else inRoadmap = false;
      }
      pendingHeadings = [];
      pendingText = [];
    }
    if (rows.length) return parseRoadmapRows(rows);

    // No table has a roadmap header: try the biggest table, columns guessed from their content.
    const tables = items.flatMap((i) => (i.kind === "table" ? [i.rows] : []));
    const size = (t: string[][]) => t.filter((r) => r.filter((c) => cleanCell(c)).length >= 2).length;
    const best = [...tables].sort((a, b) => size(b) - size(a))[0];
    if (!best || size(best) < 2) return { stages: [], warnings: [EMPTY_WARNING] };
    return parseRoadmapRows(best);
  }
}
