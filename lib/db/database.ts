import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client";
import type { SqlExecutor } from "./migrate";
import { watchPool } from "../observability/metrics";

/**
 * The only place that creates database clients. PGlite (PostgreSQL in WebAssembly, in-process) when
 * no DATABASE_URL is given, PostgreSQL through node-postgres otherwise — same migrations, same RLS.
 */
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs fn with a raw SQL executor (migrations, seeds, tests); closed afterwards for PostgreSQL. */
  withExecutor<T>(fn: (db: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type PGliteLike = Pick<PGlite, "exec" | "query"> | PGliteTransaction;

function pgliteExecutor(client: PGliteLike, root: PGlite): SqlExecutor {
  return {
    async exec(sql) {
      await client.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    transaction(fn) {
      if (client !== root) throw new Error("nested transactions are not supported");
      return root.transaction((tx) => fn(pgliteExecutor(tx, root)));
    },
  };
}

function pgExecutor(client: pg.ClientBase): SqlExecutor {
  const self: SqlExecutor = {
    async exec(sql) {
      await client.query(sql); // no parameters: simple protocol, multi-statement scripts stay whole
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const result = await fn(self);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
  return self;
}

export async function openPGlite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<Database & { dumpDataDir(compression?: "none" | "gzip"): Promise<Blob> }> {
  if (dataDir && !dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    kind: "pglite",
    prisma,
    withExecutor: (fn) => fn(pgliteExecutor(client, client)),
    dumpDataDir: (compression = "none") => client.dumpDataDir(compression),
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

/**
 * How long opening a PostgreSQL connection may take before the request fails. Without a limit a
 * server that accepts TCP but never answers (hung, or a stuck proxy in front of it) keeps every
 * pool slot waiting forever, and the pool never recovers (tests/faults/postgres-restart.test.ts).
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * node-postgres' client without two references it keeps too long. Opening a connection arms two timers for
 * `connectionTimeoutMillis` — the client's own and the pool's — and both are cleared once connected, but the
 * client keeps its handle, and the listeners it registers while connecting keep the pool's connect callback,
 * whose closure holds the pool's handle. A Node timer holds the async context it was created in (every
 * AsyncLocalStorage store), and a pool opens a connection inside whatever request first needs one: the kept
 * handles kept that request's Next stores alive, and through them the request, its response and its render —
 * and, through those stores, other requests. Heap snapshots after 3,000 page GETs: 450 requests retained
 * (Prisma also keeps its last 100 closed transactions, each with its client, so clients outlive the pool).
 * Here the client forgets its handle and calls the pool back through a wrapper that lets go of the callback
 * once it has run. Nothing else changes: pg only ever clears the handle (`clearTimeout(undefined)` is a
 * no-op) and calls the connect callback once.
 */
type ConnectCallback = (err: Error | null, client?: pg.Client) => void;
class PgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // "connect" is emitted once the connection is ready; a failed connect drops the client altogether.
    this.once("connect", () => {
      (this as unknown as { connectionTimeoutHandle?: unknown }).connectionTimeoutHandle = undefined;
    });
    const connect = pg.Client.prototype.connect as (this: pg.Client, callback?: ConnectCallback) => Promise<void> | void;
    (this as unknown as { connect: typeof connect }).connect = function (this: pg.Client, callback?: ConnectCallback) {
      if (!callback) return connect.call(this);
      let pending: ConnectCallback | undefined = callback;
      return connect.call(this, (err, client) => {
        const call = pending;
        pending = undefined;
        call?.(err, client);
      });
    };
  }
}

export async function openPostgres(
  connectionString: string,
  options: { maxConnections?: number; connectTimeoutMs?: number; watch?: boolean } = {},
): Promise<Database> {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  // The adapter listens for 'error' on the pool (idle clients) and on each client during a
  // transaction, and pg-pool drops broken clients on release: after a server restart the same pool
  // reconnects by itself (tests/faults/postgres-restart.test.ts).
  // The pool is made here, not by the adapter, so that /api/metrics can report on it (lib/observability/metrics.ts);
  // the adapter ends it on $disconnect (disposeExternalPool), as it ended its own.
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, connectionTimeoutMillis: connectTimeoutMs, Client: PgClient });
  // The replica's pool (lib/db/replica.ts) stays out of the primary's pool metrics (watch: false).
  const forgetPool = options.watch === false ? () => undefined : watchPool(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return {
    kind: "postgres",
    prisma,
    async withExecutor(fn) {
      const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs });
      // node-postgres emits 'error' on the client when the server goes away (a restart, a crash,
      // `pg_terminate_backend`), even between queries; unheard, that event kills the whole process.
      // The next query rejects anyway ("Client has encountered a connection error…").
      client.on("error", () => undefined);
      await client.connect();
      try {
        return await fn(pgExecutor(client));
      } finally {
        await client.end();
      }
    },
    async close() {
      forgetPool();
      await prisma.$disconnect();
    },
  };
}
