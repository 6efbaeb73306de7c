// Which column of a people list holds which field: header names and their aliases as curators write them.

import peopleImportWords from "../i18n/russian/data/people-import-words.json";
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from "./import-schema";

const normalizeHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]/g, "");

// The header names and aliases are input words: lib/i18n/russian/data/people-import-words.json (squashed as
// normalizeHeader squashes a header: lower case, «е» for «ё», letters and digits only).
const ALIASES: Record<ImportField, string[]> = peopleImportWords.headerAliases;

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
