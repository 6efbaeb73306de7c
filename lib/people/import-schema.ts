import { z } from "zod";
import { ACCEPT, IMPORT_MAX_BYTES, uploadFile } from "../uploads/limits";
import { PERSON_KINDS } from "./schemas";
import { OrgSlug } from "../schemas/fields";

// What the import form and the import actions share. Plain data and zod only, so the client form can
// use it without pulling the spreadsheet readers (exceljs, papaparse) into the browser bundle.

/** The columns a spreadsheet can be mapped to. "fullName" (ФИО) is split into the three name parts. */
export const IMPORT_FIELDS = [
  "lastName",
  "firstName",
  "middleName",
  "fullName",
  "kind",
  "birthDate",
  "position",
  "subjects",
  "experienceYears",
  "hiredOn",
  "qualificationCategory",
  "grade",
  "externalOrganization",
  "email",
  "phone",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_ENCODINGS = ["auto", "utf-8", "windows-1251"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const MAX_IMPORT_ROWS = 10_000;
/** Rows shown in the preview "as they will be imported". */
export const PREVIEW_ROWS = 20;
/** Row errors and duplicates listed in full up to this many; beyond it only their count. */
export const LISTED_PROBLEMS = 200;

/** Per column of the file: the field it fills, or "" (the column is not imported). */
const Mapping = z.array(z.union([z.enum(IMPORT_FIELDS), z.literal("")], { error: "validation" })).max(500);

export const ImportPeopleInput = z.object({
  org: OrgSlug,
  // Empty or unreadable files get the import's own message (readSheet); a larger one is refused unread.
  file: uploadFile({ maxBytes: IMPORT_MAX_BYTES, accept: ACCEPT.peopleList, allowEmpty: true, tooLarge: "peopleImportTooLarge" }),
  encoding: z.enum(IMPORT_ENCODINGS, { error: "validation" }).default("auto"),
  defaultKind: z.enum(PERSON_KINDS, { error: "required" }).default("TEACHER"),
  // A form post carries the mapping as JSON text; a direct call may pass the list itself. Absent or
  // empty: the mapping suggested from the header row.
  mapping: z.preprocess((v) => {
    if (typeof v !== "string") return v;
    if (!v.trim()) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, Mapping.optional()),
});
export type ImportPeopleInput = z.input<typeof ImportPeopleInput>;
export type ImportMapping = (ImportField | "")[];

// ——— What the preview and the import return (plain data: it crosses to the client) ———

export type RowProblem = { row: number; column: string; message: string };

export type ImportDuplicate = {
  row: number;
  name: string;
  /** What matched: the full name with the birth date, or the e-mail. */
  by: "name" | "email";
  /** An earlier row of the same file… */
  ofRow?: number;
  /** …or a person already in the organization. */
  existing?: { id: string; name: string };
};

export type PreviewRow = {
  row: number;
  kind: (typeof PERSON_KINDS)[number] | null;
  name: string;
  birthDate: string | null;
  minor: boolean;
  details: string;
  contacts: string;
  status: "ok" | "error" | "duplicate";
  note: string | null;
};

export type ImportPreview = {
  /**
   * The columns do not suffice (no names, a field chosen twice): a key under "errors" with its values.
   * The preview still carries the headers, so that the user can map them.
   */
  problem: { key: string; values?: Record<string, string | number> } | null;
  fileName: string;
  format: "xlsx" | "csv";
  encoding: "utf-8" | "windows-1251" | "utf-16le" | null;
  headers: string[];
  /** Per column: the first filled value under the header, to recognize columns named «Столбец C». */
  samples: string[];
  headerRow: number;
  mapping: ImportMapping;
  suggested: ImportMapping;
  totalRows: number;
  toCreate: number;
  rows: PreviewRow[];
  errors: RowProblem[];
  errorCount: number;
  rowsWithErrors: number;
  duplicates: ImportDuplicate[];
  duplicateCount: number;
};

export type ImportReport = {
  fileName: string;
  totalRows: number;
  created: number;
  skippedDuplicates: number;
  /** Milliseconds per phase: reading the file, checking the rows, writing to the database. */
  timings: { parseMs: number; validateMs: number; insertMs: number };
};
