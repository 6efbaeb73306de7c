// Monitoring campaigns (issue #16 item 3, docs/decisions/048): the library of indicators the app computes
// from a school's own data, how an answer of each type is read and checked, the rule that a corrected
// value needs a comment, the window, and the consolidation of the schools' answers. No I/O.

import type { DistrictSchoolFigures } from "./monitoring";
import { coverageOf, percent } from "./monitoring";
import { summarizeResults } from "./district-results";

const results = (f: SchoolFacts) => summarizeResults([f.figures.results]);

export const ANSWER_TYPES = ["NUMBER", "PERCENT", "YES_NO", "TEXT", "LINK", "FILE"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];
/** The types of the office's own questions (the library adds PERCENT). */
export const OWN_QUESTION_TYPES = ["NUMBER", "YES_NO", "TEXT", "LINK", "FILE"] as const satisfies readonly AnswerType[];

export const ACT_KINDS = ["MODEL_INTRODUCTION", "REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT", "INCENTIVE_REGULATION", "PAIRS_ORDER"] as const;
export type MonitoredActKind = (typeof ACT_KINDS)[number];

/** What the library reads about one school for one academic year (the school's own scope). */
export type SchoolFacts = {
  figures: DistrictSchoolFigures;
  /** Acts registered, by kind (any status: registered is what the school reports having). */
  acts: Record<MonitoredActKind, boolean>;
  siteSectionPublished: boolean;
  meetings: number;
  cases: number;
  awards: number;
  /** Growth by criterion of the year's latest closed «до/после» assessment (empty without one). */
  growth: readonly { change: number | null }[];
};

type LibraryEntry = { answerType: AnswerType; compute: (f: SchoolFacts) => string | null };

const yesNo = (v: boolean) => (v ? "yes" : "no");
const num = (v: number | null) => (v === null ? null : String(v));
/** A share as answered: one decimal. */
const pct = (v: number | null) => (v === null ? null : String(Math.round(v * 10) / 10));

// The titles are messages `campaigns.indicators.<key>` (the key's dot nests them), in the words of seed 002's
// regulation and the federal passport indicators: pages word a library line by its key; a new campaign stores
// their Russian copy (lib/campaigns/form-titles.ts), which its .xlsx and .docx print.
export const INDICATOR_LIBRARY = {
  "act.modelIntroduction": { answerType: "YES_NO", compute: (f) => yesNo(f.acts.MODEL_INTRODUCTION) },
  "act.regulation": { answerType: "YES_NO", compute: (f) => yesNo(f.acts.REGULATION) },
  "act.roadmap": { answerType: "YES_NO", compute: (f) => yesNo(f.acts.ROADMAP_APPROVAL) },
  "act.curator": { answerType: "YES_NO", compute: (f) => yesNo(f.acts.CURATOR_APPOINTMENT) },
  "act.incentive": { answerType: "YES_NO", compute: (f) => yesNo(f.acts.INCENTIVE_REGULATION) },
  "act.pairsOrder": { answerType: "YES_NO", compute: (f) => yesNo(f.acts.PAIRS_ORDER) },
  "site.section": { answerType: "YES_NO", compute: (f) => yesNo(f.siteSectionPublished) },
  "bank.mentors": { answerType: "NUMBER", compute: (f) => num(f.figures.mentorsApproved) },
  "bank.mentees": { answerType: "NUMBER", compute: (f) => num(f.figures.menteesInBank) },
  "pairs.byOrder": { answerType: "NUMBER", compute: (f) => num(f.figures.pairs.byOrder) },
  "pairs.active": { answerType: "NUMBER", compute: (f) => num(f.figures.pairs.active) },
  "pairs.completed": { answerType: "NUMBER", compute: (f) => num(f.figures.pairs.completed) },
  "coverage.teachers": { answerType: "PERCENT", compute: (f) => pct(coverageOf(f.figures).teachersInvolved) },
  "coverage.youngSpecialists": { answerType: "PERCENT", compute: (f) => pct(coverageOf(f.figures).youngSpecialistsCovered) },
  "coverage.studentMentees": { answerType: "PERCENT", compute: (f) => pct(coverageOf(f.figures).studentMentees) },
  "coverage.studentMentors": { answerType: "PERCENT", compute: (f) => pct(coverageOf(f.figures).studentMentors) },
  "satisfaction.mentees": { answerType: "PERCENT", compute: (f) => pct(f.figures.menteeSatisfaction) },
  "satisfaction.mentors": { answerType: "PERCENT", compute: (f) => pct(f.figures.mentorSatisfaction) },
  "meetings.count": { answerType: "NUMBER", compute: (f) => num(f.meetings) },
  "cases.count": { answerType: "NUMBER", compute: (f) => num(f.cases) },
  "awards.count": { answerType: "NUMBER", compute: (f) => num(f.awards) },
  "coverage.minorMentees": { answerType: "PERCENT", compute: (f) => pct(results(f).minorMenteesShare) },
  "coverage.minorMentors": { answerType: "PERCENT", compute: (f) => pct(results(f).minorMentorsShare) },
  "programs.personalApproved": { answerType: "NUMBER", compute: (f) => num(f.figures.results.programsApproved) },
  "programs.planDone": { answerType: "PERCENT", compute: (f) => pct(results(f).planItemsDoneShare) },
  "growth.criteriaUp": { answerType: "PERCENT", compute: (f) => pct(percent(f.growth.filter((g) => g.change !== null && g.change > 0).length, f.growth.length)) },
  "retention.youngMentored": { answerType: "PERCENT", compute: (f) => pct(results(f).youngRetainedShare) },
  "deadlines.met": { answerType: "PERCENT", compute: (f) => pct(percent(f.figures.deadlinesMet, f.figures.deadlinesDue)) },
} as const satisfies Record<string, LibraryEntry>;

