import "server-only";
import { z } from "zod";
import { done } from "../actions/action";
import { defineDownload } from "../actions/download";
import { readTenant, type TenantContext } from "../auth/tenant";
import { canSeeTask, taskPercent, visibleTaskKinds, type TaskKind, type TaskState } from "../domain/tasks";
import { liveProgress } from "./progress";
import type { TaskOutcome } from "./work";

// The organization's background tasks as the pages show them (decision 057): only the kinds the viewer may start,
// with the progress of a running task — live when this process runs it (lib/tasks/progress.ts).

/** How many tasks the list shows: the newest; older ones expire within a week anyway. */
export const TASK_LIST_SIZE = 100;

export type TaskView = {
  id: string;
  kind: TaskKind;
  state: TaskState;
  stage: string;
  done: number;
  total: number;
  /** 0–100, or null while the amount of work is unknown. */
  percent: number | null;
  outcome: TaskOutcome | null;
  startedBy: string | null;
  params: Record<string, unknown>;
  file: { name: string; bytes: number } | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

const TASK_SELECT = {
  id: true, kind: true, state: true, stage: true, progressDone: true, progressTotal: true, outcome: true, params: true,
  resultName: true, resultSize: true, createdAt: true, finishedAt: true, expiresAt: true, startedBy: { select: { name: true } },
} as const;

type Row = {
  id: string; kind: TaskKind; state: TaskState; stage: string; progressDone: number; progressTotal: number; outcome: unknown; params: unknown;
  resultName: string | null; resultSize: number | null; createdAt: Date; finishedAt: Date | null; expiresAt: Date | null; startedBy: { name: string } | null;
};

function toView(row: Row): TaskView {
  const live = row.state === "RUNNING" ? liveProgress(row.id) : undefined;
  const progress = live ? { stage: live.stage, progressDone: live.done, progressTotal: live.total } : row;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    stage: progress.stage,
    done: progress.progressDone,
    total: progress.progressTotal,
    percent: taskPercent({ state: row.state, progressDone: progress.progressDone, progressTotal: progress.progressTotal }),
    outcome: (row.outcome as TaskOutcome | null) ?? null,
    startedBy: row.startedBy?.name ?? null,
    params: (row.params ?? {}) as Record<string, unknown>,
    file: row.resultName && row.resultSize !== null ? { name: row.resultName, bytes: row.resultSize } : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
  };
}

/** The newest tasks of the organization the viewer may see, newest first. */
export async function listTasks(ctx: TenantContext): Promise<TaskView[]> {
  const kinds = visibleTaskKinds(ctx.roles);
  if (!kinds.length) return [];
  const rows = await readTenant(ctx, (tx) =>
    tx.backgroundTask.findMany({ where: { organizationId: ctx.organization.id, kind: { in: kinds } }, select: TASK_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: TASK_LIST_SIZE }),
  );
  return rows.map((r) => toView(r as Row));
}

/** One task of this organization the viewer may see, or null (not found — nothing said about other organizations'). */
export async function findTask(ctx: TenantContext, taskId: string): Promise<TaskView | null> {
  if (!z.uuid().safeParse(taskId).success) return null;
  const row = await readTenant(ctx, (tx) => tx.backgroundTask.findFirst({ where: { id: taskId, organizationId: ctx.organization.id }, select: TASK_SELECT }));
  if (!row || !canSeeTask(ctx.roles, row.kind as TaskKind)) return null;
  return toView(row as Row);
}

/**
 * A finished task's file, as an audited download (lib/actions/download.ts): the task must be this organization's, of
 * a kind the viewer may see, and done with a file. The route answers it through attachmentResponse.
 */
export const downloadTaskFile = defineDownload({
  name: "tasks.download",
  permission: "tasks.view",
  params: z.object({ taskId: z.uuid() }),
  async read({ params: { taskId }, tx, ctx }) {
    const task = await tx.backgroundTask.findFirst({
      where: { id: taskId, organizationId: ctx.organization.id, state: "DONE", resultData: { not: null } },
      select: { id: true, kind: true, resultName: true, resultAsciiName: true, resultType: true, resultData: true },
    });
    if (!task || !canSeeTask(ctx.roles, task.kind as TaskKind) || !task.resultData) return null;
    return done(
      { name: task.resultName ?? "file", asciiName: task.resultAsciiName ?? undefined, type: task.resultType ?? "application/octet-stream", data: task.resultData },
      { targetType: "BackgroundTask", targetId: task.id, data: { file: task.resultName } },
    );
  },
});
