// Plain text: markdown tables, tab-separated rows (a Word table pasted as text), and the paragraphs
// around them.

import { isHeaderRow } from "./columns";
import { cleanCell, isInformationSupport, mapStage, parseHeading } from "./heading";
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
