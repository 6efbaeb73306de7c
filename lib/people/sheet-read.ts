// Reading a spreadsheet a curator keeps in Excel (.xlsx, or .csv in UTF-8 / Windows-1251) into rows of
// cells with its header found; refusals as message keys. Pure: bytes in, a sheet out.

import ExcelJS from "exceljs";
import Papa from "papaparse";
import { IMPORT_MAX_BYTES, megabytes } from "../uploads/limits";
import { MAX_IMPORT_ROWS, type ImportEncoding } from "./import-schema";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { suggestMapping } from "./import-mapping";
import { cellText, cleanText } from "./import-values";

export type Cell = string | number | boolean | Date | null;
export type SheetRow = { row: number; cells: Cell[] };
export type Sheet = {
  format: "xlsx" | "csv";
  encoding: "utf-8" | "windows-1251" | "utf-16le" | null;
  headers: string[];
  /** Row number of the header in the file (1 unless title lines stand above it). */
  headerRow: number;
  /** Non-empty rows under the header, with their numbers as in the file. */
  rows: SheetRow[];
};

/** A problem with the whole file: a key under "errors" in the message files, with its values. */
export type FileProblem = { key: string; values?: Record<string, string | number> };
export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; problem: FileProblem };

/** Uncompressed size above which an .xlsx is refused unread (a 10 000-row list unpacks to ~10 MB). */
const MAX_UNPACKED_BYTES = 120 * 1024 * 1024;

const notSpreadsheet = (reason: "empty" | "xls" | "notZip" | "brokenXlsx" | "binary" | "unpacked"): SheetResult => ({
  ok: false,
  problem: { key: "peopleImportNotSpreadsheet", values: { reason } },
});

// ——— Reading the file ———

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Reads the first worksheet of an .xlsx, or a .csv/.txt table, into a header and numbered rows. */
/**
 * `locale`: the language of the names given to columns without a header («Столбец C»; the reader's, Russian by
 * default).
 */
export async function readSheet(bytes: Uint8Array, fileName: string, encoding: ImportEncoding = "auto", locale: AppLocale = "ru"): Promise<SheetResult> {
  const read = await readAnySheet(bytes, fileName, encoding);
  if (!read.ok) return read;
  const t = translator(locale);
  return { ok: true, sheet: { ...read.sheet, headers: read.sheet.headers.map((h, i) => h || t("peopleImport.unnamedColumn", { letter: columnLetter(i) })) } };
}

async function readAnySheet(bytes: Uint8Array, fileName: string, encoding: ImportEncoding): Promise<SheetResult> {
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, problem: { key: "peopleImportTooLarge", values: { max: megabytes(IMPORT_MAX_BYTES) } } };
  if (bytes.length === 0) return notSpreadsheet("empty");
  const lower = fileName.toLowerCase();
  const isZip = startsWith(bytes, 0x50, 0x4b);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return notSpreadsheet("xls"); // Excel 97–2003 (.xls)
  if (isZip) return readXlsx(bytes);
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return notSpreadsheet("notZip");
  return readCsv(bytes, encoding);
}

/** Sum of the entries' uncompressed sizes from the zip's central directory; null when unreadable. */
export function unpackedZipSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any list of people
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return cellValue(v.text); // a hyperlink (e-mails often are): its visible text
    if ("formula" in v || "sharedFormula" in v) return cellValue(v.result);
    if (typeof v.error === "string") return v.error; // #N/A, #ЗНАЧ!: shown to the user as the value
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<SheetResult> {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) return notSpreadsheet("brokenXlsx");
  if (unpacked > MAX_UNPACKED_BYTES) return notSpreadsheet("unpacked");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return notSpreadsheet("brokenXlsx"); // a .docx renamed, a damaged download…
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return workbook.worksheets.length ? notSpreadsheet("empty") : notSpreadsheet("brokenXlsx");
  // A quick refusal before building 100 000 rows: the exact count is checked again below.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 50) return tooManyRows(sheet.actualRowCount - 1);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
    rows.push({ row: number, cells });
  });
  return toSheet(rows, "xlsx", null);
}

function decode(bytes: Uint8Array, encoding: ImportEncoding): { text: string; encoding: Sheet["encoding"] } | null {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  // Excel's «Текст Юникод» (.txt): UTF-16 little-endian with a byte order mark, tab-separated.
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (looksBinary(bytes)) return null;
  if (encoding === "utf-8") return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  if (encoding === "windows-1251") return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
  }
}

