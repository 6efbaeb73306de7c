import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, pendingMigrations, readMigrationFiles } from "../../lib/db/migrate";
import { checkHealth } from "../../lib/health";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();

describe("migration runner", () => {
  it("bookkeeps every committed migration in _prisma_migrations with Prisma's checksum", async () => {
    const files = await readMigrationFiles();
    const rows = await db().withExecutor((ex) =>
      ex.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(files.map((f) => [f.name, f.checksum, 1]));
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("is idempotent and reports nothing pending", async () => {
    expect(await db().withExecutor((ex) => applyMigrations(ex))).toEqual([]);
    expect(await db().withExecutor((ex) => pendingMigrations(ex))).toEqual([]);
    expect(await checkHealth()).toMatchObject({ ok: true, database: "up", pendingMigrations: [] });
  });

  it("GET /api/health tells a visitor only whether the app is ready: no database kind, no migration names (issue #12)", async () => {
    const { GET } = await import("../../app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("sees a new committed migration as pending, then applies it whole (DO blocks included)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "29991231000000_probe"));
    await writeFile(
      path.join(dir, "29991231000000_probe", "migration.sql"),
      `CREATE TABLE "Probe" (id int);\nDO $$ BEGIN INSERT INTO "Probe" VALUES (1); END $$;\n`,
    );
    const files = await readMigrationFiles(dir);
    expect(await db().withExecutor((ex) => pendingMigrations(ex, files))).toEqual(["29991231000000_probe"]);
    expect(await db().withExecutor((ex) => applyMigrations(ex, { files }))).toEqual(["29991231000000_probe"]);
    const [row] = await db().withExecutor((ex) => ex.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Probe"`));
    expect(row?.n).toBe(1);
  });

  it("rolls a failing migration back and records nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "29991231000001_broken"));
    await writeFile(path.join(dir, "29991231000001_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n`);
    const files = (await readMigrationFiles(dir)).filter((f) => f.name !== "29991231000000_probe");
    await expect(db().withExecutor((ex) => applyMigrations(ex, { files }))).rejects.toThrow();
    const [half] = await db().withExecutor((ex) => ex.query<{ present: boolean }>(`SELECT to_regclass('"Half"') IS NOT NULL AS present`));
    expect(half?.present).toBe(false);
    expect(await db().withExecutor((ex) => pendingMigrations(ex, files))).toEqual(["29991231000001_broken"]);
  });
});
