"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { now } from "../clock";
import { checkDeadlineDates } from "../domain/deadline-timing";
import { CreateDeadlineInput, DeleteDeadlineInput, MarkDeadlineDoneInput, UpdateDeadlineInput } from "./schemas";

// District deadlines (issue #16 item 1, docs/decisions/047). The office (a municipality or a region) writes
// its deadlines; its schools read them through their own RLS policy and mark those whose condition is the
// school's mark. A refusal writes nothing.

type DeadlineData = { academicYear: number; title: string; stage: number; dueStart: Date | null; dueEnd: Date; condition: "ACT" | "BANKS" | "SURVEY" | "MARKED"; actKind: string | null };

/** The row to write, or the refusal of its dates; the warning (a date outside the academic year) goes back to the form. */
function deadlineRow(input: DeadlineData) {
  const dates = checkDeadlineDates(input, input.academicYear);
  if ("refusal" in dates) return { refusal: refuse("VALIDATION", dates.refusal, { dueStart: dates.refusal }) };
  return {
    warning: dates.warning,
    data: {
      academicYear: input.academicYear,
      title: input.title,
      stage: input.stage,
      dueStart: input.dueStart,
      dueEnd: input.dueEnd,
      condition: input.condition,
      // The kind of act matters only when an act is the condition.
      actKind: input.condition === "ACT" ? (input.actKind as never) : null,
    },
  };
}

const officeOnly = () => refuse("FORBIDDEN", "deadlinesOfficeOnly");

export const createDeadline = defineAction({
  name: "deadlines.create",
  scope: "tenant",
  permission: "deadlines.manage",
  idempotent: true,
  input: CreateDeadlineInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const row = deadlineRow(input);
    if (row.refusal) return row.refusal;
    const created = await tx.districtDeadline.create({ data: { ...row.data, organizationId: ctx.organization.id, createdById: ctx.user.id }, select: { id: true } });
    return done({ deadlineId: created.id, warning: row.warning }, { targetType: "DistrictDeadline", targetId: created.id, data: { title: input.title, dueEnd: input.dueEnd.toISOString().slice(0, 10) } });
  },
});

export const updateDeadline = defineAction({
  name: "deadlines.update",
  scope: "tenant",
  permission: "deadlines.manage",
  input: UpdateDeadlineInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const row = deadlineRow(input);
    if (row.refusal) return row.refusal;
    const updated = await tx.districtDeadline.updateMany({ where: { id: input.deadlineId, organizationId: ctx.organization.id }, data: row.data });
    if (updated.count !== 1) return refuse("NOT_FOUND", "notFound");
    return done({ deadlineId: input.deadlineId, warning: row.warning }, { targetType: "DistrictDeadline", targetId: input.deadlineId, data: { title: input.title, dueEnd: input.dueEnd.toISOString().slice(0, 10) } });
  },
});

export const deleteDeadline = defineAction({
  name: "deadlines.delete",
  scope: "tenant",
  permission: "deadlines.manage",
  input: DeleteDeadlineInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const deleted = await tx.districtDeadline.deleteMany({ where: { id: input.deadlineId, organizationId: ctx.organization.id } });
    if (deleted.count !== 1) return refuse("NOT_FOUND", "notFound");
    return done({ deadlineId: input.deadlineId }, { targetType: "DistrictDeadline", targetId: input.deadlineId });
  },
});

/**
 * The school marks a deadline done (condition MARKED) with its evidence: a comment, a link or a file — at
 * least one. The day marked is the day it counts as done (lib/domain/deadline-timing.ts). Marked once:
 * a second mark is refused (the first one's day stands).
 */
export const markDeadlineDone = defineAction({
  name: "deadlines.markDone",
  scope: "tenant",
  permission: "deadlines.complete",
  idempotent: true,
  input: MarkDeadlineDoneInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return refuse("FORBIDDEN", "deadlinesSchoolOnly");
    // RLS shows a school only the deadlines of the offices above it.
    const deadline = await tx.districtDeadline.findFirst({ where: { id: input.deadlineId, organizationId: { not: ctx.organization.id } }, select: { id: true, condition: true, title: true } });
    if (!deadline) return refuse("NOT_FOUND", "notFound");
    if (deadline.condition !== "MARKED") return refuse("CONFLICT", "deadlineNotMarkable");
    const file = input.file && input.file.size > 0 ? input.file : null;
    if (!input.comment && !input.link && !file) return refuse("VALIDATION", "deadlineEvidence", { comment: "deadlineEvidence" });
    const existing = await tx.deadlineCompletion.findFirst({ where: { organizationId: ctx.organization.id, deadlineId: deadline.id }, select: { id: true } });
    const data = file ? Buffer.from(await file.arrayBuffer()) : null;
    const evidence = {
      comment: input.comment,
      link: input.link,
      ...(file && data ? { fileName: file.name.slice(0, 200), fileType: file.type || "application/octet-stream", fileSize: data.length, fileData: data } : {}),
    };
    // Marked again: the evidence is replaced (a file kept unless a new one comes), the day it was done stays the first.
    const created = existing
      ? await tx.deadlineCompletion.update({ where: { id: existing.id }, data: evidence, select: { id: true } })
      : await tx.deadlineCompletion.create({ data: { organizationId: ctx.organization.id, deadlineId: deadline.id, markedAt: now(), markedById: ctx.user.id, ...evidence }, select: { id: true } });
    return done({ completionId: created.id }, { targetType: "DistrictDeadline", targetId: deadline.id, data: { title: deadline.title, file: file?.name ?? null, again: Boolean(existing) } });
  },
});
