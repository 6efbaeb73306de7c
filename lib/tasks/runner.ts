import "server-only";
import { now as readClock } from "../clock";
import { withDb, Prisma, type Tx } from "../db";
import { afterCutOff, expiresAt, isCutOff, staleBefore, type TaskKind } from "../domain/tasks";
import { getLogger } from "../observability/logger";
import { clearLiveProgress, setLiveProgress } from "./progress";
import type { ClaimedTask, TaskEnd, TaskHandlers, TaskOutcome } from "./work";

// The background tasks' runner (decision 057), inside the app's server process like the reminder loop
// (lib/reminders/scheduler.ts): no external queue. A start action stores the task and kicks the runner after its
// commit; the runner also looks for due work every SWEEP_MS — queued tasks (a kick lost, a restart) and running ones
// whose heartbeat stopped (their process ended) — and purges expired results. One task at a time per process (the
// machine's cores serve the pages too). Several processes may run it: a task is claimed by a conditional update, so
// each runs once. Nothing here throws into a page.

const SWEEP_MS = 30_000;

type Options = { handlers?: TaskHandlers; now?: () => Date };

const at = (options: Options) => (options.now ?? readClock)();
const scope = (task: { organizationId: string; startedById?: string | null }) => ({ organizationId: task.organizationId, userId: task.startedById ?? null });

/** Ids of due tasks (every organization's; the function hands out ids only). */
export async function dueTasks(now: Date, limit = 20): Promise<{ taskId: string; organizationId: string }[]> {
  const rows = await withDb({}, (tx) => tx.$queryRaw<{ task_id: string; organization_id: string }[]>`SELECT task_id::text, organization_id::text FROM background_tasks_due(${staleBefore(now)}::timestamptz, ${limit}::integer)`);
  return rows.map((r) => ({ taskId: r.task_id, organizationId: r.organization_id }));
}

const CUT_OFF: TaskOutcome = { key: "taskCutOff" };

/**
 * Takes the task for this run, in its organization: queued, or running but cut off with an attempt left (one cut
 * off with none left fails here, saying so). Null: not due any more (another process took it, or it ended).
 */
async function claim(taskId: string, organizationId: string, now: Date): Promise<ClaimedTask | null> {
  return withDb({ organizationId }, async (tx) => {
    const task = await tx.backgroundTask.findFirst({ where: { id: taskId, organizationId } });
    if (!task) return null;
    const cutOff = isCutOff(task, now);
    if (task.state !== "QUEUED" && !cutOff) return null;
    if (cutOff && afterCutOff(task.attempts) === "fail") {
      await tx.backgroundTask.updateMany({ where: { id: task.id, state: "RUNNING", attempts: task.attempts }, data: ended(now, { ok: false, outcome: CUT_OFF }) });
      return null;
    }
    const taken = await tx.backgroundTask.updateMany({
      where: { id: task.id, state: task.state, attempts: task.attempts },
      data: { state: "RUNNING", attempts: task.attempts + 1, startedAt: now, heartbeatAt: now, stage: "started", progressDone: 0, progressTotal: 0 },
    });
    if (taken.count !== 1) return null;
    return {
      id: task.id,
      organizationId,
      kind: task.kind as TaskKind,
      params: task.params,
      inputData: task.inputData,
      startedById: task.startedById,
      attempts: task.attempts + 1,
    };
  });
}

/** The row's fields of an ended task: its outcome, its file, the expiry; the uploaded file is dropped. */
function ended(now: Date, end: TaskEnd): Prisma.BackgroundTaskUpdateManyMutationInput {
  const file = end.ok ? end.file : undefined;
  return {
    state: end.ok ? "DONE" : "FAILED",
    outcome: end.outcome as Prisma.InputJsonValue,
    finishedAt: now,
    heartbeatAt: now,
    expiresAt: expiresAt(now),
    inputData: null,
    ...(file ? { resultName: file.name, resultAsciiName: file.asciiName, resultType: file.type, resultData: new Uint8Array(file.data), resultSize: file.data.byteLength } : {}),
  };
}

class NotThisRun extends Error {
  constructor() {
    super("the task is no longer this run's");
  }
}

async function endIn(tx: Tx, task: ClaimedTask, now: Date, end: TaskEnd): Promise<void> {
  const done = await tx.backgroundTask.updateMany({ where: { id: task.id, organizationId: task.organizationId, state: "RUNNING", attempts: task.attempts }, data: ended(now, end) });
  if (done.count !== 1) throw new NotThisRun();
}

