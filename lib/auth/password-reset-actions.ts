"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { setDbScope } from "../db";
import { PASSWORD_RESET_MAX_REQUESTS, passwordResetExpiry, passwordResetState } from "../domain/password-reset";
import { isWellFormedOneTimeToken } from "../domain/one-time-token";
import { requestClientAddress } from "../http/client-address";
import { hashOneTimeToken, newOneTimeToken } from "./one-time-token";
import { createSmtpTransport } from "../reminders/mailer";
import { LOGIN_WINDOW_MS } from "./credentials";
import { hashPassword } from "./password";
import { resetMailSettings } from "./password-reset";
import { RequestPasswordResetInput, ResetPasswordInput } from "./schemas";
import { revokeAllSessions } from "./sessions";
import { errorText, getLogger } from "../observability/logger";
import { toLocale, type AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

// Password reset by e-mail (issue #13 item 5, decision 012). The answer to a request never tells whether
// the address has an account; requests are limited per address and per account like failed sign-ins;
// the link is one-time, hashed in the database and lives an hour; a reset ends every session.

/** After the response when inside a request (the answer's timing must not depend on the mail server), else now. */
async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    const { after } = await import("next/server");
    after(task);
  } catch {
    await task();
  }
}

/** The letter in the account's own language. */
function letter(link: string, locale: AppLocale) {
  const t = translator(locale);
  return {
    subject: t("letters.resetSubject"),
    text: [t("letters.greeting"), "", t("letters.resetBody"), t("letters.resetLink", { link }), "", t("letters.resetIgnore")].join("\n"),
  };
}

export const requestPasswordReset = defineAction({
  name: "password.requestReset",
  scope: "public",
  input: RequestPasswordResetInput,
  async run({ input, tx }) {
    const mail = resetMailSettings();
    if (!mail) return refuse("CONFLICT", "resetUnavailable");
    const email = input.email.trim().toLowerCase();
    const ip = await requestClientAddress();
    const at = now();
    const since = new Date(at.getTime() - LOGIN_WINDOW_MS);
    const [byEmail, byIp] = await Promise.all([
      tx.passwordResetRequest.count({ where: { email, createdAt: { gte: since } } }),
      tx.passwordResetRequest.count({ where: { ip, createdAt: { gte: since } } }),
    ]);
    const request = await tx.passwordResetRequest.create({ data: { email, ip, createdAt: at }, select: { id: true } });
    // Over the limit, unknown or known: the same answer. Only a known address under the limit gets a letter.
    if (byEmail >= PASSWORD_RESET_MAX_REQUESTS || byIp >= PASSWORD_RESET_MAX_REQUESTS) return done({ sent: true });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, locale: true } });
    if (!user) return done({ sent: true });
    const { token, tokenHash } = newOneTimeToken();
    await tx.passwordResetRequest.update({ where: { id: request.id }, data: { userId: user.id, tokenHash, expiresAt: passwordResetExpiry(at) } });
    const link = `${mail.appUrl}/reset-password/${token}`;
    await afterResponse(async () => {
      const transport = createSmtpTransport(mail.smtp);
      try {
        await transport.send({ to: email, ...letter(link, toLocale(user.locale)) });
      } catch (error) {
        getLogger().error({ component: "password-reset", error: errorText(error) }, "the letter was not sent");
      } finally {
        transport.close?.();
      }
    });
    return done({ sent: true });
  },
});

export const resetPassword = defineAction({
  name: "password.reset",
  scope: "public",
  input: ResetPasswordInput,
  async run({ input, tx }) {
    if (!isWellFormedOneTimeToken(input.token)) return refuse("NOT_FOUND", "resetLinkInvalid");
    const at = now();
    const reset = await tx.passwordResetRequest.findUnique({
      where: { tokenHash: hashOneTimeToken(input.token) },
      select: { id: true, email: true, ip: true, userId: true, usedAt: true, expiresAt: true },
    });
    if (!reset?.userId || passwordResetState(reset, at) !== "pending") return refuse("CONFLICT", "resetLinkInvalid");
    // One use even under a race: only one update matches.
    const claimed = await tx.passwordResetRequest.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: at } });
    if (claimed.count !== 1) return refuse("CONFLICT", "resetLinkInvalid");
    await tx.passwordResetRequest.updateMany({ where: { userId: reset.userId, usedAt: null, tokenHash: { not: null } }, data: { usedAt: at } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash: await hashPassword(input.password) } });
    await setDbScope(tx, { userId: reset.userId });
    await revokeAllSessions(tx, reset.userId, at);
    // Proving the mailbox counts as a successful sign-in: the account's failure count starts again.
    await tx.loginAttempt.create({ data: { email: reset.email, ip: await requestClientAddress(), success: true, createdAt: at } });
    return done({ email: reset.email });
  },
});
