// Roadmap (дорожная карта) parser: table rows in, stages with their activities out.
//
// `parseRoadmapRows` is the common core: it takes the rows of a table as cell texts (from a .docx,
// see docx.ts, or from pasted text, see `parseRoadmapText`), finds the header row and the role of
// each column by its Russian heading, and walks the rows: stage heading rows open a section, activity
// rows land in the current section, fragments of a row that a page break cut in two are glued back.
// Each section is then mapped onto the seven stages of the target model (DOMAIN.md) by meaning.
//
// Pure: no I/O, never throws — bad input gives `stages: []` and a Russian warning.

import type { ParsedActivity, ParsedRoadmap, ParsedStage } from "./types";

export const EMPTY_WARNING = "Файл пуст или в нём нет таблицы дорожной карты.";

type Role = "number" | "stage" | "activity" | "due" | "responsible" | "result";
type Columns = Partial<Record<Role, number[]>>;

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
function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").trim();
}

const join = (a: string, b: string) => [a, b].filter(Boolean).join(" ");

/** «сентябрь -октябрь сентябрь -октябрь» (a cell Word repeated) → «сентябрь -октябрь». */
function dedupeRepeat(s: string): string {
  const words = s.split(" ");
  if (words.length >= 2 && words.length % 2 === 0) {
    const half = words.length / 2;
    const a = words.slice(0, half).join(" ");
    if (a === words.slice(half).join(" ")) return a;
  }
  return s;
}

function quote(s: string): string {
  return s.length > 80 ? `«${s.slice(0, 77).trimEnd()}…»` : `«${s}»`;
}

/** Starts as the tail of a sentence: a lower-case letter, a dash, a comma, a closing bracket. */
function startsAsFragment(s: string): boolean {
  return /^[a-zа-яё,;:)\-–—]/.test(s);
}

const NUMBER_TOKEN = /^\d{1,3}(?:\.\d{1,3})*[.)]?$/;
const INTEGER_TOKEN = /^(\d{1,3})[.)]?$/;

// ---------------------------------------------------------------------------------------------
// Stage headings and the seven stages

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanToInt(raw: string): number | null {
  // Cyrillic look-alikes typed for Latin numerals: «І», «Х».
  const s = raw.toUpperCase().replace(/І/g, "I").replace(/Х/g, "X");
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

const ORDINALS: Record<string, number> = {
  первый: 1, второй: 2, третий: 3, четвертый: 4, пятый: 5, шестой: 6, седьмой: 7, восьмой: 8,
};

export type Heading = {
  number: number | null;
  title: string;
  /** True when the text says it is a stage/section («Этап 3.», «3 этап», «III.», «Раздел 2»). */
  explicit: boolean;
};

const NUM = String.raw`(\d{1,2}|[IVXLCІХ]{1,6})`;
const SEP = String.raw`\s*[.:)\-–—]*\s*`;
const RE_STAGE_FIRST = new RegExp(String.raw`^(?:этап|раздел|блок)\s*№?\s*${NUM}(?:\s*-?[йя])?(?![а-яё])${SEP}(.*)$`, "i");
const RE_NUM_STAGE = new RegExp(String.raw`^${NUM}\s*(?:-?(?:й|ый|ой|ий))?\s*этап(?![а-яё])${SEP}(.*)$`, "i");
const RE_ORDINAL_STAGE = new RegExp(String.raw`^(первый|второй|третий|четв[её]ртый|пятый|шестой|седьмой|восьмой)\s+этап(?![а-яё])${SEP}(.*)$`, "i");
const RE_ROMAN = /^([IVXLCІХ]{1,6})\s*[.)]\s*(\S.*)$/; // upper case only: «III. Формирование…»
const RE_WEAK_NUMBER = /^(\d{1,2})(?:\s*[.)])?\s+([^\d\s].*)$/;

