// Reading a list of organizations (.xlsx as the template is filled, or .csv as Russian Excel saves it:
// Windows-1251 and «;», or UTF-8 with or without BOM and «,»). Pure: bytes in, numbered rows of the
// registry's columns out. The checks of each row are in check.ts.

import ExcelJS from "exceljs";
import Papa from "papaparse";
import registryWords from "../i18n/russian/data/registry-words.json";
import { guessDelimiter, looksGarbled, unpackedZipSize } from "../people/sheet-read";
import { megabytes, REGISTRY_MAX_BYTES } from "../uploads/limits";
import { MAX_REGISTRY_ROWS, REGISTRY_COLUMNS, REGISTRY_HEADERS, type RegistryField } from "./schemas";

/** A cell as read: its text, and whether it was unsafe (a formula, control characters). */
export type RawCell = { text: string; formula: boolean; control: boolean };
export type RegistrySheetRow = { row: number; cells: Partial<Record<RegistryField, RawCell>> };
export type RegistrySheet = {
  format: "xlsx" | "csv";
  encoding: "utf-8" | "windows-1251" | null;
  headerRow: number;
  rows: RegistrySheetRow[];
};
/** Why a file is not read as a list: a key under «registry.fileProblems» of the message files (problem-text.ts words it). */
export type ReadProblemKey =
  | "xlsxDamaged"
  | "xlsxTooLarge"
  | "noRows"
  | "notTable"
  | "tooManyRows"
  | "headersGarbled"
  | "noHeaderRow"
  | "columnsMissing"
  | "fileTooLarge"
  | "fileEmpty"
  | "xlsOld";
export type ReadProblem = { key: ReadProblemKey; values: Record<string, string | number> };
export type ReadResult = { ok: true; sheet: RegistrySheet } | { ok: false; problem: ReadProblem };

const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const refuse = (key: ReadProblemKey, values: ReadProblem["values"] = {}): ReadResult => ({ ok: false, problem: { key, values } });

const normalizeHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-zа-я0-9]/g, "");

// What each column's header may read in a list, squashed as normalizeHeader squashes it: input words,
// lib/i18n/russian/data/registry-words.json (beside the template's own header of the column).
const COLUMN_WORDS: Record<RegistryField, { aliases: string[] }> = registryWords.columns;
const EXACT = new Map<string, RegistryField>();
for (const [field, { aliases }] of Object.entries(COLUMN_WORDS) as [RegistryField, { aliases: string[] }][]) for (const a of aliases) EXACT.set(a, field);

/** The registry column a header names (case, «ё», spaces, punctuation and a note in brackets do not matter). */
export function recognizeHeader(header: string): RegistryField | null {
  return EXACT.get(normalizeHeader(header)) ?? null;
}

/** Unsafe text: what a spreadsheet would run as a formula when the list is opened again (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
// Tab, line feed and carriage return are ordinary inside a cell (Alt+Enter in Excel); the rest are not text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

function clean(text: string): string {
  const t = text.replace(/[\u00a0\u2007\u202f\t\r\n]/g, " ").replace(/ +/g, " ").trim();
  return /^[-–—]$/.test(t) ? "" : t;
}

function rawText(text: string, formula = false): RawCell {
  const cleaned = clean(text);
  return { text: cleaned, formula: formula || (FORMULA_START.test(text.trimStart()) && cleaned.length > 1), control: CONTROL.test(text) };
}

/** A cell from a form's field: the same checks as a cell of a list. */
export function cellFromText(text: string): RawCell | null {
  return text === "" ? null : rawText(text);
}

/** An Excel number as text: ИНН/ОГРН typed as numbers keep all digits (no «2,61E+09»). */
function numberText(n: number): string {
  return Number.isInteger(n) ? BigInt(Math.round(n)).toString() : String(n);
}

function cellOf(cell: ExcelJS.Cell): RawCell | null {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return rawText(value);
  if (typeof value === "number") return { text: numberText(value), formula: false, control: false };
  if (typeof value === "boolean") return { text: value ? registryWords.booleanCell.true : registryWords.booleanCell.false, formula: false, control: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false, control: false };
  const v = value as { richText?: { text: string }[]; text?: unknown; formula?: string; sharedFormula?: string; result?: unknown; error?: string };
  if ("formula" in v || "sharedFormula" in v) {
    const result = v.result;
    return { text: result === undefined || result === null ? "" : clean(String(result)), formula: true, control: false };
  }
  if (Array.isArray(v.richText)) return rawText(v.richText.map((r) => r.text).join(""));
  if ("text" in v) return rawText(String(v.text ?? "")); // a hyperlink (e-mails often are): its visible text
  if (typeof v.error === "string") return rawText(v.error);
  return rawText(String(value));
}

