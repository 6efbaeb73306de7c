import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./unavailable";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const known = (code: string, message = "x", meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7.10.0", meta });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable or vanished server through Prisma's codes", () => {
    expect(isDatabaseUnavailable(known("P1001", "Can't reach database server at 127.0.0.1:5432"))).toBe(true);
    expect(isDatabaseUnavailable(known("P1017", "Server has closed the connection."))).toBe(true);
    expect(isDatabaseUnavailable(known("P1008", "Operation has timed out"))).toBe(true);
    expect(isDatabaseUnavailable(known("P2024", "Timed out fetching a new connection from the connection pool."))).toBe(true);
  });

  it("recognises PostgreSQL's connection and shutdown states, also nested in the adapter's error", () => {
    for (const sqlState of ["57P01", "57P02", "57P03", "08006", "08001", "53300"]) {
      expect(isDatabaseUnavailable(withCode("server said no", sqlState)), sqlState).toBe(true);
    }
    const adapter = known("P2010", "Raw query failed", { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection" } } });
    expect(isDatabaseUnavailable(adapter)).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })).toBe(true);
  });

  it("recognises node-postgres, pg-pool, socket and PGlite failures by code or message", () => {
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5999", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Transaction API error: Unable to start a transaction in the given time."))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "connect failed"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated due to connection timeout") }))).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseUnavailableError(new Error("anything")))).toBe(true);
  });

  it("does not take an answered query's error for an outage", () => {
    expect(isDatabaseUnavailable(known("P2002", "Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(known("P2025", "Record not found"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("new row violates row-level security policy", "42501"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("duplicate key value", "23505"))).toBe(false);
    // A transaction that ran too long is the app's problem, not an outage.
    expect(isDatabaseUnavailable(known("P2028", "Transaction already closed: A query cannot be executed on an expired transaction."))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    // A cycle of causes ends.
    const a: Error & { cause?: unknown } = new Error("a");
    a.cause = new Error("b", { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
