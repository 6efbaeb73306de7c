import { z } from "zod";
import { enumKeys } from "../actions/enum-keys";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, INFORMATION_SOURCES, MAX_MENTOR_CAPACITY, MENTEE_CATEGORIES, TRAINING_KINDS } from "../domain/banks";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";
import { OrgSlug, Id, OptionalText, RequiredDate, OptionalDate, TagList } from "../schemas/fields";

const Reason = z.string().trim().min(3, { error: "reasonShort" }).max(1000, { error: "tooLong" });

const MenteeFields = {
  category: z.enum(enumKeys(MENTEE_CATEGORIES), { error: "required" }),
  difficulties: TagList(DIFFICULTY_TAGS),
  request: OptionalText(2000),
  source: z.enum(enumKeys(INFORMATION_SOURCES), { error: "required" }),
};

export const AddMenteeInput = z.object({ org: OrgSlug, personId: Id, ...MenteeFields });
export type AddMenteeInput = z.input<typeof AddMenteeInput>;

export const UpdateMenteeInput = z.object({ org: OrgSlug, menteeId: Id, ...MenteeFields });
export type UpdateMenteeInput = z.input<typeof UpdateMenteeInput>;

export const LeaveBankInput = z.object({ org: OrgSlug, entryId: Id, reason: Reason });
export type LeaveBankInput = z.input<typeof LeaveBankInput>;

export const FromSurveyInput = z.object({ org: OrgSlug, recipientId: Id });
export type FromSurveyInput = z.input<typeof FromSurveyInput>;

const Capacity = z.coerce
  .number({ error: "capacityRange" })
  .int({ error: "capacityRange" })
  .min(1, { error: "capacityRange" })
  .max(MAX_MENTOR_CAPACITY, { error: "capacityRange" });

const MentorFields = {
  competencies: TagList(COMPETENCY_TAGS),
  achievements: OptionalText(2000),
  capacity: Capacity,
};

export const AddMentorInput = z.object({ org: OrgSlug, personId: Id, ...MentorFields });
export type AddMentorInput = z.input<typeof AddMentorInput>;

export const UpdateMentorInput = z.object({ org: OrgSlug, mentorId: Id, ...MentorFields });
export type UpdateMentorInput = z.input<typeof UpdateMentorInput>;

// finishedOn, givenAt: calendar dates; «not in the future» is checked by the action against the organization's today
// (decision 011) — here it would read the browser's or the server's clock and zone. The forms' date
// inputs get that today from the server as their max.
export const RecordTrainingInput = z.object({
  org: OrgSlug,
  mentorId: Id,
  kind: z.enum(enumKeys(TRAINING_KINDS), { error: "required" }),
  title: z.string().trim().min(3, { error: "required" }).max(300, { error: "tooLong" }),
  finishedOn: RequiredDate,
  hours: z
    .union([z.literal(""), z.coerce.number({ error: "hoursRange" }).int({ error: "hoursRange" }).min(1, { error: "hoursRange" }).max(500, { error: "hoursRange" })])
    .optional()
    .transform((v) => (typeof v === "number" ? v : null)),
  document: OptionalText(200),
});
export type RecordTrainingInput = z.input<typeof RecordTrainingInput>;

export const ApproveMentorInput = z.object({ org: OrgSlug, mentorId: Id });
export type ApproveMentorInput = z.input<typeof ApproveMentorInput>;

export const DistrictVisibilityInput = z
  .object({
    org: OrgSlug,
    mentorId: Id,
    visible: z.enum(["yes", "no"], { error: "required" }),
    agreedOn: OptionalDate,
  })
  .refine((v) => v.visible === "no" || v.agreedOn, { error: "agreedOnRequired", path: ["agreedOn"] });
export type DistrictVisibilityInput = z.input<typeof DistrictVisibilityInput>;

/** The mentor's written consent to the additional duties of mentoring (ТК РФ ст. 60.2): its date. */
export const RecordDutiesConsentInput = z.object({ org: OrgSlug, mentorId: Id, givenAt: RequiredDate });
export type RecordDutiesConsentInput = z.input<typeof RecordDutiesConsentInput>;

/** The scan of that signed consent. */
export const AttachDutiesConsentScanInput = z.object({
  org: OrgSlug,
  mentorId: Id,
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.consentScan, type: (f) => ["application/pdf", "image/jpeg", "image/png"].includes(f.type), typeError: "scanType" }),
});
export type AttachDutiesConsentScanInput = z.input<typeof AttachDutiesConsentScanInput>;

/** The head approves mentees of the bank — one, or the selected list at once (docs/decisions/025). */
export const ApproveMenteesInput = z.object({ org: OrgSlug, menteeIds: z.array(Id).min(1, { error: "menteesToApproveRequired" }).max(500, { error: "validation" }) });
export type ApproveMenteesInput = z.input<typeof ApproveMenteesInput>;
