import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue #18: routes are thin — a page or layout reads its data and composes named sections from components/<area>;
// a page component over ~80 lines moves its parts there (CONTRIBUTING.md, «Adding a page»). This measures the
// default-exported function of every page.tsx and layout.tsx under app/, from its first line to its closing brace.
const LIMIT = 80;

// Pages over the limit that other work is changing at the time of the split (2026-12-07): each is split when that
// work lands. The list may only shrink — an entry that is back within the limit, or gone, fails below.
const PENDING: Record<string, string> = {
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|layout)\.(tsx|ts|jsx|js)$/.test(entry.name) ? [full.split(path.sep).join("/")] : [];
  });
}

const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** The lines of a file's default-exported function: `export default function`, or `export default Name` of a function or arrow. */
export function defaultExportLines(file: string, text: string): number | null {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const named = new Map<string, ts.Node>();
  let exported: ts.Node | string | null = null;
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      if (isDefault(statement)) exported = statement;
      else if (statement.name) named.set(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) named.set(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(statement)) {
      exported = ts.isIdentifier(statement.expression) ? statement.expression.text : statement.expression;
    }
  }
  const node = typeof exported === "string" ? named.get(exported) : exported;
  return node ? lines(node) : null;
}

describe("page and layout components", () => {
  const measured = routeFiles("app").map((file) => ({ file, lines: defaultExportLines(file, readFileSync(file, "utf8")) }));

  it("are measured (every page has a default export)", () => {
    expect(measured.length).toBeGreaterThan(50);
    expect(measured.filter((m) => m.file.endsWith("/page.tsx") && m.lines === null).map((m) => m.file)).toEqual([]);
  });

  it(`are at most ${LIMIT} lines: the parts live in components/<area>`, () => {
    const over = measured.filter((m) => (m.lines ?? 0) > LIMIT && !(m.file in PENDING)).map((m) => `${m.file}: ${m.lines}`);
    expect(over).toEqual([]);
  });

  it("leave the pending list once they are split", () => {
    const stale = Object.keys(PENDING).filter((file) => (measured.find((m) => m.file === file)?.lines ?? 0) <= LIMIT);
    expect(stale).toEqual([]);
  });

  it("are measured from the first line of the function to its closing brace", () => {
    const page = ["import x from 'y';", "", "export default async function P() {", "  const a = 1;", "  return <p>{a}</p>;", "}", ""].join("\n");
    expect(defaultExportLines("p.tsx", page)).toBe(4);
    const arrow = ["const P = () => (", "  <p />", ");", "export default P;"].join("\n");
    expect(defaultExportLines("p.tsx", arrow)).toBe(3);
    expect(defaultExportLines("p.tsx", "export const x = 1;")).toBeNull();
  });
});
