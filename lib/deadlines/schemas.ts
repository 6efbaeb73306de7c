import { z } from "zod";
import { DEADLINE_CONDITIONS } from "../domain/deadline-timing";
import { ACT_KINDS } from "../programs/schemas";
import { Id, OptionalDate, OptionalText, OrgSlug, RequiredDate, RequiredText } from "../schemas/fields";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";

// District deadlines (issue #16 item 1, docs/decisions/047): the office's form and the school's mark.

const Stage = z.coerce.number({ error: "deadlineStage" }).int({ error: "deadlineStage" }).min(1, { error: "deadlineStage" }).max(7, { error: "deadlineStage" });
const AcademicYear = z.coerce.number({ error: "required" }).int({ error: "required" }).min(2000, { error: "required" }).max(2100, { error: "required" });

const DeadlineFields = z.object({
  org: OrgSlug,
  academicYear: AcademicYear,
  title: RequiredText(500),
  stage: Stage,
  /** A period's first day; empty for a single date. */
  dueStart: OptionalDate,
  dueEnd: RequiredDate,
  condition: z.enum(DEADLINE_CONDITIONS, { error: "required" }),
  actKind: z.union([z.enum(ACT_KINDS), z.literal("")]).optional().transform((v) => (v ? v : null)),
});
const actKindWhenAct = (v: { condition: string; actKind: string | null }) => v.condition !== "ACT" || v.actKind !== null;

export const CreateDeadlineInput = DeadlineFields.refine(actKindWhenAct, { error: "deadlineActKind", path: ["actKind"] });
export type CreateDeadlineInput = z.input<typeof CreateDeadlineInput>;

export const UpdateDeadlineInput = DeadlineFields.extend({ deadlineId: Id }).refine(actKindWhenAct, { error: "deadlineActKind", path: ["actKind"] });
export type UpdateDeadlineInput = z.input<typeof UpdateDeadlineInput>;

export const DeleteDeadlineInput = z.object({ org: OrgSlug, deadlineId: Id });

const Link = z.union([z.url({ protocol: /^https?$/, error: "url" }).max(1000, { error: "tooLong" }), z.literal("")]).optional().transform((v) => (v ? v : null));

export const MarkDeadlineDoneInput = z.object({
  org: OrgSlug,
  deadlineId: Id,
  comment: OptionalText(2000),
  link: Link,
  // An empty file input is "no file".
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.letter, allowEmpty: true }).optional(),
});
export type MarkDeadlineDoneInput = z.input<typeof MarkDeadlineDoneInput>;
