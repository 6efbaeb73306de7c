// Is the database unreachable? One classifier for every path (pages, actions, the health check), for
// PostgreSQL through node-postgres and the Prisma adapter, and for the embedded PGlite (decision 015).
// "Unreachable" means the request could not get an answer from the server: refused or reset
// connections, a connection closed under a query (a restart, a crash, `pg_terminate_backend`), a server
// starting up or shutting down, a connection or pool wait that timed out. A query the server answered
// with an error (a constraint, a type, a policy) is not an outage.

/** Prisma's codes for a server it cannot reach or that went away, and for a pool that gave no connection in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Node's socket errors on a connection to the server. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/**
 * PostgreSQL's SQLSTATEs: class 08 (connection exception), 57P01–57P03 (administrator or crash shutdown,
 * cannot connect now: starting up or shutting down), 53300 (too many connections).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** What the same failures say where no code survives (node-postgres, pg-pool, the adapters, PGlite). */
const MESSAGES = [
  /Connection terminated/i,
  /not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Unable to start a transaction in the given time/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /PGlite is closed/i,
  /\bECONNREFUSED\b|\bECONNRESET\b/,
];

/** Thrown by withDb in place of the driver's error when the database could not be reached (the cause is kept). */
export class DatabaseUnavailableError extends Error {
  constructor(readonly cause: unknown) {
    super(`Database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "DatabaseUnavailableError";
  }
}

function codesOf(value: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of ["code", "originalCode", "sqlState"]) {
    const code = value[field];
    if (typeof code === "string") out.push(code);
  }
  return out;
}

function unreachable(value: unknown, depth: number, seen: Set<unknown>): boolean {
  if (value === null || typeof value !== "object" || depth > 8 || seen.has(value)) return false;
  seen.add(value);
  if (value instanceof DatabaseUnavailableError) return true;
  const record = value as Record<string, unknown>;
  for (const code of codesOf(record)) {
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true;
  }
  // The adapter's error kinds (Prisma maps them to P1001/P1017, but a raw DriverAdapterError has only the kind).
  if (record.kind === "DatabaseNotReachable" || record.kind === "ConnectionClosed" || record.kind === "SocketTimeout") return true;
  const message = typeof record.message === "string" ? record.message : "";
  if (MESSAGES.some((pattern) => pattern.test(message))) return true;
  const nested: unknown[] = [record.cause];
  if (record.meta && typeof record.meta === "object") nested.push((record.meta as Record<string, unknown>).driverAdapterError, record.meta);
  if (Array.isArray(record.errors)) nested.push(...record.errors); // AggregateError (a connect to several addresses)
  return nested.some((inner) => unreachable(inner, depth + 1, seen));
}

/** true when the error (or any cause inside it) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unreachable(error, 0, new Set());
}
