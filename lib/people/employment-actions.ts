"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import { LIVE_PAIR_STATUSES } from "../domain/pairs";
import { isLeavingNote, leavingNote, leavingRefusal } from "../domain/retention";
import { formatCalendarDate } from "../format";
import { russianWords as russian } from "./leaving-words";
import { CancelLeavingInput, RecordLeavingInput, SetHiredOnInput } from "./schemas";

// Employment dates of a person's card (issue #16 item 4): the young specialists' retention is counted from them
// (lib/domain/retention.ts). A person who left is out of active work and out of the banks, as after a revoked consent.
// The note stored with it is Russian, the school's record language (pages word it again for the reader:
// ./leaving-words.ts).

export const setHiredOn = defineAction({
  name: "people.setHiredOn",
  scope: "tenant",
  idempotent: true,
  permission: "people.manage",
  input: SetHiredOnInput,
  async run({ input, tx, ctx }) {
    const person = await tx.person.findFirst({ where: { id: input.personId, organizationId: ctx.organization.id }, select: { id: true, leftOn: true } });
    if (!person) return refuse("NOT_FOUND", "notFound");
    if (input.hiredOn && input.hiredOn > organizationToday(ctx)) return refuse("VALIDATION", "validation", { hiredOn: "hiredInFuture" });
    if (input.hiredOn && person.leftOn && input.hiredOn > person.leftOn) return refuse("VALIDATION", "validation", { hiredOn: "leftBeforeHired" });
    await tx.person.update({ where: { id: person.id }, data: { hiredOn: input.hiredOn } });
    return done({ personId: person.id }, { targetType: "Person", targetId: person.id, data: { hiredOn: input.hiredOn ? formatCalendarDate(input.hiredOn) : null } });
  },
});

export const recordLeaving = defineAction({
  name: "people.recordLeaving",
  scope: "tenant",
  idempotent: true,
  permission: "people.manage",
  input: RecordLeavingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const person = await tx.person.findFirst({ where: { id: input.personId, organizationId }, select: { id: true, hiredOn: true, leftOn: true, active: true } });
    if (!person) return refuse("NOT_FOUND", "notFound");
    if (person.leftOn) return refuse("CONFLICT", "alreadyLeft");
    const livePairs = await tx.pair.count({
      where: { organizationId, status: { in: LIVE_PAIR_STATUSES }, OR: [{ mentor: { personId: person.id } }, { mentees: { some: { mentee: { personId: person.id } } } }] },
    });
    const refusal = leavingRefusal({ leftOn: input.leftOn, hiredOn: person.hiredOn, livePairs }, organizationToday(ctx));
    if (refusal) return refuse("VALIDATION", refusal, refusal === "leavingWithPairs" ? undefined : { leftOn: refusal }, { values: { count: livePairs } });
    const note = leavingNote(russian, { leftOnText: formatCalendarDate(input.leftOn), reason: input.reason, note: input.note });
// Already inactive (a revoked consent): that reason stays, so withdrawing the leaving does not reactivate them.
    const inactivity = person.active ? { active: false, inactiveReason: note } : {};
    await tx.person.update({ where: { id: person.id }, data: { leftOn: input.leftOn, leaveReason: input.reason, leaveNote: input.note, ...inactivity } });
    await tx.menteeProfile.updateMany({ where: { organizationId, personId: person.id, status: { not: "LEFT" } }, data: { status: "LEFT", leftReason: note } });
    await tx.mentorProfile.updateMany({ where: { organizationId, personId: person.id, status: { not: "LEFT" } }, data: { status: "LEFT", leftReason: note, districtVisibleSince: null } });
    return done({ personId: person.id }, { targetType: "Person", targetId: person.id, data: { leftOn: formatCalendarDate(input.leftOn), reason: input.reason } });
  },
});

/**
 * Withdraws a leaving recorded by mistake. The person is active again unless something else (a revoked consent) made
 * them inactive; their bank entries stay «выбыл» — the curator adds them to a bank again, as for anyone new.
 */
export const cancelLeaving = defineAction({
  name: "people.cancelLeaving",
  scope: "tenant",
  permission: "people.manage",
  input: CancelLeavingInput,
  async run({ input, tx, ctx }) {
    const person = await tx.person.findFirst({
      where: { id: input.personId, organizationId: ctx.organization.id },
      select: { id: true, leftOn: true, leaveReason: true, leaveNote: true, inactiveReason: true },
    });
    if (!person) return refuse("NOT_FOUND", "notFound");
    if (!person.leftOn) return refuse("CONFLICT", "notLeft");
    const leaving = { leftOnText: formatCalendarDate(person.leftOn), reason: person.leaveReason ?? "OTHER", note: person.leaveNote };
    const byLeaving = isLeavingNote(person.inactiveReason, leaving, russian);
    await tx.person.update({
      where: { id: person.id },
      data: { leftOn: null, leaveReason: null, leaveNote: null, ...(byLeaving ? { active: true, inactiveReason: null } : {}) },
    });
    return done({ personId: person.id, active: byLeaving }, { targetType: "Person", targetId: person.id });
  },
});
