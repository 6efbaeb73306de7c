import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue #18: no source file over 500 lines outside generated code and migrations — a file that grows past it
// holds several things and is split along its seams (CONTRIBUTING.md). This keeps the limit from drifting.
const LIMIT = 500;
const ROOTS = ["app", "components", "lib", "scripts", "tests", "prisma"];
const SKIP = new Set(["node_modules", "generated", "migrations", ".next", ".data", "fixtures"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(full);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [full] : [];
  });
}

describe("source files", () => {
  it(`none is over ${LIMIT} lines`, () => {
    const over = ROOTS.flatMap((root) => sources(root))
      .map((file) => ({ file, lines: readFileSync(file, "utf8").split("\n").length - 1 }))
      .filter((f) => f.lines > LIMIT)
      .map((f) => `${f.file}: ${f.lines}`);
    expect(over).toEqual([]);
  });
});
