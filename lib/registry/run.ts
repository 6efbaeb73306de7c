// The steps every way into the registry shares: read the file, load what exists, check every row.
import type { Tx } from "../db";
import { checkRegistryRows, type RegistryCheck, type RegistryParent } from "./check";
import { loadRegistryExisting } from "./import";
import { readRegistrySheet, type ReadProblem, type RegistrySheet } from "./read";

export type CheckedFile = { ok: true; sheet: RegistrySheet; check: RegistryCheck } | { ok: false; problem: ReadProblem };

/** Reads a list and checks it against the database as it is inside `tx` (call lockRegistry first when importing). */
export async function checkRegistryFile(tx: Tx, parent: RegistryParent, bytes: Uint8Array, fileName: string, slugEdits: Record<string, string> = {}): Promise<CheckedFile> {
  const read = await readRegistrySheet(bytes, fileName);
  if (!read.ok) return read;
  const existing = await loadRegistryExisting(tx, parent?.id ?? null);
  return { ok: true, sheet: read.sheet, check: checkRegistryRows(read.sheet.rows, parent, existing, slugEdits) };
}
