import { z } from "zod";
import { asList, Id, OrgSlug, RequiredText } from "../schemas/fields";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";

// Information letters of an office to its schools (issue #16 item 2, docs/decisions/047).

export const SendLetterInput = z
  .object({
    org: OrgSlug,
    subject: RequiredText(300),
    body: RequiredText(20_000),
    /** Every school of the office; otherwise the chosen ones. */
    toAll: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).optional(),
    schoolIds: z.preprocess(asList, z.array(Id).max(5000, { error: "tooLong" })).optional(),
    // An empty file input is "no file".
    file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.letter, allowEmpty: true }).optional(),
  })
  .refine((v) => v.toAll || (v.schoolIds?.length ?? 0) > 0, { error: "letterNoSchools", path: ["schoolIds"] });
export type SendLetterInput = z.input<typeof SendLetterInput>;

export const LetterInput = z.object({ org: OrgSlug, letterId: Id });
