// Checking every row of a list of organizations before anything is written: the same rules for a list
// uploaded on the municipality's page, for `npm run orgs:import` and for one organization added by the form.
// Pure: the organizations already in the database come in as sets (queries.ts loads them).

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
import { keyOfKind, REGISTRY_HEADERS, type RegistryField, type RegistryPreviewRow, type RegistryProblem } from "./schemas";

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

export type RegistryCheck = { rows: RegistryPreviewRow[]; problems: RegistryProblem[]; organizations: RegistryRow[]; rowsWithErrors: number };

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
const KIND_WORDS = "школа, детский сад, колледж, дополнительное образование, муниципалитет или регион";
const KIND_NAMES: Record<OrganizationKindValue, string> = { REGION: "регион", MUNICIPALITY: "муниципалитет", SCHOOL: "образовательная организация" };

/** Checks a slug the user typed: its form, the app's own paths, and whether another organization has it. */
export function slugProblem(slug: string, taken: (slug: string) => boolean): string | null {
  if (!SLUG_PATTERN.test(slug)) return `адрес «${slug}»: только строчные латинские буквы, цифры и дефис, до 48 знаков, без дефиса в начале и в конце`;
  if (RESERVED_SLUGS.has(slug)) return `адрес «${slug}» занят самим приложением: выберите другой`;
  if (taken(slug)) return `адрес «${slug}» уже занят другой организацией`;
  return null;
}

/**
 * Checks each row (required fields, «Вид» the parent can hold, ИНН/ОГРН checksums, duplicates in the file
 * and in the database, the head's e-mail, formulas and control characters) and gives each a unique slug:
 * the one the user typed (`slugEdits`, by row number) when it is valid, otherwise one made from the name.
 */
export function checkRegistryRows(rows: RegistrySheetRow[], parent: RegistryParent, existing: RegistryExisting, slugEdits: Record<string, string> = {}): RegistryCheck {
  const problems: RegistryProblem[] = [];
  const preview: RegistryPreviewRow[] = [];
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
    const errors: string[] = [];
    const text = (field: RegistryField): string => {
      const cell = r.cells[field];
      if (!cell) return "";
      const column = `в столбце «${REGISTRY_HEADERS[field]}»`;
      if (cell.formula) errors.push(`${column} формула: вставьте в ячейку значение, а не формулу`);
      else if (cell.control) errors.push(`${column} управляющие символы: перепечатайте значение`);
      const limit = LIMITS[field];
      if (limit && cell.text.length > limit) errors.push(`${column} больше ${limit} знаков`);
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
    if (!name && !unsafe("name")) errors.push(`не указано «${REGISTRY_HEADERS.name}»`);
    let kind: RegistryKind | null = null;
    if (!kindText) {
      if (!unsafe("kind")) errors.push(`не указан «${REGISTRY_HEADERS.kind}»: ${KIND_WORDS}`);
    } else {
      kind = parseRegistryKind(kindText);
      if (!kind) errors.push(`вид «${kindText}» не распознан: укажите ${KIND_WORDS}`);
      else if (!canHold(parent?.kind ?? null, kind.kind)) {
        errors.push(
          parent
            ? `организация вида «${kindText}» не может входить в «${parent.name}» (${KIND_NAMES[parent.kind]})`
            : `без вышестоящей организации создаются только регионы и муниципалитеты, а не «${kindText}»`,
        );
        kind = null;
      }
    }

    let inn: string | null = null;
    if (innText) {
      const checked = checkInn(innText);
      if (!checked.ok) errors.push(checked.problem === "innLength" ? `ИНН «${innText}»: нужно 10 цифр (12 — у индивидуального предпринимателя)` : `ИНН «${innText}» неверен: не сходится контрольная цифра`);
      else {
        inn = checked.inn;
        const earlier = innRow.get(inn);
        if (earlier !== undefined) errors.push(`ИНН ${inn} уже указан в строке ${earlier}`);
        else if (existing.inns.has(inn)) errors.push(`организация с ИНН ${inn} уже зарегистрирована`);
        else innRow.set(inn, r.row);
      }
    }
    let ogrn: string | null = null;
    if (ogrnText) {
      const checked = checkOgrn(ogrnText);
      if (!checked.ok) errors.push(checked.problem === "ogrnLength" ? `ОГРН «${ogrnText}»: нужно 13 цифр (15 — ОГРНИП)` : `ОГРН «${ogrnText}» неверен: не сходится контрольная цифра`);
      else ogrn = checked.ogrn;
    }
    if (headEmail && !EmailSchema.safeParse(headEmail).success) errors.push(`E-mail руководителя «${headEmail}» — неверный адрес`);

    if (name) {
      const key = nameKey(name);
      const earlier = nameRow.get(key);
      if (earlier !== undefined) errors.push(`организация «${name}» уже указана в строке ${earlier}`);
      else if (existing.siblingNames.has(key)) errors.push(`организация «${name}» уже есть ${parent ? `в «${parent.name}»` : "среди регионов и муниципалитетов"}`);
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
    for (const reason of errors) problems.push({ row: r.row, reason });
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
