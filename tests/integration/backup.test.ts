import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setDatabase } from "../../lib/db/connection";
import { openPGlite, openPostgres, type Database } from "../../lib/db/database";
import { withDb } from "../../lib/db";
import { BackupError, HEADER_BYTES, readBackupManifest } from "../../lib/db/backup/container";
import { databaseFingerprint, type TableFingerprint } from "../../lib/db/backup/fingerprint";
import { backupPGlite, restorePGlite } from "../../lib/db/backup/pglite";
import { backupPostgres, restorePostgres } from "../../lib/db/backup/postgres";
import { seedDemo } from "../../prisma/seed";
import { onPostgres, setupTestDatabase } from "../setup/database";

// `npm run backup` / `npm run restore` (issue #20 item 4): a round trip — the demo district (every tenant
// table the seed fills, across its schools and offices), backup, wipe, restore — gives the same fingerprint
// (row counts and a hash of every table's ordered rows, read as a superuser: RLS hides nothing). Refusals —
// a non-empty target without --force, a file that is not a backup, a damaged one — change nothing.

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "nastavnik-backup-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const fingerprintOf = (db: Database) => db.withExecutor((ex) => databaseFingerprint(ex));
const totalRows = (fp: TableFingerprint[]) => fp.reduce((sum, t) => sum + t.rows, 0);

function expectSeeded(fp: TableFingerprint[]) {
  const rows = Object.fromEntries(fp.map((t) => [t.table, t.rows]));
  // Tenant tables of several kinds, so the copy is not just the organizations.
  for (const table of ["Organization", "Membership", "Pair", "Meeting", "MentoringProgram", "_prisma_migrations"]) expect(rows[table], table).toBeGreaterThan(0);
  expect(fp.filter((t) => t.rows > 0).length).toBeGreaterThan(10);
}

async function expectRefused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
}

async function notABackup(): Promise<string> {
  const file = path.join(work, "not-a-backup.bin");
  await writeFile(file, Buffer.alloc(HEADER_BYTES + 100, 7));
  return file;
}

// The round trips open PGlite five times and gzip its data directory: past vitest's 30 s on a busy 2-core machine.
const ROUND_TRIP_TIMEOUT = 180_000;

describe.runIf(!onPostgres)("backup and restore of the embedded database (PGlite)", () => {
  it("round trip: seed, backup, wipe, restore — identical fingerprint; refusals change nothing", { timeout: ROUND_TRIP_TIMEOUT }, async () => {
    const dataDir = path.join(work, "pglite");
    const snapshot = inject("pgliteSnapshot");
    const db = await openPGlite(dataDir, snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {});
    if (!snapshot) throw new Error("the integration setup provides the migrated snapshot");
    await seedDemo(db.prisma);
    const before = await fingerprintOf(db);
    await db.close();
    expectSeeded(before);

    const file = path.join(work, "pglite.backup");
    const manifest = await backupPGlite(dataDir, file);
    expect(manifest).toMatchObject({ app: "nastavnik", kind: "pglite" });
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(await readBackupManifest(file)).toEqual(manifest);

    // The directory holds data: without --force nothing is replaced.
    await expectRefused(restorePGlite(dataDir, file), /не пуста.*--force/);
    // Not a backup, or a damaged one: refused.
    await expectRefused(restorePGlite(dataDir, await notABackup(), { force: true }), /не резервная копия/);
    const damaged = path.join(work, "damaged.backup");
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    await writeFile(damaged, bytes);
    await expectRefused(restorePGlite(dataDir, damaged, { force: true }), /повреждён/);
    await writeFile(damaged, bytes.subarray(0, bytes.length - 1000));
    await expectRefused(restorePGlite(dataDir, damaged, { force: true }), /обрезан/);
    const untouched = await openPGlite(dataDir);
    expect(await fingerprintOf(untouched)).toEqual(before);
    await untouched.close();

    // Wipe, restore into the empty place.
    await rm(dataDir, { recursive: true, force: true });
    await restorePGlite(dataDir, file);
    const restored = await openPGlite(dataDir);
    expect(await fingerprintOf(restored)).toEqual(before);
    // Changed since: --force brings the backup's state back.
    await restored.withExecutor((ex) => ex.exec(`DELETE FROM "LoginAttempt"; INSERT INTO "LoginAttempt" (id, email, ip, success, "createdAt") VALUES (gen_random_uuid(), 'x@example.test', '10.0.0.1', false, now())`));
    expect(await fingerprintOf(restored)).not.toEqual(before);
    await restored.close();
    await restorePGlite(dataDir, file, { force: true });
    const again = await openPGlite(dataDir);
    expect(await fingerprintOf(again)).toEqual(before);
    expect(totalRows(before)).toBeGreaterThan(100);
    await again.close();
  });
});

