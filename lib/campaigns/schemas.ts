import { z } from "zod";
import { OWN_QUESTION_TYPES } from "../domain/monitoring-indicators";
import { Id, OptionalText, OrgSlug, RequiredDate, RequiredText } from "../schemas/fields";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";

// Monitoring campaigns (issue #16 item 3, docs/decisions/048). The finer checks (an answer of its type, a
// correction's comment, the window) are pure rules in lib/domain/monitoring-indicators.ts.

export const CreateCampaignInput = z
  .object({
    org: OrgSlug,
    formKey: z.string({ error: "required" }).min(1, { error: "required" }).max(40),
    title: RequiredText(300),
    opensOn: RequiredDate,
    closesOn: RequiredDate,
  })
  .refine((v) => v.opensOn <= v.closesOn, { error: "campaignWindowOrder", path: ["closesOn"] });
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;

export const CampaignInput = z.object({ org: OrgSlug, campaignId: Id });

/** A line added to the form: an indicator of the library, or the office's own question (title and type). */
export const AddIndicatorInput = z
  .object({
    org: OrgSlug,
    campaignId: Id,
    libraryKey: z.string().max(60).optional().transform((v) => (v ? v : null)),
    title: OptionalText(500),
    answerType: z.union([z.enum(OWN_QUESTION_TYPES, { error: "required" }), z.literal("")]).optional().transform((v) => (v ? v : null)),
  })
  .refine((v) => v.libraryKey || (v.title && v.answerType), { error: "campaignQuestionIncomplete", path: ["title"] });

export const IndicatorInput = z.object({ org: OrgSlug, campaignId: Id, indicatorId: Id });

export const ReturnAnswerInput = z.object({ org: OrgSlug, campaignId: Id, schoolId: Id, comment: RequiredText(1000) });
export const ReopenInput = z.object({ org: OrgSlug, campaignId: Id, schoolId: Id, until: RequiredDate });

/**
 * A plain form post sends `answers.<indicatorId>`, `comments.<indicatorId>` and `shown.<indicatorId>` (the
 * value the app had computed when the form was shown): gather them.
 */
function gatherAnswers(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || "answers" in raw) return raw;
  const out: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  const comments: Record<string, unknown> = {};
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith("answers.")) answers[key.slice("answers.".length)] = value;
    else if (key.startsWith("comments.")) comments[key.slice("comments.".length)] = value;
    else if (key.startsWith("shown.")) shown[key.slice("shown.".length)] = value;
    else out[key] = value;
  }
  return { ...out, answers, comments, shown };
}

const TextRecord = z.record(z.string().max(40), z.string().max(5000, { error: "tooLong" }));

/** The school's answers: saved as a draft, or submitted (`intent=submit`). */
const SaveAnswersObject = z.object({ org: OrgSlug, campaignId: Id, intent: z.enum(["save", "submit"]).default("save"), answers: TextRecord.default({}), comments: TextRecord.default({}), shown: TextRecord.default({}) });
type SaveAnswersFields = { org: string; campaignId: string; intent?: "save" | "submit"; answers?: Record<string, string>; comments?: Record<string, string>; shown?: Record<string, string> };
// Typed as the object it gathers into, so that callers (and tests) name the fields they send.
export const SaveAnswersInput = z.preprocess(gatherAnswers, SaveAnswersObject) as unknown as z.ZodType<z.output<typeof SaveAnswersObject>, SaveAnswersFields>;

/** One evidence file for one line of the school's answer (replacing the earlier one). */
export const AttachEvidenceInput = z.object({
  org: OrgSlug,
  campaignId: Id,
  indicatorId: Id,
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.letter }),
});
