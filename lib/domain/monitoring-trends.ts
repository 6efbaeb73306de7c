// Every indicator of the annual report this year against the year before (issue #16 item 4): the value of each
// year, the change and its direction, and whether that is better or worse. Pure, over two DistrictSummary values
// (a school's, a municipality's or a region's — the same definitions as the dashboard).

import type { DistrictSummary } from "./monitoring";
import { formatDecimal } from "../format";
import { russianIn } from "../i18n/russian";

export type TrendScope = "school" | "district";
export type TrendRow = {
  /** The row's name is the message `monitoring.district.trends.rows.<key>` (the report prints it in Russian). */
  key: string;
  unit: "count" | "percent";
  previous: number | null;
  current: number | null;
  /** current − previous (percentage points for shares); null when a year has no value. */
  change: number | null;
  direction: "up" | "down" | "same" | null;
  /** Whether the change is an improvement (fewer overdue activities is better); null without a change. */
  better: boolean | null;
};

type Indicator = { key: string; unit: TrendRow["unit"]; value: (s: DistrictSummary) => number | null; lowerIsBetter?: boolean; districtOnly?: boolean };

const INDICATORS: Indicator[] = [
  { key: "withProgram", unit: "count", value: (s) => s.withProgram, districtOnly: true },
  { key: "running", unit: "percent", value: (s) => s.runningShare, districtOnly: true },
  { key: "pairsByOrder", unit: "count", value: (s) => s.pairs.byOrder },
  { key: "pairsCompleted", unit: "count", value: (s) => s.pairs.completed },
  { key: "pairsDissolved", unit: "count", value: (s) => s.pairs.dissolved, lowerIsBetter: true },
  { key: "mentorsApproved", unit: "count", value: (s) => s.mentorsApproved },
  { key: "teachersInvolved", unit: "percent", value: (s) => s.coverage.teachersInvolved },
  { key: "youngCovered", unit: "percent", value: (s) => s.coverage.youngSpecialistsCovered },
  { key: "studentMentees", unit: "percent", value: (s) => s.coverage.studentMentees },
  { key: "studentMentors", unit: "percent", value: (s) => s.coverage.studentMentors },
  { key: "menteeSatisfaction", unit: "percent", value: (s) => s.satisfaction.mentee },
  { key: "mentorSatisfaction", unit: "percent", value: (s) => s.satisfaction.mentor },
  { key: "overdue", unit: "count", value: (s) => s.overdueActivities, lowerIsBetter: true },
  { key: "deadlinesMet", unit: "count", value: (s) => s.deadlines.met },
  // The results of the programs (decision 053).
  { key: "minorMentees", unit: "percent", value: (s) => s.results.minorMenteesShare },
  { key: "minorMentors", unit: "percent", value: (s) => s.results.minorMentorsShare },
  { key: "programsApproved", unit: "percent", value: (s) => s.results.programsApprovedShare },
  { key: "planItemsDone", unit: "percent", value: (s) => s.results.planItemsDoneShare },
  { key: "meetingsPerPair", unit: "count", value: (s) => s.results.meetingsPerPair },
  { key: "cases", unit: "count", value: (s) => s.results.cases },
  { key: "awards", unit: "count", value: (s) => s.results.awards },
  { key: "growthUp", unit: "percent", value: (s) => s.results.growthShare },
  { key: "youngRetained", unit: "percent", value: (s) => s.results.youngRetainedShare },
  { key: "sitePublished", unit: "count", value: (s) => s.results.sitePublished, districtOnly: true },
  { key: "introductionOrders", unit: "count", value: (s) => s.results.introductionOrders, districtOnly: true },
  { key: "incentiveRegulations", unit: "count", value: (s) => s.results.incentiveRegulations, districtOnly: true },
];

/** The keys of the compared indicators: the dashboard names each row by `monitoring.district.trends.rows.<key>`. */
export const TREND_KEYS: readonly string[] = INDICATORS.map((i) => i.key);

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The rows of the comparison; a school's report leaves out what only an office's has (organizations with a program). */
export function compareYears(previous: DistrictSummary, current: DistrictSummary, scope: TrendScope): TrendRow[] {
  return INDICATORS.filter((i) => scope === "district" || !i.districtOnly).map((i) => {
    const before = i.value(previous);
    const now = i.value(current);
    const change = before === null || now === null ? null : round1(now - before);
    const direction = change === null ? null : change > 0 ? "up" : change < 0 ? "down" : "same";
    const better = change === null || change === 0 ? null : (change > 0) !== Boolean(i.lowerIsBetter);
    return { key: i.key, unit: i.unit, previous: before === null ? null : round1(before), current: now === null ? null : round1(now), change, direction, better };
  });
}

// The words of the report's comparison table (lib/i18n/russian/monitoring-report.json); no "use client" component
// imports this module (the dashboard's table, components/monitoring/district-trends.tsx, is a server component).
const text = russianIn("monitoringTrends");

/** «+3», «−2», «+5,2 п. п.», «0», «—». */
export function changeText(row: TrendRow): string {
  if (row.change === null) return "—";
  const sign = row.change > 0 ? "+" : row.change < 0 ? "−" : "";
  const change = `${sign}${formatDecimal(Math.abs(row.change))}`;
  return row.unit === "percent" && row.change !== 0 ? text("percentagePoints", { change }) : change;
}

/** «рост (улучшение)», «снижение (ухудшение)», «без изменений», «нет данных». */
export function directionText(row: TrendRow): string {
  if (row.direction === null) return text("noData");
  if (row.direction === "same") return text("same");
  return text("direction", { direction: row.direction, better: row.better ? "yes" : "no" });
}

/** The paragraph over the table: how many indicators got better and worse. */
export function trendsSentence(rows: TrendRow[], previousYearText: string): string {
  const better = rows.filter((r) => r.better === true).length;
  const worse = rows.filter((r) => r.better === false).length;
  const compared = rows.filter((r) => r.change !== null).length;
  if (compared === 0) return text("noPrevious", { year: previousYearText });
  return text("sentence", { year: previousYearText, better, compared, worse });
}