export type LibraryKey = keyof typeof INDICATOR_LIBRARY;
export const LIBRARY_KEYS = Object.keys(INDICATOR_LIBRARY) as LibraryKey[];
export const isLibraryKey = (key: string | null | undefined): key is LibraryKey => !!key && Object.hasOwn(INDICATOR_LIBRARY, key);

/** The pre-filled value of a library indicator for the school (a normalized answer), or null. */
export function computeIndicator(key: string | null, facts: SchoolFacts): string | null {
  if (!isLibraryKey(key)) return null;
  const entry: LibraryEntry = INDICATOR_LIBRARY[key];
  return entry.compute(facts);
}

// ——— Answers ———

export type Refusal = { key: string; values?: Record<string, string | number> };
export type ParsedAnswer = { ok: true; value: string | null } | { ok: false; refusal: Refusal };

export const TEXT_ANSWER_MAX = 2000;
export const COMMENT_MAX = 1000;
const NUMBER_MAX = 1_000_000_000;

/**
 * Reads one answer as typed (a Russian decimal comma accepted) into its normalized text: a number without
 * trailing zeros, a percent 0–100, "yes" / "no", a text, an http(s) link. Empty is no answer (null).
 * FILE answers are the evidence files themselves: their value is the file's name, set by the upload.
 */
export function parseAnswer(type: AnswerType, raw: unknown): ParsedAnswer {
  const text = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : String(raw).trim();
  if (text === "") return { ok: true, value: null };
  switch (type) {
    case "NUMBER":
    case "PERCENT": {
      if (!/^\d{1,10}([.,]\d{1,2})?$/.test(text.replace(/\s/g, ""))) return { ok: false, refusal: { key: type === "PERCENT" ? "campaignAnswerPercent" : "campaignAnswerNumber" } };
      const value = Number(text.replace(/\s/g, "").replace(",", "."));
      if (type === "PERCENT" && value > 100) return { ok: false, refusal: { key: "campaignAnswerPercent" } };
      if (value > NUMBER_MAX) return { ok: false, refusal: { key: "campaignAnswerNumber" } };
      return { ok: true, value: String(value) };
    }
    case "YES_NO":
      if (text === "yes" || text === "no") return { ok: true, value: text };
      return { ok: false, refusal: { key: "campaignAnswerYesNo" } };
    case "TEXT":
      if (text.length > TEXT_ANSWER_MAX) return { ok: false, refusal: { key: "tooLong" } };
      return { ok: true, value: text };
    case "LINK": {
      if (text.length > 500 || !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text)) return { ok: false, refusal: { key: "campaignAnswerLink" } };
      return { ok: true, value: text };
    }
    case "FILE":
      return { ok: true, value: text.slice(0, 200) };
  }
}

