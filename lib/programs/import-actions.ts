"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { parseRoadmapText } from "../roadmap/text";
import { parseRoadmapFile } from "../roadmap/read";
import type { ParsedRoadmap } from "../roadmap/types";
import { warningText } from "../roadmap/warning-text";

import { PreviewRoadmapInput } from "./schemas";

/** Reads an uploaded .docx / PDF / text table or pasted text into stages and activities; writes nothing. */
export const previewRoadmapImport = defineAction({
  name: "roadmap.preview",
  scope: "tenant",
  permission: "program.manage",
  audit: false,
  refresh: false,
  input: PreviewRoadmapInput,
  async run({ input, ctx }) {
    // The schema refused a file over the limit; an empty file input means the pasted text.
    const file = input.file && input.file.size > 0 ? input.file : null;
    let parsed: ParsedRoadmap;
    if (file) {
      parsed = await parseRoadmapFile(Buffer.from(await file.arrayBuffer()), file.name);
      // A scan without text, a PDF over the page limit, a damaged PDF: refused with what to do instead.
      if (parsed.refusal) return refuse("VALIDATION", parsed.refusal.key, undefined, { values: parsed.refusal.values });
    } else if (input.text?.trim()) {
      parsed = parseRoadmapText(input.text);
    } else {
      return refuse("VALIDATION", "importUnreadable", { file: "importUnreadable" });
    }
    const count = parsed.stages.reduce((n, s) => n + s.activities.length, 0);
    if (count === 0) return refuse("VALIDATION", "importNothing", undefined, { details: parsed.warnings.map((w) => warningText(w, ctx.user.locale ?? "ru")) });
    return done(parsed);
  },
});
