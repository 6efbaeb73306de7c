import { AsyncLocalStorage } from "node:async_hooks";

/**
 * How a page's request learns that the database was unreachable while it was rendered (decision 015).
 * The HTTP server (lib/cli/serve.ts) runs each request inside this storage; withDb marks the request
 * when it classifies a failure as an outage; the server then answers 503 with the «service unavailable»
 * page instead of Next's 500. Kept on globalThis: serve.ts and Next's bundles are separate module
 * graphs in one process. No dependencies, so serve.ts can import it cheaply.
 */
export type OutageMark = { databaseUnavailable: boolean };

const key = Symbol.for("nastavnik.request-outage");
type GlobalWithOutage = typeof globalThis & { [key]?: AsyncLocalStorage<OutageMark> };

export function outageStorage(): AsyncLocalStorage<OutageMark> {
  const g = globalThis as GlobalWithOutage;
  g[key] ??= new AsyncLocalStorage<OutageMark>();
  return g[key];
}

/** Marks the current request (if any runs inside the storage) as having met an unreachable database. */
export function markDatabaseUnavailable(): void {
  const mark = outageStorage().getStore();
  if (mark) mark.databaseUnavailable = true;
}
