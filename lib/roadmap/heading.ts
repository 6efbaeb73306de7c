// Words of a roadmap: cell text clean-up, stage headings («Этап 2.», «III.», «3 этап») and which of the
// seven stages of the target model (docs/domain.md) a section title means. Pure, no I/O.

import roadmapWords from "../i18n/russian/data/roadmap-words.json";

// ---------------------------------------------------------------------------------------------
// Text helpers

/** One cell as plain text: markdown/HTML markup dropped, whitespace (line breaks too) collapsed. */
export function cleanCell(raw: unknown): string {
  const s = typeof raw === "string" ? raw : raw == null ? "" : String(raw);
  return s
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/&laquo;/gi, "«")
    .replace(/&raquo;/gi, "»")
    .replace(/&quot;/gi, '"')
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&amp;/gi, "&")
    .replace(/\\\|/g, "|")
    .replace(/\*\*|__/g, "")
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
    .trim();
}

/** Lower case, «ё» → «е», for matching. */
export function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").trim();
}

export const join = (a: string, b: string) => [a, b].filter(Boolean).join(" ");

/** «сентябрь -октябрь сентябрь -октябрь» (a cell Word repeated) → «сентябрь -октябрь». */
export function dedupeRepeat(s: string): string {
  const words = s.split(" ");
  if (words.length >= 2 && words.length % 2 === 0) {
    const half = words.length / 2;
    const a = words.slice(0, half).join(" ");
    if (a === words.slice(half).join(" ")) return a;
  }
  return s;
}

export function quote(s: string): string {
  return s.length > 80 ? `«${s.slice(0, 77).trimEnd()}…»` : `«${s}»`;
}

/** Starts as the tail of a sentence: a lower-case letter, a dash, a comma, a closing bracket. */
export function startsAsFragment(s: string): boolean {
  return /^[a-zа-яё,;:)\-–—]/.test(s);
}

/** Words as a regular expression's alternatives: «a|b|c», each matched literally. */
export function alternatives(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

export const NUMBER_TOKEN = /^\d{1,3}(?:\.\d{1,3})*[.)]?$/;
export const INTEGER_TOKEN = /^(\d{1,3})[.)]?$/;

// ---------------------------------------------------------------------------------------------
// Stage headings and the seven stages

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
// Cyrillic look-alikes typed for Latin numerals («І», «Х»), each with the numeral it stands for.
const ROMAN_LOOK_ALIKES = Object.entries(roadmapWords.romanLookAlikes);
const ROMAN_DIGIT = `[IVXLC${ROMAN_LOOK_ALIKES.map(([lookAlike]) => lookAlike).join("")}]`;

function romanToInt(raw: string): number | null {
  const s = ROMAN_LOOK_ALIKES.reduce((text, [lookAlike, numeral]) => text.replaceAll(lookAlike, numeral), raw.toUpperCase());
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] as string] ?? 0;
    const next = ROMAN[s[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 40 ? total : null;
}

function toNumber(token: string): number | null {
  return /^\d+$/.test(token) ? Number(token) : romanToInt(token);
}

const ORDINALS: Record<string, number> = roadmapWords.stageHeading.ordinalNumbers;

export type Heading = {
  number: number | null;
  title: string;
  /** True when the text says it is a stage/section («Этап 3.», «3 этап», «III.», «Раздел 2»). */
  explicit: boolean;
};

// The words of a stage heading are input words (lib/i18n/russian/data/roadmap-words.json): «Этап 2.», «Раздел №3»,
// «3-й этап», «Второй этап»; a word ends where no letter follows (`(?![а-яё])`, the range from the data).
const WORDS = roadmapWords.stageHeading;
const STAGE = alternatives([WORDS.stageWord]);
const WORD_END = `(?![${WORDS.letterRange}])`;
const NUM = String.raw`(\d{1,2}|${ROMAN_DIGIT}{1,6})`;
const SEP = String.raw`\s*[.:)\-–—]*\s*`;
const RE_STAGE_FIRST = new RegExp(
  String.raw`^(?:${alternatives(WORDS.sectionWords)})\s*№?\s*${NUM}(?:\s*-?(?:${alternatives(WORDS.numberEndingsAfterWord)}))?${WORD_END}${SEP}(.*)$`,
  "i",
);
const RE_NUM_STAGE = new RegExp(String.raw`^${NUM}\s*(?:-?(?:${alternatives(WORDS.numberEndingsBeforeWord)}))?\s*${STAGE}${WORD_END}${SEP}(.*)$`, "i");
const RE_ORDINAL_STAGE = new RegExp(String.raw`^(${WORDS.ordinalsPattern})\s+${STAGE}${WORD_END}${SEP}(.*)$`, "i");
const RE_ROMAN = new RegExp(String.raw`^(${ROMAN_DIGIT}{1,6})\s*[.)]\s*(\S.*)$`); // upper case only: «III. Формирование…»
const RE_WEAK_NUMBER = /^(\d{1,2})(?:\s*[.)])?\s+([^\d\s].*)$/;

