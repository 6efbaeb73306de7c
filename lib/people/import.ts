// Checking every row of a list of people (read by sheet-read.ts from the .xlsx or .csv a curator keeps in
// Excel) before anything is written, and the preview. Pure: a sheet in, rows, problems and duplicates out;
// the import actions add the organization's existing people and the database.

import type { PersonKind } from "../domain/banks";
import { isMinorOn } from "../domain/consent";
import { fullName } from "../domain/names";
import { LISTED_PROBLEMS, PREVIEW_ROWS, type ImportDuplicate, type ImportField, type ImportMapping, type ImportPreview, type PreviewRow, type RowProblem } from "./import-schema";
import type { Cell, FileProblem, Sheet, SheetRow } from "./sheet-read";
import { suggestMapping } from "./import-mapping";
import { cellText, parseBirthDate, parseHireDate, parseKind, parseQualification, parseExperience, EmailSchema, type CellProblem } from "./import-values";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { formatCalendarDate } from "../format";

export * from "./import-schema";

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
  /** The day the person was hired (decision 052): young specialists' retention counts from it. */
  hiredOn: Date | null;
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
  /** The language the row problems are worded in (the reader's; Russian by default, as in the task's report). */
  locale?: AppLocale;
};

/** Words a row problem (peopleImport.problems.<key>) in the given language. */
type Word = (problem: CellProblem) => string;
export function problemWords(locale: AppLocale = "ru"): Word {
  const t = translator(locale);
  return (p) => t(`peopleImport.problems.${p.key}` as "peopleImport.title", (p.values ?? {}) as never);
}

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
        problem: { key: "peopleImportMappingTwice", values: { field, first: sheet.headers[earlier]!, second: sheet.headers[i]! } },
      };
    }
    column.set(field, i);
  }
  const hasFull = column.has("fullName");
  // The message names the missing columns by a select: lastName, firstName, or both.
  const missing = [...(!column.has("lastName") && !hasFull ? ["lastName"] : []), ...(!column.has("firstName") && !hasFull ? ["firstName"] : [])];
  if (missing.length) return { ok: false, problem: { key: "peopleImportMissingColumns", values: { columns: missing.length === 2 ? "both" : missing[0]! } } };
  if (sheet.rows.length === 0) return { ok: false, problem: { key: "peopleImportNoRows" } };

  const word = problemWords(options.locale);
  const rows = sheet.rows.map((r) => checkRow(r, column, sheet.headers, options, word));
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

