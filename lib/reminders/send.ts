import "server-only";
import type { Prisma, Tx } from "../db";
import { afterFailedAttempt } from "../domain/reminders";
import type { AppLocale } from "../i18n/config";
import { describeMailError, isConnectionError, type MailTransport } from "./mailer";
import { countReminderEmails } from "../observability/metrics";
import { reminderEmail } from "./text";

// Sending: claim due e-mails with SELECT … FOR UPDATE SKIP LOCKED inside the tenant transaction and
// lease them (the attempt is counted and nextAttemptAt moves past the lease) before anything is sent.
// A second sender — another app instance, or a manual run at the same moment — skips the locked rows
// while the claim is open and finds them not due once it commits: each message is sent by one sender.
// A sender that dies mid-send leaves its lease to expire; the message is then retried.

/** Runs one step on a tenant transaction: a fresh withDb per step (scheduler), or the caller's own (manual run). */
export type TxRunner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * The note a message waiting for SMTP settings carries as its last error: a code, worded by the outbox page in its
 * reader's language (outbox.smtpNotConfiguredError) — the other errors are the mail server's own words.
 */
export const SMTP_NOT_CONFIGURED = "SMTP_NOT_CONFIGURED";

/** How long a claimed message belongs to its sender before another may retry it. */
export const CLAIM_LEASE_MINUTES = 15;

type Claimed = {
  id: string;
  emailTo: string;
  kind: string;
  values: Prisma.JsonValue;
  title: string | null;
  body: string | null;
  link: string | null;
  emailAttempts: number;
  /** The recipient's account: its language is the letter's. */
  user: { locale: AppLocale };
};

// Prisma keeps DateTime in "timestamp(3)" columns as UTC wall time: an ISO string cast to timestamp
// compares the same way on PGlite and PostgreSQL whatever the session's time zone.
const ts = (d: Date) => d.toISOString();

/** Claims up to `limit` due messages of the organization for this sender (see above). */
export async function claimDueEmails(tx: Tx, organizationId: string, now: Date, limit: number): Promise<Claimed[]> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Reminder"
    WHERE "organizationId" = ${organizationId}::uuid
      AND "emailStatus" = 'QUEUED'
      AND "emailTo" IS NOT NULL
      AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${ts(now)}::timestamp)
    ORDER BY "nextAttemptAt" ASC NULLS FIRST, "createdAt" ASC, id ASC
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  if (due.length === 0) return [];
  const ids = due.map((r) => r.id);
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MINUTES * 60_000);
  await tx.reminder.updateMany({ where: { id: { in: ids }, organizationId }, data: { emailAttempts: { increment: 1 }, nextAttemptAt: leaseUntil } });
  const rows = await tx.reminder.findMany({
    where: { id: { in: ids }, organizationId },
    select: { id: true, emailTo: true, kind: true, values: true, title: true, body: true, link: true, emailAttempts: true, user: { select: { locale: true } } },
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .filter((r): r is Claimed => r.emailTo !== null)
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

async function markSent(tx: Tx, organizationId: string, id: string, now: Date) {
  await tx.reminder.updateMany({
    where: { id, organizationId, emailStatus: "QUEUED" },
    data: { emailStatus: "SENT", sentAt: now, nextAttemptAt: null, lastError: null },
  });
}

async function markFailed(tx: Tx, organizationId: string, claimed: Claimed, error: string, now: Date) {
  await tx.reminder.updateMany({
    where: { id: claimed.id, organizationId, emailStatus: "QUEUED" },
    data: { ...afterFailedAttempt(claimed.emailAttempts, now), lastError: error },
  });
}

/** Gives back claimed messages this sender had no time for: not an attempt, due again at once. */
async function release(tx: Tx, organizationId: string, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await tx.reminder.updateMany({
    where: { id: { in: ids }, organizationId, emailStatus: "QUEUED" },
    data: { emailAttempts: { decrement: 1 }, nextAttemptAt: now },
  });
}

/** Without SMTP settings nothing is sent; the outbox page says why. */
export async function markSmtpMissing(tx: Tx, organizationId: string): Promise<number> {
  const { count } = await tx.reminder.updateMany({
    where: { organizationId, emailStatus: "QUEUED", lastError: null },
    data: { lastError: SMTP_NOT_CONFIGURED },
  });
  return count;
}

export type SendOutcome = { sent: number; failed: number; released: number; unreachable: boolean };

/**
 * One send pass for one organization: claim a batch, send each message, record each outcome.
 * A failure never throws: the message stays QUEUED with the error and a later attempt (FAILED after
 * the last one). When the server cannot be reached the rest of the batch fails the same way without
 * waiting for more timeouts. Past `budgetMs` the remaining claims are given back.
 */
export async function sendDueEmails(args: {
  run: TxRunner;
  organizationId: string;
  now: Date;
  transport: MailTransport;
  appUrl: string | null;
  batchSize?: number;
  budgetMs?: number;
}): Promise<SendOutcome> {
  const { run, organizationId, now, transport, appUrl } = args;
  // The send budget is real elapsed time (a lease on the claimed rows), not "now": a monotonic timer.
  const started = performance.now();
  const claimed = await run((tx) => claimDueEmails(tx, organizationId, now, args.batchSize ?? 50));
  const outcome: SendOutcome = { sent: 0, failed: 0, released: 0, unreachable: false };
  for (let i = 0; i < claimed.length; i++) {
    const message = claimed[i]!;
    if (args.budgetMs !== undefined && performance.now() - started > args.budgetMs) {
      const rest = claimed.slice(i).map((m) => m.id);
      await run((tx) => release(tx, organizationId, rest, now));
      outcome.released += rest.length;
      break;
    }
    try {
      // In the recipient account's language, as the password-reset letter (lib/auth/password-reset-actions.ts).
      await transport.send({ id: message.id, to: message.emailTo, ...reminderEmail(message, message.user.locale, appUrl) });
      await run((tx) => markSent(tx, organizationId, message.id, now));
      outcome.sent += 1;
    } catch (error) {
      const text = describeMailError(error);
      await run((tx) => markFailed(tx, organizationId, message, text, now));
      outcome.failed += 1;
      if (isConnectionError(error)) {
        const rest = claimed.slice(i + 1);
        for (const m of rest) await run((tx) => markFailed(tx, organizationId, m, text, now));
        outcome.failed += rest.length;
        outcome.unreachable = true;
        break;
      }
    }
  }
  countReminderEmails(outcome.sent, outcome.failed);
  return outcome;
}