/** A heading without its trailing punctuation. */
export function tidyTitle(s: string): string {
  return s.replace(/[\s.:;,]+$/, "").trim();
}

/** Splits a heading into its number and title: «Этап 2. Формирование базы наставляемых» → 2, «Формирование…». */
export function parseHeading(raw: string): Heading {
  const text = cleanCell(raw);
  let m = text.match(RE_STAGE_FIRST) ?? text.match(RE_NUM_STAGE);
  if (m) return { number: toNumber(m[1] ?? ""), title: tidyTitle(m[2] ?? ""), explicit: true };
  m = text.match(RE_ORDINAL_STAGE);
  if (m) return { number: ORDINALS[norm(m[1] ?? "")] ?? null, title: tidyTitle(m[2] ?? ""), explicit: true };
  m = text.match(RE_ROMAN);
  if (m && romanToInt(m[1] ?? "") !== null) return { number: romanToInt(m[1] ?? ""), title: tidyTitle(m[2] ?? ""), explicit: true };
  m = text.match(RE_WEAK_NUMBER);
  if (m) return { number: Number(m[1]), title: tidyTitle(m[2] ?? ""), explicit: false };
  return { number: null, title: tidyTitle(text), explicit: false };
}

/** «Информационная поддержка / сопровождение» runs through all stages: none of the seven, no warning. */
export function isInformationSupport(title: string): boolean {
  return /информационн\S*\s+(поддержк|сопровожд|освещ|обеспечени[ея]\s+наставнич)/.test(norm(title));
}

// «пар», «пары», «парах»…, or «наставнических групп» (not «рабочей группы»).
const PAIRS = /(^|[^а-я])пар(ы|а|ах|ам|ами)?([^а-я]|$)|наставническ\S*\s+групп/;
const MENTORS = /наставник/; // «наставников», «наставники» — not «наставничества»
const MENTEES = /наставляем/;

/**
 * Which of the seven stages (docs/domain.md) a section heading means, by word stems, or null.
 *  1 Подготовка условий (запуск)            5 Формирование наставнических пар / групп
 *  2 Формирование базы (банка) наставляемых 6 Организация работы наставнических пар / групп
 *  3 Формирование базы (банка) наставников  7 Завершение наставничества (программы)
 *  4 Отбор (выдвижение) и обучение наставников
 */
export function mapStage(title: string): number | null {
  const t = norm(title);
  if (!t) return null;
  if (/заверш|окончани/.test(t)) return 7;
  if (PAIRS.test(t)) {
    if (/работ|осуществлени|реализаци|сопровожд|взаимодейств|деятельност|встреч/.test(t)) return 6;
    if (/формир|подбор|закреп|создани|составлени|определени|образовани|сопоставлени/.test(t)) return 5;
  }
  const base = /(^|[^а-я])баз(а|ы|у|е|ой)?([^а-я]|$)|банк|реестр|перечн/.test(t);
  if (base || /выявлени|привлечени|поиск/.test(t)) {
    const mentees = t.search(MENTEES);
    const mentors = t.search(MENTORS);
    // «…наставников и наставляемых» merges stages 2 and 3: it goes to the earlier one, 2.
    if (mentees >= 0) return 2;
    if (mentors >= 0) return 3;
  }
  if (/отбор|выдвижени/.test(t)) return MENTEES.test(t) && !MENTORS.test(t) ? 2 : 4;
  if (/(обучени|подготовк|повышени\S* квалификац)/.test(t) && MENTORS.test(t)) return 4;
  if (/подготов|запуск/.test(t)) return 1;
  return null;
}

