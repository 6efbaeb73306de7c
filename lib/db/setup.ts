import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { embeddedDataDir, readEnv, type Env } from "../env";
import { openPGlite, openPostgres, type Database } from "./database";
import { applyMigrations } from "./migrate";
import { formatDemoLogins, seedDemo } from "../../prisma/seed";
import { seedDemoOperator } from "../../prisma/seed-operator";
import { consoleText } from "../i18n/russian-console";

export async function openConfiguredDatabase(env: Env = readEnv()): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { maxConnections: 2 }) : openPGlite(embeddedDataDir(env));
}

/**
 * Start-up work before the server runs: apply committed migrations; on the embedded database also
 * seed the demo district on first start. PostgreSQL gets demo data only when asked (seed: true).
 */
export async function prepareDatabase(options: { seed?: boolean; log?: (line: string) => void } = {}) {
  const env = readEnv();
  const log = options.log ?? console.log;
  const db = await openConfiguredDatabase(env);
  try {
    const applied = await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: db.kind === "postgres" }));
    log(applied.length ? consoleText("db.migrationsApplied", { migrations: applied.join(", ") }) : consoleText("db.schemaUpToDate"));
    if (db.kind === "pglite" || options.seed) {
      const { created, logins } = await seedDemo(db.prisma);
      // The platform operator of the demo: a separate step (prisma/seed-operator.ts), listed with the demo logins.
      const operator = await seedDemoOperator(db.prisma);
      if (created) log(consoleText("db.demoCreated", { logins: formatDemoLogins(logins), operator: operator.line }));
      else if (db.kind === "pglite") log(consoleText("db.demoPresent", { logins: formatDemoLogins(logins), operator: operator.line }));
    }
    return { kind: db.kind };
  } finally {
    await db.close();
  }
}

/** The embedded mode keeps its own AUTH_SECRET beside the data; PostgreSQL mode must be given one. */
export async function resolveAuthSecret(): Promise<string> {
  const env = readEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.DATABASE_URL) {
    throw new Error(
      `${consoleText("db.authSecretMissing")}\nAUTH_SECRET is required when DATABASE_URL is set.`,
    );
  }
  const file = path.join(path.dirname(embeddedDataDir(env)), "auth-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, secret + "\n", { mode: 0o600 });
    return secret;
  }
}
