import { parseRoadmapDocx } from "./docx";
import { parseRoadmapText } from "./text";
import type { ParsedRoadmap } from "./types";

export const NOT_TEXT = "Это не текстовый файл и не документ .docx.";

/** UTF-8, or Windows-1251 when the file is not valid UTF-8 (older Russian text files). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** One entry for the command and the import page: a .docx (by name or zip signature) or a text table. */
export async function parseRoadmapFile(bytes: Buffer, fileName: string): Promise<ParsedRoadmap> {
  const lower = fileName.toLowerCase();
  const isZip = bytes.subarray(0, 2).toString("latin1") === "PK";
  if (lower.endsWith(".docx") || lower.endsWith(".doc") || isZip) return parseRoadmapDocx(bytes);
  if (bytes.includes(0)) return { stages: [], warnings: [NOT_TEXT] };
  return parseRoadmapText(decodeText(bytes));
}