describe.runIf(onPostgres)("backup and restore of PostgreSQL (pg_dump / pg_restore)", { timeout: ROUND_TRIP_TIMEOUT }, () => {
  const db = setupTestDatabase();
  const admin = (sql: string) =>
    (async () => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    })();
  const targets: string[] = [];
  afterAll(async () => {
    for (const name of targets) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  async function emptyDatabase(): Promise<string> {
    const name = `nastavnik_restore_${Math.random().toString(16).slice(2, 10)}`;
    await admin(`CREATE DATABASE ${name}`);
    targets.push(name);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  it("round trip: seed, backup, restore into an empty database — identical fingerprint, and the app reads it under RLS", async () => {
    await seedDemo(db().prisma);
    const before = await fingerprintOf(db());
    expectSeeded(before);
    const file = path.join(work, "postgres.backup");
    const manifest = await backupPostgres(db().url!, file);
    expect(manifest).toMatchObject({ app: "nastavnik", kind: "postgres" });

    const url = await emptyDatabase();
    await restorePostgres(url, file);
    const restored = await openPostgres(url, { maxConnections: 2 });
    try {
      expect(await fingerprintOf(restored)).toEqual(before);
      // The grants and policies came along: the app's role reads one school's pairs, and only them.
      const school = await restored.prisma.organization.findUniqueOrThrow({ where: { slug: "kovalevskaya-oosh" } });
      setDatabase(restored);
      const pairs = await withDb({ organizationId: school.id }, (tx) => tx.pair.findMany({ select: { organizationId: true } }));
      expect(pairs.length).toBeGreaterThan(0);
      expect(new Set(pairs.map((p) => p.organizationId))).toEqual(new Set([school.id]));
    } finally {
      setDatabase(db());
      await restored.close();
    }
  });

  it("a non-empty database is replaced only with --force, in one transaction; a file that is not a backup changes nothing", async () => {
    const before = await fingerprintOf(db());
    const file = path.join(work, "postgres-2.backup");
    await backupPostgres(db().url!, file);
    // Wipe part of the data (a tenant table's rows) and add a stray table.
    await db().withExecutor((ex) => ex.exec(`DELETE FROM "Meeting"; CREATE TABLE "Stray" (id int); INSERT INTO "Stray" VALUES (1)`));
    const changed = await fingerprintOf(db());
    expect(changed).not.toEqual(before);

    await expectRefused(restorePostgres(db().url!, file), /не пуста.*--force/);
    await expectRefused(restorePostgres(db().url!, await notABackup(), { force: true }), /не резервная копия/);
    expect(await fingerprintOf(db())).toEqual(changed);

    await restorePostgres(db().url!, file, { force: true });
    expect(await fingerprintOf(db())).toEqual(before);
  });

  it("refuses the embedded database's backup and a role that does not see every row", async () => {
    const pgliteFile = path.join(work, "kind.backup");
    const mem = await openPGlite(path.join(work, "kind-pglite"));
    await mem.withExecutor((ex) => ex.exec("CREATE TABLE t (id int)"));
    await mem.close();
    await backupPGlite(path.join(work, "kind-pglite"), pgliteFile);
    await expectRefused(restorePostgres(await emptyDatabase(), pgliteFile), /встроенной базы/);

    const role = `backup_probe_${Math.random().toString(16).slice(2, 8)}`;
    await admin(`CREATE ROLE ${role} LOGIN PASSWORD 'probe-secret'`);
    try {
      const url = new URL(db().url!);
      url.username = role;
      url.password = "probe-secret";
      await expectRefused(backupPostgres(url.toString(), path.join(work, "norls.backup")), /BYPASSRLS/);
    } finally {
      await admin(`DROP ROLE ${role}`);
    }
  });
});
