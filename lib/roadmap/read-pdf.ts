// Reads the text of a PDF (a roadmap printed from Word, or downloaded from a school's site) with
// pdfjs-dist and rebuilds its table as tab-separated text for the text reader (text.ts).
//
// A PDF has no table, only pieces of text at positions. Lines are the pieces at one height; columns are
// the left edges many lines share (cells are left-aligned, a wrapped cell's lines start where it does);
// a table row starts where its «№» cell has a number, or — in a table without numbers — after a gap
// larger than between the lines of one cell. A page break becomes a blank line, after which the text
// reader glues a row that the break cut in two.

import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as pdfjsWorker from "pdfjs-dist/legacy/build/pdf.worker.mjs";
import { IMPORT_MAX_BYTES, megabytes } from "../uploads/limits";
import { isHeaderRow } from "./columns";
import { NUMBER_TOKEN, parseHeading } from "./heading";
import { type RoadmapWarning, warning } from "./types";

/** More pages than any roadmap has (a whole «Положение» with its appendices is about 30): refused before reading the text. */
export const PDF_MAX_PAGES = 100;
export const PDF_SCAN = warning("pdfScan");
export const pdfTooManyPages = (pages: number) => warning("pdfTooManyPages", { pages, max: PDF_MAX_PAGES });
export const pdfTooLarge = () => warning("fileTooLarge", { max: megabytes(IMPORT_MAX_BYTES) });

/** A PDF refused before its text is read: the message key of lib/i18n (errors.*) with its values, and the Russian text. */
export type PdfRefusal = { key: "importScan" | "importPdfPages" | "importPdfUnreadable" | "fileTooLarge"; values?: Record<string, number> };

export class PdfReadError extends Error {
  constructor(
    readonly warning: RoadmapWarning,
    readonly refusal: PdfRefusal,
  ) {
    super(warning.key);
    this.name = "PdfReadError";
  }
}

type Piece = { text: string; x: number; y: number; w: number; h: number };
type Line = { page: number; y: number; h: number; chunks: Piece[] };

type TextItemLike = { str?: string; transform?: number[]; width?: number; height?: number };

/** pdfjs runs its worker code in this process (the "fake worker" finds it here): no worker file to fetch. */
function loadPdfjs() {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= pdfjsWorker;
  return pdfjs;
}

/** The pieces of text of every page, limits checked first. Throws PdfReadError with a Russian message. */
async function readPieces(bytes: Buffer): Promise<Piece[][]> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new PdfReadError(pdfTooLarge(), { key: "fileTooLarge", values: { max: megabytes(IMPORT_MAX_BYTES) } });
  loadPdfjs();
  let doc: pdfjs.PDFDocumentProxy;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : "";
    throw new PdfReadError(
      name === "PasswordException" ? warning("pdfPassword") : warning("pdfBroken"),
      { key: "importPdfUnreadable" },
    );
  }
  try {
    if (doc.numPages > PDF_MAX_PAGES) throw new PdfReadError(pdfTooManyPages(doc.numPages), { key: "importPdfPages", values: { pages: doc.numPages, max: PDF_MAX_PAGES } });
    const pages: Piece[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items as TextItemLike[]) {
        const text = (item.str ?? "").replace(/[\u00ad]/g, "");
        if (!text.trim() || !item.transform) continue;
        const [, , , , x = 0, y = 0] = item.transform;
        pieces.push({ text, x, y, w: item.width ?? 0, h: item.height || Math.abs(item.transform[3] ?? 0) || 10 });
      }
      pages.push(pieces);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Pieces at one height form a line; pieces with a gap wider than a couple of spaces are separate chunks. */
function linesOf(pages: Piece[][]): Line[] {
  const lines: Line[] = [];
  pages.forEach((pieces, page) => {
    const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
    const rows: Piece[][] = [];
    for (const piece of sorted) {
      const row = rows[rows.length - 1];
      if (row && Math.abs((row[0] as Piece).y - piece.y) <= Math.max(2, piece.h * 0.3)) row.push(piece);
      else rows.push([piece]);
    }
    for (const row of rows) {
      row.sort((a, b) => a.x - b.x);
      const chunks: Piece[] = [];
      for (const piece of row) {
        const last = chunks[chunks.length - 1];
        const gap = last ? piece.x - (last.x + last.w) : Infinity;
        if (last && gap < Math.max(4, piece.h * 0.9)) {
          last.text += (gap > piece.h * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(piece.text) ? " " : "") + piece.text;
          last.w = piece.x + piece.w - last.x;
        } else chunks.push({ ...piece });
      }
      const text = chunks.map((c) => c.text.trim()).join(" ");
      if (chunks.length === 1 && /^(-\s*)?\d{1,3}(\s*-)?$/.test(text)) continue; // a page number
      lines.push({ page, y: (row[0] as Piece).y, h: Math.max(...row.map((r) => r.h)), chunks: chunks.map((c) => ({ ...c, text: c.text.trim() })) });
    }
  });
  return lines;
}

/** Left edges shared by several lines: the table's columns. */
function columnStarts(lines: Line[]): number[] {
  const xs = lines.filter((l) => l.chunks.length >= 2).flatMap((l) => l.chunks.map((c) => c.x)).sort((a, b) => a - b);
  const clusters: { x: number; n: number }[] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - last.x <= 6) last.n++;
    else clusters.push({ x, n: 1 });
  }
  const min = Math.max(3, Math.round(lines.length * 0.03));
  return clusters.filter((c) => c.n >= min).map((c) => c.x);
}

