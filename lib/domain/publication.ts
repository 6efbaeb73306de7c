// The public «Наставничество» section of a school's site (seed 002 §6.1.2; information support), as pure
// rules: who may be shown there, which local acts may be published, where the low-vision switch may send
// the visitor back to, and the low-vision settings kept in a cookie (ГОСТ Р 52872).

import { consentProblem, type ConsentRecord, type ConsentSubject, type RuleProblem } from "./consent";
import type { MentorStatus } from "./banks";
import type { ActKind } from "./stages";
import { safePath } from "../http/safe-path";

/** A mentor of the bank as the publication rules see them. */
export type PublicationCandidate = {
  status: MentorStatus;
  person: ConsentSubject & { active: boolean };
};

/**
 * Why a mentor is not shown on the public page, or null when they are: an approved mentor, still in active
 * work, with a valid consent to dissemination (152-ФЗ art. 10.1) — a separate document for the PUBLICATION
 * purpose only. Mentees are never shown, whatever their consents. The reason is a key under «errors».
 */
export function publicationRefusal(mentor: PublicationCandidate, consents: ConsentRecord[], at: Date): RuleProblem | null {
  if (mentor.status === "LEFT") return { key: "mentorLeftBank" };
  if (mentor.status !== "APPROVED") return { key: "mentorNotYetApproved" };
  if (!mentor.person.active) return { key: "personInactive" };
  return consentProblem(mentor.person, consents, "PUBLICATION", at);
}

export type ActPublicationProblem = "notApproved" | "pairsOrder";

/**
 * Whether a local act may be put on the site: only an act the director approved; never the order securing
 * the pairs, which names the mentees (some of them minors) — that order stays inside the school.
 */
export function actPublicationProblem(act: { kind: ActKind; status: "REGISTERED" | "APPROVED" }): ActPublicationProblem | null {
  if (act.kind === "PAIRS_ORDER") return "pairsOrder";
  if (act.status !== "APPROVED") return "notApproved";
  return null;
}

export const PUBLIC_SLUG = /^[a-z0-9-]{1,64}$/;

/** The public section's address. */
export function publicPath(slug: string): string {
  return `/s/${slug}`;
}

const BASE = "http://public.invalid";

/**
 * Where the low-vision switch sends the visitor back: a path inside this school's public section
 * (normalized, with its query), or the section's front page for anything else — other sites, other
 * schools, protocol-relative and backslash tricks, `..` segments, the switch itself.
 */
export function safeBackPath(slug: string, back: unknown): string {
  const home = publicPath(slug);
  if (!PUBLIC_SLUG.test(slug)) return "/";
  if (typeof back !== "string" || back.length > 1000 || /\s/.test(back)) return home;
  // A path of this app first (lib/http/safe-path.ts), then one inside this school's section.
  const safe = safePath(back, "");
  if (!safe) return home;
  const url = new URL(safe, BASE);
  const path = url.pathname;
  if (path !== home && !path.startsWith(`${home}/`)) return home;
  if (path === `${home}/low-vision` || path.startsWith(`${home}/low-vision/`)) return home;
  return `${path}${url.search}`;
}

// ——— The low-vision version («Версия для слабовидящих») ———

export const LOW_VISION_COOKIE = "lowVision";
export const LOW_VISION_THEMES = ["bw", "wb"] as const;
export const LOW_VISION_SIZES = [1, 2, 3] as const;
export type LowVisionTheme = (typeof LOW_VISION_THEMES)[number];
export type LowVisionSize = (typeof LOW_VISION_SIZES)[number];
export type LowVision = { on: boolean; theme: LowVisionTheme; size: LowVisionSize };

export const LOW_VISION_OFF: LowVision = { on: false, theme: "bw", size: 1 };

/** The cookie: absent (or anything unknown) is the usual version; "1" is black on white, first size; "1.wb.3" and so on. */
export function parseLowVision(value: string | null | undefined): LowVision {
  if (value === "1") return { on: true, theme: "bw", size: 1 };
  const m = /^1\.(bw|wb)\.([123])$/.exec(value ?? "");
  if (!m) return LOW_VISION_OFF;
  return { on: true, theme: m[1] as LowVisionTheme, size: Number(m[2]) as LowVisionSize };
}

/** The cookie's value, or null when it should be removed (the usual version). */
export function serializeLowVision(lv: LowVision): string | null {
  if (!lv.on) return null;
  return lv.theme === "bw" && lv.size === 1 ? "1" : `1.${lv.theme}.${lv.size}`;
}

/**
 * The switch's query applied to the current settings: on=1 / on=0 turns the version on or off;
 * theme=bw|wb and size=1|2|3 choose within it (and turn it on). Unknown values are ignored.
 */
export function applyLowVisionQuery(current: LowVision, query: { on?: string | null; theme?: string | null; size?: string | null }): LowVision {
  if (query.on === "0") return LOW_VISION_OFF;
  const theme = (LOW_VISION_THEMES as readonly string[]).includes(query.theme ?? "") ? (query.theme as LowVisionTheme) : undefined;
  const size = (LOW_VISION_SIZES.map(String) as string[]).includes(query.size ?? "") ? (Number(query.size) as LowVisionSize) : undefined;
  const turnOn = query.on === "1" || theme !== undefined || size !== undefined;
  if (!turnOn) return current;
  return { on: true, theme: theme ?? current.theme, size: size ?? current.size };
}

/** The switch's address for a change, coming back to `back`. */
export function lowVisionHref(slug: string, change: { on?: 0 | 1; theme?: LowVisionTheme; size?: LowVisionSize }, back: string): string {
  const q = new URLSearchParams();
  if (change.on !== undefined) q.set("on", String(change.on));
  if (change.theme) q.set("theme", change.theme);
  if (change.size) q.set("size", String(change.size));
  q.set("back", back);
  return `${publicPath(slug)}/low-vision?${q.toString()}`;
}

/** A short excerpt of a text for lists: whole words, at most `max` characters, with an ellipsis. */
export function excerpt(text: string, max = 300): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?—–-]+$/u, "")}…`;
}
