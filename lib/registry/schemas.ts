import { z } from "zod";
import type { RegistryKind } from "../domain/requisites";
import registryWords from "../i18n/russian/data/registry-words.json";
import { ACCEPT, REGISTRY_MAX_BYTES, uploadFile } from "../uploads/limits";
import { OrgSlug, Text } from "../schemas/fields";

// What the registry's forms and actions share (docs/decisions/017). Plain data and zod only: the client
// forms use it without pulling the spreadsheet readers (exceljs, papaparse) into the browser bundle.

/** Rows of a list: 2 000 schools (the largest region's municipality holds fewer) pass, 5 000 are refused. */
export const MAX_REGISTRY_ROWS = 3000;

/** The registry's columns, in the template's order. */
export const REGISTRY_FIELDS = ["name", "shortName", "kind", "place", "address", "inn", "ogrn", "headPosition", "headName", "headEmail"] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

// Input words, lib/i18n/russian/data/registry-words.json: the template's headers are what the reader recognises
// (with their aliases, read.ts), and the kinds' words what its «Вид» dropdown offers (the first word of each kind
// that lib/domain/requisites.ts reads back).
const COLUMN_WORDS: Record<RegistryField, { header: string }> = registryWords.columns;

/** The columns of the list template, in its order, with the header each has in the template. */
export const REGISTRY_COLUMNS = REGISTRY_FIELDS.map((field) => [field, COLUMN_WORDS[field].header] as const);
export const REGISTRY_HEADERS = Object.fromEntries(REGISTRY_COLUMNS) as Record<RegistryField, string>;

/** The kinds a form offers, each with the «Вид» word the template's dropdown shows. */
export const REGISTRY_KINDS = ["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY", "MUNICIPALITY", "REGION"] as const;
export type RegistryKindKey = (typeof REGISTRY_KINDS)[number];
export const REGISTRY_KIND_WORD: Record<RegistryKindKey, string> = registryWords.kindWords;

export function kindOfKey(key: RegistryKindKey): RegistryKind {
  if (key === "MUNICIPALITY" || key === "REGION") return { kind: key, schoolKind: null };
  return { kind: "SCHOOL", schoolKind: key };
}

export function keyOfKind(kind: RegistryKind): RegistryKindKey {
  return kind.kind === "SCHOOL" ? (kind.schoolKind ?? "GENERAL") : kind.kind;
}

const text = (max: number) => Text(max).optional().default("");

/** One organization added by the form; the same checks as a row of a list (lib/registry/check.ts). */
export const AddOrganizationInput = z.object({
  org: OrgSlug,
  name: z.string().trim().min(1, { error: "required" }).max(500, { error: "tooLong" }),
  shortName: text(200),
  kind: z.enum(REGISTRY_KINDS, { error: "required" }),
  place: text(200),
  address: text(500),
  inn: text(20),
  ogrn: text(20),
  headPosition: text(200),
  headName: text(200),
  headEmail: text(254),
  slug: text(64),
});
export type AddOrganizationInput = z.input<typeof AddOrganizationInput>;

/** Slugs the user typed in the preview, by row number of the file: `{ "5": "shkola-5" }` (a form posts it as JSON). */
const SlugEdits = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    if (!v.trim()) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.record(z.string().regex(/^\d{1,6}$/), z.string().max(64), { error: "validation" }).optional(),
);

export const RegistryListInput = z.object({
  org: OrgSlug,
  // Empty or unreadable files get the registry's own message (read.ts); a larger one is refused unread.
  file: uploadFile({ maxBytes: REGISTRY_MAX_BYTES, accept: ACCEPT.registryList, allowEmpty: true, tooLarge: "registryTooLarge" }),
  slugs: SlugEdits,
});
export type RegistryListInput = z.input<typeof RegistryListInput>;

// ——— What the preview and the import return (plain data: it crosses to the client) ———

/** A problem worded in the reader's language, with its row (0: the file or the command itself). */
export type RegistryRowReason = { row: number; reason: string };

export type RegistryPreviewRow = {
  row: number;
  name: string;
  shortName: string | null;
  kind: RegistryKindKey | null;
  place: string | null;
  inn: string | null;
  headName: string | null;
  headEmail: string | null;
  slug: string | null;
  problems: string[];
};

export type RegistryPreview = {
  fileName: string;
  format: "xlsx" | "csv";
  encoding: "utf-8" | "windows-1251" | null;
  headerRow: number;
  totalRows: number;
  rows: RegistryPreviewRow[];
  problems: RegistryRowReason[];
  rowsWithErrors: number;
  invitations: number;
};

export type RegistryImportReport = { created: number; slugs: string[]; invitations: number };
