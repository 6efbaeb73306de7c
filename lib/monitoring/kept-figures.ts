import "server-only";
import { now as readClock } from "../clock";
import { withDb } from "../db";
import { readEnv } from "../env";
import { getLogger } from "../observability/logger";

// The refresh of the kept school figures (decision 055). The dashboards read SchoolFiguresKept where it still holds and
// compute the rest themselves, so what a page shows never depends on this loop — only how much it computes per load.
// school_figures_refresh() does the work in the database, one transaction per call, one caller at a time (another
// instance's concurrent call returns -1 at once).

export type RefreshSummary = { computed: number; calls: number; busy: boolean };

/** Rows per call: a region's 2,000 schools × 2 years (4,000 rows) take four full calls of ≈ 0.3 s each. */
const BATCH = 1000;

/**
 * Brings the kept figures up to date as of `now`: calls school_figures_refresh() until it computes less than a batch or
 * the budget is spent (the next run goes on). `busy`: another process was refreshing.
 */
export async function refreshKeptFigures(now: Date = readClock(), options: { budgetMs?: number; batch?: number } = {}): Promise<RefreshSummary> {
  const batch = options.batch ?? BATCH;
  const started = performance.now();
  const summary: RefreshSummary = { computed: 0, calls: 0, busy: false };
  for (;;) {
    const [row] = await withDb({}, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT school_figures_refresh(${now}::timestamptz, ${batch}::integer) AS n`);
    summary.calls += 1;
    const n = Number(row?.n ?? 0);
    if (n < 0) return { ...summary, busy: true };
    summary.computed += n;
    if (n < batch || performance.now() - started > (options.budgetMs ?? 60_000)) return summary;
  }
}

// ── The loop ───────────────────────────────────────────────────────────────────────────────────

const stateKey = Symbol.for("nastavnik.kept-figures.loop");
type LoopState = { timer: ReturnType<typeof setInterval>; running: boolean };
type GlobalWithLoop = typeof globalThis & { [stateKey]?: LoopState };

/**
 * Starts the refresh once per process, every FIGURES_REFRESH_SECONDS (60; 0: never). A run still going when the next
 * is due is not doubled; a failure is logged and the next run tries again. The timer does not keep the process alive.
 */
export function startKeptFiguresRefresh(): boolean {
  const g = globalThis as GlobalWithLoop;
  if (g[stateKey]) return false;
  const seconds = readEnv().FIGURES_REFRESH_SECONDS;
  if (seconds === 0) return false;
  const run = async () => {
    if (state.running) return;
    state.running = true;
    try {
      const s = await refreshKeptFigures(readClock(), { budgetMs: Math.max(1000, seconds * 500) });
      if (s.computed) getLogger().debug({ component: "kept-figures", computed: s.computed, calls: s.calls }, "school figures refreshed");
    } catch (error) {
      getLogger().warn({ component: "kept-figures", err: error instanceof Error ? error.message : String(error) }, "the school figures were not refreshed");
    } finally {
      state.running = false;
    }
  };
  const state: LoopState = { running: false, timer: setInterval(() => void run(), seconds * 1000) };
  state.timer.unref?.();
  g[stateKey] = state;
  return true;
}

export function stopKeptFiguresRefresh(): void {
  const g = globalThis as GlobalWithLoop;
  const state = g[stateKey];
  if (!state) return;
  clearInterval(state.timer);
  delete g[stateKey];
}
