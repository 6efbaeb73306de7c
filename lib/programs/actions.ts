"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { completedProgramRefusal } from "../completion/guard";
import { isRefusal, refuse, type Refusal } from "../actions/result";
import type { Tx } from "../db";
import { formatAcademicYear } from "../domain/academic-year";
import { parseDuePeriod } from "../domain/due-period";
import { LAST_STAGE, unmetExitConditions } from "../domain/stages";
import type { AppLocale } from "../i18n/config";
import { unmetText } from "./gate-text";
import { loadProgramFacts } from "./facts";
import {
  AdvanceStageInput,
  ApproveActInput,
  AttachActFileInput,
  CreateProgramInput,
  DeleteActivityInput,
  ImportRoadmapInput,
  OverrideGateInput,
  RegisterActInput,
  ReturnStageInput,
  SaveActivityInput,
  SaveIndicatorInput,
  SetActivityStatusInput,
  UpdatePassportInput,
} from "./schemas";
import { defaultProgramTitle, templateActivityRows, templateIndicatorRows } from "./instantiate";

type Program = { id: string; academicYear: number; stage: number; status: "ACTIVE" | "COMPLETED"; curatorId: string | null };

/** The organization's program, still running (a completed program is read-only). */
async function activeProgram(tx: Tx, organizationId: string, programId: string): Promise<Program | Refusal> {
  const program = await tx.mentoringProgram.findFirst({
    where: { id: programId, organizationId },
    select: { id: true, academicYear: true, stage: true, status: true, curatorId: true },
  });
  if (!program) return refuse("NOT_FOUND", "notFound");
  if (program.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
  return program;
}

/** A roadmap activity of the organization whose program is still running. */
async function editableActivity(tx: Tx, organizationId: string, activityId: string): Promise<{ title: string } | Refusal> {
  const activity = await tx.roadmapActivity.findFirst({ where: { id: activityId, organizationId }, select: { programId: true, title: true } });
  if (!activity) return refuse("NOT_FOUND", "notFound");
  const program = await activeProgram(tx, organizationId, activity.programId);
  return isRefusal(program) ? program : activity;
}

async function isMember(tx: Tx, organizationId: string, userId: string | null): Promise<boolean> {
  if (!userId) return true;
  return (await tx.membership.count({ where: { organizationId, userId } })) > 0;
}

export const createProgram = defineAction({
  name: "programs.create",
  scope: "tenant",
  idempotent: true,
  permission: "program.manage",
  input: CreateProgramInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    if (await tx.mentoringProgram.count({ where: { organizationId, academicYear: input.academicYear } })) {
      return refuse("CONFLICT", "programExists", { academicYear: "programExists" });
    }
    const year = formatAcademicYear(input.academicYear);
    const program = await tx.mentoringProgram.create({
      data: {
        organizationId,
        academicYear: input.academicYear,
        title: input.title ?? defaultProgramTitle(year),
        audience: input.audience,
        curatorId: ctx.roles.includes("CURATOR") ? ctx.user.id : null,
        startDate: new Date(Date.UTC(input.academicYear, 8, 1)),
        endDate: new Date(Date.UTC(input.academicYear + 1, 5, 30)),
      },
      select: { id: true },
    });
    const ids = { organizationId, programId: program.id };
    const activities = templateActivityRows(input.template, ids, input.academicYear, { schoolKind: ctx.organization.schoolKind });
    if (activities.length) await tx.roadmapActivity.createMany({ data: activities });
    const indicators = templateIndicatorRows(input.template, ids, input.academicYear);
    if (indicators.length) await tx.programIndicator.createMany({ data: indicators });
    return done({ programId: program.id }, { targetType: "MentoringProgram", targetId: program.id, data: { academicYear: year, template: input.template } });
  },
});

export const updatePassport = defineAction({
  name: "programs.updatePassport",
  scope: "tenant",
  permission: "program.manage",
  input: UpdatePassportInput,
  async run({ input, tx, ctx }) {
    const program = await activeProgram(tx, ctx.organization.id, input.programId);
    if (isRefusal(program)) return program;
    if (input.startDate && input.endDate && input.startDate > input.endDate) return refuse("VALIDATION", "validation", { endDate: "dateOrder" });
    for (const field of ["curatorId", "coordinatorId"] as const) {
      if (!(await isMember(tx, ctx.organization.id, input[field]))) return refuse("VALIDATION", "validation", { [field]: "memberRequired" });
    }
    const { org: _org, programId, ...data } = input;
    void _org;
    await tx.mentoringProgram.update({ where: { id: programId }, data });
    return done({ programId }, { targetType: "MentoringProgram", targetId: programId });
  },
});

