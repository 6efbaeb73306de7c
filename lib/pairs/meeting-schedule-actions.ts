"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { isRefusal, refuse } from "../actions/result";
import { insidePeriod, isGroup } from "../domain/personal-programs";
import { editablePair, planTouched, programOf } from "./program-plan";
import { DeletePlannedMeetingInput, SavePlannedMeetingInput } from "./work-schemas";

// The personalized program's meeting schedule (график встреч): part of the plan, written by those who
// write the program; a change returns an approved program to the draft (decision 028). A planned
// meeting becomes held when the meeting is logged (lib/pairs/meeting-actions.ts); a held one stays as
// it was planned.

export const savePlannedMeeting = defineAction({
  name: "personalPrograms.planMeeting",
  scope: "tenant",
  idempotent: true,
  permission: "personalPrograms.manage",
  input: SavePlannedMeetingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await editablePair(tx, ctx, input.pairId);
    if (isRefusal(access)) return access;
    const program = await programOf(tx, organizationId, access.key);
    if (!program) return refuse("CONFLICT", "personalProgramMissing");
    if (!insidePeriod(input.plannedOn, program)) return refuse("VALIDATION", "validation", { plannedOn: "plannedMeetingOutsideProgram" });
    if (input.kind === "GROUP_FINAL" && !isGroup(access.pair.mentees.length)) return refuse("VALIDATION", "validation", { kind: "meetingGroupFinalNeedsGroup" });
    const data = { plannedOn: input.plannedOn, kind: input.kind, topic: input.topic };
    let plannedMeetingId: string;
    if (input.plannedMeetingId) {
      const existing = await tx.plannedMeeting.findFirst({
        where: { id: input.plannedMeetingId, organizationId, personalProgramId: program.id },
        select: { id: true, meetingId: true },
      });
      if (!existing) return refuse("NOT_FOUND", "notFound");
      if (existing.meetingId) return refuse("CONFLICT", "plannedMeetingHeldReadOnly");
      await tx.plannedMeeting.updateMany({ where: { id: existing.id, organizationId, meetingId: null }, data });
      plannedMeetingId = existing.id;
    } else {
      plannedMeetingId = (await tx.plannedMeeting.create({ data: { ...data, organizationId, personalProgramId: program.id }, select: { id: true } })).id;
    }
    const returnedToDraft = await planTouched(tx, organizationId, program.id);
    return done(
      { plannedMeetingId, returnedToDraft },
      {
        targetType: "PlannedMeeting",
        targetId: plannedMeetingId,
        data: { pairId: input.pairId, kind: input.kind, plannedOn: input.plannedOn.toISOString().slice(0, 10), returnedToDraft },
      },
    );
  },
});

export const deletePlannedMeeting = defineAction({
  name: "personalPrograms.unplanMeeting",
  scope: "tenant",
  permission: "personalPrograms.manage",
  input: DeletePlannedMeetingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await editablePair(tx, ctx, input.pairId);
    if (isRefusal(access)) return access;
    const planned = await tx.plannedMeeting.findFirst({
      where: { id: input.plannedMeetingId, organizationId, personalProgram: access.key },
      select: { id: true, kind: true, plannedOn: true, meetingId: true, personalProgramId: true },
    });
    if (!planned) return refuse("NOT_FOUND", "notFound");
    if (planned.meetingId) return refuse("CONFLICT", "plannedMeetingHeldReadOnly");
    await tx.plannedMeeting.delete({ where: { id: planned.id } });
    const returnedToDraft = await planTouched(tx, organizationId, planned.personalProgramId);
    return done(
      { plannedMeetingId: planned.id, returnedToDraft },
      { targetType: "PlannedMeeting", targetId: planned.id, data: { pairId: input.pairId, kind: planned.kind, plannedOn: planned.plannedOn.toISOString().slice(0, 10) } },
    );
  },
});
