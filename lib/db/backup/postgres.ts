import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { now } from "../../clock";
import { openPostgres } from "../database";
import { readMigrationFiles, type SqlExecutor } from "../migrate";
import { BackupError, payloadStream, readBackupManifest, unknownMigrations, writeBackupFile, type BackupManifest } from "./container";
import { appliedMigrationNames, publicRelationCount } from "./fingerprint";
import { consoleText } from "../../i18n/russian-console";

/**
 * PostgreSQL: pg_dump's custom format in, pg_restore out (Debian's postgresql-client, the server's major
 * version or newer). Tables force row-level security, so the dump must be made by a role that sees every
 * row — a superuser or a role with BYPASSRLS (pg_dump switches row security off and refuses otherwise).
 * The restore runs as the role the app migrates with: objects become its own (--no-owner), the app's role
 * nastavnik_app is created and granted to it as the first migration does, and the whole script runs in one
 * transaction (psql --single-transaction): a failed restore leaves the database as it was.
 */

/**
 * The URL without its password, which goes to the tools through PGPASSWORD (not visible in `ps`). The
 * environment is handed on to pg_dump/psql as the launcher (lib/cli) hands it on — not read (decision 027).
 */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function withExecutor<T>(url: string, fn: (ex: SqlExecutor) => Promise<T>): Promise<T> {
  const db = await openPostgres(url, { maxConnections: 1, connectTimeoutMs: 10_000 });
  try {
    return await db.withExecutor(fn);
  } finally {
    await db.close();
  }
}

function missingTool(tool: string): BackupError {
  return new BackupError(consoleText("backup.toolMissing", { tool }));
}

/** Collects a child's stderr for the error message (the last lines are what matters). */
function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = "";
  stream?.on("data", (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-4000);
  });
  return () => text.trim();
}

function exited(child: ReturnType<typeof spawn>, tool: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? missingTool(tool) : error));
    child.once("close", (code) => resolve(code ?? 1));
  });
}

export async function backupPostgres(url: string, out: string): Promise<BackupManifest> {
  const { migrations } = await withExecutor(url, async (ex) => {
    const [role] = await ex.query<{ sees_all: boolean }>(`SELECT rolsuper OR rolbypassrls AS sees_all FROM pg_roles WHERE rolname = current_user`);
    if (!role?.sees_all) {
      throw new BackupError(consoleText("backup.roleSeesNotAllRows"));
    }
    return { migrations: await appliedMigrationNames(ex) };
  });
  const { dbname, env } = toolConnection(url);
  const child = spawn("pg_dump", ["--format=custom", "--no-owner", `--dbname=${dbname}`], { env, stdio: ["ignore", "pipe", "pipe"] });
  const stderr = collect(child.stderr);
  const done = exited(child, "pg_dump");
  // The file is written while pg_dump streams; its exit status decides whether the file is kept.
  const written = writeBackupFile(out, { kind: "postgres", createdAt: now().toISOString(), migrations }, child.stdout!);
  const [code] = await Promise.all([done, written.catch(() => undefined)]);
  if (code !== 0) {
    await rm(out, { force: true });
    throw new BackupError(consoleText("backup.pgDumpFailed", { code: String(code), stderr: stderr() }));
  }
  return written;
}

const ENSURE_APP_ROLE = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nastavnik_app') THEN
    CREATE ROLE nastavnik_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'nastavnik_app', 'MEMBER') THEN
    EXECUTE format('GRANT nastavnik_app TO %I', current_user);
  END IF;
END $$;`;

export async function restorePostgres(url: string, file: string, options: { force?: boolean } = {}): Promise<BackupManifest> {
  const manifest = await readBackupManifest(file);
  if (manifest.kind !== "postgres") {
    throw new BackupError(consoleText("backup.pgliteCopyIntoPostgres"));
  }
  const unknown = unknownMigrations(manifest, (await readMigrationFiles()).map((f) => f.name));
  if (unknown.length) throw new BackupError(consoleText("backup.newerMigrations", { migrations: unknown.join(", ") }));
  // The archive must be readable by this pg_restore before anything is dropped.
  const list = spawn("pg_restore", ["--list"], { stdio: ["pipe", "ignore", "pipe"] });
  const listErr = collect(list.stderr);
  const listed = exited(list, "pg_restore");
  await pipeline(payloadStream(file), list.stdin!).catch(() => undefined);
  if ((await listed) !== 0) throw new BackupError(consoleText("backup.archiveUnreadable", { stderr: listErr() }));

  const relations = await withExecutor(url, (ex) => publicRelationCount(ex));
  if (relations > 0 && !options.force) {
    throw new BackupError(consoleText("backup.postgresNotEmpty", { relations: String(relations) }));
  }
  // pg_restore turns the archive into SQL, psql runs it after the prelude in ONE transaction: with --force the
  // old schema is dropped in that same transaction, so a restore that fails leaves the database as it was.
  const prelude = ENSURE_APP_ROLE + (relations > 0 ? `\nDROP SCHEMA public CASCADE;\nCREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\nCOMMENT ON SCHEMA public IS 'standard public schema';\n` : "\n");
  const { dbname, env } = toolConnection(url);
  const sql = spawn("pg_restore", ["--no-owner", "--file=-"], { stdio: ["pipe", "pipe", "pipe"] });
  const psql = spawn("psql", ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--file=-", `--dbname=${dbname}`], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const sqlErr = collect(sql.stderr);
  const psqlErr = collect(psql.stderr);
  const converted = exited(sql, "pg_restore");
  const applied = exited(psql, "psql");
  async function* script() {
    yield Buffer.from(prelude, "utf8");
    for await (const chunk of sql.stdout!) yield chunk as Buffer;
  }
  await Promise.all([
    pipeline(payloadStream(file), sql.stdin!).catch(() => undefined),
    pipeline(Readable.from(script()), psql.stdin!).catch(() => undefined),
  ]);
  const [convertCode, applyCode] = await Promise.all([converted, applied]);
  if (convertCode !== 0) throw new BackupError(consoleText("backup.pgRestoreFailed", { code: String(convertCode), stderr: sqlErr() }));
  if (applyCode !== 0) throw new BackupError(consoleText("backup.psqlFailed", { code: String(applyCode), stderr: psqlErr() }));
  return manifest;
}
