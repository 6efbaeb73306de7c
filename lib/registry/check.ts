// Checking every row of a list of organizations before anything is written: the same rules for a list
// uploaded on the municipality's page, for `npm run orgs:import` and for one organization added by the form.
// Pure: the organizations already in the database come in as sets (queries.ts loads them). Problems come out
// as keys with values (problem-text.ts words them in the reader's language).

import { z } from "zod";
import {
  canHold,
  checkInn,
  checkOgrn,
  defaultHeadPosition,
  parseRegistryKind,
  slugFromName,
  SLUG_PATTERN,
  uniqueSlug,
  type OrganizationKindValue,
  type RegistryKind,
} from "../domain/requisites";
import type { RegistrySheetRow } from "./read";
import { keyOfKind, type RegistryField, type RegistryPreviewRow } from "./schemas";

/** What can be wrong with a row: a key under «registry.problems» (the message files). Not in schemas.ts: the
 * browser bundle would take these words for error keys it needs (lib/i18n/client-namespaces.ts). */
export type RegistryProblemKey =
  | "cellFormula"
  | "cellControl"
  | "cellTooLong"
  | "nameMissing"
  | "kindMissing"
  | "kindUnknown"
  | "kindNotHeld"
  | "kindTopLevel"
  | "innLength"
  | "innChecksum"
  | "innRepeated"
  | "innRegistered"
  | "ogrnLength"
  | "ogrnChecksum"
  | "emailInvalid"
  | "nameRepeated"
  | "nameTaken"
  | "nameTakenTopLevel"
  | "slugForm"
  | "slugReserved"
  | "slugTaken";

/** A row's problem as the check finds it, in no language: the reader's words come from the message files. */
export type RegistryIssue = { key: RegistryProblemKey; values: Record<string, string | number> };
export type RegistryProblem = { row: number } & RegistryIssue;

/** A checked row, ready to be created. */
export type RegistryRow = {
  row: number;
  name: string;
  shortName: string | null;
  kind: RegistryKind;
  place: string | null;
  address: string | null;
  inn: string | null;
  ogrn: string | null;
  headPosition: string;
  headName: string | null;
  headEmail: string | null;
  slug: string;
};

export type RegistryParent = { id: string; kind: OrganizationKindValue; name: string; timeZone: string } | null;

/** What the database already holds: every slug and ИНН (both unique across the platform), the parent's children's names. */
export type RegistryExisting = { slugs: Set<string>; inns: Set<string>; siblingNames: Set<string> };

/** A row as the preview shows it, its problems still in no language. */
export type RegistryCheckedRow = Omit<RegistryPreviewRow, "problems"> & { problems: RegistryIssue[] };

export type RegistryCheck = { rows: RegistryCheckedRow[]; problems: RegistryProblem[]; organizations: RegistryRow[]; rowsWithErrors: number };

/** First path segments the app itself uses: an organization cannot take them as its address. */
export const RESERVED_SLUGS = new Set(["api", "s", "q", "login", "invite", "account", "forgot-password", "reset-password", "_next", "favicon-ico", "robots-txt"]);

const LIMITS: Partial<Record<RegistryField, number>> = { name: 500, shortName: 200, place: 200, address: 500, headPosition: 200, headName: 200, headEmail: 254 };

/** Names compared as a person would: case, «ё», quotes and spaces do not matter. */
export const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"„“”']/g, "")
    .replace(/\s+/g, " ")
    .trim();

const EmailSchema = z.email();

/** What a full name holds in quotes: «Средняя общеобразовательная школа № 1» of «Муниципальное … учреждение «…» г. …». */
function quotedPart(name: string): string | null {
  const m = /«(.+)»/.exec(name);
  return m ? m[1]! : null;
}

const issue = (key: RegistryProblemKey, values: RegistryIssue["values"] = {}): RegistryIssue => ({ key, values });

/** Checks a slug the user typed: its form, the app's own paths, and whether another organization has it. */
export function slugProblem(slug: string, taken: (slug: string) => boolean): RegistryIssue | null {
  if (!SLUG_PATTERN.test(slug)) return issue("slugForm", { slug });
  if (RESERVED_SLUGS.has(slug)) return issue("slugReserved", { slug });
  if (taken(slug)) return issue("slugTaken", { slug });
  return null;
}

/**
 * Checks each row (required fields, «Вид» the parent can hold, ИНН/ОГРН checksums, duplicates in the file
 * and in the database, the head's e-mail, formulas and control characters) and gives each a unique slug:
 * the one the user typed (`slugEdits`, by row number) when it is valid, otherwise one made from the name.
 */
