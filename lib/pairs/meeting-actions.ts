"use server";

import "server-only";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { completedProgramRefusal } from "../completion/guard";
import { matchPlannedMeeting, plannedLinkKey } from "../domain/meeting-schedule";
import { isGroup, meetingDateKey, meetingDeletable } from "../domain/personal-programs";
import { mayLogMeetings, pairAccess } from "./access";
import { DeleteMeetingInput, LogMeetingInput } from "./work-schemas";

// Meetings of a pair or group (stage 6: знакомство, пробная, планирование, регулярные, итоговая).
// The mentor, the mentees, the curator and the psychologist log them; the first one starts the pair; a
// logged meeting holds the planned one of the program's schedule (lib/domain/meeting-schedule.ts).

export const logMeeting = defineAction({
  name: "meetings.log",
  scope: "tenant",
  idempotent: true,
  permission: "meetings.log",
  input: LogMeetingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await pairAccess(tx, ctx, input.pairId);
    if (!access) return refuse("NOT_FOUND", "notFound");
    if (!mayLogMeetings(access, ctx)) return refuse("FORBIDDEN", "forbidden");
    const pair = access.pair;
    const completed = await completedProgramRefusal(tx, organizationId, pair.programId);
    if (completed) return completed;
    if (pair.status === "PROPOSED") return refuse("CONFLICT", "meetingsBeforeApproval");
    if (pair.status !== "APPROVED" && pair.status !== "ACTIVE") return refuse("CONFLICT", "meetingsPairClosed");
    if (input.kind === "GROUP_FINAL" && !isGroup(pair.mentees.length)) return refuse("VALIDATION", "validation", { kind: "meetingGroupFinalNeedsGroup" });

    const program = await tx.personalProgram.findFirst({
      where: { organizationId, pairId: pair.id },
      select: {
        id: true,
        startsOn: true,
        endsOn: true,
        items: { select: { id: true } },
        plannedMeetings: { select: { id: true, plannedOn: true, kind: true, meetingId: true }, orderBy: { plannedOn: "asc" } },
      },
    });
    const dateKey = meetingDateKey(input.heldOn, program, organizationToday(ctx));
    if (dateKey) return refuse("VALIDATION", "validation", { heldOn: dateKey });
    const mentees = new Set(pair.mentees.map((m) => m.menteeId));
    if (input.attendeeIds.some((id) => !mentees.has(id))) return refuse("VALIDATION", "validation", { attendeeIds: "meetingAttendeeNotInPair" });
    const items = new Set(program?.items.map((i) => i.id) ?? []);
    if (input.planItemIds.some((id) => !items.has(id))) return refuse("VALIDATION", "validation", { planItemIds: "meetingItemNotInProgram" });
    // The planned meeting this one holds: the one chosen, or the open one planned for that day and kind.
    const schedule = program?.plannedMeetings ?? [];
    let planned = null as (typeof schedule)[number] | null;
    if (input.plannedMeetingId) {
      planned = schedule.find((p) => p.id === input.plannedMeetingId) ?? null;
      const linkKey = plannedLinkKey(planned, input);
      if (linkKey) return refuse("VALIDATION", "validation", { plannedMeetingId: linkKey });
    } else {
      planned = matchPlannedMeeting(schedule, input);
    }

    const meeting = await tx.meeting.create({
      data: {
        // From the app's clock, not the database's: the own-meeting deletion window is measured against it.
        createdAt: now(),
        organizationId,
        pairId: pair.id,
        kind: input.kind,
        heldOn: input.heldOn,
        attendeeIds: input.attendeeIds,
        notes: input.notes,
        planItemIds: input.planItemIds,
        loggedById: ctx.user.id,
      },
      select: { id: true },
    });
    // Held, not duplicated: the planned meeting points at the logged one (guarded, so two meetings
    // logged at once cannot both hold it).
    if (planned) {
      const linked = await tx.plannedMeeting.updateMany({ where: { id: planned.id, organizationId, meetingId: null }, data: { meetingId: meeting.id } });
      if (linked.count !== 1) return refuse("CONFLICT", "validation", { plannedMeetingId: "plannedMeetingAlreadyHeld" });
    }
    // The first meeting of an approved pair starts its work. Guarded on the status, so two first
    // meetings logged at once start it once.
    const started = pair.status === "APPROVED"
      ? (await tx.pair.updateMany({ where: { id: pair.id, organizationId, status: "APPROVED" }, data: { status: "ACTIVE", version: { increment: 1 } } })).count === 1
      : false;
    return done(
      { meetingId: meeting.id, pairStarted: started, plannedMeetingId: planned?.id ?? null },
      {
        targetType: "Meeting",
        targetId: meeting.id,
        data: { pairId: pair.id, kind: input.kind, heldOn: input.heldOn.toISOString().slice(0, 10), pairStarted: started, plannedMeetingId: planned?.id ?? null },
      },
    );
  },
});

export const deleteMeeting = defineAction({
  name: "meetings.delete",
  scope: "tenant",
  permission: "meetings.log",
  input: DeleteMeetingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const meeting = await tx.meeting.findFirst({
      where: { id: input.meetingId, organizationId },
      select: { id: true, pairId: true, kind: true, heldOn: true, loggedById: true, createdAt: true },
    });
    if (!meeting) return refuse("NOT_FOUND", "notFound");
    const access = await pairAccess(tx, ctx, meeting.pairId);
    if (!access || !mayLogMeetings(access, ctx)) return refuse("NOT_FOUND", "notFound");
    const completed = await completedProgramRefusal(tx, organizationId, access.pair.programId);
    if (completed) return completed;
    if (access.pair.status !== "APPROVED" && access.pair.status !== "ACTIVE") return refuse("CONFLICT", "meetingsPairClosed");
    // The curator and the psychologist delete any meeting (the director holds no meetings.log).
    const staff = access.as === "staff" && ctx.roles.some((r) => r === "CURATOR" || r === "PSYCHOLOGIST");
    if (!meetingDeletable(meeting, ctx.user.id, staff, now())) return refuse("FORBIDDEN", "meetingDeleteOwnOnly");
    await tx.meeting.delete({ where: { id: meeting.id } });
    return done(
      { meetingId: meeting.id },
      { targetType: "Meeting", targetId: meeting.id, data: { pairId: meeting.pairId, kind: meeting.kind, heldOn: meeting.heldOn.toISOString().slice(0, 10) } },
    );
  },
});
