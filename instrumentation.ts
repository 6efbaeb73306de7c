// Next.js calls register() once when a server process starts (docs: app/guides/instrumentation).
// It starts the reminder loop (lib/reminders/scheduler.ts) — only in the Node.js runtime, never during
// `next build`, never under tests; REMINDERS_DISABLED=1 turns it off. Start-up never waits for a cycle.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "test" || process.env.VITEST) return;
  try {
    const { startReminderScheduler } = await import("./lib/reminders/scheduler");
    startReminderScheduler();
  } catch (error) {
    console.error("[reminders] the scheduler did not start:", error);
  }
}
