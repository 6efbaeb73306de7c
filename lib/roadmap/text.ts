// Plain text: markdown tables, tab-separated rows (a Word table pasted as text), and the paragraphs
// around them.

import { isHeaderRow } from "./columns";
import { cleanCell, isInformationSupport, mapStage, parseHeading } from "./heading";
import { parseRoadmapLines } from "./lines";
import { EMPTY_WARNING, parseRoadmapRows } from "./parse";
import type { ParsedRoadmap } from "./types";

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
  let lead: string[] = [];
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
        block = lead.map((h) => [h]); // a stage heading just above the table's first row
        blocks.push(block);
      }
      lead = [];
      block.push(cells);
      continue;
    }
    if (!trimmed || /^\d{1,3}$/.test(trimmed) || /^-{3,}$/.test(trimmed)) {
      if (!pending.length) block?.push([]); // a blank line, a page number, a page-break rule
      continue;
    }
    if (!block) {
      lead = isStageHeadingLine(trimmed) ? [trimmed] : [];
      continue;
    }
    if (!pending.length && isStageHeadingLine(trimmed)) {
      block.push([trimmed]);
      continue;
    }
    pending.push(trimmed); // a paragraph of text: ends the table unless rows of the same width go on
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// A Word table pasted as text: cells separated by tabs, rows by line breaks — and a cell's own line
// breaks pasted as they are (Word), or the cell quoted «"…"» with its line breaks inside (Excel, browsers).

/** «"line one\nline two"» cells (quotes doubled inside) → one line; other quotes are left alone. */
function unquoteCells(text: string): string {
  return text.replace(/(?<=^|\t|\n)"((?:[^"]|"")*)"(?=\t|\r?\n|$)/g, (whole, body: string) =>
    /[\r\n]/.test(body) ? body.replace(/""/g, '"').replace(/\s*\r?\n\s*/g, " ") : whole,
  );
}

const tabsIn = (line: string) => line.split("\t").length - 1;

/**
 * Joins the lines of one table row that a cell's line breaks split: after the header, a line with fewer
 * tabs than the header goes on with the next lines until the row has all its cells (a merged stage row,
 * with no tab at all, stays a line of its own); a line without tabs right after a full row, that does not
 * read as a heading, is the last cell's next line.
 */
function stitchRows(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const headerAt = lines.findIndex((l) => l.includes("\t") && isHeaderRow(l.split("\t")));
  const counts = new Map<number, number>();
  for (const l of lines) if (l.includes("\t") && !l.trim().startsWith("|")) counts.set(tabsIn(l), (counts.get(tabsIn(l)) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const width = headerAt >= 0 ? tabsIn(lines[headerAt] as string) : common;
  if (!width || width < 2) return text;
  const out: string[] = [];
  let partial: string | null = null;
  let afterFullRow = false;
  const start = headerAt >= 0 ? headerAt + 1 : 0;
  out.push(...lines.slice(0, start));
  for (const line of lines.slice(start)) {
    const tabs = tabsIn(line);
    if (line.trim().startsWith("|")) {
      if (partial !== null) out.push(partial);
      partial = null;
      out.push(line);
      continue;
    }
    if (partial !== null) {
      if (tabsIn(partial) + tabs <= width && line.trim()) {
        partial = `${partial} ${line}`.replace(/ \t/g, "\t");
        if (tabsIn(partial) === width) {
          out.push(partial);
          partial = null;
          afterFullRow = true;
        }
        continue;
      }
      out.push(partial);
      partial = null;
    }
    if (!line.trim()) {
      out.push(line);
      afterFullRow = false;
      continue;
    }
    if (tabs === 0) {
      const t = line.trim();
      const previous = out[out.length - 1];
      const signature = /_{3,}/.test(t) || /^(директор|заведующ|исполнител|руководител|приложени|утвержд|согласован|подпис)/i.test(t);
      if (afterFullRow && previous !== undefined && !signature && t.length <= 80 && !isStageHeadingLine(t) && !mayBeSectionLine(t) && !/^\d/.test(t)) {
        out[out.length - 1] = `${previous} ${t}`; // the last cell went on
        continue;
      }
      out.push(line);
      afterFullRow = false;
      continue;
    }
    if (tabs < width) {
      partial = line;
      continue;
    }
    out.push(line);
    afterFullRow = true;
  }
  if (partial !== null) out.push(partial);
  return out.join("\n");
}

/** A Word table pasted as text, its multi-line cells joined back into their rows. */
export function normalizePastedTable(text: string): string {
  return stitchRows(unquoteCells(text.replace(/^\ufeff/, "")));
}

function parseTables(text: string): ParsedRoadmap {
  const blocks = textBlocks(normalizePastedTable(text));
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
}

const activityCount = (r: ParsedRoadmap) => r.stages.reduce((n, s) => n + s.activities.length, 0);

/**
 * Reads a roadmap from pasted or plain text (markdown tables, tab-separated rows, whole documents). When
 * no table gives an activity, the lines of the text do: text with words never reads as empty.
 */
export function parseRoadmapText(text: string): ParsedRoadmap {
  if (typeof text !== "string" || !text.trim()) return { stages: [], warnings: [EMPTY_WARNING] };
  let tables: ParsedRoadmap;
  try {
    tables = parseTables(text);
  } catch {
    tables = { stages: [], warnings: [] };
  }
  if (activityCount(tables) > 0) return tables;
  try {
    const lines = parseRoadmapLines(text);
    if (activityCount(lines) > 0) return lines;
  } catch {
    // fall through
  }
  return { stages: [], warnings: [EMPTY_WARNING] };
}