/** A heading without its trailing punctuation. */
function tidyTitle(s: string): string {
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
function isInformationSupport(title: string): boolean {
  return /информационн\S*\s+(поддержк|сопровожд|освещ|обеспечени[ея]\s+наставнич)/.test(norm(title));
}

// «пар», «пары», «парах»…, or «наставнических групп» (not «рабочей группы»).
const PAIRS = /(^|[^а-я])пар(ы|а|ах|ам|ами)?([^а-я]|$)|наставническ\S*\s+групп/;
const MENTORS = /наставник/; // «наставников», «наставники» — not «наставничества»
const MENTEES = /наставляем/;

/**
 * Which of the seven stages (DOMAIN.md) a section heading means, by word stems, or null.
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

// ---------------------------------------------------------------------------------------------
// Header row and column roles

function roleOfHeading(cell: string): Role | null {
  const t = norm(cell).replace(/[.:]+$/, "").trim();
  if (!t || t.length > 100) return null;
  if (/^(№|n|#|no|nn|№№)\.?\s*(п\s*\/?\s*п\.?)?$/.test(t) || /^п\s*\/\s*п$/.test(t) || /^номер/.test(t)) return "number";
  if (/^(срок|дата|даты|период|время|когда|график|месяц)/.test(t)) return "due";
  if (/^(ответствен|исполнител|отв\.|кто\s)/.test(t)) return "responsible";
  if (/^((ожидаем|планируем|прогнозируем|итогов|конечн)\S*\s+)?(результат|продукт)/.test(t) || /^(форма\s+(отчет|представлени|контрол|завершени)|показател|индикатор|выход)/.test(t)) {
    return "result";
  }
  if (/^(наименование\s+|название\s+)?этап/.test(t) && !/мероприят|содержани/.test(t)) return "stage";
  if (/мероприят|содержани|деятельност|наименовани|действи|задач|вид\S*\s+работ|^работ|направлени|^план/.test(t)) return "activity";
  return null;
}

/** Column roles of a header row, or null when the row is not a roadmap header. */
export function headerColumns(cells: string[]): Columns | null {
  const columns: Columns = {};
  cells.forEach((cell, i) => {
    const role = roleOfHeading(cell);
    if (role) (columns[role] ??= []).push(i);
  });
  if (!columns.activity && columns.stage) {
    // «Этап | Срок | Ответственный»: the stage column is what is done.
    columns.activity = columns.stage;
    delete columns.stage;
  }
  const hasWhat = Boolean(columns.activity);
  const hasDetail = Boolean(columns.due || columns.responsible || columns.result);
  return hasWhat && hasDetail ? columns : null;
}

export function isHeaderRow(cells: string[]): boolean {
  return headerColumns(cells.map(cleanCell)) !== null;
}

/** «1 | 2 | 3 | 4 | 5» under the header: the columns' numbers. */
function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  if (filled.length < 2 || filled.length < cells.length / 2) return false;
  return filled.every((c, i) => c === String(i + 1));
}

const MONTHS = /(январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)/;
const DUE_LIKE = new RegExp(
  String.raw`${MONTHS.source}|\b(19|20)\d{2}\b|\d{1,2}\.\d{1,2}\.|ежегодн|ежеквартал|ежемесячн|постоянн|в течение|по мере|весь период|четверт|полугод|семестр`,
);
const RESPONSIBLE_LIKE =
  /[А-ЯЁ]\.\s?[А-ЯЁ]\.|директор|заместител|зам\.|учител|педагог|психолог|куратор|руководител|наставник|методист|администрац|классн|координатор|рабоч\S* групп|специалист|секретар|социальн/i;

