import "server-only";
import { now as readClock } from "../clock";
import { withDb, type Tx } from "../db";
import { DEFAULT_INTERVAL_MINUTES, readReminderConfig, type ReminderConfig, type SmtpSettings } from "./config";
import { deliverDueInvitationLetters } from "../members/invitation-letters";
import { generateReminders, type ReminderOrganization } from "./generate";
import { createSmtpTransport, type MailTransport } from "./mailer";
import { markSmtpMissing, sendDueEmails, type TxRunner } from "./send";
import { envVariable } from "../env";
import { getLogger } from "../observability/logger";
import { consoleText } from "../i18n/russian-console";

// The reminder loop inside the app (no external cron): started once per server process from
// instrumentation.ts. Every cycle, for each school and municipal office, in that organization's own
// tenant transaction: generate the reminders its state calls for, then send the due e-mails. Several
// app instances may run it at once: generation is idempotent (unique dedupeKey) and sending claims
// messages with FOR UPDATE SKIP LOCKED (lib/reminders/send.ts). Nothing here ever throws into a page.

export type CycleOptions = {
  /** Only these organizations (the manual run of one organization, tests). */
  organizationIds?: string[];
  /** The mail transport: a fake in tests; null means no SMTP. By default from the SMTP_* settings. */
  transport?: MailTransport | null;
  /** SMTP settings instead of the environment's (tests point them at an unreachable server). */
  smtp?: SmtpSettings | null;
  appUrl?: string | null;
  batchSize?: number;
  /** Stop sending after this long (ms) and give the rest back for the next cycle. */
  budgetMs?: number;
  log?: (line: string) => void;
};

export type CycleSummary = {
  organizations: number;
  created: number;
  sent: number;
  failed: number;
  smtpConfigured: boolean;
  /** Organizations whose cycle broke (logged); the others went on. */
  errors: number;
  /** Invitation letters sent and failed in this cycle (lib/members/invitation-letters.ts). */
  invitationsSent: number;
  invitationsFailed: number;
};

/** A sender gives back what it has not sent after this long, well within its lease (CLAIM_LEASE_MINUTES). */
const SEND_BUDGET_MS = 5 * 60_000;

const empty = (smtpConfigured: boolean): CycleSummary => ({ organizations: 0, created: 0, sent: 0, failed: 0, smtpConfigured, errors: 0, invitationsSent: 0, invitationsFailed: 0 });

