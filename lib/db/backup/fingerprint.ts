import { createHash } from "node:crypto";
import type { SqlExecutor } from "../migrate";

export type TableFingerprint = { table: string; rows: number; sha256: string };

/**
 * Every table of the schema `public` with its row count and a hash of its rows in a fixed order (each row
 * as PostgreSQL's text of the whole record, sorted): two databases with the same fingerprint hold the same
 * data. Run it as a role that sees every row (a superuser: RLS hides other tenants' rows from anyone else).
 */
export async function databaseFingerprint(db: SqlExecutor): Promise<TableFingerprint[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const out: TableFingerprint[] = [];
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${quoted} t ORDER BY 1`);
    const hash = createHash("sha256");
    for (const { row } of rows) hash.update(row).update("\n");
    out.push({ table: name, rows: rows.length, sha256: hash.digest("hex") });
  }
  return out;
}

/** How many relations the schema `public` holds: 0 is an empty database, anything else is not. */
export async function publicRelationCount(db: SqlExecutor): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  );
  return row?.n ?? 0;
}

/** The names of the migrations applied (none when the bookkeeping table is missing). */
export async function appliedMigrationNames(db: SqlExecutor): Promise<string[]> {
  const [exists] = await db.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!exists?.present) return [];
  const rows = await db.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}
