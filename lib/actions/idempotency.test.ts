import { describe, expect, it } from "vitest";
import { takeIdempotencyKey } from "./idempotency";
import { newIdempotencyKey } from "./idempotency-key";

describe("takeIdempotencyKey", () => {
  it("takes a well-formed key out of the input", () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(takeIdempotencyKey({ org: "s", idempotencyKey: key })).toEqual({ input: { org: "s" }, key });
  });

  it("reports no key, and a malformed key, distinctly", () => {
    expect(takeIdempotencyKey({ org: "s" })).toEqual({ input: { org: "s" }, key: null });
    expect(takeIdempotencyKey({ org: "s", idempotencyKey: "" })).toEqual({ input: { org: "s" }, key: null });
    for (const bad of ["short", "x".repeat(101), "has space in it 123", 42, ["a".repeat(20)], { a: 1 }]) {
      expect(takeIdempotencyKey({ org: "s", idempotencyKey: bad }).key, JSON.stringify(bad)).toBeUndefined();
    }
    expect(takeIdempotencyKey("text")).toEqual({ input: "text", key: null });
    expect(takeIdempotencyKey(null)).toEqual({ input: null, key: null });
  });

  it("gives a new key each time", () => {
    expect(new Set(Array.from({ length: 100 }, newIdempotencyKey)).size).toBe(100);
  });
});
