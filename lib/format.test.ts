import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDayIn, formatDecimal, formatPercent, pluralRu } from "./format";

describe("formatCalendarDate", () => {
  it("writes a calendar date (UTC midnight) as dd.MM.yyyy from its UTC parts", () => {
    expect(formatCalendarDate(new Date("2026-09-01T00:00:00Z"))).toBe("01.09.2026");
    expect(formatCalendarDate(new Date("2025-12-31T00:00:00Z"))).toBe("31.12.2025");
  });
});

describe("formatDayIn", () => {
  it("writes the day an instant falls on in the organization's zone, whatever the process's zone", () => {
    expect(formatDayIn(new Date("2026-12-31T21:00:00Z"), "Europe/Moscow")).toBe("01.01.2027");
    expect(formatDayIn(new Date("2026-12-31T21:00:00Z"), "Europe/Kaliningrad")).toBe("31.12.2026");
  });
});

describe("formatDecimal", () => {
  it("writes the Russian decimal comma; no value is a dash", () => {
    expect([formatDecimal(2.5), formatDecimal(3), formatDecimal(-0.5), formatDecimal(null), formatDecimal(Number.NaN)]).toEqual(["2,5", "3", "-0,5", "—", "—"]);
  });
});

describe("formatPercent", () => {
  it("prints per cents the Russian way", () => {
    expect(formatPercent(75)).toBe("75\u00a0%");
    expect(formatPercent(100 / 3)).toBe("33\u00a0%");
    expect(formatPercent(4.56)).toBe("4,6\u00a0%");
    expect(formatPercent(0)).toBe("0\u00a0%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("pluralRu", () => {
  it("follows Russian rules", () => {
    const f: [string, string, string] = ["день", "дня", "дней"];
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => pluralRu(n, f))).toEqual(["день", "дня", "дней", "дней", "дней", "день", "дня", "дней", "дней"]);
  });

  it("takes the second form for a fraction and reads negatives by their size", () => {
    expect(pluralRu(1.5, ["год", "года", "лет"])).toBe("года");
    expect(pluralRu(-3, ["день", "дня", "дней"])).toBe("дня");
  });
});
