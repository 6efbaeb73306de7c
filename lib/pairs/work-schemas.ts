import { z } from "zod";
import { enumKeys } from "../actions/enum-keys";
import { DIFFICULTY_TAGS } from "../domain/banks";
import { MEETING_KINDS } from "../domain/pairs";
import { PLAN_ITEM_STATUSES, WORKING_MODES } from "../domain/personal-programs";
import { OrgSlug, Id, OptionalId, RequiredText, OptionalText, RequiredDate, OptionalDate, asList, TagList } from "../schemas/fields";

// Personalized programs and meetings: shared by the forms (zodResolver) and the server actions;
// messages are keys under "errors" (lib/i18n/messages/*.work.json and the shared ones).

/** Ids from a checkbox group, duplicates dropped. */
const IdList = (max: number) =>
  z.preprocess(asList, z.array(Id).max(max, { error: "tooLong" })).transform((list) => [...new Set(list)]);

export const SaveProgramInput = z.object({
  org: OrgSlug,
  pairId: Id,
  startsOn: RequiredDate,
  endsOn: RequiredDate,
  direction: RequiredText(300),
  goals: RequiredText(4000),
  /** Задачи программы. */
  tasks: OptionalText(4000),
  /** Форма работы: очно, дистанционно, смешанно. */
  workingMode: z.enum(enumKeys(WORKING_MODES), { error: "required" }),
  difficulties: TagList(DIFFICULTY_TAGS),
  /** Промежуточные результаты. */
  intermediateResults: OptionalText(4000),
  /** Итоговые (ожидаемые) результаты. */
  expectedResults: RequiredText(4000),
  achievedResults: OptionalText(4000),
});
export type SaveProgramInput = z.input<typeof SaveProgramInput>;

export const SavePlanItemInput = z
  .object({
    org: OrgSlug,
    pairId: Id,
    /** Empty: a new item. */
    itemId: z
      .union([Id, z.literal("")])
      .optional()
      .transform((v) => (v ? v : null)),
    title: RequiredText(500),
    dueOn: RequiredDate,
    status: z.enum(enumKeys(PLAN_ITEM_STATUSES), { error: "required" }).default("PLANNED"),
    result: OptionalText(2000),
  })
  .refine((v) => v.status !== "DONE" || v.result, { error: "planItemResultRequired", path: ["result"] });
export type SavePlanItemInput = z.input<typeof SavePlanItemInput>;

export const DeletePlanItemInput = z.object({ org: OrgSlug, pairId: Id, itemId: Id });
export type DeletePlanItemInput = z.input<typeof DeletePlanItemInput>;

export const FromTemplateInput = z.object({
  org: OrgSlug,
  pairId: Id,
  /** Only when there is no program yet; empty: the pair's dates, or nine months from today. */
  startsOn: OptionalDate,
  endsOn: OptionalDate,
});
export type FromTemplateInput = z.input<typeof FromTemplateInput>;

/** Approval by the curator (or the director) of the version the approver read. */
export const ApproveProgramInput = z.object({
  org: OrgSlug,
  pairId: Id,
  version: z.coerce.number({ error: "required" }).int({ error: "required" }).min(1, { error: "required" }).max(1_000_000, { error: "required" }),
});
export type ApproveProgramInput = z.input<typeof ApproveProgramInput>;

/** A meeting of the program's schedule (график встреч): date, kind, topic. */
export const SavePlannedMeetingInput = z.object({
  org: OrgSlug,
  pairId: Id,
  /** Empty: a new planned meeting. */
  plannedMeetingId: OptionalId,
  plannedOn: RequiredDate,
  kind: z.enum(enumKeys(MEETING_KINDS), { error: "required" }),
  topic: RequiredText(500),
});
export type SavePlannedMeetingInput = z.input<typeof SavePlannedMeetingInput>;

export const DeletePlannedMeetingInput = z.object({ org: OrgSlug, pairId: Id, plannedMeetingId: Id });
export type DeletePlannedMeetingInput = z.input<typeof DeletePlannedMeetingInput>;

export const LogMeetingInput = z.object({
  org: OrgSlug,
  pairId: Id,
  kind: z.enum(enumKeys(MEETING_KINDS), { error: "required" }),
  heldOn: RequiredDate,
  /** Mentee bank entries of the pair who attended. */
  attendeeIds: IdList(30).refine((list) => list.length > 0, { error: "meetingAttendeesRequired" }),
  notes: OptionalText(4000),
  /** Plan items of the pair's program the meeting worked on (nothing is marked done by it). */
  planItemIds: IdList(100),
  /** The planned meeting of the schedule this one holds; empty: the one planned for that day and kind, if any. */
  plannedMeetingId: OptionalId,
});
export type LogMeetingInput = z.input<typeof LogMeetingInput>;

export const DeleteMeetingInput = z.object({ org: OrgSlug, meetingId: Id });
export type DeleteMeetingInput = z.input<typeof DeleteMeetingInput>;