/** A library value the school changed from what the app computed needs a comment saying why. */
export function needsComment(computed: string | null, value: string | null, comment: string | null): boolean {
  return computed !== null && value !== computed && !(comment && comment.trim());
}

// ——— The window ———

export type Window = { opensOn: Date; closesOn: Date; closedAt: Date | null; reopenedUntil: Date | null; status: string | null };
export type WindowState = { open: true } | { open: false; reason: "campaignClosed" | "campaignNotOpen" | "campaignWindowClosed"; date: Date };

/**
 * Whether the school may still change and submit its answer on `today` (its calendar day): within the
 * window; after it only when the office reopened it for this school (up to that day) or returned the
 * answer for correction; never once the campaign is closed.
 */
export function windowState(w: Window, today: Date): WindowState {
  if (w.closedAt) return { open: false, reason: "campaignClosed", date: w.closedAt };
  if (today < w.opensOn) return { open: false, reason: "campaignNotOpen", date: w.opensOn };
  if (today <= w.closesOn) return { open: true };
  if (w.status === "RETURNED") return { open: true };
  if (w.reopenedUntil && today <= w.reopenedUntil) return { open: true };
  return { open: false, reason: "campaignWindowClosed", date: w.reopenedUntil && w.reopenedUntil > w.closesOn ? w.reopenedUntil : w.closesOn };
}

// ——— Consolidation ———

export type StoredAnswer = { computed: string | null; value: string | null; comment: string | null };
export type StoredValues = Record<string, StoredAnswer>;

/** The stored values of a submission, whatever the JSON holds (unknown keys and shapes are dropped). */
export function readStoredValues(json: unknown): StoredValues {
  const out: StoredValues = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  for (const [id, raw] of Object.entries(json as Record<string, unknown>)) {
    if (!raw || typeof raw !== "object") continue;
    const r = raw as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : null);
    out[id] = { computed: str(r.computed), value: str(r.value), comment: str(r.comment) };
  }
  return out;
}

/** A consolidated cell: numbers as numbers (the spreadsheet sums them), yes/no as words, the rest as text. */
export function cellOf(type: AnswerType, value: string | null, words: { yes: string; no: string }): string | number | null {
  if (value === null) return null;
  if (type === "NUMBER" || type === "PERCENT") return Number(value);
  if (type === "YES_NO") return value === "yes" ? words.yes : words.no;
  return value;
}

export type IndicatorSummary = { answered: number; sum: number | null; average: number | null; yes: number | null };

/** One indicator over the schools' submitted answers: how many answered, the sum and mean of numbers, the count of «да». */
export function summarizeIndicator(type: AnswerType, values: readonly (string | null)[]): IndicatorSummary {
  const answered = values.filter((v): v is string => v !== null);
  if (type === "NUMBER" || type === "PERCENT") {
    const numbers = answered.map(Number).filter((n) => Number.isFinite(n));
    const sum = numbers.reduce((a, b) => a + b, 0);
    return { answered: answered.length, sum: type === "NUMBER" ? sum : null, average: numbers.length ? Math.round((sum / numbers.length) * 10) / 10 : null, yes: null };
  }
  if (type === "YES_NO") return { answered: answered.length, sum: null, average: null, yes: answered.filter((v) => v === "yes").length };
  return { answered: answered.length, sum: null, average: null, yes: null };
}
