import { z } from "zod";
import { ACCEPT, DOCUMENT_MAX_BYTES, IMPORT_MAX_BYTES, uploadFile } from "../uploads/limits";
import { OrgSlug, Id, OptionalId, Text, RequiredText, OptionalText, OptionalDate } from "../schemas/fields";

// Shared by forms and actions; messages are keys under "errors" in the message files.
const Stage = z.coerce.number({ error: "invalidStage" }).int({ error: "invalidStage" }).min(1, { error: "invalidStage" }).max(7, { error: "invalidStage" });

export const AUDIENCES = ["TEACHERS", "STUDENTS", "BOTH"] as const;
export const TEMPLATES = ["school", "municipal", "empty"] as const;
export const ACTIVITY_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export const ACT_KINDS = ["MODEL_INTRODUCTION", "REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT", "INCENTIVE_REGULATION", "PAIRS_ORDER", "OTHER"] as const;

export const CreateProgramInput = z.object({
  org: OrgSlug,
  academicYear: z.coerce.number({ error: "academicYear" }).int({ error: "academicYear" }).min(2020, { error: "academicYear" }).max(2100, { error: "academicYear" }),
  title: OptionalText(300),
  audience: z.enum(AUDIENCES, { error: "required" }),
  template: z.enum(TEMPLATES, { error: "required" }),
});
export type CreateProgramInput = z.input<typeof CreateProgramInput>;

export const UpdatePassportInput = z.object({
  org: OrgSlug,
  programId: Id,
  title: RequiredText(300),
  audience: z.enum(AUDIENCES, { error: "required" }),
  goal: OptionalText(4000),
  tasks: OptionalText(4000),
  expectedResults: OptionalText(4000),
  risks: OptionalText(4000),
  startDate: OptionalDate,
  endDate: OptionalDate,
  curatorId: OptionalId,
  coordinatorId: OptionalId,
});
export type UpdatePassportInput = z.input<typeof UpdatePassportInput>;

export const SaveIndicatorInput = z.object({
  org: OrgSlug,
  programId: Id,
  indicatorId: OptionalId,
  title: RequiredText(500),
  unit: Text(20).default("%"),
  /** Target for the program's academic year. */
  target: z.union([z.coerce.number({ error: "number" }).min(0, { error: "number" }).max(1_000_000, { error: "number" }), z.literal("")]).optional(),
  actualValue: z.union([z.coerce.number({ error: "number" }).min(0, { error: "number" }).max(1_000_000, { error: "number" }), z.literal("")]).optional(),
});
export type SaveIndicatorInput = z.input<typeof SaveIndicatorInput>;

export const SaveActivityInput = z
  .object({
    org: OrgSlug,
    programId: Id,
    activityId: OptionalId,
    stage: Stage,
    title: RequiredText(1000),
    content: OptionalText(4000),
    dueText: RequiredText(200),
    responsibleUserId: OptionalId,
    responsibleText: OptionalText(300),
    expectedResult: OptionalText(1000),
  })
  .refine((v) => v.responsibleUserId || v.responsibleText, { error: "responsibleRequired", path: ["responsibleText"] });
export type SaveActivityInput = z.input<typeof SaveActivityInput>;

export const DeleteActivityInput = z.object({ org: OrgSlug, activityId: Id });

export const SetActivityStatusInput = z
  .object({
    org: OrgSlug,
    activityId: Id,
    status: z.enum(ACTIVITY_STATUSES, { error: "required" }),
    evidence: OptionalText(2000),
  })
  .refine((v) => v.status !== "DONE" || v.evidence, { error: "evidenceRequired", path: ["evidence"] });
export type SetActivityStatusInput = z.input<typeof SetActivityStatusInput>;

export const RegisterActInput = z.object({
  org: OrgSlug,
  programId: OptionalId,
  kind: z.enum(ACT_KINDS, { error: "required" }),
  number: OptionalText(50),
  date: OptionalDate,
  title: RequiredText(500),
});
export type RegisterActInput = z.input<typeof RegisterActInput>;

export const ApproveActInput = z.object({ org: OrgSlug, actId: Id });

export const AdvanceStageInput = z.object({ org: OrgSlug, programId: Id, expectedStage: Stage });
export const OverrideGateInput = z.object({
  org: OrgSlug,
  programId: Id,
  expectedStage: Stage,
  reason: z.string().trim().min(10, { error: "reasonRequired" }).max(2000, { error: "tooLong" }),
});
export const ReturnStageInput = OverrideGateInput.extend({ toStage: Stage });

export const ImportRoadmapInput = z.object({
  org: OrgSlug,
  programId: Id,
  /** Replace the program's current roadmap instead of adding to it. */
  replace: z.boolean().default(false),
  activities: z
    .array(
      z.object({
        stage: Stage,
        title: RequiredText(1000),
        due: Text(200),
        responsible: Text(300),
        result: Text(1000),
      }),
    )
    .min(1, { error: "importEmpty" })
    .max(500, { error: "importTooLarge" }),
});
export type ImportRoadmapInput = z.input<typeof ImportRoadmapInput>;

export const PreviewRoadmapInput = z.object({
  org: OrgSlug,
  text: z.string().max(500_000, { error: "tooLong" }).optional(),
  // An empty file input is "no file": the pasted text is read instead.
  file: uploadFile({ maxBytes: IMPORT_MAX_BYTES, accept: ACCEPT.roadmap, allowEmpty: true }).optional(),
});

export const ACT_FILE_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/msword",
] as const;
export const AttachActFileInput = z.object({
  org: OrgSlug,
  actId: Id,
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.act, type: (f) => (ACT_FILE_TYPES as readonly string[]).includes(f.type) }),
});