export function checkRegistryRows(rows: RegistrySheetRow[], parent: RegistryParent, existing: RegistryExisting, slugEdits: Record<string, string> = {}): RegistryCheck {
  const problems: RegistryProblem[] = [];
  const preview: RegistryCheckedRow[] = [];
  const organizations: RegistryRow[] = [];
  const innRow = new Map<string, number>();
  const nameRow = new Map<string, number>();
  const fileSlugs = new Set<string>();
  const taken = (slug: string) => existing.slugs.has(slug) || fileSlugs.has(slug) || RESERVED_SLUGS.has(slug);

  // Slugs the user typed are claimed first, so that a generated one never takes them.
  const edited = new Map<number, string>();
  for (const r of rows) {
    const typed = slugEdits[String(r.row)]?.trim().toLowerCase();
    if (typed) edited.set(r.row, typed);
  }
  const editedCount = new Map<string, number>();
  for (const s of edited.values()) editedCount.set(s, (editedCount.get(s) ?? 0) + 1);
  for (const s of edited.values()) if (SLUG_PATTERN.test(s)) fileSlugs.add(s);

  for (const r of rows) {
    const errors: RegistryIssue[] = [];
    const text = (field: RegistryField): string => {
      const cell = r.cells[field];
      if (!cell) return "";
      if (cell.formula) errors.push(issue("cellFormula", { field }));
      else if (cell.control) errors.push(issue("cellControl", { field }));
      const limit = LIMITS[field];
      if (limit && cell.text.length > limit) errors.push(issue("cellTooLong", { field, limit }));
      return cell.formula || cell.control ? "" : cell.text;
    };
    const name = text("name");
    const shortName = text("shortName");
    const kindText = text("kind");
    const place = text("place");
    const address = text("address");
    const innText = text("inn");
    const ogrnText = text("ogrn");
    const headPosition = text("headPosition");
    const headName = text("headName");
    const headEmail = text("headEmail").toLowerCase();

    const unsafe = (field: RegistryField) => Boolean(r.cells[field]?.formula || r.cells[field]?.control);
    if (!name && !unsafe("name")) errors.push(issue("nameMissing", { field: "name" }));
    let kind: RegistryKind | null = null;
    if (!kindText) {
      if (!unsafe("kind")) errors.push(issue("kindMissing", { field: "kind" }));
    } else {
      kind = parseRegistryKind(kindText);
      if (!kind) errors.push(issue("kindUnknown", { kind: kindText }));
      else if (!canHold(parent?.kind ?? null, kind.kind)) {
        const kindKey = keyOfKind(kind);
        errors.push(
          parent
            ? issue("kindNotHeld", { kind: kindText, kindKey, parent: parent.name, parentKind: parent.kind })
            : issue("kindTopLevel", { kind: kindText, kindKey }),
        );
        kind = null;
      }
    }

    let inn: string | null = null;
    if (innText) {
      const checked = checkInn(innText);
      if (!checked.ok) errors.push(issue(checked.problem === "innLength" ? "innLength" : "innChecksum", { inn: innText }));
      else {
        inn = checked.inn;
        const earlier = innRow.get(inn);
        if (earlier !== undefined) errors.push(issue("innRepeated", { inn, earlier }));
        else if (existing.inns.has(inn)) errors.push(issue("innRegistered", { inn }));
        else innRow.set(inn, r.row);
      }
    }
    let ogrn: string | null = null;
    if (ogrnText) {
      const checked = checkOgrn(ogrnText);
      if (!checked.ok) errors.push(issue(checked.problem === "ogrnLength" ? "ogrnLength" : "ogrnChecksum", { ogrn: ogrnText }));
      else ogrn = checked.ogrn;
    }
    if (headEmail && !EmailSchema.safeParse(headEmail).success) errors.push(issue("emailInvalid", { email: headEmail }));

    if (name) {
      const key = nameKey(name);
      const earlier = nameRow.get(key);
      if (earlier !== undefined) errors.push(issue("nameRepeated", { name, earlier }));
      else if (existing.siblingNames.has(key)) errors.push(parent ? issue("nameTaken", { name, parent: parent.name }) : issue("nameTakenTopLevel", { name }));
      else nameRow.set(key, r.row);
    }

    let slug: string | null = edited.get(r.row) ?? null;
    if (slug) {
      const others = (s: string) => existing.slugs.has(s) || (editedCount.get(s) ?? 0) > 1;
      const problem = slugProblem(slug, others);
      if (problem) errors.push(problem);
    } else if (name) {
      slug = uniqueSlug(slugFromName(shortName || quotedPart(name) || name), taken);
      fileSlugs.add(slug);
    }

    preview.push({
      row: r.row,
      name,
      shortName: shortName || null,
      kind: kind ? keyOfKind(kind) : null,
      place: place || null,
      inn: inn ?? (innText || null),
      headName: headName || null,
      headEmail: headEmail || null,
      slug,
      problems: errors,
    });
    for (const error of errors) problems.push({ row: r.row, ...error });
    if (errors.length === 0 && kind && slug) {
      organizations.push({
        row: r.row,
        name,
        shortName: shortName || null,
        kind,
        place: place || null,
        address: address || null,
        inn,
        ogrn,
        headPosition: headPosition || defaultHeadPosition(kind),
        headName: headName || null,
        headEmail: headEmail || null,
        slug,
      });
    }
  }
  return { rows: preview, problems, organizations, rowsWithErrors: preview.filter((r) => r.problems.length).length };
}
