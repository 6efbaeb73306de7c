// npm run readme:figures [-- --check]
//
// Rewrites the README's table of the latest benchmark figures — the lines between <!-- bench:start --> and
// <!-- bench:end --> — from bench/results/latest.json (written by `npm run bench`): per figure its value,
// the floor measured in the same run, the ratio, the goal and whether the goal was met. The figures are
// never typed by hand, so the README cannot disagree with the last run. --check changes nothing and exits 1
// when the README's table is not the one latest.json gives (for CI or a pre-commit look).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type Figure = { value: number | null; floor: number | null; ratio: number | null; unit: string; goal: string; note?: string };
type Results = { measuredAt: string; benchSeconds?: number; figures: Record<string, Figure> };

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const README = path.join(ROOT, "README.md");
const RESULTS = path.join(ROOT, "bench/results/latest.json");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** What each figure is, in the README's words, its unit as shown, and a divisor from the JSON's unit. */
const LABELS: Record<string, { what: string; unit: string; divide?: number }> = {
  importRows: { what: "`bench:import`: 10,000-row .xlsx through `people.import`, PGlite", unit: "s" },
  orgsImport2000: { what: "`bench:registry`: `orgs:import` of 2,000 schools, PGlite", unit: "s" },
  matching: { what: "`bench:matching`: 2,000 × 1,000 whole-pool assignment", unit: "s" },
  matchingGap: { what: "matching optimality gap (brute force, full graph, Hungarian)", unit: "%" },
  districtDashboard: { what: "`bench:dashboard`: region dashboard data, 2,000 schools, p95", unit: "ms" },
  actionAdvanceStage: { what: "action p95: advance a stage (`programs.advance`)", unit: "ms" },
  actionApprovePairs: { what: "action p95: approve 5 pairs (`pairs.approve`)", unit: "ms" },
  actionLogMeeting: { what: "action p95: log a meeting (`meetings.log`)", unit: "ms" },
  statementsPerPage: { what: "SQL statements per signed-in GET, worst page", unit: "" },
  htmlBytes: { what: "HTML per page (decompressed), worst page", unit: "KiB", divide: 1024 },
  curatorPagesRps: { what: "curator pages, 20 connections, worst req/s", unit: "req/s" },
  curatorPagesP95: { what: "curator pages, worst p95", unit: "ms" },
  curatorPagesCpuMs: { what: "server CPU per render, worst page", unit: "ms" },
  serverRss: { what: "server RSS after the load", unit: "MiB" },
  firstLoadJs: { what: "first-load JS, worst route (compressed)", unit: "KiB" },
  lighthousePerformance: { what: "Lighthouse desktop performance, worst page", unit: "" },
  lighthouseAccessibility: { what: "Lighthouse desktop accessibility, worst page", unit: "" },
};

const COMPARISON = /(<=|>=|≤|≥|<|>)\s*(\d[\d,]*(?:\.\d+)?)\s*(×)?/;

/**
 * Whether a figure met its goal. The goal is text ("p95 < 250 ms, ≤ 1.5×"): every clause with a comparison
 * is checked — against the ratio when its number carries "×", else against the value (same unit as the
 * JSON). "met" when every such clause holds, "missed" (with the clauses that failed) when one does not;
 * "reported" when the goal compares nothing ("— (reported)"), "not measured" when the value is missing.
 */
function goalOutcome(f: Pick<Figure, "value" | "ratio" | "goal">): { outcome: "met" | "missed" | "reported" | "not measured"; failed: string[] } {
  const clauses = f.goal
    .split(/,\s+/)
    .map((text) => ({ text: text.trim(), match: text.match(COMPARISON) }))
    .filter((c): c is { text: string; match: RegExpMatchArray } => c.match !== null);
  if (clauses.length === 0) return { outcome: f.value === null ? "not measured" : "reported", failed: [] };
  if (f.value === null) return { outcome: "not measured", failed: [] };
  const failed: string[] = [];
  for (const { text, match } of clauses) {
    const [, op, number, times] = match;
    const bound = Number(number!.replaceAll(",", ""));
    const actual = times ? f.ratio : f.value;
    if (actual === null) return { outcome: "not measured", failed: [] };
    const holds = op === "<" ? actual < bound : op === ">" ? actual > bound : op === "<=" || op === "≤" ? actual <= bound : actual >= bound;
    if (!holds) failed.push(text);
  }
  return { outcome: failed.length ? "missed" : "met", failed };
}

/** 5175.3 → "5,175.3"; at most three significant decimals, as measured. */
function formatNumber(n: number): string {
  const digits = Math.abs(n) >= 100 ? 1 : Math.abs(n) >= 1 ? 2 : 3;
  const rounded = Number(n.toFixed(digits));
  const [whole, fraction] = String(rounded).split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The first clause of the note ("worst /sosh-20/monitoring"), short enough for a table cell. */
function shortNote(note: string | undefined): string {
  if (!note) return "";
  const first = note.split(";")[0]!.trim();
  return first.length > 90 ? `${first.slice(0, 87)}…` : first;
}

function figuresTable(results: Results): string {
  const measured = results.measuredAt.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
  const lines = [
    `Generated by \`npm run readme:figures\` from \`bench/results/latest.json\` (measured ${measured}` +
      `${results.benchSeconds ? `, ${results.benchSeconds} s in all` : ""}); each floor is measured in the same run.`,
    "",
    "| Figure | Value | Floor | Ratio | Goal | Outcome | Note |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const [key, f] of Object.entries(results.figures)) {
    const label = LABELS[key] ?? { what: `\`${key}\``, unit: f.unit };
    const shown = (n: number | null) => (n === null ? "—" : `${formatNumber(n / (label.divide ?? 1))}${label.unit ? ` ${label.unit}` : ""}`);
    const { outcome, failed } = goalOutcome(f);
    const several = f.goal.split(/,\s+/).length > 1;
    const mark = outcome === "met" ? "met ✓" : outcome === "missed" ? `missed ✗${several ? ` (${failed.join(", ")})` : ""}` : outcome;
    lines.push(`| ${cell(label.what)} | ${shown(f.value)} | ${shown(f.floor)} | ${f.ratio === null ? "—" : formatNumber(f.ratio)} | ${cell(f.goal)} | ${mark} | ${cell(shortNote(f.note))} |`);
  }
  return lines.join("\n");
}

/** The README with the block between the markers replaced; throws when the markers are missing or out of order. */
function withFigures(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0 || end < start) throw new Error(`README.md needs ${START} … ${END} around the figures table`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

function main() {
  const results = JSON.parse(readFileSync(RESULTS, "utf8")) as Results;
  const readme = readFileSync(README, "utf8");
  const next = withFigures(readme, figuresTable(results));
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README.md's figures differ from bench/results/latest.json: run npm run readme:figures");
      process.exit(1);
    }
    console.log("README.md's figures match bench/results/latest.json");
    return;
  }
  if (next !== readme) writeFileSync(README, next);
  console.log(next === readme ? "README.md's figures already match bench/results/latest.json" : "README.md: figures rewritten from bench/results/latest.json");
}

main();