/** Runs one claimed task to its end; a thrown error fails it with a general message (logged). */
export async function runClaimed(task: ClaimedTask, handlers: TaskHandlers, options: Options = {}): Promise<void> {
  const log = getLogger();
  const progress = async (stage: string, done: number, total: number) => {
    setLiveProgress(task.id, { stage, done, total });
    // The heartbeat goes with it: a task is cut off only when its phases stop moving.
    await withDb(scope(task), (tx) =>
      tx.backgroundTask.updateMany({ where: { id: task.id, state: "RUNNING", attempts: task.attempts }, data: { stage, progressDone: done, progressTotal: total, heartbeatAt: at(options) } }),
    );
  };
  try {
    const end = await handlers[task.kind]({
      task,
      progress,
      progressLive: (stage, done, total) => setLiveProgress(task.id, { stage, done, total }),
      completeIn: (tx, end) => endIn(tx, task, at(options), end),
    });
    if (end !== "completed") await withDb(scope(task), (tx) => endIn(tx, task, at(options), end));
  } catch (error) {
    if (error instanceof NotThisRun) return;
    log.error({ component: "tasks", task: task.id, kind: task.kind, err: error }, "a background task failed");
    try {
      await withDb(scope(task), (tx) => endIn(tx, task, at(options), { ok: false, outcome: { key: "taskFailed" } }));
    } catch (again) {
      // The database is away: the task stays RUNNING and is taken again once its heartbeat is stale.
      if (!(again instanceof NotThisRun)) log.warn({ component: "tasks", task: task.id, err: String(again) }, "a failed task could not be marked");
    }
  } finally {
    clearLiveProgress(task.id);
  }
}

/** Finished tasks past their expiry go, with their files. */
export async function purgeExpiredTasks(now: Date): Promise<number> {
  const [row] = await withDb({}, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT background_tasks_purge(${now}::timestamptz) AS n`);
  return Number(row?.n ?? 0);
}

/** Every due task, one after another; returns how many ran. For the loop, tests and scripts. */
export async function runDueTasks(options: Options = {}): Promise<number> {
  const handlers = options.handlers ?? (await import("./handlers")).TASK_HANDLERS;
  let ran = 0;
  for (;;) {
    const due = await dueTasks(at(options));
    let claimed = 0;
    for (const { taskId, organizationId } of due) {
      const task = await claim(taskId, organizationId, at(options));
      if (!task) continue;
      claimed += 1;
      ran += 1;
      await runClaimed(task, handlers, options);
    }
    // Queued meanwhile, or nothing more to take.
    if (claimed === 0) return ran;
  }
}

// ── The loop ───────────────────────────────────────────────────────────────────────────────────

type RunnerState = { timer: ReturnType<typeof setInterval>; running: boolean; again: boolean };
const stateKey = Symbol.for("nastavnik.tasks.runner");
type GlobalWithRunner = typeof globalThis & { [stateKey]?: RunnerState };

async function sweep(state: RunnerState): Promise<void> {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await purgeExpiredTasks(readClock());
      await runDueTasks();
    } while (state.again);
  } catch (error) {
    getLogger().warn({ component: "tasks", err: error instanceof Error ? error.message : String(error) }, "the background tasks were not run");
  } finally {
    state.running = false;
  }
}

/** Starts the runner once per process (instrumentation.ts): a sweep shortly after start, then every SWEEP_MS. */
export function startTaskRunner(): boolean {
  const g = globalThis as GlobalWithRunner;
  if (g[stateKey]) return false;
  const state: RunnerState = { running: false, again: false, timer: setInterval(() => void sweep(state), SWEEP_MS) };
  state.timer.unref?.();
  g[stateKey] = state;
  setTimeout(() => void sweep(state), 2_000).unref?.();
  return true;
}

/** After a start action's commit: run the new task now (a process without the runner — tests, scripts — leaves it queued). */
export function kickTaskRunner(): void {
  const state = (globalThis as GlobalWithRunner)[stateKey];
  if (state) void sweep(state);
}

export function stopTaskRunner(): void {
  const g = globalThis as GlobalWithRunner;
  const state = g[stateKey];
  if (!state) return;
  clearInterval(state.timer);
  delete g[stateKey];
}
