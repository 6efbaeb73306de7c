import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPGlite, openPostgres } from "../../lib/db/database";
import { applyMigrations } from "../../lib/db/migrate";
import { databaseUrl, withClient } from "./postgres";

// Migrating a fresh database for every test file cost 3–25 s of CPU per file (19 migrations, row-level
// security, functions) — minutes of the integration suite on 2 cores. The migrations run ONCE per run here,
// and each file gets a copy: PGlite loads the migrated data directory from a tar, PostgreSQL clones a
// template database. Each file still gets its own database, so nothing one file writes is seen by another.

declare module "vitest" {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data directory (PGlite project). */
    pgliteSnapshot: string;
    /** The name of a migrated template database on TEST_DATABASE_URL's server (PostgreSQL projects). */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.config.env?.TEST_DB !== "postgres") {
    const dir = mkdtempSync(path.join(tmpdir(), "nastavnik-pglite-"));
    const file = path.join(dir, "migrated.tar");
    const db = await openPGlite("memory://");
    await db.withExecutor((ex) => applyMigrations(ex));
    writeFileSync(file, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
    await db.close();
    project.provide("pgliteSnapshot", file);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is required for the PostgreSQL projects");
  const template = `nastavnik_template_${randomBytes(6).toString("hex")}`;
  await withClient(process.env.TEST_DATABASE_URL, (c) => c.query(`CREATE DATABASE ${template}`));
  const db = await openPostgres(databaseUrl(base, template), { maxConnections: 1 });
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
  await db.close(); // a template must have no connections while it is copied
  project.provide("postgresTemplate", template);
  return async () => {
    await withClient(process.env.TEST_DATABASE_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}
