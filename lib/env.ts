import path from "node:path";
import { z } from "zod";
import { consoleText } from "./i18n/russian-console";

// The one reader of the environment (issue #18 item 2): nothing else in lib/, app/ or components/ reads
// process.env (the launcher, lib/cli, only hands it on to the processes it starts and sets serve.ts's flag). Validated at start (lib/cli/setup.ts before `npm start`, instrumentation.ts when the
// server process starts); a wrong value stops the start with a Russian message naming the variable.
// DATABASE_URL unset means the embedded PGlite database.
// OIDC_*: single sign-on through an OpenID Connect provider (docs/decisions/021) — all three of issuer,
// client id and secret, or none (then the login page has no such button and Auth.js no such provider).
/**
 * Reminders and e-mail (README «Reminders and e-mail»): their own section, read on each reminder cycle
 * through readReminderEnv, where a wrong value is reported in the log and never stops the server — so they
 * are not part of the start-up check below.
 */
const ReminderVariables = {
  REMINDERS_DISABLED: z.string().optional(),
  REMINDERS_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, consoleText("env.smtpUrl")).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.string().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).optional(),
  APP_URL: z.string().url().optional(),
};
const ReminderEnvSchema = z.object({ ...ReminderVariables, AUTH_URL: z.string().url().optional() });
export type ReminderEnv = z.infer<typeof ReminderEnvSchema>;

const REFRESH_SECONDS_MESSAGE = consoleText("env.refreshSeconds");

// LOG_LEVEL and METRICS_TOKEN: docs/operations.md (the log's level; the bearer token /api/metrics answers to).
const EnvSchema = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    /** A streaming replica of DATABASE_URL for the district and region dashboards (docs/operations.md «Topology»); unset: they read the primary. */
    DATABASE_REPLICA_URL: z.string().url(consoleText("env.replicaUrl")).optional(),
    PGLITE_DIR: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(32, consoleText("env.authSecretLength")).optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    OIDC_ISSUER: z
      .string()
      .url(consoleText("env.oidcIssuerUrl"))
      .refine((v) => /^https?:\/\//.test(v), consoleText("env.oidcIssuerScheme"))
      .optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    OIDC_NAME: z.string().trim().min(1).max(80, consoleText("env.oidcNameLength")).optional(),
    /** The address the app is served at (Auth.js; canonical links; letters when APP_URL is not set). */
    AUTH_URL: z.string().optional(),
    /** Proxies whose X-Forwarded-For is believed (lib/http/client-address.ts parses and checks the list). */
    TRUSTED_PROXIES: z.string().optional(),
    /** Set to 1 by lib/cli/serve.ts in its own process: requests carry the connection's peer address. */
    NASTAVNIK_PEER_HEADER: z.string().optional(),
    /** Test clock (lib/clock.ts, decision 011): honoured outside production or with NASTAVNIK_TEST_CLOCK=1. */
    NASTAVNIK_NOW: z.string().optional(),
    NASTAVNIK_TEST_CLOCK: z.string().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], consoleText("env.logLevel")).optional(),
    METRICS_TOKEN: z.string().min(32, consoleText("env.metricsTokenLength")).max(512).optional(),
    /** How often the kept school figures are refreshed (lib/monitoring/kept-figures.ts, decision 055); 0 turns it off. */
    FIGURES_REFRESH_SECONDS: z.coerce
      .number(REFRESH_SECONDS_MESSAGE)
      .int(REFRESH_SECONDS_MESSAGE)
      .min(0, REFRESH_SECONDS_MESSAGE)
      .max(24 * 3600, REFRESH_SECONDS_MESSAGE)
      .default(60),
  })
  .superRefine((env, ctx) => {
    const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter((v) => v !== undefined).length;
    if (set !== 0 && set !== 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: consoleText("env.oidcIncomplete") });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

type Source = Record<string, string | undefined>;
const given = (source: Source) => Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));

/** The whole environment, checked; throws (a Russian message per variable) when something is wrong. */
export function readEnv(source: Source = process.env): Env {
  return EnvSchema.parse(given(source));
}

/** The reminder and e-mail settings, checked; a failure is the caller's to report (the loop keeps running). */
export function readReminderEnv(source: Source = process.env) {
  const clean = Object.fromEntries(Object.entries(given(source)).filter(([k]) => k in ReminderEnvSchema.shape));
  return ReminderEnvSchema.safeParse(clean);
}

/** Variables read as plain text wherever they are used (each use reads the current value). */
export type EnvVariable =
  | "AUTH_URL"
  | "TRUSTED_PROXIES"
  | "NASTAVNIK_PEER_HEADER"
  | "NASTAVNIK_NOW"
  | "NASTAVNIK_TEST_CLOCK"
  | "REMINDERS_DISABLED"
  | "NODE_ENV"
  | "OIDC_ISSUER"
  // Set by vitest: the log stays silent under the tests (lib/observability/logger.ts).
  | "VITEST"
  | "LOG_LEVEL"
  // The launcher's (lib/cli): the port to serve on, and whether `npm start` skips the build.
  | "PORT"
  | "SKIP_BUILD"
  // The session cookie's secrets (lib/auth/session.ts): Auth.js's own names, rotation ones first.
  | "AUTH_SECRET"
  | "AUTH_SECRET_1"
  | "AUTH_SECRET_2"
  | "AUTH_SECRET_3";

/**
 * One variable's current text, for the few read on every use rather than once: the peer flag is set by
 * serve.ts in-process, the proxies and the test clock are switched by tests. Only the names declared above
 * (the schema checked them at start).
 */
export function envVariable(name: EnvVariable): string | undefined {
  return process.env[name];
}

/** Where the embedded database and its generated secret live (git-ignored). */
export function embeddedDataDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; name: string | null };

/** The single sign-on provider, or null when OIDC_* are not set (then nothing about it exists). */
export function oidcSettings(env: Env = readEnv()): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  // The issuer is compared with the `iss` of the provider's tokens: keep it as written (no trailing-slash games).
  return { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME ?? null };
}
