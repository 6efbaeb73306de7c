import { z } from "zod";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";
import { OrgSlug, Id, OptionalId } from "../schemas/fields";

// The методическая копилка: cases of best practice written from completed pairs and methodological
// materials with a file. Shared by forms and actions; messages are keys under "errors".

export const PRACTICE_KINDS = ["CASE", "MATERIAL"] as const;
export const MAX_TAGS = 10;
export const TAG_MAX = 40;

/** Tags as the form writes them («адаптация, молодой педагог») or as a list: trimmed, deduplicated ignoring case. */
export function parseTags(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/[,;\n]/) : [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of raw) {
    const tag = item.trim().replace(/\s+/g, " ").replace(/^#/, "");
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export const SavePracticeInput = z
  .object({
    org: OrgSlug,
    /** Empty: a new entry. */
    practiceId: OptionalId,
    kind: z.enum(PRACTICE_KINDS, { error: "required" }),
    /** A case is written from a completed pair of the school (only when it is created). */
    pairId: OptionalId,
    title: z.string().trim().min(3, { error: "practiceTitleRequired" }).max(300, { error: "tooLong" }),
    summary: z.string().trim().min(10, { error: "practiceSummaryRequired" }).max(2000, { error: "tooLong" }),
    body: z
      .string()
      .trim()
      .max(20000, { error: "tooLong" })
      .optional()
      .transform((v) => (v ? v : null)),
    tags: z.preprocess(
      parseTags,
      z
        .array(z.string().max(TAG_MAX, { error: "practiceTagTooLong" }))
        .max(MAX_TAGS, { error: "practiceTooManyTags" }),
    ),
  })
  .refine((v) => v.kind !== "CASE" || v.practiceId || v.pairId, { error: "practicePairRequired", path: ["pairId"] });
export type SavePracticeInput = z.input<typeof SavePracticeInput>;

/** File types of materials, by extension: what is stored as the download's content type. */
export const PRACTICE_FILE_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
};

export function practiceFileType(file: { name: string; type: string }): string | null {
  const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const byExt = PRACTICE_FILE_TYPES[ext];
  if (!byExt) return null;
  // The browser's type must agree with the extension (or be unknown: some systems send none for .pptx).
  return file.type === byExt || file.type === "" || file.type === "application/octet-stream" ? byExt : null;
}

export const AttachPracticeFileInput = z.object({
  org: OrgSlug,
  practiceId: Id,
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.practice, type: (f) => practiceFileType(f) !== null, typeError: "practiceFileType" }),
});

export const SetPracticeSharingInput = z.object({
  org: OrgSlug,
  practiceId: Id,
  /** sharedWithDistrict: «поделиться с округом»; publishedOnSite: «опубликовать на сайте школы». */
  field: z.enum(["sharedWithDistrict", "publishedOnSite"], { error: "validation" }),
  value: z.boolean({ error: "validation" }),
});
export type SetPracticeSharingInput = z.input<typeof SetPracticeSharingInput>;

export const DeletePracticeInput = z.object({ org: OrgSlug, practiceId: Id });
