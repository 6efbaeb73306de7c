// The one source of "now" (docs/decisions/011). Everything in lib/, app/ and components/ that means
// "the current instant" calls now(); a lint rule forbids `new Date()` and `Date.now()` elsewhere.
//
// Tests move the clock: NASTAVNIK_NOW (an ISO 8601 instant) makes the clock start at that instant and
// run forward in real time (an offset, so timestamps still order). It is honoured only outside
// production builds (vitest, `npm run dev`) or when NASTAVNIK_TEST_CLOCK=1 is also set, which only the
// Playwright web server sets; a real deployment (`npm start`, NODE_ENV=production) ignores it loudly.

import { envVariable } from "./env";

type ClockEnv = { NASTAVNIK_NOW?: string; NASTAVNIK_TEST_CLOCK?: string; NODE_ENV?: string };

/** The offset (ms) NASTAVNIK_NOW asks for, or 0; throws on an unreadable instant so a typo never runs "today". */
export function offsetFromEnv(env: ClockEnv, realNow: number, warn: (message: string) => void = console.warn): number {
  const wanted = env.NASTAVNIK_NOW?.trim();
  if (!wanted) return 0;
  if (env.NODE_ENV === "production" && env.NASTAVNIK_TEST_CLOCK !== "1") {
    warn(`[clock] NASTAVNIK_NOW=${wanted} IGNORED: production build without NASTAVNIK_TEST_CLOCK=1. The clock is real.`);
    return 0;
  }
  const instant = parseInstant(wanted);
  warn(`[clock] *** TEST CLOCK ACTIVE: now starts at ${instant.toISOString()} (NASTAVNIK_NOW), not the real time ***`);
  return instant.getTime() - realNow;
}

/** An ISO 8601 instant with a zone (Z or ±hh:mm); a bare date or local time would depend on the machine's zone. */
export function parseInstant(text: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const instant = new Date(text);
  if (!ok || Number.isNaN(instant.getTime())) throw new Error(`[clock] not an ISO 8601 instant with a zone: ${text}`);
  return instant;
}

// Date.now() here is the real wall clock the offset is added to: the one place it may be read.
const realNow = () => Date.now();

const envOffset = offsetFromEnv({ NASTAVNIK_NOW: envVariable("NASTAVNIK_NOW"), NASTAVNIK_TEST_CLOCK: envVariable("NASTAVNIK_TEST_CLOCK"), NODE_ENV: envVariable("NODE_ENV") }, realNow());
let offset = envOffset;

/** The current instant, as the app sees it. */
export function now(): Date {
  return new Date(realNow() + offset);
}

/**
 * The real wall clock in ms, whatever a test clock says — only for a check that must agree with a library
 * reading Date.now() itself: the session cookie's expiry, which Auth.js sets and checks by the real clock.
 */
export function wallClockMs(): number {
  return realNow();
}

/** Tests only: moves the clock so that it reads `instant` now and runs on from there. */
export function setClock(instant: Date | string): void {
  if (envVariable("NODE_ENV") === "production" && envVariable("NASTAVNIK_TEST_CLOCK") !== "1") throw new Error("[clock] setClock is for tests only");
  const at = typeof instant === "string" ? parseInstant(instant) : instant;
  offset = at.getTime() - realNow();
}

/** Tests only: back to the clock the process started with (NASTAVNIK_NOW's, or the real one). */
export function resetClock(): void {
  offset = envOffset;
}