function checkRow(source: SheetRow, column: Map<ImportField, number>, headers: string[], options: CheckOptions, word: Word): CheckedRow {
  const problems: RowProblem[] = [];
  const cell = (field: ImportField): Cell => {
    const i = column.get(field);
    return i === undefined ? null : (source.cells[i] ?? null);
  };
  const headerOf = (field: ImportField) => {
    const i = column.get(field);
    return i === undefined ? word({ key: "fieldName", values: { field } }) : headers[i]!;
  };
  const problem = (field: ImportField, key: string | CellProblem, values?: CellProblem["values"]) =>
    problems.push({ row: source.row, column: headerOf(field), message: word(typeof key === "string" ? { key, values } : key) });
  const text = (field: Exclude<ImportField, "fullName" | "kind" | "birthDate" | "subjects" | "experienceYears" | "hiredOn" | "qualificationCategory" | "email">, max: number) => {
    const value = cellText(cell(field));
    if (value.length > max) {
      problem(field, "tooLong", { max });
      return null;
    }
    return value || null;
  };
  const name = (field: "lastName" | "firstName" | "middleName", value: string | null, required: boolean, source: ImportField = field) => {
    if (!value) {
      if (required) problem(source, "nameMissing", { field });
      return null;
    }
    if (value.length > LIMITS[field]) problem(source, "nameTooLong", { field, max: LIMITS[field] });
    else if (value.includes("\uFFFD")) problem(source, "nameUnreadable", { field, value });
    else if (/\d/.test(value) || !/\p{L}/u.test(value)) problem(source, "nameLetters", { field, value });
    return value;
  };

  // Names: separate columns first, the ФИО column fills what they leave empty.
  let last = column.has("lastName") ? cellText(cell("lastName")) : "";
  let first = column.has("firstName") ? cellText(cell("firstName")) : "";
  let middle = column.has("middleName") ? cellText(cell("middleName")) : "";
  let nameSource: ImportField | null = null;
  if (column.has("fullName") && (!last || !first)) {
    const parts = cellText(cell("fullName")).split(" ").filter(Boolean);
    if (parts.length === 1 && !last) problem("fullName", "fullNameNoFirst", { value: parts[0]! });
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
    if (subject.length > LIMITS.subject) problem("subjects", "subjectTooLong", { max: LIMITS.subject });
    seen.add(subject.toLowerCase());
    subjects.push(subject);
  }
  if (subjects.length > 20) problem("subjects", "tooManySubjects", { max: 20 });

  const experience = parseExperience(cell("experienceYears"));
  if ("error" in experience) problem("experienceYears", experience.error);
  const hired = parseHireDate(cell("hiredOn"), options.today);
  if ("error" in hired) problem("hiredOn", hired.error);
  const qualification = parseQualification(cellText(cell("qualificationCategory")));
  if ("error" in qualification) problem("qualificationCategory", qualification.error);

  let email: string | null = cellText(cell("email")).replace(/^mailto:/i, "").toLowerCase() || null;
  if (email && (email.length > 254 || !EmailSchema.safeParse(email).success)) {
    problem("email", "notEmail", { value: email });
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
      hiredOn: "value" in hired ? hired.value : null,
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

function describeDuplicate(d: ImportDuplicate, word: Word): string {
  return d.existing ? word({ key: "duplicateExisting", values: { name: d.existing.name, by: d.by } }) : word({ key: "duplicateRow", values: { row: d.ofRow ?? "", by: d.by } });
}

function previewRow(r: CheckedRow, word: Word): PreviewRow {
  const p = r.person;
  return {
    row: r.row,
    kind: p?.kind ?? null,
    name: p ? fullName(p) : "",
    birthDate: p?.birthDate ? formatCalendarDate(p.birthDate) : null,
    minor: p?.minor ?? false,
    details: p
      ? [
          p.position,
          p.subjects.join(", "),
          p.grade,
          p.experienceYears !== null ? word({ key: "detailsExperience", values: { years: p.experienceYears } }) : null,
          p.hiredOn ? word({ key: "detailsHired", values: { date: formatCalendarDate(p.hiredOn) } }) : null,
          p.qualificationCategory,
          p.externalOrganization,
        ]
          .filter(Boolean)
          .join("; ")
      : "",
    contacts: p ? [p.email, p.phone].filter(Boolean).join(", ") : "",
    status: r.problems.length ? "error" : r.duplicate ? "duplicate" : "ok",
    note: r.problems.length ? r.problems.map((x) => `${x.column}: ${x.message}`).join("; ") : r.duplicate ? describeDuplicate(r.duplicate, word) : null,
  };
}

/**
 * What the preview shows: the first rows as they will be imported, listed problems (capped) and counts.
 * When the columns do not suffice, the problem and the headers — so that the user can map them.
 */
export function buildPreview(fileName: string, sheet: Sheet, checked: CheckResult, requested?: ImportMapping, locale?: AppLocale): ImportPreview {
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
  const word = problemWords(locale);
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
    rows: checked.rows.slice(0, PREVIEW_ROWS).map((r) => previewRow(r, word)),
    errors: checked.problems.slice(0, LISTED_PROBLEMS),
    errorCount: checked.problems.length,
    rowsWithErrors: checked.rowsWithErrors,
    duplicates: checked.duplicates.slice(0, LISTED_PROBLEMS),
    duplicateCount: checked.duplicates.length,
  };
}
