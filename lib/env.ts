import path from "node:path";
import { z } from "zod";

// Environment, validated once. DATABASE_URL unset means the embedded PGlite database.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET должен быть не короче 32 символов").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