/** Column roles guessed from the cells when no header row was found. */
function guessColumns(rows: string[][]): Columns | null {
  const data = rows.filter((r) => r.filter(Boolean).length >= 2 && !isColumnNumberRow(r));
  if (data.length < 2) return null;
  const width = Math.max(...data.map((r) => r.length));
  const stats = Array.from({ length: width }, (_, j) => {
    const values = data.map((r) => r[j] ?? "").filter(Boolean);
    const share = (re: RegExp) => (values.length ? values.filter((v) => re.test(v)).length / values.length : 0);
    const avg = values.length ? values.reduce((n, v) => n + v.length, 0) / values.length : 0;
    return { j, filled: values.length / data.length, number: share(NUMBER_TOKEN), due: share(DUE_LIKE), responsible: share(RESPONSIBLE_LIKE), avg };
  });
  const taken = new Set<number>();
  const pick = (key: "number" | "due" | "responsible", min: number) => {
    const best = stats.filter((s) => !taken.has(s.j) && s[key] >= min && s.filled >= 0.3).sort((a, b) => b[key] - a[key])[0];
    if (best) taken.add(best.j);
    return best?.j;
  };
  const columns: Columns = {};
  const number = pick("number", 0.6);
  if (number !== undefined) columns.number = [number];
  const due = pick("due", 0.5);
  if (due !== undefined) columns.due = [due];
  const responsible = pick("responsible", 0.4);
  if (responsible !== undefined) columns.responsible = [responsible];
  const texts = stats.filter((s) => !taken.has(s.j) && s.filled > 0).sort((a, b) => b.avg - a.avg);
  const activity = texts[0];
  if (!activity) return null;
  columns.activity = [activity.j];
  const result = texts.slice(1).find((s) => s.j > activity.j && s.avg >= 10);
  if (result) columns.result = [result.j];
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Numbered items inside one big cell: «1) … 2) … 3) …»

/** Splits «1) Сбор… 2) Формирование…» into its items; a text without such numbering stays whole. */
export function splitNumberedItems(text: string): string[] {
  for (const marker of [/(^|\s)(\d{1,2})\)\s+/g, /(^|[.;:]\s+)(\d{1,2})\.\s+(?=[А-ЯЁA-Zа-яё])/g]) {
    const cuts: { at: number; body: number }[] = [];
    let expected = 1;
    for (const m of text.matchAll(marker)) {
      if (Number(m[2]) !== expected) continue;
      const at = (m.index ?? 0) + (m[1] ?? "").length;
      if (expected === 1 && text.slice(0, at).trim()) break; // must start with «1)»
      cuts.push({ at, body: (m.index ?? 0) + m[0].length });
      expected++;
    }
    if (cuts.length >= 2) {
      return cuts.map((c, i) => text.slice(c.body, cuts[i + 1]?.at ?? text.length).trim().replace(/[\s;,]+$/, "")).filter(Boolean);
    }
  }
  return [text];
}

// ---------------------------------------------------------------------------------------------
// The core

type Draft = { number: number | null; title: string; activities: ParsedActivity[]; implicit: boolean };

function valueOf(cells: string[], columns: Columns, role: Role): string {
  const idx = columns[role];
  if (!idx) return "";
  const values = idx.map((i) => cells[i] ?? "").filter(Boolean);
  const unique = values.filter((v, i) => values.indexOf(v) === i);
  return unique.join(role === "due" ? " – " : role === "responsible" ? ", " : " ");
}

function assigned(columns: Columns): Set<number> {
  return new Set(Object.values(columns).flat());
}

/**
 * Reads a roadmap from table rows (cells as text). An all-empty row marks a page break (the text
 * reader emits one for a blank line), after which a row without a number continues the row above.
 */
export function parseRoadmapRows(rows: string[][]): ParsedRoadmap {
  try {
    return parseRows(Array.isArray(rows) ? rows : []);
  } catch {
    return { stages: [], warnings: ["Не удалось разобрать таблицу дорожной карты.", EMPTY_WARNING] };
  }
}

