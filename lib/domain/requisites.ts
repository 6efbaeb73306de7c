import slugify from "@sindresorhus/slugify";
import organizationKinds from "../i18n/russian/data/stage1-organization-kinds.json";

// Requisites of an organization (issue #13): ИНН and ОГРН checksums, organization kinds as Russian lists
// write them, and slugs made from Russian names. Pure rules: the registry, the profile and the importers use them.

/** Digits only, or null when the text has anything else (spaces between digit groups are allowed). */
function digitsOf(text: string): string | null {
  const compact = text.replace(/[\s\u00a0]/g, "");
  return /^\d+$/.test(compact) ? compact : null;
}

function innCheckDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

export type RequisiteProblem = "innLength" | "innChecksum" | "ogrnLength" | "ogrnChecksum";

/**
 * ИНН: 10 digits for a legal entity (one check digit), 12 for an individual (two). An educational
 * organization is a legal entity; 12 digits are accepted for individual entrepreneurs running supplementary courses.
 */
export function checkInn(text: string): { ok: true; inn: string } | { ok: false; problem: RequisiteProblem } {
  const d = digitsOf(text);
  if (!d || (d.length !== 10 && d.length !== 12)) return { ok: false, problem: "innLength" };
  if (d.length === 10) {
    return innCheckDigit(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(d[9]) ? { ok: true, inn: d } : { ok: false, problem: "innChecksum" };
  }
  const first = innCheckDigit(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  const second = innCheckDigit(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  return first === Number(d[10]) && second === Number(d[11]) ? { ok: true, inn: d } : { ok: false, problem: "innChecksum" };
}

/** ОГРН: 13 digits, the last is (first 12 mod 11) mod 10; ОГРНИП: 15 digits, (first 14 mod 13) mod 10. */
export function checkOgrn(text: string): { ok: true; ogrn: string } | { ok: false; problem: RequisiteProblem } {
  const d = digitsOf(text);
  if (!d || (d.length !== 13 && d.length !== 15)) return { ok: false, problem: "ogrnLength" };
  const body = BigInt(d.slice(0, -1));
  const modulus = d.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(d.at(-1)) ? { ok: true, ogrn: d } : { ok: false, problem: "ogrnChecksum" };
}

export type OrganizationKindValue = "REGION" | "MUNICIPALITY" | "SCHOOL";
export type SchoolKindValue = "GENERAL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY";
export type RegistryKind = { kind: OrganizationKindValue; schoolKind: SchoolKindValue | null };

/**
 * The words of the «Вид» column, as the list template offers them; the first of each is the one shown. Input
 * words, so data (lib/i18n/russian/data/stage1-organization-kinds.json): this module reaches the browser through
 * the forms' schemas, and the documents' catalog must not.
 */
export const REGISTRY_KIND_WORDS: ReadonlyArray<readonly [string[], RegistryKind]> = organizationKinds.registryKindWords.map(
  ({ words, kind, schoolKind }) => [words, { kind, schoolKind } as RegistryKind] as const,
);

/** The kind a «Вид» cell names (case, «ё» and extra spaces do not matter), or null. */
export function parseRegistryKind(text: string): RegistryKind | null {
  const word = text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  for (const [words, kind] of REGISTRY_KIND_WORDS) if (words.some((w) => w.replace(/ё/g, "е") === word)) return kind;
  return null;
}

/** Which kinds an organization may hold: a region holds municipalities (and regional schools), a municipality schools. */
export function canHold(parent: OrganizationKindValue | null, child: OrganizationKindValue): boolean {
  if (parent === null) return child === "REGION" || child === "MUNICIPALITY";
  if (parent === "REGION") return child === "MUNICIPALITY" || child === "SCHOOL";
  if (parent === "MUNICIPALITY") return child === "SCHOOL";
  return false;
}

/**
 * The head's position when the profile does not name it: a kindergarten is headed by «Заведующий». The value
 * an organization's profile starts with (and the registry import fills in), so data like the kind words.
 */
export function defaultHeadPosition(kind: RegistryKind): string {
  const positions = organizationKinds.defaultHeadPositions;
  if (kind.kind === "REGION") return positions.REGION;
  if (kind.kind === "MUNICIPALITY") return positions.MUNICIPALITY;
  return kind.schoolKind === "KINDERGARTEN" ? positions.KINDERGARTEN : positions.SCHOOL;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

// Words every school name carries: the slug keeps what tells schools apart («shkola-14», not «mbou-sosh-14»).
const LEGAL_FORM_WORDS = /(^|\s)(мбоу|маоу|мкоу|гбоу|гаоу|гкоу|мбдоу|мадоу|мкдоу|гбдоу|мбу|мау|мку|гбу|гбпоу|гапоу|мбудо|маудо|мкудо|фгбоу)(?=\s|$)/giu;

/** A URL slug from a Russian name: transliterated, lower case, hyphens, at most 48 characters. */
export function slugFromName(name: string): string {
  const cleaned = name.replace(/[«»"„“”]/g, " ").replace(LEGAL_FORM_WORDS, " ").replace(/№/g, " ");
  // decamelize off: «СОШ» is one word («sosh»), not «SoSh» split in two.
  const slug = slugify(cleaned, { decamelize: false, customReplacements: [["&", " "]] }).slice(0, 48).replace(/-+$/, "");
  return slug.length > 0 ? slug : "org";
}

/** The first of slug, slug-2, slug-3… that `taken` does not hold. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.slice(0, 44)}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
