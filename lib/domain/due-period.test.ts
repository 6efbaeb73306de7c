import { describe, expect, it } from "vitest";
import { academicYearOf, formatAcademicYear, isWithinAcademicYear } from "./academic-year";
import { isOverdue, parseDuePeriod } from "./due-period";

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const read = (text: string, honourYears = false) => {
  const p = parseDuePeriod(text, 2026, { honourYears });
  return [iso(p.start), iso(p.end), p.recurrence, p.outsideAcademicYear];
};

describe("academic year", () => {
  it("starts on 1 September", () => {
    expect(academicYearOf(new Date("2026-08-31T12:00:00Z"))).toBe(2025);
    expect(academicYearOf(new Date("2026-09-01T12:00:00Z"))).toBe(2026);
    expect(academicYearOf(new Date("2027-03-10T12:00:00Z"))).toBe(2026);
    expect(formatAcademicYear(2026)).toBe("2026/2027");
    expect(isWithinAcademicYear(new Date("2027-08-31T00:00:00Z"), 2026)).toBe(true);
    expect(isWithinAcademicYear(new Date("2027-09-01T00:00:00Z"), 2026)).toBe(false);
  });
});

describe("parseDuePeriod", () => {
  it.each([
    ["сентябрь", ["2026-09-01", "2026-09-30", "ONCE", false]],
    ["Сентябрь 2021", ["2026-09-01", "2026-09-30", "ONCE", false]],
    ["сентябрь -октябрь", ["2026-09-01", "2026-10-31", "ONCE", false]],
    ["Октябрь – апрель 2021", ["2026-10-01", "2027-04-30", "ONCE", false]],
    ["Декабрь 2021 г. – февраль 2022г.", ["2026-12-01", "2027-02-28", "ONCE", false]],
    ["май", ["2027-05-01", "2027-05-31", "ONCE", false]],
    ["до 15.09.2022г., далее ежегодно", ["2026-09-01", "2026-09-15", "ANNUALLY", false]],
    ["март, ежегодно", ["2027-03-01", "2027-03-31", "ANNUALLY", false]],
    ["июль-август, ежегодно", ["2027-07-01", "2027-08-31", "ANNUALLY", false]],
    ["ежеквартально", [null, null, "QUARTERLY", false]],
    ["постоянно", ["2026-09-01", "2027-05-31", "CONSTANTLY", false]],
    ["в течение учебного года", ["2026-09-01", "2027-05-31", "CONSTANTLY", false]],
    ["С октября 2021 г. по мере необходимости", ["2026-10-01", "2026-10-31", "AS_NEEDED", false]],
    ["", [null, null, "ONCE", false]],
  ])("%s", (text, expected) => expect(read(text)).toEqual(expected));

  it("keeps written years on manual entry and flags the ones outside the academic year", () => {
    expect(read("Сентябрь 2026", true)).toEqual(["2026-09-01", "2026-09-30", "ONCE", false]);
    expect(read("Май 2027", true)).toEqual(["2027-05-01", "2027-05-31", "ONCE", false]);
    expect(read("Май 2026", true)).toEqual(["2026-05-01", "2026-05-31", "ONCE", true]);
    expect(read("15.09.2025", true)).toEqual(["2025-09-15", "2025-09-15", "ONCE", true]);
    expect(read("15.09.2026", true)).toEqual(["2026-09-15", "2026-09-15", "ONCE", false]);
  });
});

describe("isOverdue", () => {
  const today = new Date("2026-11-25T10:00:00Z");
  const base = { status: "PLANNED", recurrence: "ONCE" as const };
  it("is overdue the day after the period ends", () => {
    expect(isOverdue({ ...base, dueEnd: new Date("2026-11-24T00:00:00Z") }, today)).toBe(true);
    expect(isOverdue({ ...base, dueEnd: new Date("2026-11-25T00:00:00Z") }, today)).toBe(false);
  });
  it("is never overdue when done, cancelled, continuous or undated", () => {
    const past = new Date("2026-10-01T00:00:00Z");
    expect(isOverdue({ ...base, status: "DONE", dueEnd: past }, today)).toBe(false);
    expect(isOverdue({ ...base, status: "CANCELLED", dueEnd: past }, today)).toBe(false);
    expect(isOverdue({ status: "PLANNED", recurrence: "CONSTANTLY", dueEnd: past }, today)).toBe(false);
    expect(isOverdue({ ...base, dueEnd: null }, today)).toBe(false);
  });
});