/** NUL bytes or many control characters in the first 8 KB: an image, a PDF, an archive — not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length * 0.01;
}

/**
 * The separator: «;» from Russian Excel, «,» or tab from elsewhere. Papa Parse's own guess trips over a
 * trailing empty line in two-column files, so: the candidate found the same number of times (outside
 * quotes) on most of the first lines wins; ties go to «;».
 */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best = ";";
  let bestScore = 0;
  for (const d of [";", "\t", ",", "|"]) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) n++;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [, agreeing] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = lines.length ? agreeing / lines.length : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function readCsv(bytes: Uint8Array, encoding: ImportEncoding): SheetResult {
  const decoded = decode(bytes, encoding);
  if (!decoded) return notSpreadsheet("binary");
  if (!decoded.text.trim()) return notSpreadsheet("empty");
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter: guessDelimiter(decoded.text), skipEmptyLines: false });
  const rows: SheetRow[] = [];
  parsed.data.forEach((cells, index) => rows.push({ row: index + 1, cells }));
  return toSheet(rows, "csv", decoded.encoding);
}


const isBlank = (cell: Cell) => cell === null || (typeof cell === "string" && cleanText(cell) === "");

function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function tooManyRows(count: number): SheetResult {
  return { ok: false, problem: { key: "peopleImportTooManyRows", values: { count, max: MAX_IMPORT_ROWS } } };
}

/** Header text that did not decode: replacement characters, or UTF-8 read as a single-byte encoding. */
export function looksGarbled(text: string): boolean {
  const chars = [...text.replace(/\s/g, "")];
  if (chars.length === 0) return false;
  const replacement = chars.filter((c) => c === "\uFFFD").length;
  // UTF-8 Cyrillic read as Latin-1 («Ð¤Ð°Ð¼»), or as Windows-1251 («Р¤Р°Рј»): every other character is Ð/Ñ or Р/С.
  const latinPairs = (text.match(/[ÐÑ][\u0080-\u00ff]/g) ?? []).length;
  const cyrillicPairs = (text.match(/[РС][\u0080-\u00bf\u0402-\u040f\u0452-\u045f\u2010-\u203a\u2116\u20ac\u2122]/g) ?? []).length;
  return replacement / chars.length > 0.05 || (latinPairs * 2) / chars.length > 0.3 || (cyrillicPairs * 2) / chars.length > 0.3;
}

function toSheet(all: SheetRow[], format: Sheet["format"], encoding: Sheet["encoding"]): SheetResult {
  const rows = all.filter((r) => r.cells.some((c) => !isBlank(c)));
  if (rows.length === 0) return notSpreadsheet("empty");
  // The header: the first of the top rows in which known column names are recognized (a title such
  // as «Список педагогов МБОУ СОШ № 20» may stand above it); otherwise the first non-empty row.
  const top = rows.slice(0, 10);
  const recognized = top.map((r) => suggestMapping(r.cells.map((c) => cellText(c))).filter(Boolean).length);
  let headerIndex = recognized.findIndex((n) => n >= 2);
  if (headerIndex < 0) headerIndex = recognized.findIndex((n) => n >= 1);
  if (headerIndex < 0) headerIndex = 0;
  const header = rows[headerIndex]!;
  // Names of columns that did not decode («Р¤Р°РјРёР»РёСЏ», «Ð¤Ð°Ð¼», «�����»): the wrong encoding.
  if (format === "csv" && looksGarbled(header.cells.map((c) => cellText(c)).join(" "))) {
    return { ok: false, problem: { key: "peopleImportEncoding", values: { encoding: encoding === "windows-1251" ? "Windows-1251" : "UTF-8" } } };
  }
  const data = rows.slice(headerIndex + 1);
  if (data.length > MAX_IMPORT_ROWS) return tooManyRows(data.length);
  // Trailing columns that are empty everywhere are not columns.
  let width = 0;
  for (const r of [header, ...data]) {
    for (let i = r.cells.length - 1; i >= width; i--) {
      if (!isBlank(r.cells[i] ?? null)) {
        width = i + 1;
        break;
      }
    }
  }
  // A column without a header is named by readSheet, in the reader's language.
  const headers = Array.from({ length: width }, (_, i) => cellText(header.cells[i] ?? null));
  return { ok: true, sheet: { format, encoding, headers, headerRow: header.row, rows: data } };
}