export const saveIndicator = defineAction({
  name: "programs.saveIndicator",
  scope: "tenant",
  idempotent: true,
  permission: "program.manage",
  input: SaveIndicatorInput,
  async run({ input, tx, ctx }) {
    const program = await activeProgram(tx, ctx.organization.id, input.programId);
    if (isRefusal(program)) return program;
    const existing = input.indicatorId
      ? await tx.programIndicator.findFirst({ where: { id: input.indicatorId, organizationId: ctx.organization.id, programId: program.id } })
      : null;
    if (input.indicatorId && !existing) return refuse("NOT_FOUND", "notFound");
    const targets = { ...((existing?.targets as Record<string, number> | null) ?? {}) };
    if (input.target !== undefined && input.target !== "") targets[String(program.academicYear)] = input.target;
    else delete targets[String(program.academicYear)];
    const actual = input.actualValue === undefined || input.actualValue === "" ? null : input.actualValue;
    const actualChanged = actual !== (existing?.actualValue ?? null);
    const data = {
      title: input.title,
      unit: input.unit,
      targets,
      actualValue: actual,
      ...(actualChanged ? { actualEnteredById: ctx.user.id, actualEnteredAt: now() } : {}),
    };
    const saved = existing
      ? await tx.programIndicator.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.programIndicator.create({
          data: { ...data, organizationId: ctx.organization.id, programId: program.id, kind: "CUSTOM", position: 100 },
          select: { id: true },
        });
    return done({ indicatorId: saved.id }, { targetType: "ProgramIndicator", targetId: saved.id, data: { title: input.title, actual } });
  },
});

export const saveActivity = defineAction({
  name: "roadmap.saveActivity",
  scope: "tenant",
  idempotent: true,
  permission: "program.manage",
  input: SaveActivityInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await activeProgram(tx, organizationId, input.programId);
    if (isRefusal(program)) return program;
    if (!(await isMember(tx, organizationId, input.responsibleUserId))) return refuse("VALIDATION", "validation", { responsibleUserId: "memberRequired" });
    const due = parseDuePeriod(input.dueText, program.academicYear, { honourYears: true });
    const data = {
      stage: input.stage,
      title: input.title,
      content: input.content,
      dueText: input.dueText,
      dueStart: due.start,
      dueEnd: due.end,
      recurrence: due.recurrence,
      responsibleUserId: input.responsibleUserId,
      responsibleText: input.responsibleText,
      expectedResult: input.expectedResult,
    };
    let id: string;
    if (input.activityId) {
      const updated = await tx.roadmapActivity.updateMany({ where: { id: input.activityId, organizationId, programId: program.id }, data });
      if (updated.count !== 1) return refuse("NOT_FOUND", "notFound");
      id = input.activityId;
    } else {
      const last = await tx.roadmapActivity.aggregate({ where: { organizationId, programId: program.id, stage: input.stage }, _max: { position: true } });
      id = (
        await tx.roadmapActivity.create({
          data: { ...data, organizationId, programId: program.id, academicYear: program.academicYear, position: (last._max.position ?? -1) + 1 },
          select: { id: true },
        })
      ).id;
    }
    // Saved either way; the form shows the warning (an activity may legitimately carry over).
    return done(
      { activityId: id, outsideAcademicYear: due.outsideAcademicYear },
      { targetType: "RoadmapActivity", targetId: id, data: { title: input.title, stage: input.stage } },
    );
  },
});

export const deleteActivity = defineAction({
  name: "roadmap.deleteActivity",
  scope: "tenant",
  permission: "program.manage",
  input: DeleteActivityInput,
  async run({ input, tx, ctx }) {
    const activity = await editableActivity(tx, ctx.organization.id, input.activityId);
    if (isRefusal(activity)) return activity;
    await tx.roadmapActivity.delete({ where: { id: input.activityId } });
    return done({ activityId: input.activityId }, { targetType: "RoadmapActivity", targetId: input.activityId, data: { title: activity.title } });
  },
});

export const setActivityStatus = defineAction({
  name: "roadmap.setStatus",
  scope: "tenant",
  permission: "roadmap.progress",
  input: SetActivityStatusInput,
  async run({ input, tx, ctx }) {
    const activity = await editableActivity(tx, ctx.organization.id, input.activityId);
    if (isRefusal(activity)) return activity;
    const isDone = input.status === "DONE";
    await tx.roadmapActivity.update({
      where: { id: input.activityId },
      data: { status: input.status, evidence: input.evidence, completedAt: isDone ? now() : null },
    });
    return done({ activityId: input.activityId }, { targetType: "RoadmapActivity", targetId: input.activityId, data: { title: activity.title, status: input.status } });
  },
});

