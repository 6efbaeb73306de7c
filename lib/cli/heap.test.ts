import { describe, expect, it } from "vitest";
import { applyHeapSettings, HEAP_GROWING_PERCENT } from "./heap";

describe("heap settings of the production server", () => {
  it("applies the default growing percent, or HEAP_GROWING_PERCENT when it is a whole number", () => {
    expect(applyHeapSettings({})).toBe(HEAP_GROWING_PERCENT);
    expect(applyHeapSettings({ HEAP_GROWING_PERCENT: "0" })).toBe(0);
    expect(applyHeapSettings({ HEAP_GROWING_PERCENT: "40" })).toBe(40);
    expect(applyHeapSettings({ HEAP_GROWING_PERCENT: "много" })).toBe(HEAP_GROWING_PERCENT);
    applyHeapSettings({ HEAP_GROWING_PERCENT: "0" }); // leave V8's default for the rest of the run
  });
});
