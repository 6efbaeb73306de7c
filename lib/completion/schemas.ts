import { z } from "zod";
import { OrgSlug, Id } from "../schemas/fields";

// Stage 7 (завершение программы): awards and the update of the banks. Shared by forms and actions;
// messages are keys under "errors" in the message files.

export const AWARD_KINDS = ["LETTER_OF_THANKS", "CERTIFICATE", "OTHER"] as const;

export const RecordAwardInput = z.object({
  org: OrgSlug,
  programId: Id,
  personId: z.uuid({ error: "awardPersonRequired" }),
  kind: z.enum(AWARD_KINDS, { error: "required" }),
  title: z.string().trim().min(3, { error: "awardTitleRequired" }).max(300, { error: "tooLong" }),
  awardedOn: z.iso.date({ error: "date" }).transform((v) => new Date(`${v}T00:00:00Z`)),
  /** The ground: the order number and date, the council's decision… */
  basis: z
    .string()
    .trim()
    .max(300, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null)),
});
export type RecordAwardInput = z.input<typeof RecordAwardInput>;

export const DeleteAwardInput = z.object({ org: OrgSlug, awardId: Id });

/** Mentees whose pair ended stay in the bank as waiting (keepWaiting), the others leave it (see the rule in actions.ts). */
export const UpdateBanksInput = z.object({
  org: OrgSlug,
  programId: Id,
  keepWaiting: z
    // A form's checkboxes: none ticked (false), one (its value) or several (the list).
    .preprocess((v) => (v === undefined || v === null || v === "" || v === false ? [] : typeof v === "string" ? [v] : v), z.array(Id).max(2000))
    .default([]),
});
export type UpdateBanksInput = z.input<typeof UpdateBanksInput>;

/** The curator or director says the school's analytical report is the program's final one (stage 7). */
export const MarkFinalReportInput = z.object({ org: OrgSlug, programId: Id });
