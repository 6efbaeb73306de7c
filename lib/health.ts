import { getLogger } from "./observability/logger";
import { getDatabase } from "./db";
import { pendingMigrations } from "./db/migrate";
import { consoleText } from "./i18n/russian-console";

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

const NO_STORE = { "cache-control": "no-store" };

/**
 * Readiness (GET /api/health and /api/health/ready): 200 {ok: true} when the app can serve, 503 otherwise
 * with a short reason anyone may read — the database is unreachable, or migrations are not applied. The
 * details (the error, the migrations' names) go to the server log, not to the visitor (issue #12).
 */
export async function readinessResponse(): Promise<Response> {
  const health = await checkHealth();
  if (health.ok) return Response.json({ ok: true }, { headers: NO_STORE });
  getLogger().error({ component: "health", database: health.database, error: health.error, pendingMigrations: health.pendingMigrations }, "not ready");
  const body =
    health.database === "down"
      ? { ok: false, reason: "database", message: consoleText("health.databaseDown") }
      : { ok: false, reason: "migrations", message: consoleText("health.migrationsPending") };
  return Response.json(body, { status: 503, headers: NO_STORE });
}

/** Liveness (GET /api/health/live): the process answers. No database: a database outage must not get it restarted. */
export function livenessResponse(): Response {
  return Response.json({ ok: true }, { headers: NO_STORE });
}
