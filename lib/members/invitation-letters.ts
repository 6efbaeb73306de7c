import { now as readClock } from "../clock";
import { withDb, type Tx } from "../db";
import type { AppRole } from "../auth/roles";
import { wallClockIn } from "../domain/local-date";
import { emailBackoffMinutes, MAX_EMAIL_ATTEMPTS } from "../domain/reminders";
import { translator } from "../i18n/translator";
import { readReminderConfig } from "../reminders/config";
import { createSmtpTransport, describeMailError, isConnectionError, type MailTransport } from "../reminders/mailer";
import type { TxRunner } from "../reminders/send";
import { hashInvitationToken, invitationPath, newInvitationToken } from "./tokens";
import { errorText, getLogger } from "../observability/logger";

// Invitation letters (issue #13 item 4, decision 020). The database keeps only the hash of an invitation's
// token, so a letter is sent by ISSUING a token: the sender claims the letter (FOR UPDATE SKIP LOCKED, a
// lease in nextAttemptAt, like reminders: lib/reminders/send.ts), rotates the token unless it was handed the
// one the creating action just made (its hash still matches), commits, mails the link, and records SENT or
// FAILED (+ attempts, lastError, the next attempt after a backoff). Everything happens in the invitation's
// organization's RLS scope. Without SMTP nothing is sent: the letters wait QUEUED and the outbox page shows
// them with «Показать ссылку».

/** How long a claimed letter belongs to its sender before another may retry it. */
export const LETTER_LEASE_MINUTES = 15;

type Claimed = {
  id: string;
  email: string;
  role: AppRole;
  expiresAt: Date;
  emailAttempts: number;
  token: string;
  tokenHash: string;
  inviterName: string;
  organizationName: string;
  timeZone: string;
};

// Prisma keeps DateTime as UTC wall time in timestamp(3) columns: compare with ISO strings (see send.ts).
const ts = (d: Date) => d.toISOString();

