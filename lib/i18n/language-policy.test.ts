import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue #18 item 4, decisions 001 and 064: no Russian in the code. Interface text lives in the message files
// (lib/i18n/messages/{ru,en}.*.json); the Russian that is not interface — the text of the school's documents, what the
// operator's console prints — in the Russian-only catalogs (lib/i18n/russian/*.json); starter content and the words
// recognised in imported files in data files (lib/i18n/russian/data/*.json). A Russian string literal, template piece
// or JSX text in any .ts/.tsx of app/, components/, lib/ (tests aside) fails here. A regular expression that recognises
// Russian input (a month's stem, a column heading's forms) is logic and stays in code (decision 064). The English crawl (tests/english) is
// the other half: it renders every page in English and finds no Russian outside user data.

const CYRILLIC = /\p{Script=Cyrillic}/u;
const root = process.cwd();

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") sources(rel, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/**
 * The Russian string literals, template pieces and JSX texts of a source (comments are not code). A single letter is
 * not text: it is how names and subjects are folded for comparison (ё → е).
 */
function russianLiterals(file: string, text = fs.readFileSync(path.join(root, file), "utf8")): number {
  if (!CYRILLIC.test(text)) return 0;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let count = 0;
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) && CYRILLIC.test(node.text) && !/^\p{Script=Cyrillic}$/u.test(node.text)) count++;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return count;
}

const FILES = ["app", "components", "lib"].flatMap((dir) => sources(dir));
const COUNTS = new Map(FILES.map((file) => [file, russianLiterals(file)]));

describe("the language policy (decisions 001 and 064)", () => {
  it("reads the code, and counts what it should (a guard against a scan that sees nothing)", () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(FILES).toContain("lib/documents/order-docx.ts");
    const sample = `// Комментарий не считается.\nconst a = "Приказ"; const b = \`№ \${n} от\`; const c = <p>Текст</p>; const d = "ё"; const e = "Order";`;
    expect(russianLiterals("sample.tsx", sample)).toBe(3);
  });

  it("finds no Russian literal in the code: it belongs in lib/i18n/messages, lib/i18n/russian or its data", () => {
    const found = [...COUNTS].filter(([, count]) => count > 0).map(([file, count]) => `${file}: ${count}`);
    expect(found).toEqual([]);
  });
});
