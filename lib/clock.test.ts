import { afterEach, describe, expect, it } from "vitest";
import { now, offsetFromEnv, parseInstant, resetClock, setClock } from "./clock";

describe("the clock", () => {
  afterEach(() => resetClock());

  it("setClock starts the clock at an instant and lets it run on", async () => {
    setClock("2026-09-01T08:00:00+10:00");
    const first = now();
    expect(Math.abs(first.getTime() - Date.parse("2026-08-31T22:00:00Z"))).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 15));
    expect(now().getTime()).toBeGreaterThan(first.getTime());
  });

  it("NASTAVNIK_NOW is honoured outside production, and in production only with NASTAVNIK_TEST_CLOCK=1", () => {
    const real = Date.parse("2026-12-04T12:00:00Z");
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(offsetFromEnv({ NASTAVNIK_NOW: "2026-08-31T12:00:00+03:00", NODE_ENV: "test" }, real, warn)).toBe(Date.parse("2026-08-31T09:00:00Z") - real);
    expect(offsetFromEnv({ NASTAVNIK_NOW: "2026-08-31T12:00:00+03:00", NODE_ENV: "production" }, real, warn)).toBe(0);
    expect(offsetFromEnv({ NASTAVNIK_NOW: "2026-08-31T12:00:00+03:00", NODE_ENV: "production", NASTAVNIK_TEST_CLOCK: "1" }, real, warn)).not.toBe(0);
    expect(offsetFromEnv({ NODE_ENV: "test" }, real, warn)).toBe(0);
    // Every honoured or ignored setting is announced loudly.
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toMatch(/IGNORED/);
  });

  it("refuses an instant without a zone (it would depend on the machine's zone) or an unreadable one", () => {
    expect(() => parseInstant("2026-09-01")).toThrow();
    expect(() => parseInstant("2026-09-01T08:00:00")).toThrow();
    expect(() => parseInstant("2026-13-01T08:00:00Z")).toThrow();
    expect(parseInstant("2026-09-01T08:00:00+10:00").toISOString()).toBe("2026-08-31T22:00:00.000Z");
  });
});