const startsRow = (text: string) => NUMBER_TOKEN.test(text.split(" ")[0] ?? "") || parseHeading(text).explicit;

/** The PDF's text with its table rebuilt as tab-separated rows (what a Word table pasted as text looks like). */
export function pdfTextFromPieces(pages: Piece[][]): string {
  const lines = linesOf(pages);
  const starts = columnStarts(lines);
  if (starts.length < 2) return lines.map((l) => l.chunks.map((c) => c.text).join(" ")).join("\n");
  const columnOf = (x: number) => {
    let col = 0;
    starts.forEach((s, i) => {
      if (x >= s - 4) col = i;
    });
    return col;
  };
  // Numbered table: most rows start with a number in the first column.
  const numbered = lines.filter((l) => l.chunks[0] && columnOf(l.chunks[0].x) === 0 && NUMBER_TOKEN.test(l.chunks[0].text.split(" ")[0] ?? "")).length >= 3;
  const heights = lines.map((l) => l.h).sort((a, b) => a - b);
  const lineHeight = (heights[Math.floor(heights.length / 2)] ?? 10) * 1.15;

  const out: string[] = [];
  let row: string[] | null = null;
  let previous: Line | null = null;
  const flush = () => {
    if (!row) return;
    const filled = row.filter(Boolean);
    out.push(filled.length === 1 && row[0] ? row[0] : row.join("\t"));
    row = null;
  };
  for (const line of lines) {
    if (previous && line.page !== previous.page) {
      flush();
      out.push("");
    }
    const gap = previous && previous.page === line.page ? previous.y - line.y : Infinity;
    const first = line.chunks[0] as Piece;
    const firstCol = columnOf(first.x);
    const wide = gap > lineHeight * 1.3;
    const newRow =
      !row ||
      gap === Infinity ||
      (firstCol === 0 && startsRow(first.text)) ||
      (wide && line.chunks.some((c) => parseHeading(c.text).explicit)) ||
      (wide && firstCol === 0) ||
      (wide && isHeaderRow(row)) || // the header repeated on a new page, then the rest of a row cut by the break
      (!numbered && wide && line.chunks.length >= 2) ||
      gap > lineHeight * 3;
    if (newRow) {
      flush();
      row = starts.map(() => "");
    }
    const cells = row as string[];
    for (const chunk of line.chunks) {
      const col = columnOf(chunk.x);
      const before = cells[col] ?? "";
      // A word hyphenated at the end of a line joins without a space: «учитель-» + «предметник».
      cells[col] = before ? (/[а-яёa-z]-$/i.test(before) ? before + chunk.text : `${before} ${chunk.text}`) : chunk.text;
    }
    previous = line;
  }
  flush();
  return out.join("\n");
}

/**
 * The text of a PDF line by line, as it reads — no table rebuilt. For documents of running text (the
 * generated orders and consents read back in tests): the table reading would take the words of a justified
 * paragraph for columns and shuffle them.
 */
export async function readPdfLines(bytes: Buffer): Promise<string> {
  return linesOf(await readPieces(bytes))
    .map((l) => l.chunks.map((c) => c.text).join(" "))
    .join("\n");
}

/** The text of a PDF, its table as tab-separated rows. Throws PdfReadError (limits, damage, a scan without text). */
export async function readPdfText(bytes: Buffer): Promise<string> {
  const pages = await readPieces(bytes);
  const letters = pages.flat().reduce((n, p) => n + (p.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < 20) throw new PdfReadError(PDF_SCAN, { key: "importScan" });
  return pdfTextFromPieces(pages);
}
