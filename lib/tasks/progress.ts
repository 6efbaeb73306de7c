// The progress of the tasks this process is running, as it happens (decision 057). The task's row carries the phase
// and its counts, written between the work's transactions; inside one (the import's insert of thousands of rows) the
// row cannot change visibly until the commit, so the work also reports here, and a page served by this process
// shows the finer figure. Another instance (a PostgreSQL cluster) shows the row's. Kept on globalThis: Next's
// bundles and instrumentation are separate module graphs in one process.

export type LiveProgress = { stage: string; done: number; total: number };

const key = Symbol.for("nastavnik.tasks.live-progress");
type GlobalWithLive = typeof globalThis & { [key]?: Map<string, LiveProgress> };

function live(): Map<string, LiveProgress> {
  const g = globalThis as GlobalWithLive;
  g[key] ??= new Map();
  return g[key];
}

export function setLiveProgress(taskId: string, progress: LiveProgress): void {
  live().set(taskId, progress);
}

export function clearLiveProgress(taskId: string): void {
  live().delete(taskId);
}

export function liveProgress(taskId: string): LiveProgress | undefined {
  return live().get(taskId);
}