/** The letter: who invites, to which organization, which role, until when the link is valid. */
export function invitationLetter(args: {
  inviterName: string;
  organizationName: string;
  role: AppRole;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): { subject: string; text: string } {
  // In Russian: the person invited has no account, hence no language of their own yet; the school's is Russian.
  const t = translator("ru");
  const role = t(`roles.${args.role}` as never);
  const organization = args.organizationName;
  return {
    subject: t("letters.invitationSubject", { organization }),
    text: [
      t("letters.greeting"),
      "",
      t("letters.invitationBody", { inviter: args.inviterName, organization }),
      t("letters.invitationRole", { role }),
      "",
      t("letters.invitationLink", { link: args.link }),
      t("letters.invitationValid", { until: wallClockIn(args.timeZone, args.expiresAt) }),
      "",
      t("letters.invitationIgnore"),
      t("letters.automatic"),
    ].join("\n"),
  };
}

export function invitationLink(appUrl: string | null, token: string): string {
  return `${(appUrl ?? "").replace(/\/+$/, "")}${invitationPath(token)}`;
}

/**
 * Claims the organization's due letters (or only `ids`) for this sender and issues their tokens. A token in
 * `tokens` is kept when the row's hash is still its hash (the creating action's own link stays valid);
 * otherwise a fresh token replaces the old one, whose link stops working.
 */
export async function claimInvitationLetters(
  tx: Tx,
  organizationId: string,
  now: Date,
  options: { ids?: string[]; tokens?: ReadonlyMap<string, string>; limit?: number } = {},
): Promise<Claimed[]> {
  const limit = options.limit ?? 50;
  const ids = options.ids;
  if (ids && ids.length === 0) return [];
  const due = ids
    ? await tx.$queryRaw<{ id: string; tokenHash: string }[]>`
        SELECT id, "tokenHash" FROM "Invitation"
        WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${ids}::uuid[])
          AND "emailStatus" IN ('QUEUED', 'FAILED') AND "acceptedAt" IS NULL AND "revokedAt" IS NULL
          AND "expiresAt" > ${ts(now)}::timestamp AND "emailAttempts" < ${MAX_EMAIL_ATTEMPTS}
          AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${ts(now)}::timestamp)
        ORDER BY "createdAt" ASC, id ASC
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`
    : await tx.$queryRaw<{ id: string; tokenHash: string }[]>`
        SELECT id, "tokenHash" FROM "Invitation"
        WHERE "organizationId" = ${organizationId}::uuid
          AND "emailStatus" IN ('QUEUED', 'FAILED') AND "acceptedAt" IS NULL AND "revokedAt" IS NULL
          AND "expiresAt" > ${ts(now)}::timestamp AND "emailAttempts" < ${MAX_EMAIL_ATTEMPTS}
          AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${ts(now)}::timestamp)
        ORDER BY "nextAttemptAt" ASC NULLS FIRST, "createdAt" ASC, id ASC
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
  if (due.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + LETTER_LEASE_MINUTES * 60_000);
  const issued = new Map<string, { token: string; tokenHash: string }>();
  for (const row of due) {
    const known = options.tokens?.get(row.id);
    const fresh = known && hashInvitationToken(known) === row.tokenHash ? { token: known, tokenHash: row.tokenHash } : newInvitationToken();
    issued.set(row.id, fresh);
    await tx.invitation.updateMany({
      where: { id: row.id, organizationId },
      data: { tokenHash: fresh.tokenHash, emailAttempts: { increment: 1 }, nextAttemptAt: leaseUntil },
    });
  }
  const rows = await tx.invitation.findMany({
    where: { organizationId, id: { in: [...issued.keys()] } },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      emailAttempts: true,
      invitedBy: { select: { name: true } },
      organization: { select: { name: true, shortName: true, timeZone: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expiresAt,
    emailAttempts: r.emailAttempts,
    ...issued.get(r.id)!,
    inviterName: r.invitedBy.name,
    organizationName: r.organization.shortName ?? r.organization.name,
    timeZone: r.organization.timeZone,
  }));
}

async function markSent(tx: Tx, organizationId: string, letter: Claimed, now: Date) {
  await tx.invitation.updateMany({
    where: { id: letter.id, organizationId, tokenHash: letter.tokenHash },
    data: { emailStatus: "SENT", sentAt: now, nextAttemptAt: null, lastError: null },
  });
}

async function markFailed(tx: Tx, organizationId: string, letter: Claimed, error: string, now: Date) {
  const last = letter.emailAttempts >= MAX_EMAIL_ATTEMPTS;
  await tx.invitation.updateMany({
    where: { id: letter.id, organizationId, tokenHash: letter.tokenHash },
    data: {
      emailStatus: "FAILED",
      lastError: error,
      nextAttemptAt: last ? null : new Date(now.getTime() + emailBackoffMinutes(letter.emailAttempts) * 60_000),
    },
  });
}

export type LetterOutcome = { sent: number; failed: number; unreachable: boolean };

/**
 * One send pass for one organization: claim, mail each letter, record each outcome. Never throws for a
 * mail failure; once the server proves unreachable, the rest of the batch fails the same way at once.
 */
export async function sendInvitationLetters(args: {
  run: TxRunner;
  organizationId: string;
  now: Date;
  transport: MailTransport;
  appUrl: string | null;
  ids?: string[];
  tokens?: ReadonlyMap<string, string>;
  limit?: number;
}): Promise<LetterOutcome> {
  const { run, organizationId, now, transport, appUrl } = args;
  const claimed = await run((tx) => claimInvitationLetters(tx, organizationId, now, { ids: args.ids, tokens: args.tokens, limit: args.limit }));
  const outcome: LetterOutcome = { sent: 0, failed: 0, unreachable: false };
  for (let i = 0; i < claimed.length; i++) {
    const letter = claimed[i]!;
    const { subject, text } = invitationLetter({ ...letter, link: invitationLink(appUrl, letter.token) });
    try {
      await transport.send({ to: letter.email, subject, text });
      await run((tx) => markSent(tx, organizationId, letter, now));
      outcome.sent += 1;
    } catch (error) {
      const message = describeMailError(error);
      await run((tx) => markFailed(tx, organizationId, letter, message, now));
      outcome.failed += 1;
      if (isConnectionError(error)) {
        for (const rest of claimed.slice(i + 1)) await run((tx) => markFailed(tx, organizationId, rest, message, now));
        outcome.failed += claimed.length - i - 1;
        outcome.unreachable = true;
        break;
      }
    }
  }
  return outcome;
}

/**
 * The scheduler's pass over every organization with letters to send (QUEUED, or FAILED and due again):
 * the organizations come from invitation_letters_due (ids only), each organization's letters are sent in
 * its own scope. Nothing is thrown: failures are counted and logged.
 */
export async function deliverDueInvitationLetters(
  now: Date,
  options: { transport: MailTransport; appUrl: string | null; log?: (line: string) => void; organizationIds?: string[] },
): Promise<LetterOutcome & { errors: number }> {
  const log = options.log ?? ((line: string) => getLogger().warn({ component: "invitations" }, line));
  const total = { sent: 0, failed: 0, unreachable: false, errors: 0 };
  try {
    const due = await withDb({}, (tx) =>
      tx.$queryRaw<{ organization_id: string }[]>`SELECT organization_id FROM invitation_letters_due(${ts(now)}::timestamp, ${MAX_EMAIL_ATTEMPTS}::integer)`,
    );
    const only = options.organizationIds ? new Set(options.organizationIds) : null;
    for (const { organization_id: organizationId } of due) {
      if (only && !only.has(organizationId)) continue;
      try {
        const r = await sendInvitationLetters({ run: (fn) => withDb({ organizationId }, fn), organizationId, now, transport: options.transport, appUrl: options.appUrl });
        total.sent += r.sent;
        total.failed += r.failed;
        if (r.unreachable) {
          total.unreachable = true;
          break;
        }
      } catch (error) {
        total.errors += 1;
        log(`[invitations] ${organizationId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } catch (error) {
    total.errors += 1;
    log(`[invitations] ${error instanceof Error ? error.message : String(error)}`);
  }
  return total;
}

/**
 * SMTP settings and APP_URL for letters, or null when no letter can be sent here. A letter needs the
 * app's address: a relative link in an e-mail leads nowhere (and the Host header is not trusted for it).
 */
export function letterSettings(source?: Record<string, string | undefined>) {
  try {
    const config = readReminderConfig(source);
    return config.smtp && config.appUrl ? { smtp: config.smtp, appUrl: config.appUrl } : null;
  } catch {
    return null;
  }
}

/** The invitations of one organization whose letters should leave now (with the tokens the action showed, if any). */
export type LetterBatch = { organizationId: string; ids: string[]; tokens?: ReadonlyMap<string, string> };

/**
 * After the creating action's transaction has committed, within the request: mail the letters of these
 * invitations (with the tokens the action made, when given, so the links it showed stay valid), one
 * organization after another over one SMTP connection (an imported list names many organizations). Call it
 * after the action returned ok — never inside an action's body. Outside a request (tests, scripts) and without
 * SMTP it does nothing: the scheduler's next pass (or the outbox page) takes the letters.
 */
export async function sendInvitationLettersAfterResponse(batches: LetterBatch[]): Promise<void> {
  const settings = letterSettings();
  const due = batches.filter((b) => b.ids.length > 0);
  if (!settings || due.length === 0) return;
  let after: ((task: () => Promise<void>) => void) | null = null;
  try {
    after = (await import("next/server")).after;
  } catch {
    return;
  }
  const task = async () => {
    const transport = createSmtpTransport(settings.smtp, { connectionMs: 5_000, socketMs: 10_000 });
    try {
      for (const batch of due) {
        await sendInvitationLetters({
          run: (fn) => withDb({ organizationId: batch.organizationId }, fn),
          organizationId: batch.organizationId,
          now: readClock(),
          transport,
          appUrl: settings.appUrl,
          ids: batch.ids,
          tokens: batch.tokens,
        });
      }
    } catch (error) {
      getLogger().error({ component: "invitations", error: errorText(error) }, "the letters were not sent");
    } finally {
      transport.close?.();
    }
  };
  try {
    after(task);
  } catch {
    // Not inside a request: the scheduler sends them.
  }
}
