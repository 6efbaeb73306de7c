// Reading a list of people from a spreadsheet (.xlsx or .csv, as school curators keep them in Excel)
// and checking every row before anything is written. Pure: bytes in, rows, problems and duplicates
// out; the import actions add the organization's existing people and the database.

import { isValid, parse as parseDate } from "date-fns";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { z } from "zod";
import type { PersonKind } from "../domain/banks";
import { isMinorOn } from "../domain/consent";
import { fullName } from "../domain/names";
import { IMPORT_MAX_BYTES, megabytes } from "../uploads/limits";
import {
  IMPORT_FIELDS,
  LISTED_PROBLEMS,
  MAX_IMPORT_ROWS,
  PREVIEW_ROWS,
  type ImportDuplicate,
  type ImportEncoding,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type PreviewRow,
  type RowProblem,
} from "./import-schema";

export * from "./import-schema";

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
export async function readSheet(bytes: Uint8Array, fileName: string, encoding: ImportEncoding = "auto"): Promise<SheetResult> {
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

// ——— Header and mapping ———

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
  const headers = Array.from({ length: width }, (_, i) => cellText(header.cells[i] ?? null) || `Столбец ${columnLetter(i)}`);
  return { ok: true, sheet: { format, encoding, headers, headerRow: header.row, rows: data } };
}

const normalizeHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]/g, "");

const ALIASES: Record<ImportField, string[]> = {
  lastName: ["фамилия", "lastname", "surname", "familyname"],
  firstName: ["имя", "firstname", "givenname", "name"],
  middleName: ["отчество", "middlename", "patronymic", "отчествоприналичии"],
  fullName: [
    "фио", "фамилияимяотчество", "фамилияимя", "фиополностью", "полноеимя", "fullname", "фиопедагога", "фиосотрудника",
    "фиоучастника", "фиообучающегося", "фиоучащегося", "фиоученика", "фионаставника", "фионаставляемого", "фиоработника",
  ],
  kind: ["тип", "типучастника", "категорияучастника", "участник", "кто", "kind", "type", "participant", "participanttype", "роль"],
  birthDate: ["датарождения", "датарожд", "др", "родился", "родилась", "birthdate", "dateofbirth", "dob", "birthday"],
  position: ["должность", "занимаемаядолжность", "position", "jobtitle", "post"],
  subjects: ["предмет", "предметы", "преподаваемыйпредмет", "преподаваемыепредметы", "учебныйпредмет", "учебныепредметы", "subject", "subjects"],
  experienceYears: [
    "стаж", "стажлет", "педстаж", "педагогическийстаж", "стажработы", "стажпедагогическойработы", "общийстаж", "experience", "experienceyears",
  ],
  qualificationCategory: ["квалификационнаякатегория", "категория", "квалификация", "qualification", "qualificationcategory", "category"],
  grade: ["класс", "классгруппа", "классбуква", "группа", "grade", "class", "form"],
  externalOrganization: ["организация", "местоработы", "местоработыорганизация", "организацияпартнер", "organization", "organisation", "company", "employer"],
  email: ["email", "эпочта", "элпочта", "электроннаяпочта", "почта", "адресэлектроннойпочты", "mail"],
  phone: ["телефон", "тел", "мобильныйтелефон", "контактныйтелефон", "номертелефона", "phone", "mobile", "tel"],
};

const EXACT = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of ALIASES[field]) EXACT.set(alias, field);
const PREFIXES = IMPORT_FIELDS.flatMap((field) => ALIASES[field].filter((a) => a.length >= 6).map((alias) => [alias, field] as const));

function recognize(header: string): ImportField | null {
  const whole = normalizeHeader(header);
  const bare = normalizeHeader(header.replace(/\([^)]*\)/g, " "));
  for (const key of [whole, bare]) {
    const field = EXACT.get(key);
    if (field) return field;
  }
  // «Дата рождения (дд.мм.гггг)», «Фамилия сотрудника»: a known name followed by words.
  if (bare.length >= 6) for (const [alias, field] of PREFIXES) if (bare.startsWith(alias)) return field;
  return null;
}

