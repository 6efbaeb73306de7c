import { describe, expect, it } from "vitest";
import { MENTORING_TYPES, type MentoringType } from "./pairs";
import { translator } from "../i18n/translator";
import { addBound, isShortPlan, PROGRAM_LENGTH_BY_TYPE, programLengthKey, programLengthValues } from "./program-length";
import { day as d } from "../../tests/setup/dates";

describe("program length by type of mentoring", () => {
  it("keeps 3–12 months for traditional, group, virtual and reverse mentoring", () => {
    for (const type of ["TRADITIONAL", "GROUP", "VIRTUAL", "REVERSE"] as const) {
      expect(programLengthKey(d("2026-10-01"), d("2027-01-01"), type)).toBeNull();
      expect(programLengthKey(d("2026-10-01"), d("2026-12-31"), type)).toBe("personalProgramTooShort");
      expect(programLengthKey(d("2026-10-01"), d("2027-10-01"), type)).toBeNull();
      expect(programLengthKey(d("2026-10-01"), d("2027-10-02"), type)).toBe("personalProgramTooLong");
    }
  });

  it("gives speed mentoring a short plan: one day (start = end) to one month", () => {
    expect(programLengthKey(d("2026-10-05"), d("2026-10-05"), "SPEED")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2026-10-19"), "SPEED")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2026-11-05"), "SPEED")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2026-11-06"), "SPEED")).toBe("personalProgramTooLong");
    expect(programLengthKey(d("2026-10-05"), d("2026-10-04"), "SPEED")).toBe("personalProgramEndsBeforeStart");
  });

  it("gives situational mentoring up to three months and short-term from two weeks", () => {
    expect(programLengthKey(d("2026-10-05"), d("2026-10-05"), "SITUATIONAL")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2027-01-05"), "SITUATIONAL")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2027-01-06"), "SITUATIONAL")).toBe("personalProgramTooLong");
    expect(programLengthKey(d("2026-10-05"), d("2026-10-18"), "SHORT_TERM")).toBe("personalProgramTooShort");
    expect(programLengthKey(d("2026-10-05"), d("2026-10-19"), "SHORT_TERM")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2027-10-05"), "SHORT_TERM")).toBeNull();
    expect(programLengthKey(d("2026-10-05"), d("2026-10-05"), "SHORT_TERM")).toBe("personalProgramEndsBeforeStart");
  });

  it("has bounds for every type, the suggested length inside them, and names them as message values", () => {
    for (const type of Object.keys(MENTORING_TYPES) as MentoringType[]) {
      const rule = PROGRAM_LENGTH_BY_TYPE[type];
      const start = d("2026-10-01");
      expect(programLengthKey(start, addBound(start, rule.suggested), type)).toBeNull();
      expect(programLengthValues(type)).toEqual({ type, minCount: rule.min.count, minUnit: rule.min.unit, maxCount: rule.max.count, maxUnit: rule.max.unit });
    }
    expect(isShortPlan("SPEED")).toBe(true);
    expect(isShortPlan("TRADITIONAL")).toBe(false);
    // The bounds in Russian, as the refusal words them (errors.personalProgramTooShort).
    const bounds = translator("ru")("errors.personalProgramTooShort" as never, { type: "TRADITIONAL", minCount: 21, minUnit: "day", maxCount: 11, maxUnit: "month" } as never);
    expect(bounds).toContain("от 21 дня до 11 месяцев");
  });
});
