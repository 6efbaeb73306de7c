"use server";

import "server-only";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { isRefusal, refuse } from "../actions/result";
import { completedProgramRefusal } from "../completion/guard";
import type { Tx } from "../db";
import { approvalKey, planChanged, planItemChanged } from "../domain/program-approval";
import { defaultPeriod, insidePeriod, programLengthKey, programLengthValues, templateFor, templateItems, templateMeetings, templateWorkingMode } from "../domain/personal-programs";
import type { PairAccess } from "./access";
import { programAccess } from "./program-access";
import { editablePair, planTouched, programOf } from "./program-plan";
import { ApproveProgramInput, DeletePlanItemInput, FromTemplateInput, SavePlanItemInput, SaveProgramInput } from "./work-schemas";

// The personalized program of a pair or group (stage 5): one per pair, 3 to 12 months (a short plan for
// speed and situational mentoring, lib/domain/program-length.ts), written by the pair's mentor, the
// curator or the psychologist once the director approved the pair; approved by the curator (or the
// director); changing the plan afterwards returns it to the draft (decision 028).

/** The difficulties recorded in the bank entries of the pair's mentees: the program picks from them. */
async function menteeDifficulties(tx: Tx, organizationId: string, access: PairAccess): Promise<Set<string>> {
  const entries = await tx.menteeProfile.findMany({
    where: { organizationId, id: { in: access.pair.mentees.map((m) => m.menteeId) } },
    select: { difficulties: true },
  });
  return new Set(entries.flatMap((e) => e.difficulties));
}

export const savePersonalProgram = defineAction({
  name: "personalPrograms.save",
  scope: "tenant",
  permission: "personalPrograms.manage",
  input: SaveProgramInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await editablePair(tx, ctx, input.pairId);
    if (isRefusal(access)) return access;
    const lengthKey = programLengthKey(input.startsOn, input.endsOn, access.pair.type);
    if (lengthKey) return refuse("VALIDATION", "validation", { endsOn: lengthKey }, { fieldValues: { endsOn: programLengthValues(access.pair.type) } });
    const known = await menteeDifficulties(tx, organizationId, access);
    if (input.difficulties.some((d) => !known.has(d))) return refuse("VALIDATION", "validation", { difficulties: "personalProgramDifficultyNotOfMentee" });

    const existing = await tx.personalProgram.findFirst({
      where: { organizationId, ...access.key },
      select: { id: true, status: true, startsOn: true, endsOn: true, direction: true, goals: true, tasks: true, workingMode: true, difficulties: true, intermediateResults: true, expectedResults: true },
    });
    if (existing) {
      // Shortening the period may not strand plan items or planned meetings outside it.
      const outside = { OR: [{ plannedOn: { lt: input.startsOn } }, { plannedOn: { gt: input.endsOn } }] };
      const items = await tx.planItem.count({
        where: { organizationId, personalProgramId: existing.id, OR: [{ dueOn: { lt: input.startsOn } }, { dueOn: { gt: input.endsOn } }] },
      });
      if (items > 0) return refuse("VALIDATION", "validation", { endsOn: "personalProgramItemsOutside" });
      const meetings = await tx.plannedMeeting.count({ where: { organizationId, personalProgramId: existing.id, meetingId: null, ...outside } });
      if (meetings > 0) return refuse("VALIDATION", "validation", { endsOn: "personalProgramMeetingsOutside" });
    }
    const plan = {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      direction: input.direction,
      goals: input.goals,
      tasks: input.tasks,
      workingMode: input.workingMode,
      difficulties: input.difficulties,
      intermediateResults: input.intermediateResults,
      expectedResults: input.expectedResults,
    };
    const data = { ...plan, achievedResults: input.achievedResults };
    // Only a change of the plan needs a new approval; writing the achieved results does not.
    const changed = existing ? planChanged(existing, plan) : false;
    const program = existing
      ? await tx.personalProgram.update({
          where: { id: existing.id },
          data: changed ? { ...data, status: "DRAFT", version: { increment: 1 } } : data,
          select: { id: true },
        })
      : await tx.personalProgram.create({ data: { ...data, organizationId, ...access.key }, select: { id: true } });
    const returnedToDraft = Boolean(existing && changed && existing.status === "APPROVED");
    return done(
      { programId: program.id, created: !existing, returnedToDraft },
      { targetType: "PersonalProgram", targetId: program.id, data: { pairId: input.pairId, created: !existing, difficulties: input.difficulties, returnedToDraft } },
    );
  },
});