function parseRows(input: string[][]): ParsedRoadmap {
  const rows = input.map((r) => (Array.isArray(r) ? r.map(cleanCell) : []));
  const warnings: string[] = [];

  let start = rows.findIndex((r) => headerColumns(r) !== null);
  let columns: Columns | null = start >= 0 ? headerColumns(rows[start] as string[]) : null;
  if (!columns) {
    columns = guessColumns(rows);
    start = -1;
    if (!columns) return { stages: [], warnings: [EMPTY_WARNING] };
    warnings.push("Строка с заголовками столбцов не найдена; назначение столбцов определено по их содержимому — проверьте результат.");
  }
  const data = rows.slice(start + 1);

  // Share of activity-like rows that carry a due date, a responsible or a result: when nearly all do,
  // a lone text row without them is a section heading rather than an activity.
  const detailShare = (() => {
    const cols = columns;
    const candidates = data.filter((r) => valueOf(r, cols, "activity"));
    if (!candidates.length) return 0;
    const withDetail = candidates.filter((r) => valueOf(r, cols, "due") || valueOf(r, cols, "responsible") || valueOf(r, cols, "result"));
    return withDetail.length / candidates.length;
  })();

  const drafts: Draft[] = [];
  const state: { current: Draft | null; last: ParsedActivity | null; lastInteger: number | null; orphans: number } = {
    current: null,
    last: null,
    lastInteger: null,
    orphans: 0,
  };
  let afterBreak = false;

  const openStage = (number: number | null, title: string) => {
    state.current = { number, title, activities: [], implicit: false };
    drafts.push(state.current);
    state.last = null;
    state.lastInteger = null;
  };
  const addActivity = (activity: ParsedActivity) => {
    if (!state.current) {
      state.current = { number: null, title: "", activities: [], implicit: true };
      drafts.push(state.current);
    }
    if (state.current.implicit) state.orphans++;
    state.current.activities.push(activity);
    state.last = activity;
  };
  /** The next numbered row (after `i`) is numbered «n.1», «n.2»… (in the «№» column or its activity cell). */
  const nextIsSubOf = (i: number, n: number, cols: Columns) => {
    for (let k = i + 1; k < data.length; k++) {
      const row = data[k] as string[];
      const num = cols.number ? valueOf(row, cols, "number") : (/^\d{1,3}(?:\.\d{1,3})*[.)]?(?=\s)/.exec(valueOf(row, cols, "activity"))?.[0] ?? "");
      if (!num) continue;
      return new RegExp(`^${n}\\.\\d`).test(num);
    }
    return false;
  };

  for (let i = 0; i < data.length; i++) {
    const cells = data[i] as string[];
    const filled = cells.filter(Boolean);
    if (!filled.length) {
      afterBreak = true;
      continue;
    }
    const header = headerColumns(cells);
    if (header) {
      columns = header; // a repeated header (next page, next table) — possibly with other columns
      continue;
    }
    if (isColumnNumberRow(cells)) continue;
    const wasBreak = afterBreak;
    afterBreak = false;

    const cols: Columns = columns;
    const num = valueOf(cells, cols, "number");
    const stageCell = valueOf(cells, cols, "stage");
    const rawAct = valueOf(cells, cols, "activity");
    const due = dedupeRepeat(valueOf(cells, cols, "due"));
    const responsible = dedupeRepeat(valueOf(cells, cols, "responsible"));
    const result = valueOf(cells, cols, "result");
    const hasDetail = Boolean(due || responsible || result);
    const distinct = filled.filter((v, k) => filled.indexOf(v) === k);
    const used = assigned(cols);
    const unassignedText = cells.filter((c, k) => c && !used.has(k)).join(" ");
    // Without a «№» column the number is written in the activity cell: «1.1. Приказ…».
    const act = cols.number ? rawAct : rawAct.replace(/^\d{1,3}(?:\.\d{1,3})*[.)]\s+/, "");

    // 1. A row spanning the whole table (a merged cell — the .docx reader repeats its text in every
    //    column), or text in the «№» column with nothing beside it: a section heading.
    if ((filled.length >= 2 && distinct.length === 1 && filled.length === cells.length) || (filled.length === 1 && cells.length === 1)) {
      const h = parseHeading(distinct[0] as string);
      if (h.explicit || !INTEGER_TOKEN.test(distinct[0] as string)) {
        openStage(h.number, h.title);
        continue;
      }
    }
    if (num && !NUMBER_TOKEN.test(num)) {
      const h = parseHeading(num);
      if (!act && !stageCell && (!hasDetail || h.explicit)) {
        openStage(h.number, h.title);
        continue;
      }
      if (h.explicit && !h.title && (act || stageCell)) {
        openStage(h.number, tidyTitle(stageCell || act));
        continue;
      }
    }

    // 2. Stage-column layout («№ | Наименование этапа | Содержание деятельности | Срок | Ответственный»):
    //    each row names its stage; a numbered «1) … 2) …» content cell is one activity per item.
    if (cols.stage && stageCell) {
      const h = parseHeading(stageCell);
      const title = h.explicit ? h.title : tidyTitle(stageCell);
      const n = INTEGER_TOKEN.exec(num)?.[1];
      if (!state.current || norm(state.current.title) !== norm(title)) openStage(n ? Number(n) : h.number, title);
      for (const item of act ? splitNumberedItems(act) : []) addActivity({ title: item, due, responsible, result });
      continue;
    }

    // 3. An explicit stage heading in the activity column: «Этап III. Формирование базы наставников».
    if (act && !hasDetail) {
      const h = parseHeading(rawAct);
      if (h.explicit && (!num || INTEGER_TOKEN.test(num))) {
        openStage(h.number ?? (num ? Number(INTEGER_TOKEN.exec(num)?.[1]) : null), h.title);
        continue;
      }
    }

    // 4. The tail of the row above, cut by a page break (or a cell that wrapped): no number, and it
    //    comes after a break or reads as the middle of a sentence.
    const firstText = filled[0] as string;
    if (state.last && !num && !stageCell) {
      const fragment = cols.number ? wasBreak || startsAsFragment(firstText) : wasBreak && (startsAsFragment(firstText) || !act);
      if (fragment || (!act && hasDetail)) {
        const a = state.last;
        a.title = join(a.title, act);
        a.due = dedupeRepeat(join(a.due, due));
        a.responsible = dedupeRepeat(join(a.responsible, responsible));
        a.result = join(a.result, result);
        continue;
      }
    }

    // 5. A lone title without a due date, responsible or result: a section heading when it names a
    //    stage, when its number «3» is followed by «3.1», or when every other row has those details.
    if (act && !hasDetail && !unassignedText) {
      const h = parseHeading(rawAct);
      const integer = INTEGER_TOKEN.exec(num)?.[1];
      const n = integer ? Number(integer) : cols.number ? null : h.number;
      const title = cols.number ? tidyTitle(act) : h.title;
      const number = n;
      const named = mapStage(title) !== null || isInformationSupport(title);
      const continuesNumbering = n !== null && state.lastInteger !== null && n === state.lastInteger + 1;
      const plausible = title.length <= 200 && !startsAsFragment(title);
      if (plausible && (!num || integer)) {
        const byNumber = n !== null && nextIsSubOf(i, n, cols);
        const byName = named && !continuesNumbering;
        const byShape = !num && detailShare >= 0.7;
        if (byNumber || byName || byShape) {
          openStage(number, title);
          continue;
        }
      }
    }

    // 6. An activity (a bare number is not one).
    if (act && !(NUMBER_TOKEN.test(act) && !hasDetail)) {
      addActivity({ title: act, due, responsible, result });
      const integer = INTEGER_TOKEN.exec(num)?.[1];
      if (integer) state.lastInteger = Number(integer);
      continue;
    }
    if (num && NUMBER_TOKEN.test(num) && !hasDetail && !unassignedText) continue; // an empty numbered row
    warnings.push(`Строка ${quote(filled.join(" | "))} не похожа ни на этап, ни на мероприятие и пропущена.`);
  }

  return finish(drafts, warnings, state.orphans);
}

