import { parseRoadmapDocx } from "./read-docx";
import { PdfReadError, readPdfText } from "./read-pdf";
import { parseRoadmapText } from "./text";
import { type ParsedRoadmap, warning } from "./types";

export const NOT_TEXT = warning("notText");

/** UTF-8, or Windows-1251 when the file is not valid UTF-8 (older Russian text files). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** One entry for the command and the import page: a PDF, a .docx (by name or signature) or a text table. */
export async function parseRoadmapFile(bytes: Buffer, fileName: string): Promise<ParsedRoadmap> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".pdf") || bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    try {
      return parseRoadmapText(await readPdfText(bytes));
    } catch (e) {
      if (e instanceof PdfReadError) return { stages: [], warnings: [e.warning], refusal: e.refusal };
      throw e;
    }
  }
  const isZip = bytes.subarray(0, 2).toString("latin1") === "PK";
  if (lower.endsWith(".docx") || lower.endsWith(".doc") || isZip) return parseRoadmapDocx(bytes);
  if (bytes.includes(0)) return { stages: [], warnings: [NOT_TEXT] };
  return parseRoadmapText(decodeText(bytes));
}
