import { getDatabase } from "./db";
import { pendingMigrations } from "./db/migrate";

export type Health = { ok: boolean; database: "up" | "down"; kind?: string; pendingMigrations?: string[]; error?: string };

/** Database reachable and every committed migration applied. */
export async function checkHealth(): Promise<Health> {
  try {
    const db = await getDatabase();
    const pending = await db.withExecutor((ex) => pendingMigrations(ex));
    return { ok: pending.length === 0, database: "up", kind: db.kind, pendingMigrations: pending };
  } catch (error) {
    return { ok: false, database: "down", error: error instanceof Error ? error.message : String(error) };
  }
}
