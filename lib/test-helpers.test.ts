import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue #18 item 6: «no helper copied between files». A helper a second test file needs lives once — the action
// call and the world in tests/setup (call.ts, factories.ts), rows in tests/factories, dates, files, figures and the
// DOM harness beside them — and is imported. This test compares every top-level helper (a function declaration or
// a `const` bound to an arrow function or function expression) of every test file, tests/setup and tests/factories
// by its parameters and body, names and comments aside:
// - the same body in two files is a copy, whatever the helper calls its parameters and locals;
// - a body of some length that differs only in its string and number literals is a near-copy (the same arrangement
//   with other names or dates) — below that length, two one-liners that agree by chance are not reported.

const root = process.cwd();
/** Tokens from which two bodies differing only in literals count as a near-copy. */
const NEAR_TOKENS = 12;

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, keep, out);
    else if (keep(full)) out.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return out;
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const FILES = [
  ...walk("lib", isTest),
  ...walk("components", isTest),
  ...walk("app", isTest),
  ...walk("tests", (f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts")),
];

type Helper = { file: string; name: string; exact: string; near: string; tokens: number };

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
]);

/** The names the function binds itself (parameters, locals, inner functions' parameters): renamed in the comparison. */
function localNames(fn: ts.Node): Map<string, string> {
  const names = new Map<string, string>();
  const bind = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) {
      if (!names.has(name.text)) names.set(name.text, `«local${names.size}»`);
    } else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node) => {
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) && node.name) bind(node.name);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return names;
}

/** Whether the identifier names a property (`a.name`, `{ name: … }`), which renaming must leave alone. */
const isPropertyName = (node: ts.Node) =>
  (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) || (ts.isPropertyAssignment(node.parent) && node.parent.name === node);

/** A function's parameters and body as its tokens (no comments, no whitespace); `near` has its literals blanked. */
function shapeOf(fn: ts.SignatureDeclarationBase & { body?: ts.Node }, source: ts.SourceFile): { exact: string; near: string; tokens: number } {
  const exact: string[] = [];
  const near: string[] = [];
  const locals = localNames(fn);
  const visit = (node: ts.Node) => {
    const children = node.getChildren(source);
    if (children.length === 0 && node.kind !== ts.SyntaxKind.SyntaxList) {
      const text = node.getText(source);
      const token = ts.isIdentifier(node) && !isPropertyName(node) ? (locals.get(text) ?? text) : text;
      exact.push(token);
      near.push(LITERALS.has(node.kind) ? "«literal»" : token);
    }
    children.forEach(visit);
  };
  fn.parameters.forEach(visit);
  exact.push("=>");
  near.push("=>");
  // `{ return x; }` is the same helper as `=> x`.
  const body = fn.body && ts.isBlock(fn.body) && fn.body.statements.length === 1 && ts.isReturnStatement(fn.body.statements[0]!) ? fn.body.statements[0].expression : fn.body;
  if (body) visit(body);
  return { exact: exact.join(" "), near: near.join(" "), tokens: exact.length };
}

function helpersIn(file: string, text: string): Helper[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Helper[] = [];
  const add = (name: string, fn: ts.SignatureDeclarationBase & { body?: ts.Node }) => {
    if (fn.body) out.push({ file, name, ...shapeOf(fn, source) });
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) add(d.name.text, d.initializer);
      }
    }
  }
  return out;
}
const helpersOf = (file: string) => helpersIn(file, fs.readFileSync(path.join(root, file), "utf8"));

/** Copies not yet moved onto the shared helper. The list may only shrink — an entry that is no longer a copy fails the last test. */
const PENDING = new Set<string>([]);
const key = (h: Helper) => `${h.file}:${h.name}`;

const all = FILES.flatMap(helpersOf);

/** Groups of helpers in more than one file sharing the same shape. */
function copies(helpers: Helper[], shape: (h: Helper) => string | null): Helper[][] {
  const groups = new Map<string, Helper[]>();
  for (const h of helpers) {
    const k = shape(h);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), h]);
  }
  return [...groups.values()].filter((g) => new Set(g.map((h) => h.file)).size > 1);
}
const exactShape = (h: Helper) => h.exact;
const nearShape = (h: Helper) => (h.tokens >= NEAR_TOKENS ? h.near : null);
const describeGroup = (g: Helper[]) => g.map(key).join("  =  ");

describe("test helpers live once", () => {
  it("reads the helpers of the test files and of tests/setup", () => {
    expect(FILES).toContain("tests/setup/call.ts");
    expect(all.find((h) => h.file === "tests/setup/call.ts" && h.name === "callOk")).toBeDefined();
    expect(all.filter((h) => h.file.startsWith("tests/integration/")).length).toBeGreaterThan(50);
  });

  it("tells a copy and a near-copy apart from different helpers", () => {
    const [a, b, c, d, e, f] = helpersIn(
      "x.ts",
      [
        "const a = (iso: string) => new Date(`${iso}T00:00:00Z`);",
        "function b(iso: string) {\n  return new Date(`${iso}T00:00:00Z`); // the same\n}",
        "const c = (iso: string) => new Date(`${iso}T12:00:00Z`);",
        "const d = (iso: string) => new Date(iso);",
        "const e = (iso: string) =>   new Date(`${iso}T00:00:00Z`); // the same",
        "const f = (s: string) => new Date(`${s}T00:00:00Z`);",
      ].join("\n"),
    );
    expect(a!.exact).toBe(e!.exact);
    expect(a!.exact).toBe(b!.exact);
    expect(a!.exact).toBe(f!.exact); // its parameter renamed
    expect(a!.exact).not.toBe(c!.exact);
    expect(a!.near).toBe(c!.near);
    expect(a!.near).not.toBe(d!.near);
  });

  it("finds no helper whose body is copied from another test file or from tests/setup", () => {
    const found = copies(
      all.filter((h) => !PENDING.has(key(h))),
      exactShape,
    ).map(describeGroup);
    expect(found, "import the helper from tests/setup (or move it there) instead of writing it again").toEqual([]);
  });

  it("finds no near-copy: the same helper with other literals", () => {
    const found = copies(
      all.filter((h) => !PENDING.has(key(h))),
      nearShape,
    ).map(describeGroup);
    expect(found, "give the shared helper a parameter for what differs").toEqual([]);
  });

  it("keeps the pending list to copies that are still there", () => {
    const copied = new Set([...copies(all, exactShape), ...copies(all, nearShape)].flat().map(key));
    expect([...PENDING].filter((k) => !copied.has(k)), "remove these from PENDING").toEqual([]);
  });
});