function configOrNull(log: (line: string) => void): ReminderConfig | null {
  try {
    return readReminderConfig();
  } catch (error) {
    log(`[reminders] ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The transport for this cycle, and whether the cycle made it (and so closes it). */
function transportFor(
  options: CycleOptions,
  config: ReminderConfig | null,
  timeouts?: { connectionMs: number; socketMs: number },
): { transport: MailTransport | null; owned: boolean } {
  if (options.transport !== undefined) return { transport: options.transport, owned: false };
  const smtp = options.smtp !== undefined ? options.smtp : (config?.smtp ?? null);
  return smtp ? { transport: createSmtpTransport(smtp, timeouts), owned: true } : { transport: null, owned: false };
}

/** Generation and sending for one organization; each step in its own transaction (run). */
async function cycleForOrganization(
  run: TxRunner,
  organization: ReminderOrganization,
  now: Date,
  transport: MailTransport | null | "later",
  options: CycleOptions & { appUrl: string | null },
): Promise<{ created: number; sent: number; failed: number; unreachable: boolean }> {
  const created = await run((tx) => generateReminders(tx, organization, now));
  // The server proved unreachable earlier in this cycle: these messages wait for the next one.
  if (transport === "later") return { created, sent: 0, failed: 0, unreachable: false };
  if (!transport) {
    await run((tx) => markSmtpMissing(tx, organization.id));
    return { created, sent: 0, failed: 0, unreachable: false };
  }
  const outcome = await sendDueEmails({
    run,
    organizationId: organization.id,
    now,
    transport,
    appUrl: options.appUrl,
    batchSize: options.batchSize,
    budgetMs: options.budgetMs,
  });
  return { created, sent: outcome.sent, failed: outcome.failed, unreachable: outcome.unreachable };
}

/**
 * One reminder cycle over every school and municipal office (or the given ones): generate, then send.
 * For the scheduler, tests and manual triggers. Failures of one organization are logged and counted,
 * never thrown; once the SMTP server proved unreachable, the other organizations wait for the next cycle.
 */
export async function runReminderCycle(now: Date = readClock(), options: CycleOptions = {}): Promise<CycleSummary> {
  const log = options.log ?? warnLine;
  const config = configOrNull(log);
  const { transport, owned } = transportFor(options, config);
  const summary = empty(transport !== null);
  const appUrl = options.appUrl !== undefined ? options.appUrl : (config?.appUrl ?? null);
  try {
    const ids = options.organizationIds;
    const organizations = await withDb({}, (tx) =>
      tx.organization.findMany({
        // Archived organizations are read-only (decision 018): no reminders for them.
        where: { kind: { in: ["SCHOOL", "MUNICIPALITY"] }, archivedAt: null, ...(ids ? { id: { in: ids } } : {}) },
        select: { id: true, slug: true, timeZone: true },
        orderBy: { id: "asc" },
      }),
    );
    let reachable = true;
    for (const organization of organizations) {
      summary.organizations += 1;
      const run: TxRunner = (fn) => withDb({ organizationId: organization.id }, fn);
      try {
        const r = await cycleForOrganization(run, organization, now, reachable ? transport : "later", { ...options, budgetMs: options.budgetMs ?? SEND_BUDGET_MS, appUrl });
        summary.created += r.created;
        summary.sent += r.sent;
        summary.failed += r.failed;
        if (r.unreachable) reachable = false;
      } catch (error) {
        summary.errors += 1;
        log(`[reminders] ${organization.slug}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Invitation letters waiting (QUEUED) or due for another attempt (FAILED), of every organization.
    // They need the app's address for their links (APP_URL): without it they wait in the outbox.
    if (transport && reachable && appUrl) {
      const letters = await deliverDueInvitationLetters(now, { transport, appUrl, log, organizationIds: ids });
      summary.invitationsSent = letters.sent;
      summary.invitationsFailed = letters.failed;
      summary.errors += letters.errors;
    }
  } catch (error) {
    summary.errors += 1;
    log(`[reminders] cycle: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (owned) transport?.close?.();
  }
  return summary;
}

/**
 * The same cycle for one organization on the caller's tenant transaction (the «Проверить напоминания
 * сейчас» action runs inside its own transaction; a second one would wait for it on PGlite). The send
 * is bounded: a few messages, a few seconds; the scheduler sends the rest.
 */
export async function runReminderCycleInTx(tx: Tx, organization: ReminderOrganization, now: Date, options: CycleOptions = {}): Promise<CycleSummary> {
  const log = options.log ?? warnLine;
  const config = configOrNull(log);
  // Short timeouts: the caller's transaction must end well within its own time limit.
  const { transport, owned } = transportFor(options, config, { connectionMs: 3_000, socketMs: 5_000 });
  const appUrl = options.appUrl !== undefined ? options.appUrl : (config?.appUrl ?? null);
  try {
    const run: TxRunner = (fn) => fn(tx);
    const r = await cycleForOrganization(run, organization, now, transport, { batchSize: 10, budgetMs: 4_000, ...options, appUrl });
    return { organizations: 1, created: r.created, sent: r.sent, failed: r.failed, smtpConfigured: transport !== null, errors: 0, invitationsSent: 0, invitationsFailed: 0 };
  } finally {
    if (owned) transport?.close?.();
  }
}

// ── The loop ───────────────────────────────────────────────────────────────────────────────────

type SchedulerState = { timers: ReturnType<typeof setTimeout>[]; running: boolean };
const stateKey = Symbol.for("nastavnik.reminders.scheduler");
type GlobalWithScheduler = typeof globalThis & { [stateKey]?: SchedulerState };

/**
 * Starts the loop once per process (a second call — another module graph, a dev reload — does
 * nothing). REMINDERS_DISABLED=1 turns it off; REMINDERS_INTERVAL_MINUTES sets the period (15).
 * A cycle still running when the next is due is not doubled. Timers do not keep the process alive.
 */
// The default log of the cycles and of the loop: the server's JSON log (lib/observability/logger.ts).
const warnLine = (line: string) => getLogger().warn({ component: "reminders" }, line);
const infoLine = (line: string) => getLogger().info({ component: "reminders" }, line);

export function startReminderScheduler(log: (line: string) => void = infoLine): boolean {
  const g = globalThis as GlobalWithScheduler;
  if (g[stateKey]) return false;
  // A broken setting (logged) does not stop the loop: the cycles report it and keep the notifications coming.
  const config = configOrNull(log);
  const disabled = config ? config.disabled : /^(1|true|yes|on)$/i.test(envVariable("REMINDERS_DISABLED")?.trim() ?? "");
  if (disabled) {
    log(consoleText("reminders.disabled"));
    return false;
  }
  const state: SchedulerState = { timers: [], running: false };
  g[stateKey] = state;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      const s = await runReminderCycle(readClock(), { log });
      if (s.created || s.sent || s.failed || s.errors)
        log(consoleText("reminders.cycleDone", { created: String(s.created), sent: String(s.sent), failed: String(s.failed), errors: String(s.errors) }));
      if (s.invitationsSent || s.invitationsFailed) log(consoleText("reminders.invitationsDone", { sent: String(s.invitationsSent), failed: String(s.invitationsFailed) }));
    } catch (error) {
      log(`[reminders] ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  const intervalMinutes = config?.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  const intervalMs = intervalMinutes * 60_000;
  // The first cycle shortly after start (the server is serving by then), then every interval.
  const first = setTimeout(tick, Math.min(intervalMs, 60_000));
  const every = setInterval(tick, intervalMs);
  first.unref?.();
  every.unref?.();
  state.timers.push(first, every);
  log(consoleText(config?.smtp ? "reminders.startedWithSmtp" : "reminders.startedWithoutSmtp", { minutes: String(intervalMinutes) }));
  return true;
}

export function stopReminderScheduler(): void {
  const g = globalThis as GlobalWithScheduler;
  const state = g[stateKey];
  if (!state) return;
  for (const t of state.timers) clearTimeout(t);
  delete g[stateKey];
}
