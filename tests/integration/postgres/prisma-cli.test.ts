// The real Prisma CLI, offline, against a real PostgreSQL (TEST_DATABASE_URL): proves that
// prisma.config.ts routes the CLI to our wasm schema-engine bridge (prisma/schema-engine), that
// the committed migrations apply cleanly and produce exactly prisma/schema.prisma, and that the
// `migrate dev` / `migrate reset` round trip works.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClient } from "../../setup/postgres";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const prismaBin = path.join(repoRoot, "node_modules", ".bin", "prisma");
const adminUrl = process.env.TEST_DATABASE_URL ?? "";
const CLI_TIMEOUT = 60_000;

const createdDbs: string[] = [];
const tempDirs: string[] = [];

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, empty database (or just a reserved name when `create` is false: the CLI creates it). */
async function freshDatabase(create = true): Promise<string> {
  const name = `prisma_cli_test_${randomBytes(6).toString("hex")}`;
  createdDbs.push(name);
  if (create) await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return urlFor(name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type CliResult = { code: number | null; stdout: string; stderr: string; output: string };

/** Runs `prisma …` like a user would, with no PRISMA_* variables and no way to download anything. */
function prisma(args: string[], { cwd = repoRoot, databaseUrl }: { cwd?: string; databaseUrl: string }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: "1", // no update check / telemetry
    // Any attempt to fetch an engine fails at once instead of hanging.
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    http_proxy: "http://127.0.0.1:9",
    https_proxy: "http://127.0.0.1:9",
    NO_PROXY: "",
    no_proxy: "",
  };
  for (const key of Object.keys(env)) {
    if (key.startsWith("PRISMA_") || key === "SHADOW_DATABASE_URL") delete env[key];
  }
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(prismaBin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
}

const committedMigrations = readdirSync(path.join(repoRoot, "prisma", "migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

beforeAll(() => {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL must point at a PostgreSQL server");
});

afterAll(async () => {
  if (adminUrl) {
    await withClient(adminUrl, async (c) => {
      for (const name of createdDbs) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("prisma CLI through the offline schema-engine bridge", () => {
  let deployedUrl = "";

  it("has committed migrations", () => {
    expect(committedMigrations[0]).toBe("20261125000000_init");
  });

  it("migrate deploy applies every committed migration to a fresh database", { timeout: CLI_TIMEOUT }, async () => {
    deployedUrl = await freshDatabase(false); // the CLI creates it through `cli create-database`
    const result = await prisma(["migrate", "deploy"], { databaseUrl: deployedUrl });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("All migrations have been successfully applied");

    const rows = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      deployedUrl,
      `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committedMigrations);
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

    // Hand-written SQL (DO $$ … $$ blocks, functions, policies) arrives intact, not split on `;`.
    const sql = committedMigrations
      .map((m) => readFileSync(path.join(repoRoot, "prisma", "migrations", m, "migration.sql"), "utf8"))
      .join("\n");
    if (/CREATE POLICY/i.test(sql)) {
      const policies = await query<{ n: number }>(deployedUrl, `SELECT count(*)::int AS n FROM pg_policies`);
      expect(policies[0]?.n).toBeGreaterThan(0);
    }
  });

  it("migrate status then reports the schema as up to date", { timeout: CLI_TIMEOUT }, async () => {
    const result = await prisma(["migrate", "status"], { databaseUrl: deployedUrl });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("Database schema is up to date!");
  });

  it("the committed migrations produce exactly schema.prisma (no drift)", { timeout: CLI_TIMEOUT }, async () => {
    // Replays the migrations into a temporary shadow database created and dropped by the bridge.
    const fromMigrations = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { databaseUrl: deployedUrl },
    );
    expect(fromMigrations.code, fromMigrations.output).toBe(0);
    expect(fromMigrations.stdout).toContain("No difference detected.");

    // And the database `migrate deploy` built matches the schema too.
    const fromDatabase = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { databaseUrl: deployedUrl },
    );
    expect(fromDatabase.code, fromDatabase.output).toBe(0);
    expect(fromDatabase.stdout).toContain("No difference detected.");
  });

  it("migrate dev creates a migration for a changed schema, and migrate reset --force works", { timeout: CLI_TIMEOUT }, async () => {
    // A throwaway project: copies of the config, schema and migrations; the bridge and
    // node_modules are the repository's own (symlinked).
    const dir = mkdtempSync(path.join(tmpdir(), "nastavnik-prisma-cli-"));
    tempDirs.push(dir);
    cpSync(path.join(repoRoot, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
    cpSync(path.join(repoRoot, "prisma", "migrations"), path.join(dir, "prisma", "migrations"), { recursive: true });
    symlinkSync(path.join(repoRoot, "prisma", "schema-engine"), path.join(dir, "prisma", "schema-engine"), "dir");
    symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    const schema = readFileSync(path.join(repoRoot, "prisma", "schema.prisma"), "utf8");
    writeFileSync(
      path.join(dir, "prisma", "schema.prisma"),
      `${schema}\nmodel CliRoundTripProbe {\n  id   Int    @id @default(autoincrement())\n  note String\n}\n`,
    );

    const databaseUrl = await freshDatabase();
    const dev = await prisma(["migrate", "dev", "--name", "round_trip_probe"], { cwd: dir, databaseUrl });
    expect(dev.code, dev.output).toBe(0);
    expect(dev.stdout).toContain("Your database is now in sync with your schema.");

    const created = readdirSync(path.join(dir, "prisma", "migrations")).filter((d) => d.endsWith("_round_trip_probe"));
    expect(created).toHaveLength(1);
    const newMigration = created[0] ?? "";
    const sql = readFileSync(path.join(dir, "prisma", "migrations", newMigration, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "CliRoundTripProbe"');
    expect(sql).not.toContain('"Organization"'); // only the change, nothing already migrated

    await query(databaseUrl, `INSERT INTO "CliRoundTripProbe" (note) VALUES ('to be wiped')`);
    const reset = await prisma(["migrate", "reset", "--force"], { cwd: dir, databaseUrl });
    expect(reset.code, reset.output).toBe(0);
    expect(reset.stdout).toContain("Database reset successful");
    expect(await query(databaseUrl, `SELECT * FROM "CliRoundTripProbe"`)).toEqual([]);
    const applied = await query<{ migration_name: string }>(
      databaseUrl,
      `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(applied.map((r) => r.migration_name)).toEqual([...committedMigrations, newMigration]);
  });
});
