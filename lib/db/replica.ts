import type { Prisma } from "./generated/prisma/client";
import { now } from "../clock";
import { getLogger } from "../observability/logger";
import { getReplicaDatabase } from "./connection";
import { APP_DB_ROLE, withDb, type DbScope } from "./tenant";
import { isDatabaseUnavailable } from "./unavailable";

/**
 * Where a read on the replica was served from, and as of when its data are: the replica's last replayed
 * commit when it lags behind what it received, else the current instant (a replica that has replayed
 * everything it was sent, the primary, a promoted replica).
 */
export type Freshness = { source: "replica" | "primary"; asOf: Date };

type ReplicaState = { recovery: boolean; streaming: boolean; caught_up: boolean | null; lag_ms: number | null };

/** A standby that lost its primary (no WAL receiver): its data may be of any age; read the primary instead. */
class ReplicaDetachedError extends Error {}

// After the replica failed, the primary serves the dashboards for this long before the replica is tried again
// (a replica that does not answer would otherwise cost its connect timeout on every request).
const RETRY_AFTER_MS = 30_000;
const retryKey = Symbol.for("nastavnik.replica.retryAt");
type GlobalWithRetry = typeof globalThis & { [retryKey]?: number };

function replicaResting(): boolean {
  return ((globalThis as GlobalWithRetry)[retryKey] ?? 0) > now().getTime();
}

/** Tests: forget an earlier failure, so the next read tries the replica again. */
export function resetReplicaFailure(): void {
  delete (globalThis as GlobalWithRetry)[retryKey];
}

/** SQLSTATE 40001 on a standby: the query was cancelled by a conflict with recovery (replay needed its rows). */
function isRecoveryConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== "object" || depth > 6 || seen.has(v)) return false;
    seen.add(v);
    const r = v as Record<string, unknown>;
    if (r.code === "40001" || r.originalCode === "40001" || /conflict with recovery/i.test(String(r.message ?? ""))) return true;
    return walk(r.cause, depth + 1) || walk(r.meta, depth + 1);
  };
  return walk(error, 0);
}

/**
 * A read for the district and region dashboards (docs/scaling.md): one read-only transaction on the replica
 * (DATABASE_REPLICA_URL), scoped like withDb — the application role and the tenant settings are transaction-local,
 * which a hot standby accepts. When no replica is configured, when it does not answer, when it has lost its
 * primary, or when recovery cancels the query, the same read runs on the primary (withDb). Nothing may write
 * through it: on the replica the transaction is READ ONLY (a standby refuses writes anyway).
 */
export async function withReplicaDb<T>(scope: DbScope, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<{ value: T; freshness: Freshness }> {
  const replica = replicaResting() ? null : getReplicaDatabase();
  if (replica) {
    try {
      const { prisma } = await replica;
      let freshness: Freshness = { source: "replica", asOf: now() };
      const value = await prisma.$transaction(
        async (tx) => {
          // One round trip: SET LOCAL ROLE, the tenant scope, READ ONLY, and the replica's state. The lag is the
          // replica's clock minus its last replayed commit, applied to the app's clock (lib/clock.ts).
          const [state] = await tx.$queryRaw<ReplicaState[]>`SELECT
            set_config('role', ${APP_DB_ROLE}, true),
            set_config('app.organization_id', ${scope.organizationId ?? ""}, true),
            set_config('app.user_id', ${scope.userId ?? ""}, true),
            set_config('app.invitation_token_hash', ${scope.invitationTokenHash ?? ""}, true),
            set_config('app.survey_token_hash', ${scope.surveyTokenHash ?? ""}, true),
            set_config('transaction_read_only', 'on', true),
            pg_is_in_recovery() AS recovery,
            EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AS streaming,
            pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS caught_up,
            (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS lag_ms`;
          if (!state) throw new ReplicaDetachedError("no state");
          if (state.recovery && !state.streaming) throw new ReplicaDetachedError("the replica has no WAL receiver");
          const lagging = state.recovery && state.caught_up === false && state.lag_ms !== null;
          freshness = { source: "replica", asOf: new Date(now().getTime() - (lagging ? Math.max(0, Number(state.lag_ms)) : 0)) };
          return fn(tx);
        },
        { maxWait: 5_000, timeout: 20_000 },
      );
      return { value, freshness };
    } catch (error) {
      if (!(error instanceof ReplicaDetachedError) && !isDatabaseUnavailable(error) && !isRecoveryConflict(error)) throw error;
      (globalThis as GlobalWithRetry)[retryKey] = now().getTime() + (isRecoveryConflict(error) ? 0 : RETRY_AFTER_MS);
      getLogger().warn({ component: "replica", err: error instanceof Error ? error.message : String(error) }, "replica unavailable: reading the primary");
    }
  }
  const value = await withDb(scope, fn);
  return { value, freshness: { source: "primary", asOf: now() } };
}
