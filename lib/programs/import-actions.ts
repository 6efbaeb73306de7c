"use server";

import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { parseRoadmapDocx } from "../roadmap/docx";
import { parseRoadmapText } from "../roadmap/parse";
import type { ParsedRoadmap } from "../roadmap/types";

import { PreviewRoadmapInput } from "./schemas";

const MAX_BYTES = 5 * 1024 * 1024;

// Word-exported text files from Russian Windows are often Windows-1251, not UTF-8.
function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  return utf8.includes("\uFFFD") ? new TextDecoder("windows-1251").decode(bytes) : utf8;
}

/** Reads an uploaded .docx / text table or pasted text into stages and activities; writes nothing. */
export const previewRoadmapImport = defineAction({
  name: "roadmap.preview",
  scope: "tenant",
  permission: "program.manage",
  audit: false,
  input: PreviewRoadmapInput,
  async run({ input }) {
    const file = input.file && input.file.size > 0 ? input.file : null;
    if (file && file.size > MAX_BYTES) return refuse("VALIDATION", "fileTooLarge", { file: "fileTooLarge" });
    let parsed: ParsedRoadmap;
    if (file) {
      const bytes = Buffer.from(await file.arrayBuffer());
      const isDocx = file.name.toLowerCase().endsWith(".docx") || bytes.subarray(0, 2).toString("latin1") === "PK";
      parsed = isDocx ? await parseRoadmapDocx(bytes) : parseRoadmapText(decodeText(bytes));
    } else if (input.text?.trim()) {
      parsed = parseRoadmapText(input.text);
    } else {
      return refuse("VALIDATION", "importUnreadable", { file: "importUnreadable" });
    }
    const count = parsed.stages.reduce((n, s) => n + s.activities.length, 0);
    if (count === 0) return refuse("VALIDATION", "importNothing", undefined, { details: parsed.warnings });
    return done(parsed);
  },
});