/** A field for each header it recognizes (case, spaces, ё and punctuation do not matter); each field once. */
export function suggestMapping(headers: string[]): ImportMapping {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const field = recognize(header);
    if (!field || used.has(field)) return "";
    used.add(field);
    return field;
  });
}

/** Russian names of the fields as a curator sees them (in lists of missing columns and row problems). */
export const FIELD_LABELS: Record<ImportField, string> = {
  lastName: "Фамилия",
  firstName: "Имя",
  middleName: "Отчество",
  fullName: "ФИО",
  kind: "Категория участника",
  birthDate: "Дата рождения",
  position: "Должность",
  subjects: "Предметы",
  experienceYears: "Стаж",
  qualificationCategory: "Квалификационная категория",
  grade: "Класс",
  externalOrganization: "Организация",
  email: "E-mail",
  phone: "Телефон",
};

// ——— Values ———

/** Text of a cell: non-breaking spaces and runs of spaces collapsed; a lone dash means empty. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return formatDay(cell);
  if (typeof cell === "boolean") return cell ? "да" : "нет";
  return cleanText(String(cell));
}

function cleanText(text: string): string {
  const t = text.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/\s+/g, " ").trim();
  return /^[-–—]$/.test(t) ? "" : t;
}

const pad = (n: number) => String(n).padStart(2, "0");
const formatDay = (d: Date) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const REFERENCE = new Date(2000, 0, 1);

type Parsed<T> = { value: T } | { error: string };

/** A birth date from a date cell, an Excel serial number, or text dd.MM.yyyy, d.M.yyyy, yyyy-MM-dd. */
export function parseBirthDate(cell: Cell, today: Date): Parsed<Date | null> {
  let date: Date | null = null;
  const shown = cellText(cell);
  if (cell === null || shown === "") return { value: null };
  if (cell instanceof Date) {
    // Date cells come as UTC midnight; round away float noise of the serial (23:59:59.999).
    const t = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
    date = utcDay(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  } else if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return { error: `«${shown}» — не дата: запишите дату как ДД.ММ.ГГГГ, например 05.03.1985` };
    const t = new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000);
    date = utcDay(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  } else {
    const text = shown.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, "").trim();
    const format = /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text) ? "d.M.yyyy" : /^\d{4}-\d{1,2}-\d{1,2}$/.test(text) ? "yyyy-M-d" : null;
    if (!format) return { error: `«${shown}» — не дата: запишите дату как ДД.ММ.ГГГГ, например 05.03.1985` };
    const local = parseDate(text, format, REFERENCE);
    if (!isValid(local)) return { error: `даты «${shown}» не существует` };
    date = utcDay(local.getFullYear(), local.getMonth(), local.getDate());
  }
  const todayUtc = utcDay(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() > todayUtc.getTime()) return { error: `дата рождения ${formatDay(date)} ещё не наступила` };
  const age = todayUtc.getUTCFullYear() - date.getUTCFullYear();
  if (age > 100 || age < 2) return { error: `неправдоподобная дата рождения ${formatDay(date)}` };
  return { value: date };
}

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]/g, "");

const KIND_WORDS: Record<PersonKind, string[]> = {
  TEACHER: [
    "педагог", "учитель", "учительница", "преподаватель", "воспитатель", "сотрудник", "работник", "педагогическийработник", "молодойпедагог",
    "молодойспециалист", "педагогпсихолог", "teacher", "staff",
  ],
  STUDENT: [
    "обучающийся", "обучающаяся", "учащийся", "учащаяся", "ученик", "ученица", "школьник", "школьница", "студент", "студентка", "воспитанник",
    "воспитанница", "student", "pupil",
  ],
  EXTERNAL: [
    "внешнийспециалист", "внешний", "внешнийнаставник", "партнер", "представительпартнера", "представительработодателя", "работодатель",
    "выпускник", "выпускница", "external", "partner",
  ],
};
const KINDS = new Map<string, PersonKind>();
for (const [kind, words] of Object.entries(KIND_WORDS) as [PersonKind, string[]][]) for (const w of words) KINDS.set(w, kind);

