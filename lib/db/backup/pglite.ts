import { readdir, readFile, rename, rm } from "node:fs/promises";
import { now } from "../../clock";
import { openPGlite } from "../database";
import { readMigrationFiles } from "../migrate";
import { BackupError, HEADER_BYTES, readBackupManifest, unknownMigrations, writeBackupFile, type BackupManifest } from "./container";
import { appliedMigrationNames } from "./fingerprint";
import { consoleText } from "../../i18n/russian-console";

/**
 * The embedded database (PGlite, PGLITE_DIR): its data directory as PGlite dumps it (a gzipped tar,
 * dumpDataDir) and loads it (loadDataDir) — how the test setup copies a migrated database too. PGlite's
 * user is a superuser: the dump holds every organization's rows. The app must be stopped (one process at
 * a time opens the directory). Restore builds the database in a sibling directory and swaps it in only
 * once it has opened, so a failed restore leaves PGLITE_DIR as it was.
 */

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

export async function backupPGlite(dataDir: string, out: string): Promise<BackupManifest> {
  if (await isEmptyDir(dataDir)) throw new BackupError(consoleText("backup.pgliteEmpty", { dataDir }));
  const db = await openPGlite(dataDir);
  let dump: Blob;
  let migrations: string[];
  try {
    migrations = await db.withExecutor((ex) => appliedMigrationNames(ex));
    dump = await db.dumpDataDir("gzip");
  } finally {
    await db.close();
  }
  const bytes = new Uint8Array(await dump.arrayBuffer());
  return writeBackupFile(out, { kind: "pglite", createdAt: now().toISOString(), migrations }, [bytes]);
}

export async function restorePGlite(dataDir: string, file: string, options: { force?: boolean } = {}): Promise<BackupManifest> {
  const manifest = await readBackupManifest(file);
  if (manifest.kind !== "pglite") {
    throw new BackupError(consoleText("backup.postgresCopyIntoPglite"));
  }
  const unknown = unknownMigrations(manifest, (await readMigrationFiles()).map((f) => f.name));
  if (unknown.length) throw new BackupError(consoleText("backup.newerMigrations", { migrations: unknown.join(", ") }));
  const empty = await isEmptyDir(dataDir);
  if (!empty && !options.force) {
    throw new BackupError(consoleText("backup.pgliteNotEmpty", { dataDir }));
  }
  const payload = (await readFile(file)).subarray(HEADER_BYTES);
  const stamp = now().getTime();
  const incoming = `${dataDir}.restoring-${stamp}`;
  await rm(incoming, { recursive: true, force: true });
  try {
    const db = await openPGlite(incoming, { loadDataDir: new Blob([payload], { type: "application/x-gzip" }) });
    await db.withExecutor((ex) => ex.query("SELECT 1"));
    await db.close();
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw new BackupError(consoleText("backup.pgliteUnopenable", { error: error instanceof Error ? error.message : String(error) }));
  }
  const previous = `${dataDir}.replaced-${stamp}`;
  if (!empty) await rename(dataDir, previous);
  else await rm(dataDir, { recursive: true, force: true });
  await rename(incoming, dataDir);
  if (!empty) await rm(previous, { recursive: true, force: true });
  return manifest;
}

