"use server";

import { organizationToday } from "../auth/tenant";
import { defineAction, done } from "../actions/action";
import { isRefusal, refuse, type Refusal } from "../actions/result";
import { completedProgramRefusal } from "../completion/guard";
import type { Tx } from "../db";
import { defaultPeriod, insidePeriod, programLengthKey, templateFor, templateItems } from "../domain/personal-programs";
import { mayEditProgram, pairAccess, type PairAccess, type PairAccessCtx } from "./access";
import { DeletePlanItemInput, FromTemplateInput, SavePlanItemInput, SaveProgramInput } from "./work-schemas";

// The personalized program of a pair or group (stage 5): one per pair, 3 to 12 months, written by the
// pair's mentor, the curator or the psychologist once the director approved the pair; read-only after.

/** The pair, if this user may write its program now; otherwise the refusal. */
async function editablePair(tx: Tx, ctx: PairAccessCtx, pairId: string): Promise<PairAccess | Refusal> {
  const access = await pairAccess(tx, ctx, pairId);
  if (!access) return refuse("NOT_FOUND", "notFound");
  if (!mayEditProgram(access, ctx)) return refuse("FORBIDDEN", "personalProgramReadOnlyForYou");
  const completed = await completedProgramRefusal(tx, ctx.organization.id, access.pair.programId);
  if (completed) return completed;
  const status = access.pair.status;
  if (status === "PROPOSED") return refuse("CONFLICT", "personalProgramBeforeApproval");
  if (status !== "APPROVED" && status !== "ACTIVE") return refuse("CONFLICT", "personalProgramPairClosed");
  return access;
}

/** The difficulties recorded in the bank entries of the pair's mentees: the program picks from them. */
async function menteeDifficulties(tx: Tx, organizationId: string, access: PairAccess): Promise<Set<string>> {
  const entries = await tx.menteeProfile.findMany({
    where: { organizationId, id: { in: access.pair.mentees.map((m) => m.menteeId) } },
    select: { difficulties: true },
  });
  return new Set(entries.flatMap((e) => e.difficulties));
}

function programOf(tx: Tx, organizationId: string, pairId: string) {
  return tx.personalProgram.findFirst({
    where: { organizationId, pairId },
    select: { id: true, startsOn: true, endsOn: true, _count: { select: { items: true } } },
  });
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
    const lengthKey = programLengthKey(input.startsOn, input.endsOn);
    if (lengthKey) return refuse("VALIDATION", "validation", { endsOn: lengthKey });
    const known = await menteeDifficulties(tx, organizationId, access);
    if (input.difficulties.some((d) => !known.has(d))) return refuse("VALIDATION", "validation", { difficulties: "personalProgramDifficultyNotOfMentee" });

    const existing = await programOf(tx, organizationId, input.pairId);
    if (existing) {
      // Shortening the period may not strand plan items outside it.
      const outside = await tx.planItem.count({
        where: { organizationId, personalProgramId: existing.id, OR: [{ dueOn: { lt: input.startsOn } }, { dueOn: { gt: input.endsOn } }] },
      });
      if (outside > 0) return refuse("VALIDATION", "validation", { endsOn: "personalProgramItemsOutside" });
    }
    const data = {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      direction: input.direction,
      goals: input.goals,
      difficulties: input.difficulties,
      expectedResults: input.expectedResults,
      achievedResults: input.achievedResults,
    };
    const program = existing
      ? await tx.personalProgram.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.personalProgram.create({ data: { ...data, organizationId, pairId: input.pairId }, select: { id: true } });
    return done(
      { programId: program.id, created: !existing },
      { targetType: "PersonalProgram", targetId: program.id, data: { pairId: input.pairId, created: !existing, difficulties: input.difficulties } },
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
    const program = await programOf(tx, organizationId, input.pairId);
    if (!program) return refuse("CONFLICT", "personalProgramMissing");
    if (!insidePeriod(input.dueOn, program)) return refuse("VALIDATION", "validation", { dueOn: "planItemOutsideProgram" });
    const data = { title: input.title, dueOn: input.dueOn, status: input.status, result: input.result };
    let itemId: string;
    if (input.itemId) {
      const updated = await tx.planItem.updateMany({ where: { id: input.itemId, organizationId, personalProgramId: program.id }, data });
      if (updated.count !== 1) return refuse("NOT_FOUND", "notFound");
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
    return done({ itemId }, { targetType: "PlanItem", targetId: itemId, data: { pairId: input.pairId, title: input.title, status: input.status } });
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
      where: { id: input.itemId, organizationId, personalProgram: { pairId: input.pairId } },
      select: { id: true, title: true },
    });
    if (!item) return refuse("NOT_FOUND", "notFound");
    // A meeting that worked on the item keeps pointing at it: such an item is cancelled, not deleted.
    const covered = await tx.meeting.count({ where: { organizationId, pairId: input.pairId, planItemIds: { has: item.id } } });
    if (covered > 0) return refuse("CONFLICT", "planItemCovered");
    await tx.planItem.delete({ where: { id: item.id } });
    return done({ itemId: item.id }, { targetType: "PlanItem", targetId: item.id, data: { pairId: input.pairId, title: item.title } });
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
    const template = templateFor(access.pair.form);
    const existing = await programOf(tx, organizationId, input.pairId);
    if (existing && existing._count.items > 0) return refuse("CONFLICT", "personalProgramNotEmpty");

    let program: { id: string; startsOn: Date; endsOn: Date };
    if (existing) {
      program = existing;
    } else {
      const fallback = defaultPeriod(access.pair, organizationToday(ctx));
      const startsOn = input.startsOn ?? fallback.startsOn;
      const endsOn = input.endsOn ?? (input.startsOn ? defaultPeriod({ startsOn, endsOn: null }, startsOn).endsOn : fallback.endsOn);
      const lengthKey = programLengthKey(startsOn, endsOn);
      if (lengthKey) return refuse("VALIDATION", "validation", { endsOn: lengthKey });
      const known = await menteeDifficulties(tx, organizationId, access);
      program = await tx.personalProgram.create({
        data: {
          organizationId,
          pairId: input.pairId,
          startsOn,
          endsOn,
          direction: access.pair.direction?.trim() || template.direction,
          goals: template.goals,
          difficulties: [...known],
          expectedResults: template.expectedResults,
        },
        select: { id: true, startsOn: true, endsOn: true },
      });
    }
    const items = templateItems(template, program.startsOn, program.endsOn);
    await tx.planItem.createMany({
      data: items.map((item) => ({ organizationId, personalProgramId: program.id, title: item.title, dueOn: item.dueOn, position: item.position })),
    });
    return done(
      { programId: program.id, created: !existing, items: items.length, template: template.title },
      { targetType: "PersonalProgram", targetId: program.id, data: { pairId: input.pairId, template: template.key, items: items.length } },
    );
  },
});
