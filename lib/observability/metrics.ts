import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's metrics in Prometheus' text format (/api/metrics, docs/operations.md). Per process: with two
 * app instances (docs/scaling.md) Prometheus scrapes each and sums. Labels are bounded on purpose — a route
 * is its pattern from Next's route list (lib/observability/route-patterns.ts), an action its registered
 * name, an outcome "ok" or a refusal code — so a visitor's addresses never become new series.
 * Kept on globalThis: the server script and Next's bundles load this file as separate module instances.
 */

/** What is read of node-postgres' pool (lib/db/database.ts makes it; only lib/db imports pg). */
type Pool = { totalCount: number; idleCount: number; waitingCount: number; options: { max?: number } };

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  actions: Counter<"action" | "outcome">;
  actionDuration: Histogram<"action" | "outcome">;
  reminderEmails: Counter<"outcome">;
  pools: Set<Pool>;
};

const key = Symbol.for("nastavnik.metrics");
type GlobalWithMetrics = typeof globalThis & { [key]?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  const pools = new Set<Pool>();
  collectDefaultMetrics({ register: registry, prefix: "nastavnik_" });
  const sumPools = (read: (pool: Pool) => number) => [...pools].reduce((sum, pool) => sum + read(pool), 0);
  new Gauge({
    name: "nastavnik_db_pool_connections",
    help: "Connections of the PostgreSQL pool: total open, idle, and requests waiting for one (none on the embedded database)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      if (pools.size === 0) return;
      this.set({ state: "total" }, sumPools((p) => p.totalCount));
      this.set({ state: "idle" }, sumPools((p) => p.idleCount));
      this.set({ state: "waiting" }, sumPools((p) => p.waitingCount));
    },
  });
  new Gauge({
    name: "nastavnik_db_pool_max",
    help: "The PostgreSQL pool's size limit",
    registers: [registry],
    collect() {
      if (pools.size > 0) this.set(sumPools((p) => p.options.max ?? 10));
    },
  });
  return {
    registry,
    pools,
    httpRequests: new Counter({ name: "nastavnik_http_requests_total", help: "HTTP requests answered, by route pattern and status", labelNames: ["method", "route", "status"], registers: [registry] }),
    httpDuration: new Histogram({
      name: "nastavnik_http_request_duration_seconds",
      help: "Time to answer an HTTP request (until the response ended), by route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    actions: new Counter({ name: "nastavnik_actions_total", help: "Actions run (lib/actions/action.ts), by name and outcome: ok or the refusal code", labelNames: ["action", "outcome"], registers: [registry] }),
    actionDuration: new Histogram({
      name: "nastavnik_action_duration_seconds",
      help: "Time an action took, by name and outcome",
      labelNames: ["action", "outcome"],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    reminderEmails: new Counter({ name: "nastavnik_reminder_emails_total", help: "Reminder e-mails handed to the mail server (sent) or refused by it (failed)", labelNames: ["outcome"], registers: [registry] }),
  };
}

export function metrics(): Metrics {
  const g = globalThis as GlobalWithMetrics;
  g[key] ??= create();
  return g[key];
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function observeHttpRequest(sample: { method: string | undefined; route: string; status: number; seconds: number }): void {
  const method = sample.method && METHODS.has(sample.method) ? sample.method : "OTHER";
  const labels = { method, route: sample.route, status: String(sample.status) };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, sample.seconds);
}

export function observeAction(action: string, outcome: string, seconds: number): void {
  const m = metrics();
  m.actions.inc({ action, outcome });
  m.actionDuration.observe({ action, outcome }, seconds);
}

export function countReminderEmails(sent: number, failed: number): void {
  const m = metrics();
  if (sent) m.reminderEmails.inc({ outcome: "sent" }, sent);
  if (failed) m.reminderEmails.inc({ outcome: "failed" }, failed);
}

/** The database pool to report on (lib/db/database.ts); the returned function forgets it (on close). */
export function watchPool(pool: Pool): () => void {
  const { pools } = metrics();
  pools.add(pool);
  return () => pools.delete(pool);
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
