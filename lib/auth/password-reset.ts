import "server-only";
import { now } from "../clock";
import { withDb } from "../db";
import { isWellFormedOneTimeToken } from "../domain/one-time-token";
import { passwordResetState, type PasswordResetState } from "../domain/password-reset";
import { hashOneTimeToken } from "./one-time-token";
import { readReminderConfig } from "../reminders/config";

/**
 * SMTP and APP_URL, or null when password reset by e-mail is not available here. The link's address
 * comes only from APP_URL: taking it from the request's Host header would let anyone have us mail a
 * victim a link to their own site (reset poisoning).
 */
export function resetMailSettings() {
  try {
    const config = readReminderConfig();
    return config.smtp && config.appUrl ? { smtp: config.smtp, appUrl: config.appUrl.replace(/\/+$/, "") } : null;
  } catch {
    return null;
  }
}

/** What the reset page shows for a link: a form, or why not. Tells nothing about the account. */
export async function findPasswordResetState(token: string): Promise<PasswordResetState | "malformed" | "notFound"> {
  if (!isWellFormedOneTimeToken(token)) return "malformed";
  const reset = await withDb({}, (tx) =>
    tx.passwordResetRequest.findUnique({ where: { tokenHash: hashOneTimeToken(token) }, select: { usedAt: true, expiresAt: true } }),
  );
  return reset ? passwordResetState(reset, now()) : "notFound";
}
