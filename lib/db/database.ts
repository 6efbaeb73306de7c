import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client";
import type { SqlExecutor } from "./migrate";

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

export async function openPGlite(dataDir: string | undefined): Promise<Database> {
  if (dataDir && !dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    kind: "pglite",
    prisma,
    withExecutor: (fn) => fn(pgliteExecutor(client, client)),
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

export async function openPostgres(
  connectionString: string,
  options: { maxConnections?: number; connectTimeoutMs?: number } = {},
): Promise<Database> {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  // The adapter listens for 'error' on the pool (idle clients) and on each client during a
  // transaction, and pg-pool drops broken clients on release: after a server restart the same pool
  // reconnects by itself (tests/faults/postgres-restart.test.ts).
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: options.maxConnections ?? 10, connectionTimeoutMillis: connectTimeoutMs }),
  });
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
      await prisma.$disconnect();
    },
  };
}
