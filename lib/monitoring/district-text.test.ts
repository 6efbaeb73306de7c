import { describe, expect, it } from "vitest";
import { freshnessText, type Tr } from "./district-text";

// «Данные на …»: the time alone when the figures are of today (in the office's zone), the date too otherwise.
const t: Tr = (key, values) => (key === "dataAsOf" ? `Данные на ${values!.time}` : `Данные на ${values!.date} ${values!.time}`);

describe("freshnessText", () => {
  it("shows the office's wall-clock time of figures from today", () => {
    expect(freshnessText(t, new Date("2026-12-06T11:05:40Z"), new Date("2026-12-06T11:06:00Z"), "Europe/Moscow")).toBe("Данные на 14:05");
  });

  it("adds the date when the figures are of another day in the office's zone", () => {
    // 20:59 UTC on 31 Dec is 23:59 in Moscow two minutes before the new year there; in Vladivostok both instants
    // are already on 1 January (the time alone).
    expect(freshnessText(t, new Date("2026-12-31T20:59:00Z"), new Date("2026-12-31T21:01:00Z"), "Europe/Moscow")).toBe("Данные на 31.12.2026 23:59");
    expect(freshnessText(t, new Date("2026-12-31T20:59:00Z"), new Date("2026-12-31T21:01:00Z"), "Asia/Vladivostok")).toBe("Данные на 06:59");
    expect(freshnessText(t, new Date("2026-12-31T13:59:00Z"), new Date("2026-12-31T14:01:00Z"), "Asia/Vladivostok")).toBe("Данные на 31.12.2026 23:59");
  });
});
