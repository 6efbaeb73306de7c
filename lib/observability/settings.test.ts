import { describe, expect, it } from "vitest";
import { envOf as readEnv } from "../../tests/setup/env";

// LOG_LEVEL and METRICS_TOKEN go through lib/env.ts like every variable: a wrong value stops with a Russian message.
describe("observability settings", () => {
  it("LOG_LEVEL is one of pino's levels", () => {
    expect(readEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(readEnv({}).LOG_LEVEL).toBeUndefined();
    expect(() => readEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: fatal, error, warn, info, debug, trace или silent/);
  });

  it("METRICS_TOKEN is at least 32 characters", () => {
    expect(readEnv({ METRICS_TOKEN: "a".repeat(32) }).METRICS_TOKEN).toHaveLength(32);
    expect(() => readEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN должен быть не короче 32 символов/);
  });
});
