import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue #18 item 4, decision 001: every interface string comes from the message files. Russian string literals
// (and JSX text) in the code are allowed only where they are not interface text, and each such file says which of
// these it is:
// - DOCUMENTS: the text of a Russian document (.docx orders, consents, reports, .xlsx exports, their file names).
//   A school's documents are printed in Russian whatever language its staff read the interface in.
// - STARTER_CONTENT: texts copied into a school's data as a starting point (the roadmap template, questionnaire
//   templates, the regulation's placeholders): once copied they are the school's own, edited there.
// - INPUT_WORDS: words recognised in files people import (column headings, «да»/«нет», stage headings).
// - OPERATOR_CONSOLE: what the command-line tools and the server's start-up print for the operator, and the
//   API's own title — no interface language there.
// Nothing else holds Russian (the pending list that counted the rest reached zero on 2026-12-07 and is gone). The
// English crawl (tests/english) is the other half: it renders every page in English and finds no Russian outside
// user data.

const DOCUMENTS = [
  "app/(app)/[org]/cross-pairs/[crossPairId]/program/docx/route.ts",
  "app/(app)/[org]/mentors/appointment-order/route.ts",
  "app/(app)/[org]/mentors/incentives/order/route.ts",
  "app/(app)/[org]/pairs/[pairId]/program/docx/route.ts",
  "app/(app)/[org]/pairs/orders/[orderId]/route.ts",
  "app/(app)/[org]/people/[personId]/export/route.ts",
  "app/(app)/[org]/program/documents/[kind]/route.ts",
  "lib/banks/mentor-documents.ts",
  "lib/campaigns/consolidation.ts",
  "lib/cross-pairs/actions.ts",
  "lib/documents/analytical-report-docx.ts",
  "lib/documents/consent-docx.ts",
  "lib/documents/docx-kit.ts",
  "lib/documents/kindergarten-requisites.fixture.ts",
  "lib/documents/order-docx.ts",
  "lib/documents/personal-data-docx.ts",
  "lib/documents/personal-program-docx.ts",
  "lib/documents/regulation-docx.ts",
  "lib/documents/roadmap-docx.ts",
  "lib/domain/consent-document.ts",
  "lib/domain/mentor-documents.ts",
  "lib/domain/monitoring-report-text.ts",
  "lib/domain/monitoring-trends.ts",
  "lib/domain/organization-profile.ts",
  "lib/domain/organization-words.ts",
  "lib/domain/requisites.ts",
  "lib/domain/stage1-pack.ts",
  "lib/incentives/order-document.ts",
  "lib/monitoring/district-files.ts",
  "lib/monitoring/district-xlsx.ts",
  "lib/monitoring/report-cells.ts",
  "lib/monitoring/report-school.ts",
  "lib/monitoring/report.ts",
  "lib/pairs/order-document.ts",
  "lib/pairs/order-issue.ts",
  "lib/people/personal-data.ts",
  "lib/programs/documents.ts",
  "lib/programs/stage1-documents.ts",
  "lib/registry/template.ts",
  "lib/xlsx/workbook.ts",
];

const STARTER_CONTENT = [
  "lib/domain/program-templates.ts",
  "lib/domain/questionnaire-templates.ts",
  "lib/domain/regulation-template.ts",
  "lib/programs/actions.ts",
  "lib/programs/instantiate.ts",
  "lib/programs/templates.ts",
];

const INPUT_WORDS = ["lib/people/import-mapping.ts", "lib/people/import-values.ts", "lib/registry/read.ts", "lib/registry/schemas.ts", "lib/roadmap/columns.ts", "lib/roadmap/heading.ts"];

const OPERATOR_CONSOLE = [
  "lib/api/openapi.ts",
  "lib/cli/serve.ts",
  "lib/cli/setup.ts",
  "lib/db/backup/cli.ts",
  "lib/db/backup/container.ts",
  "lib/db/backup/pglite.ts",
  "lib/db/backup/postgres.ts",
  "lib/db/cli.ts",
  "lib/db/migrate.ts",
  "lib/db/setup.ts",
  "lib/env.ts",
  "lib/health.ts",
  "lib/http/client-address.ts",
  "lib/observability/logger.ts",
  "lib/observability/metrics-access.ts",
  "lib/operator/setup-platform.ts",
  "lib/registry/cli.ts",
  "lib/reminders/config.ts",
  "lib/reminders/scheduler.ts",
  "lib/roadmap/cli.ts",
];


const BY_DESIGN = new Set([...DOCUMENTS, ...STARTER_CONTENT, ...INPUT_WORDS, ...OPERATOR_CONSOLE]);
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
 * The Russian string literals, template pieces and JSX texts of a file (comments are not code). A single letter is
 * not text: it is how names and subjects are folded for comparison (ё → е).
 */
function russianLiterals(file: string): number {
  const text = fs.readFileSync(path.join(root, file), "utf8");
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

describe("the language policy (decision 001)", () => {
  it("finds the code (a guard against a scan that sees nothing)", () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(COUNTS.get("lib/documents/order-docx.ts")).toBeGreaterThan(0);
  });

  it("has Russian literals only in documents, starter content, recognised input words and the operator's console", () => {
    const unexpected = [...COUNTS].filter(([file, count]) => count > 0 && !BY_DESIGN.has(file)).map(([file, count]) => `${file}: ${count}`);
    expect(unexpected, "interface text belongs in lib/i18n/messages (decision 063)").toEqual([]);
  });

  it("lists only files that exist and hold Russian", () => {
    const stale = [...BY_DESIGN].filter((file) => !COUNTS.get(file));
    expect(stale, "remove these from the lists").toEqual([]);
  });
});