export const savePlanItem = defineAction({
  name: "personalPrograms.saveItem",
  scope: "tenant",
  idempotent: true,
  permission: "personalPrograms.manage",
  input: SavePlanItemInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await editablePair(tx, ctx, input.pairId);
    if (isRefusal(access)) return access;
    const program = await programOf(tx, organizationId, access.key);
    if (!program) return refuse("CONFLICT", "personalProgramMissing");
    if (!insidePeriod(input.dueOn, program)) return refuse("VALIDATION", "validation", { dueOn: "planItemOutsideProgram" });
    const data = { title: input.title, dueOn: input.dueOn, status: input.status, result: input.result };
    let itemId: string;
    let before: { title: string; dueOn: Date } | null = null;
    if (input.itemId) {
      before = await tx.planItem.findFirst({ where: { id: input.itemId, organizationId, personalProgramId: program.id }, select: { title: true, dueOn: true } });
      if (!before) return refuse("NOT_FOUND", "notFound");
      await tx.planItem.updateMany({ where: { id: input.itemId, organizationId, personalProgramId: program.id }, data });
      itemId = input.itemId;
    } else {
      const last = await tx.planItem.aggregate({ where: { organizationId, personalProgramId: program.id }, _max: { position: true } });
      itemId = (
        await tx.planItem.create({
          data: { ...data, organizationId, personalProgramId: program.id, position: (last._max.position ?? -1) + 1 },
          select: { id: true },
        })
      ).id;
    }
    // A new item, another title or date changes the plan; marking it done (status, result) is progress.
    const returnedToDraft = planItemChanged(before, input) ? await planTouched(tx, organizationId, program.id) : false;
    return done({ itemId, returnedToDraft }, { targetType: "PlanItem", targetId: itemId, data: { pairId: input.pairId, title: input.title, status: input.status, returnedToDraft } });
  },
});

export const deletePlanItem = defineAction({
  name: "personalPrograms.deleteItem",
  scope: "tenant",
  permission: "personalPrograms.manage",
  input: DeletePlanItemInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await editablePair(tx, ctx, input.pairId);
    if (isRefusal(access)) return access;
    const item = await tx.planItem.findFirst({
      where: { id: input.itemId, organizationId, personalProgram: access.key },
      select: { id: true, title: true, personalProgramId: true },
    });
    if (!item) return refuse("NOT_FOUND", "notFound");
    // A meeting that worked on the item keeps pointing at it: such an item is cancelled, not deleted.
    const covered = await tx.meeting.count({ where: { organizationId, pairId: input.pairId, planItemIds: { has: item.id } } });
    if (covered > 0) return refuse("CONFLICT", "planItemCovered");
    await tx.planItem.delete({ where: { id: item.id } });
    const returnedToDraft = await planTouched(tx, organizationId, item.personalProgramId);
    return done({ itemId: item.id, returnedToDraft }, { targetType: "PlanItem", targetId: item.id, data: { pairId: input.pairId, title: item.title, returnedToDraft } });
  },
});

/**
 * Fills an empty program from the ready template for the pair's form (lib/domain/personal-programs.ts):
 * creates the program when there is none (difficulties: those the mentees have), and adds the plan
 * items spread over the period. A program that already has plan items is left alone.
 */
