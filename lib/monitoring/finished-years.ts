import { academicYearEnd } from "../domain/academic-year";
import { isoDate } from "../domain/local-date";
import type { DistrictSummary } from "../domain/monitoring";

// The dashboard's comparison with the year before (issue #16 item 4) reads a whole second year of figures on every
// load — for a region's 2,000 schools as much again as the current year — while a finished academic year changes
// only by a late correction. Its summary (aggregates, no school rows) is kept per organization in this process for
// ten minutes (decision 053); the annual report always reads it afresh.

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 500;
const kept = new Map<string, { at: number; summary: DistrictSummary }>();

/** Whether the academic year starting in `year` was over before `today` (its 31 August passed). */
export function yearFinished(year: number, today: Date): boolean {
  return academicYearEnd(year).getTime() < today.getTime();
}

/**
 * The summary of a finished year for the organization: kept if read in the last ten minutes, otherwise loaded and
 * kept. A year not yet finished is always loaded.
 */
export async function finishedYearSummary(organizationId: string, year: number, today: Date, load: () => Promise<DistrictSummary>): Promise<DistrictSummary> {
  if (!yearFinished(year, today)) return load();
  const key = `${organizationId}:${year}:${isoDate(today)}`;
  const entry = kept.get(key);
  const at = performance.now();
  if (entry && at - entry.at < TTL_MS) return entry.summary;
  const summary = await load();
  if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  kept.set(key, { at, summary });
  return summary;
}

/** Forgets every kept summary (the benchmark's cold case; tests). */
export function forgetFinishedYears(): void {
  kept.clear();
}
