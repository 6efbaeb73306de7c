import { readReminderEnv } from "../env";
import { consoleText } from "../i18n/russian-console";

// Reminder and e-mail settings from the environment (README «Reminders and e-mail»). Read on each
// cycle, so a wrong value is reported in the log and never stops the server.

export type SmtpSettings = {
  /** smtp://user:pass@host:587 or smtps://…:465 — when given, the other SMTP_* parts are not needed. */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
};

export type ReminderConfig = {
  disabled: boolean;
  intervalMinutes: number;
  smtp: SmtpSettings | null;
  /** The app's public address for links in e-mails (https://nastavnik.school.ru); relative links without it. */
  appUrl: string | null;
};


const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

export const DEFAULT_INTERVAL_MINUTES = 15;
export const DEFAULT_FROM = `${consoleText("reminders.senderName")} <no-reply@localhost>`;

export function readReminderConfig(source?: Record<string, string | undefined>): ReminderConfig {
  const parsed = readReminderEnv(source);
  if (!parsed.success) {
    throw new Error(consoleText("reminders.settingsInvalid", { issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }));
  }
  const env = parsed.data;
  let smtp: SmtpSettings | null = null;
  if (env.SMTP_URL) smtp = { url: env.SMTP_URL, from: env.SMTP_FROM ?? env.SMTP_USER ?? DEFAULT_FROM };
  else if (env.SMTP_HOST) {
    const port = env.SMTP_PORT ?? 587;
    smtp = {
      host: env.SMTP_HOST,
      port,
      secure: env.SMTP_SECURE !== undefined ? truthy(env.SMTP_SECURE) : port === 465,
      user: env.SMTP_USER,
      password: env.SMTP_PASSWORD,
      from: env.SMTP_FROM ?? env.SMTP_USER ?? DEFAULT_FROM,
    };
  }
  return {
    disabled: truthy(env.REMINDERS_DISABLED),
    intervalMinutes: env.REMINDERS_INTERVAL_MINUTES ?? DEFAULT_INTERVAL_MINUTES,
    smtp,
    appUrl: env.APP_URL ?? (env.AUTH_URL ? new URL(env.AUTH_URL).origin : null),
  };
}

/** Whether e-mail can be sent at all; a broken setting counts as not configured (and is logged). */
export function smtpConfigured(source?: Record<string, string | undefined>): boolean {
  try {
    return readReminderConfig(source).smtp !== null;
  } catch {
    return false;
  }
}
