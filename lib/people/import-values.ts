// The values of a people list's cells: text, dates of birth and of hiring, kinds of person, qualification, experience.

import { isValid, parse as parseDate } from "date-fns";
import { z } from "zod";
import type { PersonKind } from "../domain/banks";
import peopleImportWords from "../i18n/russian/data/people-import-words.json";
import type { Cell } from "./sheet-read";
import { formatCalendarDate } from "../format";

// ——— Values ———

/** Text of a cell: non-breaking spaces and runs of spaces collapsed; a lone dash means empty. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return formatCalendarDate(cell);
  if (typeof cell === "boolean") return cell ? peopleImportWords.booleanCell.true : peopleImportWords.booleanCell.false;
  return cleanText(String(cell));
}

export function cleanText(text: string): string {
  const t = text.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/\s+/g, " ").trim();
  return /^[-–—]$/.test(t) ? "" : t;
}

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const REFERENCE = new Date(2000, 0, 1);

/** A value read from a cell, or what is wrong with it: a key under «peopleImport.problems» with its values. */
export type CellProblem = { key: string; values?: Record<string, string | number> };
type Parsed<T> = { value: T } | { error: CellProblem };

/** A calendar date from a date cell, an Excel serial number, or text dd.MM.yyyy, d.M.yyyy, yyyy-MM-dd (UTC midnight). */
function parseDateCell(cell: Cell, example = "05.03.1985"): Parsed<Date | null> {
  let date: Date | null = null;
  const shown = cellText(cell);
  if (cell === null || shown === "") return { value: null };
  if (cell instanceof Date) {
    // Date cells come as UTC midnight; round away float noise of the serial (23:59:59.999).
    const t = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
    date = utcDay(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  } else if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return { error: { key: "notDate", values: { value: shown, example } } };
    const t = new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000);
    date = utcDay(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  } else {
    const text = shown.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, "").trim();
    const format = /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text) ? "d.M.yyyy" : /^\d{4}-\d{1,2}-\d{1,2}$/.test(text) ? "yyyy-M-d" : null;
    if (!format) return { error: { key: "notDate", values: { value: shown, example } } };
    const local = parseDate(text, format, REFERENCE);
    if (!isValid(local)) return { error: { key: "noSuchDate", values: { value: shown } } };
    date = utcDay(local.getFullYear(), local.getMonth(), local.getDate());
  }
  return { value: date };
}

const dayOf = (today: Date) => utcDay(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());

/** A birth date (see parseDateCell): not after today, an age of 2 to 100. */
export function parseBirthDate(cell: Cell, today: Date): Parsed<Date | null> {
  const parsed = parseDateCell(cell);
  if ("error" in parsed || parsed.value === null) return parsed;
  const date = parsed.value;
  const todayUtc = dayOf(today);
  if (date.getTime() > todayUtc.getTime()) return { error: { key: "birthFuture", values: { date: formatCalendarDate(date) } } };
  const age = todayUtc.getUTCFullYear() - date.getUTCFullYear();
  if (age > 100 || age < 2) return { error: { key: "birthImplausible", values: { date: formatCalendarDate(date) } } };
  return { value: date };
}

/** The day a person was hired (see parseDateCell): not after today (as on the card), not before 1950. */
export function parseHireDate(cell: Cell, today: Date): Parsed<Date | null> {
  const parsed = parseDateCell(cell, "01.09.2025");
  if ("error" in parsed || parsed.value === null) return parsed;
  const date = parsed.value;
  if (date.getTime() > dayOf(today).getTime()) return { error: { key: "hireFuture", values: { date: formatCalendarDate(date) } } };
  if (date.getUTCFullYear() < 1950) return { error: { key: "hireImplausible", values: { date: formatCalendarDate(date) } } };
  return { value: date };
}

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]/g, "");

// The words of each kind (and the qualification's spellings below) are input words:
// lib/i18n/russian/data/people-import-words.json, squashed as squash() squashes a cell.
const KIND_WORDS: Record<PersonKind, string[]> = peopleImportWords.kindWords;
const KINDS = new Map<string, PersonKind>();
for (const [kind, words] of Object.entries(KIND_WORDS) as [PersonKind, string[]][]) for (const w of words) KINDS.set(w, kind);

export function parseKind(text: string): Parsed<PersonKind | null> {
  if (!text) return { value: null };
  const kind = KINDS.get(squash(text));
  return kind ? { value: kind } : { error: { key: "unknownKind", values: { value: text } } };
}

const QUALIFICATION = peopleImportWords.qualification;
export const QUALIFICATION_CATEGORIES: readonly string[] = QUALIFICATION.categories.map((category) => category.value);

export function parseQualification(text: string): Parsed<string | null> {
  if (!text) return { value: null };
  const words = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]+/g, " ")
    .split(" ")
    .filter((w) => w && !QUALIFICATION.ignoredWordPrefixes.some((prefix) => w.startsWith(prefix)) && !QUALIFICATION.ignoredWords.includes(w))
    .join(" ");
  const category = QUALIFICATION.categories.find((c) => c.spellings.includes(words));
  if (category) return { value: category.value };
  return { error: { key: "unknownQualification", values: { value: text } } };
}

export function parseExperience(cell: Cell): Parsed<number | null> {
  const text = cellText(cell);
  if (!text) return { value: null };
  const refusal = { error: { key: "experience", values: { value: text } } };
  let years: number;
  if (typeof cell === "number") years = cell;
  else {
    const m = /^(\d{1,3})\s*(лет|год|года|г\.?|л\.?)?$/i.exec(text);
    if (!m) return refusal;
    years = Number(m[1]);
  }
  return Number.isInteger(years) && years >= 0 && years <= 60 ? { value: years } : refusal;
}

export const EmailSchema = z.email();
