import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRoadmapText } from "./text";

// `npm run roadmap:parse -- FILE` reproduces every seed roadmap: same JSON as the parser, every activity placed.
const dir = path.join(process.cwd(), "tests", "fixtures", "roadmaps");

describe("roadmap:parse command", () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith(".txt")))("%s", (file) => {
    const out = execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/roadmap/cli.ts", path.join(dir, file)], { encoding: "utf8" });
    const json = JSON.parse(out);
    const expected = parseRoadmapText(readFileSync(path.join(dir, file), "utf8"));
    expect(json.stages.map((s: { number: number; title: string; activities: unknown[] }) => [s.number, s.title, s.activities.length])).toEqual(
      expected.stages.map((s) => [s.number, s.title, s.activities.length]),
    );
    expect(json.stages.reduce((n: number, s: { activities: unknown[] }) => n + s.activities.length, 0)).toBeGreaterThan(10);
  }, 30_000);

  it("reads a PDF; refuses a scan without text with the Russian message", () => {
    const run = (file: string) => execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/roadmap/cli.ts", path.join(dir, "own", file)], { encoding: "utf8", stdio: "pipe" });
    const json = JSON.parse(run("lyceum.pdf"));
    expect(json.stages.map((s: { stage: number; activities: unknown[] }) => [s.stage, s.activities.length])).toEqual([[1, 3], [2, 2], [3, 2], [4, 2], [5, 3], [6, 3], [7, 2]]);
    expect(() => run("scan.pdf")).toThrow(/В файле нет текста \(скан\); вставьте текст или загрузите \.docx/);
  }, 30_000);

  it("fails with a Russian message for a missing file", () => {
    expect(() => execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/roadmap/cli.ts", "нет-такого.docx"], { encoding: "utf8", stdio: "pipe" })).toThrow(/Файл не найден/);
  });
});