export const programFromTemplate = defineAction({
  name: "personalPrograms.fromTemplate",
  scope: "tenant",
  idempotent: true,
  permission: "personalPrograms.manage",
  input: FromTemplateInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await editablePair(tx, ctx, input.pairId);
    if (isRefusal(access)) return access;
    const template = templateFor(access.pair.form, access.pair.type);
    const existing = await programOf(tx, organizationId, access.key);
    if (existing && existing._count.items > 0) return refuse("CONFLICT", "personalProgramNotEmpty");

    let program: { id: string; startsOn: Date; endsOn: Date };
    if (existing) {
      program = existing;
    } else {
      const fallback = defaultPeriod(access.pair, organizationToday(ctx));
      const startsOn = input.startsOn ?? fallback.startsOn;
      const endsOn = input.endsOn ?? (input.startsOn ? defaultPeriod({ startsOn, endsOn: null, type: access.pair.type }, startsOn).endsOn : fallback.endsOn);
      const lengthKey = programLengthKey(startsOn, endsOn, access.pair.type);
      if (lengthKey) return refuse("VALIDATION", "validation", { endsOn: lengthKey }, { fieldValues: { endsOn: programLengthValues(access.pair.type) } });
      const known = await menteeDifficulties(tx, organizationId, access);
      program = await tx.personalProgram.create({
        data: {
          organizationId,
          ...access.key,
          startsOn,
          endsOn,
          direction: access.pair.direction?.trim() || template.direction,
          goals: template.goals,
          tasks: template.tasks,
          workingMode: templateWorkingMode(access.pair.type),
          difficulties: [...known],
          intermediateResults: template.intermediateResults,
          expectedResults: template.expectedResults,
        },
        select: { id: true, startsOn: true, endsOn: true },
      });
    }
    const items = templateItems(template, program.startsOn, program.endsOn);
    await tx.planItem.createMany({
      data: items.map((item) => ({ organizationId, personalProgramId: program.id, title: item.title, dueOn: item.dueOn, position: item.position })),
    });
    // The template's meeting schedule, unless the program already has one.
    const meetings = existing && existing._count.plannedMeetings > 0 ? [] : templateMeetings(template, program.startsOn, program.endsOn);
    await tx.plannedMeeting.createMany({ data: meetings.map((m) => ({ organizationId, personalProgramId: program.id, ...m })) });
    if (existing) await planTouched(tx, organizationId, program.id);
    return done(
      { programId: program.id, created: !existing, items: items.length, meetings: meetings.length, template: template.title },
      { targetType: "PersonalProgram", targetId: program.id, data: { pairId: input.pairId, template: template.key, items: items.length, meetings: meetings.length } },
    );
  },
});

/** The curator (or the director) may approve: staff of the school holding the permission, not as a participant. */
function mayApprove(access: PairAccess, roles: readonly string[]): boolean {
  return access.as === "staff" && roles.some((r) => r === "CURATOR" || r === "DIRECTOR");
}

/**
 * «Согласовано»: the curator (or the director) approves the version of the program they read. Refused
 * when the program changed since (another version), is approved already, or has no plan item yet.
 */
export const approvePersonalProgram = defineAction({
  name: "personalPrograms.approve",
  scope: "tenant",
  permission: "personalPrograms.approve",
  input: ApproveProgramInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const access = await programAccess(tx, ctx, input.pairId);
    if (!access) return refuse("NOT_FOUND", "notFound");
    if (!mayApprove(access, ctx.roles)) return refuse("FORBIDDEN", "forbidden");
    const completed = await completedProgramRefusal(tx, organizationId, access.pair.programId);
    if (completed) return completed;
    if (access.pair.status !== "APPROVED" && access.pair.status !== "ACTIVE") return refuse("CONFLICT", "personalProgramPairClosed");
    const program = await programOf(tx, organizationId, access.key);
    if (!program) return refuse("CONFLICT", "personalProgramMissing");
    const key = approvalKey({ status: program.status, version: program.version, items: program._count.items }, input.version);
    if (key) return refuse("CONFLICT", key);
    // Guarded on the version read: a change committed meanwhile makes this approve nothing.
    const approved = await tx.personalProgram.updateMany({
      where: { id: program.id, organizationId, version: input.version, status: "DRAFT" },
      data: { status: "APPROVED", approvedVersion: input.version, approvedAt: now(), approvedById: ctx.user.id },
    });
    if (approved.count !== 1) return refuse("CONFLICT", "personalProgramChangedSinceRead");
    return done(
      { programId: program.id, version: input.version },
      { targetType: "PersonalProgram", targetId: program.id, data: { pairId: input.pairId, approvedVersion: input.version } },
    );
  },
});
