import path from "node:path";
import { z } from "zod";

// Environment, validated once. DATABASE_URL unset means the embedded PGlite database.
// OIDC_*: single sign-on through an OpenID Connect provider (docs/decisions/021) — all three of issuer,
// client id and secret, or none (then the login page has no such button and Auth.js no such provider).
// LOG_LEVEL and METRICS_TOKEN: docs/operations.md (the log's level; the bearer token /api/metrics answers to).
const EnvSchema = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET должен быть не короче 32 символов").optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    OIDC_ISSUER: z
      .string()
      .url("OIDC_ISSUER должен быть адресом поставщика (https://…)")
      .refine((v) => /^https?:\/\//.test(v), "OIDC_ISSUER должен начинаться с https:// (или http:// в закрытой сети)")
      .optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    OIDC_NAME: z.string().trim().min(1).max(80, "OIDC_NAME не длиннее 80 символов").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "LOG_LEVEL: fatal, error, warn, info, debug, trace или silent").optional(),
    METRICS_TOKEN: z.string().min(32, "METRICS_TOKEN должен быть не короче 32 символов").max(512).optional(),
  })
  .superRefine((env, ctx) => {
    const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter((v) => v !== undefined).length;
    if (set !== 0 && set !== 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "Для входа через OIDC нужны все три переменные: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  return EnvSchema.parse(clean);
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