export const registerAct = defineAction({
  name: "acts.register",
  scope: "tenant",
  idempotent: true,
  permission: "acts.register",
  input: RegisterActInput,
  async run({ input, tx, ctx }) {
    if (input.programId && !(await tx.mentoringProgram.count({ where: { id: input.programId, organizationId: ctx.organization.id } }))) {
      return refuse("NOT_FOUND", "notFound");
    }
    const completed = input.programId ? await completedProgramRefusal(tx, ctx.organization.id, input.programId) : null;
    if (completed) return completed;
    const act = await tx.localAct.create({
      data: { organizationId: ctx.organization.id, programId: input.programId, kind: input.kind, number: input.number, date: input.date, title: input.title, registeredById: ctx.user.id },
      select: { id: true },
    });
    return done({ actId: act.id }, { targetType: "LocalAct", targetId: act.id, data: { kind: input.kind, number: input.number ?? "", title: input.title } });
  },
});

export const approveAct = defineAction({
  name: "acts.approve",
  scope: "tenant",
  permission: "acts.approve",
  input: ApproveActInput,
  async run({ input, tx, ctx }) {
    const act = await tx.localAct.findFirst({ where: { id: input.actId, organizationId: ctx.organization.id }, select: { number: true, date: true, title: true } });
    if (!act) return refuse("NOT_FOUND", "notFound");
    // An order is approved once it has its registration number and date (the document's requisites).
    if (!act.number || !act.date) return refuse("VALIDATION", "actNeedsNumberAndDate");
    const approved = await tx.localAct.updateMany({
      where: { id: input.actId, organizationId: ctx.organization.id, status: "REGISTERED" },
      data: { status: "APPROVED", approvedById: ctx.user.id, approvedAt: now() },
    });
    if (approved.count !== 1) return refuse("CONFLICT", "actAlreadyApproved");
    return done({ actId: input.actId }, { targetType: "LocalAct", targetId: input.actId, data: { number: act.number, title: act.title } });
  },
});

/** Moves the stage only if nobody moved it meanwhile: of two racing requests, one wins. */
async function moveStage(tx: Tx, organizationId: string, programId: string, from: number, data: { stage: number } | { status: "COMPLETED"; completedAt: Date }) {
  const moved = await tx.mentoringProgram.updateMany({ where: { id: programId, organizationId, stage: from, status: "ACTIVE" }, data });
  if (moved.count === 1) return null;
  const current = await tx.mentoringProgram.findFirst({ where: { id: programId, organizationId }, select: { stage: true, status: true } });
  if (current?.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
  return refuse("CONFLICT", "stageChanged", undefined, { values: { stage: current?.stage ?? from } });
}

/**
 * The stage gate: checks the exit conditions of the current stage, then moves to the next one (after
 * stage 7: completes the program) and logs it. With `override` (the head's decision, with a reason)
 * unmet conditions do not stop it but are kept in the log.
 */
async function moveOn(tx: Tx, ctx: { organization: { id: string; timeZone: string }; user: { id: string; locale?: AppLocale } }, input: { programId: string; expectedStage: number }, override?: { reason: string }) {
  const organizationId = ctx.organization.id;
  const program = await activeProgram(tx, organizationId, input.programId);
  if (isRefusal(program)) return program;
  if (program.stage !== input.expectedStage) return refuse("CONFLICT", "stageChanged", undefined, { values: { stage: program.stage } });
  const conditions = unmetExitConditions(await loadProgramFacts(tx, organizationId, program, organizationToday(ctx)));
  // The refusal speaks the reader's language; the stage log keeps the conditions in Russian, like every record.
  if (conditions.length > 0 && !override)
    return refuse("CONFLICT", "gateNotMet", undefined, { values: { stage: program.stage }, details: conditions.map((c) => unmetText(c, ctx.user.locale ?? "ru")) });
  const unmet = conditions.map((c) => unmetText(c, "ru"));
  const completing = program.stage === LAST_STAGE;
  const toStage = completing ? LAST_STAGE : program.stage + 1;
  const conflict = await moveStage(tx, organizationId, program.id, program.stage, completing ? { status: "COMPLETED", completedAt: now() } : { stage: toStage });
  if (conflict) return conflict;
  await tx.stageTransition.create({
    data: {
      organizationId,
      programId: program.id,
      kind: override ? "OVERRIDE" : completing ? "COMPLETE" : "ADVANCE",
      fromStage: program.stage,
      toStage,
      reason: override?.reason,
      unmetConditions: override ? unmet : undefined,
      actorId: ctx.user.id,
    },
  });
  return done(
    { stage: toStage, completed: completing },
    { targetType: "MentoringProgram", targetId: program.id, data: { from: program.stage, to: toStage, ...(override ? { reason: override.reason } : {}) } },
  );
}

export const advanceStage = defineAction({
  name: "programs.advance",
  scope: "tenant",
  permission: "program.advance",
  input: AdvanceStageInput,
  run: ({ input, tx, ctx }) => moveOn(tx, ctx, input),
});

export const passGateAnyway = defineAction({
  name: "programs.override",
  scope: "tenant",
  permission: "program.override",
  input: OverrideGateInput,
  run: ({ input, tx, ctx }) => moveOn(tx, ctx, input, { reason: input.reason }),
});

export const returnToStage = defineAction({
  name: "programs.return",
  scope: "tenant",
  permission: "program.override",
  input: ReturnStageInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await activeProgram(tx, organizationId, input.programId);
    if (isRefusal(program)) return program;
    if (program.stage !== input.expectedStage) return refuse("CONFLICT", "stageChanged", undefined, { values: { stage: program.stage } });
    if (input.toStage >= program.stage) return refuse("VALIDATION", "validation", { toStage: "returnEarlier" });
    const conflict = await moveStage(tx, organizationId, program.id, program.stage, { stage: input.toStage });
    if (conflict) return conflict;
    await tx.stageTransition.create({
      data: { organizationId, programId: program.id, kind: "RETURN", fromStage: program.stage, toStage: input.toStage, reason: input.reason, actorId: ctx.user.id },
    });
    return done({ stage: input.toStage, completed: false }, { targetType: "MentoringProgram", targetId: program.id, data: { from: program.stage, to: input.toStage, reason: input.reason } });
  },
});

