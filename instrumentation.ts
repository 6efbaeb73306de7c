// Next.js calls register() once when a server process starts (docs: app/guides/instrumentation).
// In the Node.js runtime it makes abort reasons let go of the render that aborted (lib/http/abort-reason-stack.ts:
// without it the server kept a growing chain of finished requests), and it starts the reminder loop
// (lib/reminders/scheduler.ts), the refresh of the kept school figures (lib/monitoring/kept-figures.ts) and the
// background tasks' runner (lib/tasks/runner.ts) — never
// during `next build`, never under tests; REMINDERS_DISABLED=1 and FIGURES_REFRESH_SECONDS=0 turn them off.
// Start-up never waits for a cycle. Only Next's own switches (NEXT_RUNTIME, NEXT_PHASE) and the test
// switches are read raw here: they decide whether anything (lib/env.ts included) may be imported at all.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { releaseAbortReasonStacks } = await import("./lib/http/abort-reason-stack");
  releaseAbortReasonStacks();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "test" || process.env.VITEST) return;
  // The environment is checked once at start (lib/env.ts): a wrong value stops the server here, with a
  // Russian message naming the variable, rather than on the first request that reads it.
  const { readEnv } = await import("./lib/env");
  readEnv();
  try {
    const { startReminderScheduler } = await import("./lib/reminders/scheduler");
    startReminderScheduler();
  } catch (error) {
    const { getLogger } = await import("./lib/observability/logger");
    getLogger().error({ component: "reminders", err: error }, "the scheduler did not start");
  }
  const { startKeptFiguresRefresh } = await import("./lib/monitoring/kept-figures");
  startKeptFiguresRefresh();
  // The background tasks (decision 057): always on — a started import or report must run, and a task cut off by the
  // last stop is taken up again here.
  const { startTaskRunner } = await import("./lib/tasks/runner");
  startTaskRunner();
}
