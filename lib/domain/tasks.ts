import type { AppRole } from "../auth/roles";
import { hasPermission, type Permission } from "../auth/permissions";

// Background tasks (decision 057): what a task of each kind needs to be seen, how far it is, when a running task
// counts as cut off (its process ended), what happens to it then, and how long its result waits. Pure: no I/O.

export const TASK_KINDS = ["PEOPLE_IMPORT", "ANALYTICAL_REPORT"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskState = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/**
 * Who may see a task of a kind, its progress and its result: those who may start it. The import's report names
 * no one (counts only) but the file it read is the school's list of people; the report is the organization's.
 */
export const TASK_PERMISSION: Record<TaskKind, Permission> = {
  PEOPLE_IMPORT: "people.manage",
  ANALYTICAL_REPORT: "reports.produce",
};

export function visibleTaskKinds(roles: readonly AppRole[]): TaskKind[] {
  return TASK_KINDS.filter((kind) => hasPermission(roles, TASK_PERMISSION[kind]));
}

export function canSeeTask(roles: readonly AppRole[], kind: TaskKind): boolean {
  return hasPermission(roles, TASK_PERMISSION[kind]);
}

/** A running task writes its heartbeat at least this often (the runner's beat). */
export const HEARTBEAT_MS = 10_000;
/**
 * A running task whose heartbeat is older than this was cut off: its process ended (a restart, a crash). Well over
 * the longest single transaction a task holds (20 s, lib/db/tenant.ts) plus a beat, so a live task is never taken.
 */
export const STALE_AFTER_MS = 2 * 60_000;
/** How many times a task is started in all: once, and once more after a cut-off. */
export const MAX_ATTEMPTS = 2;
/** A finished task and its file wait this long in the list, then go. */
export const KEEP_RESULT_MS = 7 * 24 * 60 * 60_000;

export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_MS);
}

export function isCutOff(task: { state: TaskState; heartbeatAt: Date | null; createdAt: Date }, now: Date): boolean {
  return task.state === "RUNNING" && (task.heartbeatAt ?? task.createdAt).getTime() < staleBefore(now).getTime();
}

/**
 * A cut-off task runs again while it has attempts left — safe because every task's writes and its completion are one
 * transaction (a cut-off import wrote nothing; a report only reads) — and otherwise fails with a message saying so.
 */
export function afterCutOff(attempts: number): "retry" | "fail" {
  return attempts < MAX_ATTEMPTS ? "retry" : "fail";
}

export function expiresAt(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + KEEP_RESULT_MS);
}

/** Whole percent done, 0–100; null while the amount of work is not known yet (an indeterminate bar). */
export function taskPercent(task: { state: TaskState; progressDone: number; progressTotal: number }): number | null {
  if (task.state === "DONE") return 100;
  if (task.progressTotal <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((task.progressDone / task.progressTotal) * 100)));
}

export function isFinished(state: TaskState): boolean {
  return state === "DONE" || state === "FAILED";
}
