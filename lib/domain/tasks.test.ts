import { describe, expect, it } from "vitest";
import { afterCutOff, canSeeTask, expiresAt, isCutOff, isFinished, KEEP_RESULT_MS, MAX_ATTEMPTS, STALE_AFTER_MS, taskPercent, visibleTaskKinds } from "./tasks";
import { at } from "../../tests/setup/dates";

describe("who sees a task", () => {
  it("those who may start it: the import to the people's staff, the report to those who produce reports", () => {
    expect(visibleTaskKinds(["CURATOR"])).toEqual(["PEOPLE_IMPORT", "ANALYTICAL_REPORT"]);
    expect(visibleTaskKinds(["PSYCHOLOGIST"])).toEqual(["PEOPLE_IMPORT"]);
    expect(visibleTaskKinds(["METHODIST"])).toEqual(["ANALYTICAL_REPORT"]);
    expect(visibleTaskKinds(["MENTOR", "MENTEE"])).toEqual([]);
    expect(canSeeTask(["METHODIST"], "PEOPLE_IMPORT")).toBe(false);
    expect(canSeeTask(["MENTOR", "DIRECTOR"], "PEOPLE_IMPORT")).toBe(true);
  });
});

describe("a running task cut off", () => {
  const now = at("2026-12-07T10:00:00Z");
  it("is one whose heartbeat is older than the limit; a queued or finished task never is", () => {
    const beat = (ms: number) => new Date(now.getTime() - ms);
    expect(isCutOff({ state: "RUNNING", heartbeatAt: beat(STALE_AFTER_MS + 1), createdAt: beat(STALE_AFTER_MS * 2) }, now)).toBe(true);
    expect(isCutOff({ state: "RUNNING", heartbeatAt: beat(STALE_AFTER_MS), createdAt: beat(STALE_AFTER_MS * 2) }, now)).toBe(false);
    expect(isCutOff({ state: "RUNNING", heartbeatAt: null, createdAt: beat(STALE_AFTER_MS + 1) }, now)).toBe(true);
    expect(isCutOff({ state: "QUEUED", heartbeatAt: null, createdAt: beat(STALE_AFTER_MS * 5) }, now)).toBe(false);
    expect(isCutOff({ state: "DONE", heartbeatAt: beat(STALE_AFTER_MS * 5), createdAt: beat(STALE_AFTER_MS * 5) }, now)).toBe(false);
  });
  it("runs once more, then fails", () => {
    expect(MAX_ATTEMPTS).toBe(2);
    expect(afterCutOff(1)).toBe("retry");
    expect(afterCutOff(2)).toBe("fail");
    expect(afterCutOff(3)).toBe("fail");
  });
});

describe("progress", () => {
  it("is whole percent of the known amount, 100 when done, unknown while the amount is", () => {
    expect(taskPercent({ state: "RUNNING", progressDone: 0, progressTotal: 0 })).toBeNull();
    expect(taskPercent({ state: "QUEUED", progressDone: 0, progressTotal: 3000 })).toBe(0);
    expect(taskPercent({ state: "RUNNING", progressDone: 1999, progressTotal: 3000 })).toBe(66);
    expect(taskPercent({ state: "RUNNING", progressDone: 4000, progressTotal: 3000 })).toBe(100);
    expect(taskPercent({ state: "DONE", progressDone: 0, progressTotal: 0 })).toBe(100);
    expect(taskPercent({ state: "FAILED", progressDone: 1000, progressTotal: 3000 })).toBe(33);
  });
  it("finished means done or failed", () => {
    expect([isFinished("QUEUED"), isFinished("RUNNING"), isFinished("DONE"), isFinished("FAILED")]).toEqual([false, false, true, true]);
  });
  it("a result waits a week", () => {
    expect(expiresAt(at("2026-12-07T10:00:00Z")).toISOString()).toBe("2026-12-14T10:00:00.000Z");
    expect(KEEP_RESULT_MS).toBe(7 * 86_400_000);
  });
});
