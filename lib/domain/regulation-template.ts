// The Положение о наставничестве as a template the school edits (issue #15 item 1): plain text, one
// paragraph a line, section headings «1. Общие положения», and {placeholders} filled from the
// organization's profile and the program when the document is generated. The wording follows the
// regulation of seed 002 (Левокумский округ, приказ № 209-од) brought to the level of one organization.
// A placeholder whose value is missing is not printed blank: fillTemplate names the fields to fill. Pure.
// The text and the placeholders' Russian names are starter data: lib/i18n/russian/data/regulation-template.json.
import regulation from "../i18n/russian/data/regulation-template.json";

/** Where each field's value comes from: the organization's profile or the program's passport. */
const FIELD_SOURCES = {
  name: "profile",
  shortName: "profile",
  place: "profile",
  address: "profile",
  headPosition: "profile",
  headName: "profile",
  curator: "passport",
  academicYear: "passport",
  mentoringOf: "passport",
  organizationGenitive: "profile",
  forms: "profile",
  basis: "passport",
} as const satisfies Record<string, "profile" | "passport">;

/** A placeholder's Russian name, as the school writes it in the text: «полное наименование». */
export type Placeholder = keyof typeof regulation.placeholders;
export type PlaceholderField = keyof typeof FIELD_SOURCES;
export type TemplateValues = Partial<Record<PlaceholderField, string | null>>;
export type MissingField = { field: PlaceholderField; where: "profile" | "passport" };

function placeholderSpec(name: string, field: string): MissingField {
  if (!Object.hasOwn(FIELD_SOURCES, field)) throw new Error(`regulation-template.json: the placeholder ${name} names no field (${field})`);
  return { field: field as PlaceholderField, where: FIELD_SOURCES[field as PlaceholderField] };
}

/** The placeholders by name (lower case), in the order the page lists them, with the field that fills each. */
export const PLACEHOLDERS = Object.fromEntries(Object.entries(regulation.placeholders).map(([name, field]) => [name, placeholderSpec(name, field)])) as Record<Placeholder, MissingField>;

const PATTERN = /\{([^{}\n]{1,60})\}/g;

/** The {…} names in a text that are not placeholders (a typo the school made while editing). */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PATTERN)) if (!(name!.trim().toLowerCase() in PLACEHOLDERS)) unknown.add(name!);
  return [...unknown];
}

/** The text with its placeholders filled, or the fields (deduplicated, in order of appearance) that are empty. */
export function fillTemplate(text: string, values: TemplateValues): { ok: true; text: string } | { ok: false; missing: MissingField[] } {
  const missing = new Map<PlaceholderField, MissingField>();
  const filled = text.replace(PATTERN, (whole, raw: string) => {
    const spec = PLACEHOLDERS[raw.trim().toLowerCase() as Placeholder];
    if (!spec) return whole;
    const value = values[spec.field]?.trim();
    if (!value) {
      missing.set(spec.field, { field: spec.field, where: spec.where });
      return whole;
    }
    return value;
  });
  return missing.size > 0 ? { ok: false, missing: [...missing.values()] } : { ok: true, text: filled };
}

/** A line that is a section heading: «1. Общие положения» (a number with one dot, then words, no final full stop). */
export function isHeading(line: string): boolean {
  return /^\d{1,2}\.\s+\S/.test(line) && !/^\d{1,2}\.\d/.test(line) && !/[.;:]$/.test(line.trim()) && line.length < 120;
}

/** The regulation's starter text, one paragraph a line. */
export const DEFAULT_REGULATION = regulation.text.join("\n");
