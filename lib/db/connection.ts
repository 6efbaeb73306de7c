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
