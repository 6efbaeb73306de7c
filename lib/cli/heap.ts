import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the old generation grow past the live heap before the next full collection, in percent
 * (V8's --heap-growing-percent). Left to itself, with the 4 GB heap limit of a machine with more than 16 GB
 * of memory, V8 lets it grow up to 4× what survived the last collection: under load the server kept
 * 420–550 MiB of heap for ≈ 180–195 MiB that was live, and its RSS ran to 2.5× what it was after start
 * (issue #14). 25 makes a full collection start once the old generation has grown by a quarter: no hard limit, so a
 * large export cannot run out of heap because of it. HEAP_GROWING_PERCENT overrides it; 0 gives V8's default.
 */
export const HEAP_GROWING_PERCENT = 25;

/** Applied by lib/cli/serve.ts at start (V8 reads the factor at every collection, so setting it at run time works). */
export function applyHeapSettings(env: Partial<Record<string, string>> = process.env): number {
  const raw = env.HEAP_GROWING_PERCENT;
  const percent = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : HEAP_GROWING_PERCENT;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
