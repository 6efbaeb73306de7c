import { readEnv, embeddedDataDir } from "../env";
import { openPGlite, openPostgres, type Database } from "./database";
import { applyMigrations } from "./migrate";

// One database per process, kept on globalThis so that Next's separate module graphs (pages,
// route handlers, proxy) never open the embedded data directory twice.
const globalKey = Symbol.for("nastavnik.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };

async function openFromEnv(): Promise<Database> {
  const env = readEnv();
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const db = await openPGlite(embeddedDataDir(env));
  // The embedded database migrates itself on open (cheap when already current).
  await db.withExecutor((ex) => applyMigrations(ex));
  return db;
}

export function getDatabase(): Promise<Database> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openFromEnv().catch((error) => {
    delete g[globalKey];
    throw error;
  });
  return g[globalKey];
}

/** Lets tests (and the start script) install the database this process should use. */
export function setDatabase(db: Database | undefined): void {
  const g = globalThis as GlobalWithDb;
  if (db) g[globalKey] = Promise.resolve(db);
  else delete g[globalKey];
}

// The streaming replica the district and region dashboards read (DATABASE_REPLICA_URL, lib/db/replica.ts): a second
// pool and Prisma client, opened on first use; null when unset or on the embedded database. A replica that does not
// answer costs at most REPLICA_CONNECT_TIMEOUT_MS before the reader falls back to the primary.
const replicaKey = Symbol.for("nastavnik.replica");
type GlobalWithReplica = typeof globalThis & { [replicaKey]?: Promise<Database> | null };
const REPLICA_CONNECT_TIMEOUT_MS = 3_000;

export function getReplicaDatabase(): Promise<Database> | null {
  const g = globalThis as GlobalWithReplica;
  if (g[replicaKey] === undefined) {
    const env = readEnv();
    g[replicaKey] = env.DATABASE_URL && env.DATABASE_REPLICA_URL ? openPostgres(env.DATABASE_REPLICA_URL, { connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS, watch: false }) : null;
  }
  return g[replicaKey];
}

/** Lets tests install the replica this process should read (null: none; undefined: from the environment again). */
export function setReplicaDatabase(db: Database | null | undefined): void {
  const g = globalThis as GlobalWithReplica;
  if (db === undefined) delete g[replicaKey];
  else g[replicaKey] = db === null ? null : Promise.resolve(db);
}
