// npm run bench — runs every benchmark script of the app, each of which measures its figure against a
// floor in the same run, prints one table and writes bench/results/latest.json (one key per figure:
// value, floor, ratio, unit, goal). The dashboard figure needs PostgreSQL (DATABASE_URL); without it,
// that row says so instead of failing the whole run.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

type Figure = { value: number | null; floor: number | null; ratio: number | null; unit: string; goal: string; note?: string };

function runScript(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; lastJson: Record<string, number> | null; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", script)], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      process.stderr.write(d);
    });
    child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    child.on("close", (code) => {
      const lines = out.trim().split("\n");
      let lastJson: Record<string, number> | null = null;
      try {
        lastJson = JSON.parse(lines.at(-1) ?? "") as Record<string, number>;
      } catch {
        lastJson = null;
      }
      resolve({ code: code ?? 1, lastJson, tail: lines.slice(-3).join("\n") });
    });
  });
}

async function main() {
  const figures: Record<string, Figure> = {};
  const withoutDb = { ...process.env, DATABASE_URL: "" };

  const imp = await runScript("bench-import.ts", withoutDb);
  figures.importRows = imp.lastJson
    ? { value: imp.lastJson.seconds ?? null, floor: imp.lastJson.floorSeconds ?? null, ratio: imp.lastJson.ratio ?? null, unit: "s", goal: "10,000 rows < 10 s", note: `${imp.lastJson.rows} rows, PGlite` }
    : { value: null, floor: null, ratio: null, unit: "s", goal: "10,000 rows < 10 s", note: `failed: ${imp.tail}` };

  const match = await runScript("bench-matching.ts", process.env);
  figures.matching = match.lastJson
    ? { value: match.lastJson.seconds ?? null, floor: match.lastJson.floorSeconds ?? null, ratio: match.lastJson.ratio ?? null, unit: "s", goal: "2,000 × 1,000 < 2 s", note: `${match.lastJson.mentees} × ${match.lastJson.mentors}` }
    : { value: null, floor: null, ratio: null, unit: "s", goal: "2,000 × 1,000 < 2 s", note: `failed: ${match.tail}` };
  figures.matchingGap = { value: match.lastJson?.gapPercent ?? null, floor: 0, ratio: null, unit: "%", goal: "≤ 1 %" };

  if (process.env.DATABASE_URL) {
    const dash = await runScript("bench-dashboard.ts", process.env);
    figures.districtDashboard = dash.lastJson
      ? { value: dash.lastJson.p95Ms ?? null, floor: dash.lastJson.floorP95Ms ?? null, ratio: dash.lastJson.ratio ?? null, unit: "ms (p95)", goal: "p95 < 250 ms, ≤ 1.5×", note: `${dash.lastJson.schools} schools` }
      : { value: null, floor: null, ratio: null, unit: "ms (p95)", goal: "p95 < 250 ms, ≤ 1.5×", note: `failed: ${dash.tail}` };
  } else {
    figures.districtDashboard = { value: null, floor: null, ratio: null, unit: "ms (p95)", goal: "p95 < 250 ms, ≤ 1.5×", note: "not run: set DATABASE_URL to a PostgreSQL database" };
  }

  const rows = Object.entries(figures).map(([key, f]) => [key, f.value ?? "—", f.floor ?? "—", f.ratio ?? "—", f.unit, f.goal, f.note ?? ""].map(String));
  const header = ["figure", "value", "floor", "ratio", "unit", "goal", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(["", line(header), ...rows.map(line)].join("\n"));
  await mkdir(path.join("bench", "results"), { recursive: true });
  await writeFile(path.join("bench", "results", "latest.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log(`\nbench/results/latest.json written.`);
}

void main();