export function parseKind(text: string): Parsed<PersonKind | null> {
  if (!text) return { value: null };
  const kind = KINDS.get(squash(text));
  return kind ? { value: kind } : { error: `неизвестная категория участника «${text}»: укажите «педагог», «обучающийся» или «внешний специалист»` };
}

export const QUALIFICATION_CATEGORIES = ["высшая", "первая", "соответствие занимаемой должности", "без категории"] as const;

export function parseQualification(text: string): Parsed<string | null> {
  if (!text) return { value: null };
  const words = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]+/g, " ")
    .split(" ")
    .filter((w) => w && !/^квалификационн/.test(w) && !/^категори/.test(w) && w !== "кк")
    .join(" ");
  if (["высшая", "высшей", "высш", "в"].includes(words)) return { value: "высшая" };
  if (["первая", "первой", "1", "i"].includes(words)) return { value: "первая" };
  if (["соответствие занимаемой должности", "соответствие", "сзд", "на соответствие занимаемой должности", "соответствует занимаемой должности"].includes(words))
    return { value: "соответствие занимаемой должности" };
  if (["без", "нет", "не имеет", ""].includes(words)) return { value: "без категории" };
  return { error: `неизвестная квалификационная категория «${text}»: допустимы высшая, первая, соответствие занимаемой должности, без категории` };
}

export function parseExperience(cell: Cell): Parsed<number | null> {
  const text = cellText(cell);
  if (!text) return { value: null };
  const refusal = { error: `стаж «${text}»: укажите целое число лет от 0 до 60` };
  let years: number;
  if (typeof cell === "number") years = cell;
  else {
    const m = /^(\d{1,3})\s*(лет|год|года|г\.?|л\.?)?$/i.exec(text);
    if (!m) return refusal;
    years = Number(m[1]);
  }
  return Number.isInteger(years) && years >= 0 && years <= 60 ? { value: years } : refusal;
}

const EmailSchema = z.email();

// ——— Rows ———

export type ImportPerson = {
  kind: PersonKind;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: Date | null;
  minor: boolean;
  position: string | null;
  subjects: string[];
  experienceYears: number | null;
  qualificationCategory: string | null;
  grade: string | null;
  externalOrganization: string | null;
  email: string | null;
  phone: string | null;
};

export type ExistingPerson = { id: string; lastName: string; firstName: string; middleName: string | null; birthDate: Date | null; email: string | null };

export type CheckedRow = { row: number; person: ImportPerson | null; problems: RowProblem[]; duplicate: ImportDuplicate | null };

export type CheckOptions = {
  /** Per column of the sheet; absent: suggested from the header. */
  mapping?: ImportMapping;
  /** For rows without a kind column (or with it empty). */
  defaultKind: PersonKind;
  today: Date;
  /** The organization's people, to find those already there. */
  existing?: ExistingPerson[];
};

export type CheckResult =
  | {
      ok: true;
      mapping: ImportMapping;
      rows: CheckedRow[];
      /** Rows to create: valid and not duplicates. */
      people: (ImportPerson & { row: number })[];
      problems: RowProblem[];
      rowsWithErrors: number;
      duplicates: ImportDuplicate[];
    }
  | { ok: false; problem: FileProblem };

const LIMITS = { lastName: 100, firstName: 100, middleName: 100, position: 200, grade: 20, externalOrganization: 300, phone: 40, subject: 100 } as const;


