// npm run roadmap:parse -- FILE   (.docx, .txt, .md, .tsv)
// Prints the parsed roadmap as JSON: { stages: [{ number, title, stage, activities: [...] }], warnings }.

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DOCX_UNREADABLE, parseRoadmapDocx } from "./docx";
import { parseRoadmapText } from "./parse";
import type { ParsedRoadmap } from "./types";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** UTF-8, or Windows-1251 when the file is not valid UTF-8 (older Russian text files). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("windows-1251").decode(bytes);
    } catch {
      return bytes.toString("utf8");
    }
  }
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
    warnings: r.warnings,
  };
}

async function main() {
  const file = process.argv[2];
  if (!file) fail("Укажите файл дорожной карты: npm run roadmap:parse -- ФАЙЛ (.docx, .txt, .md или .tsv).");
  const info = await stat(file).catch(() => null);
  if (!info) fail(`Файл не найден: ${file}`);
  if (!info.isFile()) fail(`Это не файл: ${file}`);
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) fail(`Не удалось прочитать файл: ${file}`);

  const ext = path.extname(file).toLowerCase();
  const isZip = bytes.subarray(0, 2).toString("latin1") === "PK";
  let result: ParsedRoadmap;
  if (ext === ".docx" || ext === ".doc" || isZip) {
    result = await parseRoadmapDocx(bytes);
    const unreadable = result.warnings.find((w) => w.startsWith(DOCX_UNREADABLE));
    if (unreadable) fail(`${unreadable} (${file})`);
  } else {
    if (bytes.includes(0)) fail(`Не удалось прочитать файл: ${file} — это не текстовый файл и не документ .docx.`);
    result = parseRoadmapText(decodeText(bytes));
  }
  console.log(JSON.stringify(toJson(result), null, 2));
}

main().catch((e: unknown) => fail(`Не удалось разобрать файл: ${e instanceof Error ? e.message : String(e)}`));
