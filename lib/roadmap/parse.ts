// Roadmap (дорожная карта) parser: table rows in, stages with their activities out.
//
// `parseRoadmapRows` is the common core: it takes the rows of a table as cell texts (from a .docx,
// see docx.ts, or from pasted text, see `parseRoadmapText`), finds the header row and the role of
// each column by its Russian heading, and walks the rows: stage heading rows open a section, activity
// rows land in the current section, fragments of a row that a page break cut in two are glued back.
// Each section is then mapped onto the seven stages of the target model (docs/domain.md) by meaning.
//
// Pure: no I/O, never throws — bad input gives `stages: []` and a Russian warning.

import { type Columns, guessColumns, headerColumns, isColumnNumberRow, type Role, ROLES, yearLabel } from "./columns";
import {
  cleanCell, dedupeRepeat, INTEGER_TOKEN, isInformationSupport, join, mapStage, norm, NUMBER_TOKEN, parseHeading, quote, startsAsFragment, tidyTitle,
} from "./heading";
import { type ParsedActivity, type ParsedRoadmap, type ParsedStage, type RoadmapWarning, warning } from "./types";

export const EMPTY_WARNING = warning("empty");

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

export type Draft = { number: number | null; title: string; activities: ParsedActivity[]; implicit: boolean };

function valueOf(cells: string[], columns: Columns, role: Role): string {
  const idx = columns[role];
  if (!idx) return "";
  const values = idx.map((i) => cells[i] ?? "").filter(Boolean);
  const unique = values.filter((v, i) => values.indexOf(v) === i);
  return unique.join(role === "due" ? " – " : role === "responsible" ? ", " : " ");
}

function assigned(columns: Columns): Set<number> {
  return new Set(ROLES.flatMap((r) => columns[r] ?? []));
}

/** The year columns of a multi-year plan as one due text: «2022–2023: август; 2023–2024» («+» marks a year). */
function yearsOf(cells: string[], columns: Columns): string {
  const idx = columns.year ?? [];
  return idx
    .map((i, k) => {
      const value = cells[i] ?? "";
      const label = columns.yearLabels?.[k] ?? "";
      if (!value || value === label) return "";
      return /^([+✓✔•*vх×x]|да)$/i.test(value) ? label : `${label}: ${value}`;
    })
    .filter(Boolean)
    .join("; ");
}

/** The result column and the «Вид документа» column, which says what the activity produces. */
function resultOf(cells: string[], columns: Columns): string {
  const result = valueOf(cells, columns, "result");
  const document = valueOf(cells, columns, "document");
  return result && document && result !== document ? `${result}; ${document}` : result || document;
}

/**
 * Reads a roadmap from table rows (cells as text). An all-empty row marks a page break (the text
 * reader emits one for a blank line), after which a row without a number continues the row above.
 */
export function parseRoadmapRows(rows: string[][]): ParsedRoadmap {
  try {
    return parseRows(Array.isArray(rows) ? rows : []);
  } catch {
    return { stages: [], warnings: [warning("unparsable"), EMPTY_WARNING] };
  }
}

function parseRows(input: string[][]): ParsedRoadmap {
  const rows = input.map((r) => (Array.isArray(r) ? r.map(cleanCell) : []));
  const warnings: RoadmapWarning[] = [];

  let start = rows.findIndex((r) => headerColumns(r) !== null);
  let columns: Columns | null = start >= 0 ? headerColumns(rows[start] as string[]) : null;
  if (!columns) {
    columns = guessColumns(rows);
    start = -1;
    if (!columns) return { stages: [], warnings: [EMPTY_WARNING] };
    warnings.push(warning("noHeader"));
  }
  const data = rows.slice(start + 1);

  // Share of activity-like rows that carry a due date, a responsible or a result: when nearly all do,
  // a lone text row without them is a section heading rather than an activity.
  const detailShare = (() => {
    const cols = columns;
    const candidates = data.filter((r) => valueOf(r, cols, "activity"));
    if (!candidates.length) return 0;
    const withDetail = candidates.filter((r) => valueOf(r, cols, "due") || valueOf(r, cols, "responsible") || resultOf(r, cols) || yearsOf(r, cols));
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
    // «Сроки» over a second header row of academic years («2022–2023 | 2023–2024 | …»): year columns.
    if (filled.length >= 2 && filled.every((c) => yearLabel(c))) {
      const year = cells.flatMap((c, k) => (c ? [k] : []));
      const keep: number[] = (columns.due ?? []).filter((k) => !year.includes(k));
      columns = { ...columns, due: keep.length ? keep : undefined, year, yearLabels: year.map((k) => yearLabel(cells[k] as string) ?? "") };
      continue;
    }
    const wasBreak = afterBreak;
    afterBreak = false;

    const cols: Columns = columns;
    const num = valueOf(cells, cols, "number");
    const stageCell = valueOf(cells, cols, "stage");
    const rawAct = valueOf(cells, cols, "activity");
    const due = [dedupeRepeat(valueOf(cells, cols, "due")), yearsOf(cells, cols)].filter(Boolean).join("; ");
    const responsible = dedupeRepeat(valueOf(cells, cols, "responsible"));
    const result = resultOf(cells, cols);
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
    warnings.push(warning("rowSkipped", { row: quote(filled.join(" | ")) }));
  }

  return finish(drafts, warnings, state.orphans);
}

/** Sections read from a table or from lines → the parsed roadmap: stages mapped, warnings added. */
export function finish(drafts: Draft[], warnings: RoadmapWarning[], orphans: number): ParsedRoadmap {
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
        warnings.push(warning("mergedFiveSix", { title: s.title }));
        break;
      }
    }
  }

  // «Информационная поддержка» is not a stage of its own (docs/domain.md): informing teachers, parents and
  // partners and publishing on the site belong to stage 1, «Подготовка условий»; the curator may move an
  // item (a publication of the results) to another stage in the preview.
  for (const s of stages) {
    if (s.stage === null && isInformationSupport(s.title) && s.activities.length) {
      s.stage = 1;
      warnings.push(warning("informationSupport", { title: s.title }));
    }
  }
  for (const s of stages) {
    if (s.stage === null && s.title && !isInformationSupport(s.title)) {
      warnings.push(warning("unmatched", { title: s.title }));
    }
  }
  const named = stages.filter((s) => s.title);
  if (!named.length) {
    warnings.push(warning("noSections"));
  } else if (orphans) {
    warnings.push(warning("orphans", { count: orphans }));
  }
  for (const s of stages) {
    if (s.title && !s.activities.length) warnings.push(warning("emptySection", { title: s.title }));
  }
  return { stages, warnings };
}