function finish(drafts: Draft[], warnings: string[], orphans: number): ParsedRoadmap {
  if (!drafts.length || drafts.every((d) => !d.activities.length && !d.title)) {
    return { stages: [], warnings: [...warnings, EMPTY_WARNING] };
  }
  // A comma or semicolon left at the end of a field is where a cell wrapped or a list went on.
  const tidy = (s: string) => s.replace(/[\s,;]+$/, "");
  const stages: ParsedStage[] = drafts.map((d, i) => ({
    number: d.number ?? i + 1,
    title: d.title,
    stage: d.implicit ? null : mapStage(d.title),
    activities: d.activities.map((a) => ({ title: tidy(a.title), due: tidy(a.due), responsible: tidy(a.responsible), result: tidy(a.result) })),
  }));

  // Some roadmaps (seeds 000 and 003) merge stages 5 and 6 into one section, «Организация и
  // осуществление работы наставнических пар/групп», whose first items are forming the pairs and
  // writing their personalized programs. Its title names stage 6, but its content is stage 5's exit
  // condition (pairs secured by an order, a program for every pair), and a program moves through the
  // stages in order: mapped to 6, stage 5 would have no activities while the school does exactly these
  // ones. So a merged section goes to the earlier stage it covers, 5, with a warning.
  const has5 = stages.some((s) => s.stage === 5);
  if (!has5) {
    for (const s of stages) {
      if (s.stage !== 6) continue;
      const first = s.activities.slice(0, 2).map((a) => norm(a.title));
      if (first.some((t) => /(формир|подбор|закреплени|составлени)\S*\s+(\S+\s+){0,2}(пар|групп)/.test(t))) {
        s.stage = 5;
        warnings.push(
          `Раздел «${s.title}» объединяет этапы 5 и 6 и начинается с формирования пар — он отнесён к этапу 5 «Формирование наставнических пар / групп».`,
        );
        break;
      }
    }
  }

  for (const s of stages) {
    if (s.stage === null && s.title && !isInformationSupport(s.title)) {
      warnings.push(`Раздел «${s.title}» не удалось сопоставить ни с одним из семи этапов программы наставничества.`);
    }
  }
  const named = stages.filter((s) => s.title);
  if (!named.length) {
    warnings.push("В таблице не найдено разделов по этапам; все мероприятия собраны в один раздел без этапа.");
  } else if (orphans) {
    warnings.push(`Мероприятий до первого этапа: ${orphans}; они собраны в раздел без названия.`);
  }
  for (const s of stages) {
    if (s.title && !s.activities.length) warnings.push(`В разделе «${s.title}» нет мероприятий.`);
  }
  return { stages, warnings };
}