/** Checks the mapping, then every row; finds duplicates inside the file and against existing people. */
export function checkPeople(sheet: Sheet, options: CheckOptions): CheckResult {
  const suggested = options.mapping ? null : suggestMapping(sheet.headers);
  const mapping: ImportMapping = sheet.headers.map((_, i) => (suggested ? suggested[i] : options.mapping?.[i]) ?? "");
  const column = new Map<ImportField, number>();
  for (const [i, field] of mapping.entries()) {
    if (!field) continue;
    const earlier = column.get(field);
    if (earlier !== undefined) {
      return {
        ok: false,
        problem: { key: "peopleImportMappingTwice", values: { field: FIELD_LABELS[field], first: sheet.headers[earlier]!, second: sheet.headers[i]! } },
      };
    }
    column.set(field, i);
  }
  const hasFull = column.has("fullName");
  const missing = [
    ...(!column.has("lastName") && !hasFull ? [FIELD_LABELS.lastName] : []),
    ...(!column.has("firstName") && !hasFull ? [FIELD_LABELS.firstName] : []),
  ];
  if (missing.length) return { ok: false, problem: { key: "peopleImportMissingColumns", values: { columns: missing.map((m) => `«${m}»`).join(", ") } } };
  if (sheet.rows.length === 0) return { ok: false, problem: { key: "peopleImportNoRows" } };

  const rows = sheet.rows.map((r) => checkRow(r, column, sheet.headers, options));
  const duplicates = markDuplicates(rows, options.existing ?? []);
  const problems = rows.flatMap((r) => r.problems);
  return {
    ok: true,
    mapping,
    rows,
    people: rows.filter((r) => r.person && !r.problems.length && !r.duplicate).map((r) => ({ ...r.person!, row: r.row })),
    problems,
    rowsWithErrors: rows.filter((r) => r.problems.length > 0).length,
    duplicates,
  };
}

