import { now } from "../clock";
import { translator } from "../i18n/translator";
import { newOneTimeToken } from "../auth/one-time-token";
import { withDb } from "../db";
import { applyMigrations, type SqlExecutor } from "../db/migrate";
import type { SmtpSettings } from "../reminders/config";
import { createSmtpTransport, describeMailError, type MailTransport } from "../reminders/mailer";
import { consoleText } from "../i18n/russian-console";

// `npm run setup -- --operator-email ADDRESS` (lib/cli/setup.ts, decision 018): the first step of a real
// installation on an empty PostgreSQL database. Applies the migrations, creates the platform operator
// (no usable password) and a one-time link to set the password — a password-reset link of decision 012
// (same table, same page /reset-password/…, same one use), but living SETUP_LINK_TTL_MS instead of an hour:
// the first link is handed over by a person, not requested by its owner a minute ago. Refuses to run on a
// platform that already has an operator or any organization.

export const SETUP_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const OPERATOR_NAME = consoleText("setup.operatorName");
/** Not an argon2 hash: no password verifies against it (lib/auth/password.ts) until the link sets one. */
export const NO_PASSWORD = "!setup-link-pending";
const SETUP_LOCK = 72707370;

export type SetupResult =
  | { ok: true; userId: string; link: string; expiresAt: Date; mailed: boolean; mailError?: string; migrations: string[] }
  | { ok: false; reason: "alreadySetUp"; message: string };

export function setupLetter(link: string, expiresAt: Date): string {
  const t = translator("ru");
  return [t("letters.greeting"), "", t("letters.operatorBody"), t("letters.operatorLink", { until: expiresAt.toISOString().slice(0, 10) }), link, "", t("letters.operatorIgnore")].join("\n");
}

export async function setupPlatform(options: {
  /** The database to set up (also installed as the app's database: the operator is written through withDb). */
  db: { kind: "pglite" | "postgres"; withExecutor<T>(fn: (ex: SqlExecutor) => Promise<T>): Promise<T> };
  email: string;
  appUrl: string;
  smtp: SmtpSettings | null;
  transport?: MailTransport;
}): Promise<SetupResult> {
  const migrations = await options.db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: options.db.kind === "postgres" }));
  const at = now();
  const expiresAt = new Date(at.getTime() + SETUP_LINK_TTL_MS);
  const { token, tokenHash } = newOneTimeToken();
  const created = await withDb({}, async (tx) => {
    // Two setups at once: the second waits here and then sees the first one's operator.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})::text AS locked`;
    const [operators, organizations] = await Promise.all([tx.user.count({ where: { isOperator: true } }), tx.organization.count()]);
    if (operators > 0 || organizations > 0) return null;
    const user = await tx.user.upsert({
      where: { email: options.email },
      create: { email: options.email, name: OPERATOR_NAME, passwordHash: NO_PASSWORD, isOperator: true },
      update: { isOperator: true },
      select: { id: true },
    });
    await tx.passwordResetRequest.create({ data: { email: options.email, ip: "setup", userId: user.id, tokenHash, expiresAt, createdAt: at } });
    return user;
  });
  if (!created) {
    return {
      ok: false,
      reason: "alreadySetUp",
      message: consoleText("setup.alreadySetUp"),
    };
  }
  const link = `${options.appUrl.replace(/\/+$/, "")}/reset-password/${token}`;
  let mailed = false;
  let mailError: string | undefined;
  if (options.smtp || options.transport) {
    const transport = options.transport ?? createSmtpTransport(options.smtp!);
    try {
      await transport.send({ to: options.email, subject: translator("ru")("letters.operatorSubject"), text: setupLetter(link, expiresAt) });
      mailed = true;
    } catch (error) {
      mailError = describeMailError(error);
    } finally {
      transport.close?.();
    }
  }
  return { ok: true, userId: created.id, link, expiresAt, mailed, mailError, migrations };
}
