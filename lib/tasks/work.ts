import "server-only";
import type { Tx } from "../db";
import type { TaskKind } from "../domain/tasks";

// What a kind of background task is given and gives back (lib/tasks/runner.ts runs them; decision 057).

/** How a task ended, for the page to word: a key under "tasks.outcome" (done) or "errors" (failed), its values, lines below. */
export type TaskOutcome = { key: string; values?: Record<string, string | number>; details?: string[]; report?: Record<string, unknown> };

export type TaskFile = { name: string; asciiName: string; type: string; data: Uint8Array };

export type TaskEnd = { ok: true; outcome: TaskOutcome; file?: TaskFile } | { ok: false; outcome: TaskOutcome };

export type ClaimedTask = {
  id: string;
  organizationId: string;
  kind: TaskKind;
  params: unknown;
  inputData: Uint8Array | null;
  startedById: string | null;
  attempts: number;
};

export type TaskWork = {
  task: ClaimedTask;
  /** The phase (a key of tasks.stages) and how far it is: kept in the row between transactions, live in between. */
  progress: (stage: string, done: number, total: number) => Promise<void>;
  /** Live progress inside a transaction (not written: the row would show it only after the commit). */
  progressLive: (stage: string, done: number, total: number) => void;
  /**
   * Ends the task in the work's own transaction, so that what the work wrote and the task's «done» commit together
   * (a task cut off before the commit wrote nothing and can run again). Throws when the task is no longer this run's.
   */
  completeIn: (tx: Tx, end: TaskEnd) => Promise<void>;
};

/** The work of one kind: it ends the task through completeIn and returns "completed", or returns how it ended. */
export type TaskHandler = (work: TaskWork) => Promise<TaskEnd | "completed">;

export type TaskHandlers = Record<TaskKind, TaskHandler>;