function checkRow(source: SheetRow, column: Map<ImportField, number>, headers: string[], options: CheckOptions): CheckedRow {
  const problems: RowProblem[] = [];
  const cell = (field: ImportField): Cell => {
    const i = column.get(field);
    return i === undefined ? null : (source.cells[i] ?? null);
  };
  const headerOf = (field: ImportField) => {
    const i = column.get(field);
    return i === undefined ? FIELD_LABELS[field] : headers[i]!;
  };
  const problem = (field: ImportField, message: string) => problems.push({ row: source.row, column: headerOf(field), message });
  const text = (field: Exclude<ImportField, "fullName" | "kind" | "birthDate" | "subjects" | "experienceYears" | "qualificationCategory" | "email">, max: number) => {
    const value = cellText(cell(field));
    if (value.length > max) {
      problem(field, `слишком длинное значение (больше ${max} символов)`);
      return null;
    }
    return value || null;
  };
  const name = (field: "lastName" | "firstName" | "middleName", value: string | null, required: boolean, source: ImportField = field) => {
    if (!value) {
      if (required) problem(source, `не заполнено: ${FIELD_LABELS[field].toLowerCase()}`);
      return null;
    }
    if (value.length > LIMITS[field]) problem(source, `${FIELD_LABELS[field].toLowerCase()} длиннее ${LIMITS[field]} символов`);
    else if (value.includes("\uFFFD")) problem(source, `${FIELD_LABELS[field].toLowerCase()} «${value}» — нечитаемые символы: проверьте кодировку файла`);
    else if (/\d/.test(value) || !/\p{L}/u.test(value)) problem(source, `${FIELD_LABELS[field].toLowerCase()} «${value}» — в имени могут быть только буквы, пробел, дефис и апостроф`);
    return value;
  };

  // Names: separate columns first, the ФИО column fills what they leave empty.
  let last = column.has("lastName") ? cellText(cell("lastName")) : "";
  let first = column.has("firstName") ? cellText(cell("firstName")) : "";
  let middle = column.has("middleName") ? cellText(cell("middleName")) : "";
  let nameSource: ImportField | null = null;
  if (column.has("fullName") && (!last || !first)) {
    const parts = cellText(cell("fullName")).split(" ").filter(Boolean);
    if (parts.length === 1 && !last) problem("fullName", `в ФИО «${parts[0]}» нет имени: нужны хотя бы фамилия и имя`);
    if (parts.length >= 1) {
      last ||= parts[0]!;
      first ||= parts[1] ?? "";
      middle ||= parts.slice(2).join(" ");
      nameSource = "fullName";
    }
  }
  const requiredShown = problems.length === 0;
  const lastName = name("lastName", last || null, requiredShown, nameSource && !column.has("lastName") ? nameSource : "lastName");
  const firstName = name("firstName", first || null, requiredShown, nameSource && !column.has("firstName") ? nameSource : "firstName");
  const middleName = name("middleName", middle || null, false, nameSource && !column.has("middleName") ? nameSource : "middleName");

  const kindParsed = parseKind(cellText(cell("kind")));
  if ("error" in kindParsed) problem("kind", kindParsed.error);
  const kind = ("value" in kindParsed ? kindParsed.value : null) ?? options.defaultKind;

  const birth = parseBirthDate(cell("birthDate"), options.today);
  if ("error" in birth) problem("birthDate", birth.error);
  const birthDate = "value" in birth ? birth.value : null;

  const position = text("position", LIMITS.position);
  const grade = text("grade", LIMITS.grade);
  const externalOrganization = text("externalOrganization", LIMITS.externalOrganization);
  const phone = text("phone", LIMITS.phone);

  const subjects: string[] = [];
  const seen = new Set<string>();
  for (const part of cellText(cell("subjects")).split(/[,;\n]/)) {
    const subject = part.trim();
    if (!subject || seen.has(subject.toLowerCase())) continue;
    if (subject.length > LIMITS.subject) problem("subjects", `название предмета длиннее ${LIMITS.subject} символов`);
    seen.add(subject.toLowerCase());
    subjects.push(subject);
  }
  if (subjects.length > 20) problem("subjects", "больше 20 предметов: проверьте, тот ли это столбец");

  const experience = parseExperience(cell("experienceYears"));
  if ("error" in experience) problem("experienceYears", experience.error);
  const qualification = parseQualification(cellText(cell("qualificationCategory")));
  if ("error" in qualification) problem("qualificationCategory", qualification.error);

  let email: string | null = cellText(cell("email")).replace(/^mailto:/i, "").toLowerCase() || null;
  if (email && (email.length > 254 || !EmailSchema.safeParse(email).success)) {
    problem("email", `«${email}» — не адрес электронной почты`);
    email = null;
  }

  if (problems.length || !lastName || !firstName) return { row: source.row, person: null, problems, duplicate: null };
  // A student without a birth date counts as a minor (the safe side for consent), as in createPerson.
  const minor = birthDate ? isMinorOn({ birthDate }, options.today) : kind === "STUDENT";
  return {
    row: source.row,
    person: {
      kind,
      lastName,
      firstName,
      middleName,
      birthDate,
      minor,
      position,
      subjects,
      experienceYears: "value" in experience ? experience.value : null,
      qualificationCategory: "value" in qualification ? qualification.value : null,
      grade,
      externalOrganization,
      email,
      phone,
    },
    problems,
    duplicate: null,
  };
}

const foldName = (s: string | null) => (s ?? "").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
/** The same person: the same last, first and middle name (case and ё/е aside) and the same birth date. */
export const personKey = (p: { lastName: string; firstName: string; middleName: string | null; birthDate: Date | null }) =>
  `${foldName(p.lastName)}|${foldName(p.firstName)}|${foldName(p.middleName)}|${p.birthDate ? p.birthDate.toISOString().slice(0, 10) : ""}`;