// ---------------------------------------------------------------------------------------------
// Plain text: markdown tables, tab-separated rows, and the paragraphs around them

function splitMarkdownRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/);
}

const isMarkdownSeparator = (cells: string[]) => cells.every((c) => /^\s*:?-{1,}:?\s*$/.test(c) || !c.trim()) && cells.some((c) => c.includes("-"));

/** A paragraph that heads a stage: «Этап 3. …», «III. …», or a short line that names a stage. */
export function isStageHeadingLine(text: string): boolean {
  const t = cleanCell(text);
  if (!t || t.length > 200) return false;
  const h = parseHeading(t);
  if (h.explicit && h.title.length > 0) return true;
  return t.length <= 150 && !/[.;]$/.test(t) && (mapStage(h.title) !== null || isInformationSupport(h.title)) && /^[A-ZА-ЯЁ0-9IVX«"]/.test(t);
}

type Block = string[][];

/**
 * A line of plain text inside a table that may be a section heading that lost its tabs («Организационные
 * мероприятия»): short, capitalised, not a sentence, not a signature or an attachment mark.
 */
export function mayBeSectionLine(text: string): boolean {
  const t = cleanCell(text);
  return (
    t.length >= 3 &&
    t.length <= 150 &&
    /^[А-ЯЁA-Z«"]/.test(t) &&
    !/[.:;,]$/.test(t) &&
    !/_{3,}/.test(t) &&
    !/^(паспорт|приложени|утвержд|согласован|исполнител|директор|руководител|начальник|подпис|примечани|лист|приказ|дорожная карта|план)/i.test(t)
  );
}

/** Width of a block's table: its header row's, or its last row's. */
function blockWidth(block: Block): number {
  const header = block.find((r) => r.length > 1 && isHeaderRow(r));
  const rows = block.filter((r) => r.length > 1);
  return (header ?? rows[rows.length - 1] ?? []).length;
}

/**
 * Splits text into tables: runs of table rows (markdown «| a | b |» or tab-separated) with the blank
 * lines (page breaks, kept as empty rows) and stage-heading lines among them. Any other paragraph of
 * text ends a table — except a single short line between rows of the same width, which is a section
 * heading that lost its tabs.
 */
function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let pending: string[] = [];
  for (const raw of text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/)) {
    const trimmed = raw.trim();
    const isMarkdown = trimmed.startsWith("|");
    const isTab = raw.includes("\t");
    if (isMarkdown || isTab) {
      const cells = isMarkdown ? splitMarkdownRow(raw) : raw.split("\t");
      if (isMarkdown && isMarkdownSeparator(cells)) continue;
      if (!cells.some((c) => cleanCell(c))) {
        if (!pending.length) block?.push([]);
        continue;
      }
      if (block && pending.length) {
        const width = blockWidth(block);
        const sameWidth = cells.length === width || (cells.length >= 3 && Math.abs(cells.length - width) <= 1);
        if (pending.length === 1 && sameWidth && mayBeSectionLine(pending[0] as string)) block.push([pending[0] as string]);
        else block = null;
        pending = [];
      }
      if (!block) {
        block = [];
        blocks.push(block);
      }
      block.push(cells);
      continue;
    }
    if (!trimmed || /^\d{1,3}$/.test(trimmed) || /^-{3,}$/.test(trimmed)) {
      if (!pending.length) block?.push([]); // a blank line, a page number, a page-break rule
      continue;
    }
    if (!block) continue;
    if (!pending.length && isStageHeadingLine(trimmed)) {
      block.push([trimmed]);
      continue;
    }
    pending.push(trimmed); // a paragraph of text: ends the table unless rows of the same width go on
  }
  return blocks;
}

/** Reads a roadmap from pasted or plain text (markdown tables, tab-separated rows, whole documents). */
export function parseRoadmapText(text: string): ParsedRoadmap {
  try {
    if (typeof text !== "string" || !text.trim()) return { stages: [], warnings: [EMPTY_WARNING] };
    const blocks = textBlocks(text);
    const withHeader = blocks.filter((b) => b.some((r) => r.length > 1 && isHeaderRow(r)));
    let rows: string[][];
    if (withHeader.length) {
      // Every table with a roadmap header, in order (a roadmap split over several tables); tables
      // without one that come after a paragraph of text (a passport, an appendix) are not read.
      rows = withHeader.flatMap((b) => [[], ...b]);
    } else {
      const tabular = (b: Block) => b.filter((r) => r.filter((c) => cleanCell(c)).length >= 2).length;
      const best = [...blocks].sort((a, b) => tabular(b) - tabular(a))[0];
      if (!best || tabular(best) < 2) return { stages: [], warnings: [EMPTY_WARNING] };
      rows = best;
    }
    return parseRoadmapRows(rows);
  } catch {
    return { stages: [], warnings: ["Не удалось разобрать текст дорожной карты.", EMPTY_WARNING] };
  }
}