type Grid = { row: number; cells: (RawCell | null)[] }[];

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) return refuse("xlsxDamaged");
  if (unpacked > MAX_UNPACKED_BYTES) return refuse("xlsxTooLarge");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return refuse("xlsxDamaged");
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return refuse("noRows");
  if (sheet.actualRowCount > MAX_REGISTRY_ROWS + 20) return tooManyRows(sheet.actualRowCount - 1);
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: (RawCell | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell);
    });
    grid.push({ row: number, cells });
  });
  return toSheet(grid, "xlsx", null);
}

function decode(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1251" } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Russian Excel's «CSV (разделители — запятые)» is Windows-1251 (Node's TextDecoder knows it: full ICU).
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
  }
}

function readCsv(bytes: Uint8Array): ReadResult {
  if (bytes.subarray(0, 8192).includes(0)) return refuse("notTable");
  const { text, encoding } = decode(bytes);
  if (!text.trim()) return refuse("noRows");
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  const grid: Grid = parsed.data.map((cells, index) => ({ row: index + 1, cells: cells.map((c) => (c === "" ? null : rawText(c))) }));
  return toSheet(grid, "csv", encoding);
}

function tooManyRows(count: number): ReadResult {
  return refuse("tooManyRows", { count, max: MAX_REGISTRY_ROWS });
}

function toSheet(grid: Grid, format: RegistrySheet["format"], encoding: RegistrySheet["encoding"]): ReadResult {
  const rows = grid.filter((r) => r.cells.some((c) => c && c.text !== ""));
  if (rows.length === 0) return refuse("noRows");
  // The header: the first of the top rows naming at least two registry columns (a title such as
  // «Список подведомственных организаций» may stand above it).
  const headerIndex = rows.slice(0, 15).findIndex((r) => new Set(r.cells.map((c) => (c ? recognizeHeader(c.text) : null)).filter(Boolean)).size >= 2);
  if (headerIndex < 0) {
    const first = rows[0]!.cells.map((c) => c?.text ?? "").join(" ");
    if (format === "csv" && looksGarbled(first)) return refuse("headersGarbled");
    return refuse("noHeaderRow");
  }
  const header = rows[headerIndex]!;
  const columns = new Map<number, RegistryField>();
  const seen = new Set<RegistryField>();
  header.cells.forEach((c, i) => {
    const field = c ? recognizeHeader(c.text) : null;
    if (field && !seen.has(field)) {
      seen.add(field);
      columns.set(i, field);
    }
  });
  const missing = (["name", "kind"] as const).filter((f) => !seen.has(f));
  if (missing.length) return refuse("columnsMissing", { columns: missing.map((f) => `«${REGISTRY_HEADERS[f]}»`).join(", ") });
  const data = rows.slice(headerIndex + 1);
  if (data.length > MAX_REGISTRY_ROWS) return tooManyRows(data.length);
  return {
    ok: true,
    sheet: {
      format,
      encoding,
      headerRow: header.row,
      rows: data.map((r) => {
        const cells: RegistrySheetRow["cells"] = {};
        for (const [i, field] of columns) {
          const cell = r.cells[i];
          if (cell) cells[field] = cell;
        }
        return { row: r.row, cells };
      }),
    },
  };
}

/** Reads the first filled worksheet of an .xlsx, or a .csv table. A refusal is a key with its values. */
export async function readRegistrySheet(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.length > REGISTRY_MAX_BYTES) return refuse("fileTooLarge", { megabytes: megabytes(REGISTRY_MAX_BYTES) });
  if (bytes.length === 0) return refuse("fileEmpty");
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return refuse("xlsOld");
  if (startsWith(bytes, 0x50, 0x4b)) return readXlsx(bytes);
  if (/\.xlsx?$/i.test(fileName)) return refuse("xlsxDamaged");
  return readCsv(bytes);
}

export const COLUMN_ORDER = REGISTRY_COLUMNS.map(([field]) => field);
