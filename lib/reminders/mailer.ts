import nodemailer from "nodemailer";
import type { SmtpSettings } from "./config";

// The one way e-mail leaves the app. Tests pass a fake transport of the same shape.

/** `id` is the reminder's: it becomes a stable Message-ID, so a retried or repeated send is recognisable as the same letter. */
export type OutgoingEmail = { id?: string; to: string; subject: string; text: string };

export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
  close?(): void;
}

/** Errors that mean the server cannot be reached at all: the rest of the batch would fail the same way. */
const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAUTH", "ETLS", "EPROXY"]);

export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && CONNECTION_CODES.has(code);
}

/** A short, secret-free description of a failure for the outbox page. */
export function describeMailError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const code = e && typeof e.code === "string" ? e.code : null;
  const response = e && typeof e.responseCode === "number" ? ` ${e.responseCode}` : "";
  const message = e && typeof e.message === "string" ? e.message : String(error);
  // Credentials may appear in a URL inside a message: cut them out.
  const clean = message.replace(/\/\/[^/@\s]+@/g, "//***@").replace(/\s+/g, " ").trim();
  return `${code ? `${code}${response}: ` : ""}${clean}`.slice(0, 500);
}

/** nodemailer over SMTP, with short timeouts: an unreachable server fails fast instead of hanging a cycle. */
export function createSmtpTransport(settings: SmtpSettings, timeouts: { connectionMs?: number; socketMs?: number } = {}): MailTransport {
  const common = {
    connectionTimeout: timeouts.connectionMs ?? 10_000,
    greetingTimeout: timeouts.connectionMs ?? 10_000,
    socketTimeout: timeouts.socketMs ?? 20_000,
  };
  const transporter = settings.url
    ? nodemailer.createTransport({ url: settings.url, ...common } as Parameters<typeof nodemailer.createTransport>[0])
    : nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
        ...common,
      });
  return {
    async send(email) {
      await transporter.sendMail({
        from: settings.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: email.id ? `<reminder-${email.id}@nastavnik>` : undefined,
      });
    },
    close() {
      transporter.close();
    },
  };
}
