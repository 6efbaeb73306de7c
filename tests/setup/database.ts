import { randomBytes } from "node:crypto";
import pg from "pg";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { openPGlite, openPostgres, type Database } from "../../lib/db/database";
import { setDatabase } from "../../lib/db/connection";
import { applyMigrations } from "../../lib/db/migrate";
import { databaseUrl } from "./postgres";

export const onPostgres = process.env.TEST_DB === "postgres";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL (dropped afterwards). Installed as the app's database.
 * The migrations ran once for the whole run (global-database.ts): PGlite loads their result, PostgreSQL
 * copies the template; a file run without that setup migrates its own.
 */
export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<Database & { url?: string }> {
  if (!onPostgres) {
    const snapshot = inject("pgliteSnapshot");
    const db = await openPGlite("memory://", snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {});
    if (!snapshot) await db.withExecutor((ex) => applyMigrations(ex));
    setDatabase(db);
    return db;
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is required for the PostgreSQL project");
  const name = `nastavnik_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const template = inject("postgresTemplate");
  await client.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await client.end();
  const url = databaseUrl(admin, name);
  const db = await openPostgres(url, { maxConnections: options.maxConnections ?? 4 });
  if (!template) await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
  setDatabase(db);
  const close = db.close;
  return Object.assign(db, {
    url,
    async close() {
      await close();
      setDatabase(undefined);
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  });
}

/** beforeAll/afterAll wiring: returns a getter for the file's database (a larger pool on request, PostgreSQL only). */
export function setupTestDatabase(options: { maxConnections?: number } = {}): () => Database & { url?: string } {
  let db: (Database & { url?: string }) | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(options);
  });
  afterAll(async () => {
    await db?.close();
    setDatabase(undefined);
  });
  return () => {
    if (!db) throw new Error("database not ready");
    return db;
  };
}
