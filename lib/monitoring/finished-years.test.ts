import { describe, expect, it, vi } from "vitest";
import type { DistrictSummary } from "../domain/monitoring";
import { day } from "../../tests/setup/dates";
import { finishedYearSummary, forgetFinishedYears, yearFinished } from "./finished-years";

const summary = (schools: number) => ({ schools }) as DistrictSummary;

describe("a finished year's summary (decision 053)", () => {
  it("a year is finished after its 31 August", () => {
    expect(yearFinished(2025, day("2026-08-31"))).toBe(false);
    expect(yearFinished(2025, day("2026-09-01"))).toBe(true);
    expect(yearFinished(2026, day("2026-12-04"))).toBe(false);
  });

  it("is loaded once per organization, year and day while kept; a year not finished is loaded every time", async () => {
    forgetFinishedYears();
    const load = vi.fn(async () => summary(3));
    const today = day("2026-12-04");
    expect(await finishedYearSummary("org-a", 2025, today, load)).toEqual(summary(3));
    expect(await finishedYearSummary("org-a", 2025, today, load)).toEqual(summary(3));
    expect(load).toHaveBeenCalledTimes(1);
    // Another organization, another day: their own reads.
    await finishedYearSummary("org-b", 2025, today, load);
    await finishedYearSummary("org-a", 2025, day("2026-12-05"), load);
    expect(load).toHaveBeenCalledTimes(3);
    // The current year is never kept.
    await finishedYearSummary("org-a", 2026, today, load);
    await finishedYearSummary("org-a", 2026, today, load);
    expect(load).toHaveBeenCalledTimes(5);
    forgetFinishedYears();
    await finishedYearSummary("org-a", 2025, today, load);
    expect(load).toHaveBeenCalledTimes(6);
  });

  it("is read afresh after ten minutes", async () => {
    forgetFinishedYears();
    const clock = vi.spyOn(performance, "now").mockReturnValue(1_000);
    const load = vi.fn(async () => summary(1));
    await finishedYearSummary("org-c", 2025, day("2026-12-04"), load);
    clock.mockReturnValue(1_000 + 9 * 60_000);
    await finishedYearSummary("org-c", 2025, day("2026-12-04"), load);
    expect(load).toHaveBeenCalledTimes(1);
    clock.mockReturnValue(1_000 + 10 * 60_000 + 1);
    await finishedYearSummary("org-c", 2025, day("2026-12-04"), load);
    expect(load).toHaveBeenCalledTimes(2);
    clock.mockRestore();
  });
});
