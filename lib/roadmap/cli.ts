// npm run roadmap:parse -- FILE   (.docx, .pdf, .txt, .md, .tsv)
// Prints the parsed roadmap as JSON: { stages: [{ number, title, stage, activities: [...] }], warnings }.

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { IMPORT_MAX_BYTES } from "../uploads/limits";
import { DOCX_UNREADABLE } from "./read-docx";
import { pdfTooLarge } from "./read-pdf";
import { parseRoadmapFile } from "./read";
import type { ParsedRoadmap } from "./types";
import { warningText, warningTexts } from "./warning-text";
import { consoleText } from "../i18n/russian-console";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Same shape and key order as ParsedRoadmap, whatever the parser's objects carry. */
function toJson(r: ParsedRoadmap) {
  return {
    stages: r.stages.map((s) => ({
      number: s.number,
      title: s.title,
      stage: s.stage,
      activities: s.activities.map((a) => ({ title: a.title, due: a.due, responsible: a.responsible, result: a.result })),
    })),
    warnings: warningTexts(r),
  };
}

async function main() {
  const file = process.argv[2];
  if (!file) fail(consoleText("roadmapCli.fileMissing"));
  const info = await stat(file).catch(() => null);
  if (!info) fail(consoleText("roadmapCli.notFound", { file }));
  if (!info.isFile()) fail(consoleText("roadmapCli.notAFile", { file }));
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) fail(consoleText("roadmapCli.unreadable", { file }));

  if (info.size > IMPORT_MAX_BYTES) fail(consoleText("roadmapCli.unreadableBecause", { file, reason: warningText(pdfTooLarge()) }));
  const result = await parseRoadmapFile(bytes, path.basename(file));
  if (result.refusal) fail(consoleText("roadmapCli.unreadableBecause", { file, reason: result.warnings[0] ? warningText(result.warnings[0]) : "" }));
  const unreadable = result.warnings.find((w) => DOCX_UNREADABLE.includes(w.key) || w.key === "notText");
  if (unreadable) fail(consoleText("roadmapCli.unreadableBecause", { file, reason: warningText(unreadable) }));
  console.log(JSON.stringify(toJson(result), null, 2));
}

main().catch((e: unknown) => fail(consoleText("roadmapCli.parseFailed", { error: e instanceof Error ? e.message : String(e) })));
