// The last resort for text without a readable table: a hand-typed numbered list, paragraphs copied from
// a site, a PDF whose columns could not be rebuilt. Every line is a stage heading or an activity — the
// import proposes its best split and the user corrects it in the preview; text never reads as "empty".

import { DUE_LIKE, RESPONSIBLE_LIKE } from "./columns";
import { cleanCell, isInformationSupport, mapStage, parseHeading, startsAsFragment, tidyTitle } from "./heading";
import { type Draft, finish } from "./parse";
import { type ParsedActivity, type ParsedRoadmap, warning } from "./types";

export const LINES_WARNING = warning("byLines");

const BULLET = /^[•·▪●◦‣∙*–—-]\s*/;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+(?=\S)/;
/** Boilerplate around a roadmap: approval stamps, signatures, the document's own title. */
const PREAMBLE = /^(утвержд|согласовано|принято|приложение|приказ|директор|заведующ|руководител|исполнител|подпись|м\.п\.|дорожная карта|план мероприятий|_{3,})/i;

/** «Title — сентябрь 2025 — Иванова И.И., директор» / tab- or «;»-separated parts: title first, then what they look like. */
function activityOf(text: string): ParsedActivity {
  // «—» separates the parts; «–» too, unless the text uses «—» (then «–» joins a period: «декабрь – апрель»).
  const separator = /\s—\s|\t/.test(text) ? /\t+|\s+—\s+|;\s+/ : /\t+|\s+[–-]\s+|;\s+/;
  const parts = text.split(separator).map((p) => p.trim()).filter(Boolean);
  const [first = "", ...rest] = parts;
  const activity: ParsedActivity = { title: first, due: "", responsible: "", result: "" };
  for (const part of rest) {
    if (!activity.due && DUE_LIKE.test(part.toLowerCase())) activity.due = part;
    else if (!activity.responsible && RESPONSIBLE_LIKE.test(part)) activity.responsible = part;
    else activity.title = `${activity.title} — ${part}`;
  }
  activity.title = activity.title.replace(/[\s;,]+$/, "");
  return activity;
}

function headingOf(text: string, number: string | null): { number: number | null; title: string } | null {
  const h = parseHeading(text);
  if (h.explicit && h.title) return { number: h.number, title: h.title };
  const integer = number && /^\d{1,2}$/.test(number) ? Number(number) : null;
  const body = number ? text.replace(NUMBERED, "") : text;
  const named = mapStage(body) !== null || isInformationSupport(body);
  if (!named || body.length > 150 || /[.;]$/.test(body) || /\t/.test(body)) return null;
  if (number && integer === null) return null; // «2.1 Формирование базы…» is an item, not a section
  if (DUE_LIKE.test(body.toLowerCase()) && /\s[—–]\s/.test(body)) return null;
  return { number: integer, title: tidyTitle(body) };
}

/** Reads stages and activities from lines of text. Never empty when the text has a line of words. */
export function parseRoadmapLines(text: string): ParsedRoadmap {
  const lines = String(text ?? "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\u00a0/g, " ").trim())
    .filter((l) => /\p{L}{3,}/u.test(l));
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let last: ParsedActivity | null = null;
  let orphans = 0;
  let started = false;
  const loose: ParsedActivity[] = [];
  for (const raw of lines) {
    const line = raw.replace(BULLET, "");
    const bulleted = line !== raw;
    const number = NUMBERED.exec(line)?.[1] ?? null;
    const heading = bulleted ? null : headingOf(cleanCell(line.replace(/\t+/g, " ")), number);
    if (heading) {
      current = { number: heading.number, title: heading.title, activities: [], implicit: false };
      drafts.push(current);
      last = null;
      started = true;
      continue;
    }
    if (!started && !number && !bulleted) {
      // Before the first stage or numbered item: the document's title and stamps — kept aside in case
      // nothing else turns up.
      if (!PREAMBLE.test(line)) loose.push(activityOf(line));
      continue;
    }
    if (last && !number && !bulleted && startsAsFragment(line)) {
      last.title = `${last.title} ${line}`; // a wrapped line
      continue;
    }
    started = true;
    const activity = activityOf(line.replace(NUMBERED, ""));
    if (!activity.title) continue;
    if (!current) {
      current = { number: null, title: "", activities: [], implicit: true };
      drafts.push(current);
    }
    if (current.implicit) orphans++;
    current.activities.push(activity);
    last = activity;
  }
  if (!drafts.some((d) => d.activities.length) && loose.length) {
    drafts.length = 0;
    drafts.push({ number: null, title: "", activities: loose, implicit: true });
    orphans = loose.length;
  }
  if (!drafts.some((d) => d.activities.length)) {
    const words = lines.map((l) => l.replace(BULLET, "")).filter(Boolean);
    if (!words.length) return { stages: [], warnings: [] };
    drafts.length = 0;
    drafts.push({ number: null, title: "", activities: words.map(activityOf), implicit: true });
    orphans = words.length;
  }
  return finish(drafts, [LINES_WARNING], orphans);
}
