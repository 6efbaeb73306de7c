import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getLogger } from "../observability/logger";
import { consoleText } from "../i18n/russian-console";

/** The minimal SQL surface the migration runner needs; PGlite and node-postgres both provide it. */
export interface SqlExecutor {
  /** Runs a whole script as one simple-protocol query (keeps DO $$ … $$ blocks intact). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

export type MigrationFile = { name: string; sql: string; checksum: string };

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
// Prisma's own advisory-lock key, so our runner and the Prisma CLI never migrate at the same time.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

async function appliedMigrations(db: SqlExecutor): Promise<AppliedRow[]> {
  const exists = await db.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!exists[0]?.present) return [];
  return db.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
}

/** Names of committed migrations that the database has not finished applying. */
export async function pendingMigrations(db: SqlExecutor, files?: MigrationFile[]): Promise<string[]> {
  const all = files ?? (await readMigrationFiles());
  const done = new Set(
    (await appliedMigrations(db)).filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
  );
  return all.filter((f) => !done.has(f.name)).map((f) => f.name);
}

/**
 * Applies committed migrations in order, each in its own transaction, bookkept in Prisma's
 * `_prisma_migrations` table exactly as `prisma migrate deploy` would, so the CLI agrees afterwards.
 */
export async function applyMigrations(
  db: SqlExecutor,
  options: { files?: MigrationFile[]; advisoryLock?: boolean } = {},
): Promise<string[]> {
  const files = options.files ?? (await readMigrationFiles());
  // Nothing to apply (the usual start of an instance): no lock. A session-level advisory lock cannot be held
  // through PgBouncer in transaction mode — its unlock may reach another server connection and leave the lock
  // taken — so behind a pooler migrations are applied beforehand on the primary itself (docs/operations.md).
  if (options.advisoryLock && (await pendingMigrations(db, files)).length === 0) return [];
  if (options.advisoryLock) await db.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`);
  try {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const applied = await appliedMigrations(db);
    const failed = applied.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) throw new Error(consoleText("db.migrationFailedBefore", { migration: failed.migration_name }));
    const done = new Map(applied.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
    const newlyApplied: string[] = [];
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous) {
        if (previous.checksum !== file.checksum) {
          getLogger().warn({ component: "migrate", migration: file.name }, "migration was edited after it was applied (checksum differs)");
        }
        continue;
      }
      await db.transaction(async (tx) => {
        await tx.exec(file.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
      });
      newlyApplied.push(file.name);
    }
    return newlyApplied;
  } finally {
    if (options.advisoryLock) await db.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK})`);
  }
}