export const importRoadmap = defineAction({
  name: "roadmap.import",
  scope: "tenant",
  idempotent: true,
  permission: "program.manage",
  input: ImportRoadmapInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await activeProgram(tx, organizationId, input.programId);
    if (isRefusal(program)) return program;
    // One transaction: either every row lands or none does.
    if (input.replace) await tx.roadmapActivity.deleteMany({ where: { organizationId, programId: program.id } });
    const positions = new Map<number, number>();
    if (!input.replace) {
      const last = await tx.roadmapActivity.groupBy({ by: ["stage"], where: { organizationId, programId: program.id }, _max: { position: true } });
      for (const row of last) positions.set(row.stage, (row._max.position ?? -1) + 1);
    }
    await tx.roadmapActivity.createMany({
      data: input.activities.map((a) => {
        const position = positions.get(a.stage) ?? 0;
        positions.set(a.stage, position + 1);
        const due = parseDuePeriod(a.due, program.academicYear);
        return {
          organizationId,
          programId: program.id,
          academicYear: program.academicYear,
          stage: a.stage,
          position,
          title: a.title,
          dueText: a.due || "—",
          dueStart: due.start,
          dueEnd: due.end,
          recurrence: due.recurrence,
          responsibleText: a.responsible || null,
          expectedResult: a.result || null,
        };
      }),
    });
    return done({ imported: input.activities.length }, { targetType: "MentoringProgram", targetId: program.id, data: { imported: input.activities.length, replace: input.replace } });
  },
});

/**
 * Attaches the signed act (a scan or the document) to its register entry, replacing an earlier file — only
 * while the act awaits the director's approval. The file of an approved act (possibly on the school's site)
 * is what the director approved: it changes only through a new approval, i.e. a new edition of the act
 * registered, given its file and approved (issue #12).
 */
export const attachActFile = defineAction({
  name: "acts.attachFile",
  scope: "tenant",
  permission: "acts.register",
  input: AttachActFileInput,
  async run({ input, tx, ctx }) {
    const act = await tx.localAct.findFirst({ where: { id: input.actId, organizationId: ctx.organization.id }, select: { status: true } });
    if (!act) return refuse("NOT_FOUND", "notFound");
    if (act.status !== "REGISTERED") return refuse("CONFLICT", "actFileApproved");
    const data = Buffer.from(await input.file.arrayBuffer());
    // Approved meanwhile (a concurrent approval): refused the same way.
    const updated = await tx.localAct.updateMany({
      where: { id: input.actId, organizationId: ctx.organization.id, status: "REGISTERED" },
      data: { fileName: input.file.name.slice(0, 200), fileType: input.file.type, fileSize: data.length, fileData: data },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "actFileApproved");
    return done({ actId: input.actId }, { targetType: "LocalAct", targetId: input.actId, data: { file: input.file.name, size: data.length } });
  },
});