function markDuplicates(rows: CheckedRow[], existing: ExistingPerson[]): ImportDuplicate[] {
  const byKey = new Map<string, ExistingPerson>();
  const byEmail = new Map<string, ExistingPerson>();
  for (const p of existing) {
    byKey.set(personKey(p), p);
    if (p.email) byEmail.set(p.email.toLowerCase(), p);
  }
  const rowByKey = new Map<string, number>();
  const rowByEmail = new Map<string, number>();
  const out: ImportDuplicate[] = [];
  for (const r of rows) {
    const p = r.person;
    if (!p || r.problems.length) continue;
    const key = personKey(p);
    const name = fullName(p);
    const there = byKey.get(key) ?? (p.email ? byEmail.get(p.email) : undefined);
    let duplicate: ImportDuplicate | null = null;
    if (there) duplicate = { row: r.row, name, by: byKey.has(key) ? "name" : "email", existing: { id: there.id, name: fullName(there) } };
    else if (rowByKey.has(key)) duplicate = { row: r.row, name, by: "name", ofRow: rowByKey.get(key) };
    else if (p.email && rowByEmail.has(p.email)) duplicate = { row: r.row, name, by: "email", ofRow: rowByEmail.get(p.email) };
    if (duplicate) {
      r.duplicate = duplicate;
      out.push(duplicate);
      continue;
    }
    rowByKey.set(key, r.row);
    if (p.email) rowByEmail.set(p.email, r.row);
  }
  return out;
}

// ——— Preview ———

function describeDuplicate(d: ImportDuplicate): string {
  const what = d.by === "name" ? "ФИО и дата рождения" : "e-mail";
  return d.existing ? `уже есть в организации: ${d.existing.name} (совпадают ${what})` : `повтор строки ${d.ofRow} (совпадают ${what})`;
}

function previewRow(r: CheckedRow): PreviewRow {
  const p = r.person;
  return {
    row: r.row,
    kind: p?.kind ?? null,
    name: p ? fullName(p) : "",
    birthDate: p?.birthDate ? formatDay(p.birthDate) : null,
    minor: p?.minor ?? false,
    details: p
      ? [
          p.position,
          p.subjects.join(", "),
          p.grade,
          p.experienceYears !== null ? `стаж ${p.experienceYears}` : null,
          p.qualificationCategory,
          p.externalOrganization,
        ]
          .filter(Boolean)
          .join("; ")
      : "",
    contacts: p ? [p.email, p.phone].filter(Boolean).join(", ") : "",
    status: r.problems.length ? "error" : r.duplicate ? "duplicate" : "ok",
    note: r.problems.length ? r.problems.map((x) => `${x.column}: ${x.message}`).join("; ") : r.duplicate ? describeDuplicate(r.duplicate) : null,
  };
}

/**
 * What the preview shows: the first rows as they will be imported, listed problems (capped) and counts.
 * When the columns do not suffice, the problem and the headers — so that the user can map them.
 */
export function buildPreview(fileName: string, sheet: Sheet, checked: CheckResult, requested?: ImportMapping): ImportPreview {
  const suggested = suggestMapping(sheet.headers);
  const base = {
    fileName,
    format: sheet.format,
    encoding: sheet.encoding,
    headers: sheet.headers,
    samples: sheet.headers.map((_, i) => {
      for (const r of sheet.rows.slice(0, PREVIEW_ROWS)) {
        const text = cellText(r.cells[i] ?? null);
        if (text) return text.length > 60 ? `${text.slice(0, 57)}…` : text;
      }
      return "";
    }),
    headerRow: sheet.headerRow,
    suggested,
    totalRows: sheet.rows.length,
  };
  if (!checked.ok) {
    return {
      ...base,
      problem: checked.problem,
      mapping: sheet.headers.map((_, i) => (requested ? (requested[i] ?? "") : (suggested[i] ?? ""))),
      toCreate: 0,
      rows: [],
      errors: [],
      errorCount: 0,
      rowsWithErrors: 0,
      duplicates: [],
      duplicateCount: 0,
    };
  }
  return {
    ...base,
    problem: null,
    mapping: checked.mapping,
    toCreate: checked.people.length,
    rows: checked.rows.slice(0, PREVIEW_ROWS).map(previewRow),
    errors: checked.problems.slice(0, LISTED_PROBLEMS),
    errorCount: checked.problems.length,
    rowsWithErrors: checked.rowsWithErrors,
    duplicates: checked.duplicates.slice(0, LISTED_PROBLEMS),
    duplicateCount: checked.duplicates.length,
  };
}
