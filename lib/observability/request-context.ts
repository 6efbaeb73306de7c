import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The request a piece of server code runs for: its id goes on every log line (lib/observability/logger.ts).
 * lib/cli/serve.ts opens the context around Next's handler; everything Next runs for that request (pages,
 * server actions, route handlers) continues in it. The storage lives on globalThis: the server script and
 * Next's bundles load this file as separate module instances, and they must share one store.
 */
export type RequestContext = { requestId: string };

const key = Symbol.for("nastavnik.requestContext");
type GlobalWithContext = typeof globalThis & { [key]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as GlobalWithContext;
  g[key] ??= new AsyncLocalStorage<RequestContext>();
  return g[key];
}

export const REQUEST_ID_HEADER = "x-request-id";

/** What a proxy's id may look like: short, and nothing a log line or a header could be broken with. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The id of the request: the trusted proxy's one if it sent a sane one, a fresh one otherwise. */
export function chooseRequestId(incoming: string | string[] | null | undefined, fromTrustedProxy: boolean): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (fromTrustedProxy && value && ACCEPTABLE_ID.test(value)) return value;
  return randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

/** The current request's id, or undefined outside a request (start-up, the reminder loop, scripts). */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
