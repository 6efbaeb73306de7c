import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import type { DatabaseKind } from "../database";
import { consoleText } from "../../i18n/russian-console";

/**
 * The file `npm run backup` writes: a header block of HEADER_BYTES — a magic line and a JSON manifest —
 * then the payload (pg_dump's custom-format archive, or PGlite's gzipped data directory). The manifest says
 * which database it came from, which migrations it had, and the payload's size and SHA-256, so that restore
 * refuses a file that is not a backup of this app, of the other kind of database, from a newer version of
 * the app, or truncated/damaged — before anything is changed.
 */
export const BACKUP_MAGIC = "NASTAVNIK-BACKUP";
export const BACKUP_FORMAT = 1;
export const HEADER_BYTES = 64 * 1024;

export type BackupManifest = {
  app: "nastavnik";
  format: number;
  kind: DatabaseKind;
  createdAt: string;
  /** Names of the migrations applied in the database backed up, in order. */
  migrations: string[];
  payloadBytes: number;
  payloadSha256: string;
};

/** A refusal with a message for the operator (Russian); the CLI prints it and exits 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

function headerBlock(manifest: BackupManifest): Buffer {
  const text = `${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > HEADER_BYTES) throw new BackupError(consoleText("backup.headerTooLarge"));
  return Buffer.concat([bytes, Buffer.alloc(HEADER_BYTES - bytes.length, 0x20)]);
}

/**
 * Writes a backup file from a stream of payload chunks: header placeholder, payload (hashed as it goes),
 * then the real header. `out` is written as `out.partial` and renamed at the end, so an interrupted backup
 * never leaves a file that looks whole.
 */
export async function writeBackupFile(
  out: string,
  meta: Omit<BackupManifest, "app" | "format" | "payloadBytes" | "payloadSha256">,
  payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<BackupManifest> {
  const partial = `${out}.partial`;
  let file: FileHandle | null = await open(partial, "w", 0o600);
  try {
    const hash = createHash("sha256");
    let position = HEADER_BYTES;
    await file.write(Buffer.alloc(HEADER_BYTES, 0x20), 0, HEADER_BYTES, 0);
    for await (const chunk of payload) {
      hash.update(chunk);
      await file.write(chunk, 0, chunk.length, position);
      position += chunk.length;
    }
    const manifest: BackupManifest = { app: "nastavnik", format: BACKUP_FORMAT, ...meta, payloadBytes: position - HEADER_BYTES, payloadSha256: hash.digest("hex") };
    if (manifest.payloadBytes === 0) throw new BackupError(consoleText("backup.emptyPayload"));
    await file.write(headerBlock(manifest), 0, HEADER_BYTES, 0);
    await file.sync();
    await file.close();
    file = null;
    await rename(partial, out);
    return manifest;
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

const NOT_A_BACKUP = (file: string) => consoleText("backup.notABackup", { file, magic: BACKUP_MAGIC });

/** Reads and checks the header and the payload's checksum; throws BackupError for anything else. */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch {
    throw new BackupError(consoleText("backup.cannotOpen", { file }));
  }
  let manifest: BackupManifest;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const block = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(block, 0, HEADER_BYTES, 0);
    const text = block.subarray(0, bytesRead).toString("utf8");
    const [magic, json] = text.split("\n", 2);
    if (bytesRead < HEADER_BYTES || magic !== BACKUP_MAGIC || !json) throw new BackupError(NOT_A_BACKUP(file));
    try {
      manifest = JSON.parse(json) as BackupManifest;
    } catch {
      throw new BackupError(NOT_A_BACKUP(file));
    }
  } finally {
    await handle.close();
  }
  const valid =
    manifest.app === "nastavnik" &&
    (manifest.kind === "postgres" || manifest.kind === "pglite") &&
    Array.isArray(manifest.migrations) &&
    Number.isInteger(manifest.payloadBytes) &&
    typeof manifest.payloadSha256 === "string";
  if (!valid) throw new BackupError(NOT_A_BACKUP(file));
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(consoleText("backup.unsupportedFormat", { format: String(manifest.format), expected: String(BACKUP_FORMAT) }));
  if (size !== HEADER_BYTES + manifest.payloadBytes) throw new BackupError(consoleText("backup.sizeMismatch", { file }));
  const hash = createHash("sha256");
  for await (const chunk of payloadStream(file)) hash.update(chunk as Buffer);
  if (hash.digest("hex") !== manifest.payloadSha256) throw new BackupError(consoleText("backup.checksumMismatch", { file }));
  return manifest;
}

/** The payload bytes of a checked backup file. */
export function payloadStream(file: string): NodeJS.ReadableStream {
  return createReadStream(file, { start: HEADER_BYTES });
}

/**
 * A backup made by a newer version of the app has migrations this version does not know: restoring it
 * would give this code a schema it was not written for.
 */
export function unknownMigrations(manifest: BackupManifest, known: string[]): string[] {
  const set = new Set(known);
  return manifest.migrations.filter((name) => !set.has(name));
}
