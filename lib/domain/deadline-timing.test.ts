import { describe, expect, it } from "vitest";
import { checkDeadlineDates, deadlineTiming, doneDay } from "./deadline-timing";
import { translator } from "../i18n/translator";
import { day } from "../../tests/setup/dates";

const MSK = "Europe/Moscow";
const VLAD = "Asia/Vladivostok";

describe("deadlineTiming", () => {
  const deadline = { dueEnd: day("2026-09-15") };
  const today = day("2026-10-01");

  it("an act dated on the last day is on time, the next day one day late", () => {
    expect(deadlineTiming(deadline, { on: day("2026-09-15"), at: null }, MSK, today)).toEqual({ status: "onTime", doneOn: day("2026-09-15") });
    expect(deadlineTiming(deadline, { on: day("2026-09-16"), at: null }, MSK, today)).toEqual({ status: "late", doneOn: day("2026-09-16"), daysLate: 1 });
    expect(deadlineTiming(deadline, { on: day("2026-09-18"), at: null }, MSK, today)).toMatchObject({ status: "late", daysLate: 3 });
    expect(deadlineTiming(deadline, { on: day("2026-09-01"), at: null }, MSK, today)).toMatchObject({ status: "onTime" });
  });

  it("an instant counts on the school's calendar: 23:59 Moscow on the last day is on time, 00:00 the next day is late", () => {
    // 15.09 23:59 MSK = 20:59 UTC; 16.09 00:00 MSK = 15.09 21:00 UTC.
    expect(deadlineTiming(deadline, { on: null, at: new Date("2026-09-15T20:59:59Z") }, MSK, today)).toMatchObject({ status: "onTime" });
    expect(deadlineTiming(deadline, { on: null, at: new Date("2026-09-15T21:00:00Z") }, MSK, today)).toMatchObject({ status: "late", daysLate: 1 });
    // The same instant is already the 16th in Vladivostok (UTC+10) from 14:00 UTC.
    expect(deadlineTiming(deadline, { on: null, at: new Date("2026-09-15T14:00:00Z") }, VLAD, today)).toMatchObject({ status: "late", daysLate: 1 });
    expect(deadlineTiming(deadline, { on: null, at: new Date("2026-09-15T13:59:59Z") }, VLAD, today)).toMatchObject({ status: "onTime" });
  });

  it("a date the school gave wins over an instant", () => {
    expect(doneDay({ on: day("2026-09-10"), at: new Date("2026-09-20T10:00:00Z") }, MSK)).toEqual(day("2026-09-10"));
    expect(doneDay({ on: null, at: null }, MSK)).toBeNull();
  });

  it("not done: days left up to the last day itself, overdue from the day after", () => {
    expect(deadlineTiming(deadline, { on: null, at: null }, MSK, day("2026-09-15"))).toEqual({ status: "pending", daysLeft: 0 });
    expect(deadlineTiming(deadline, { on: null, at: null }, MSK, day("2026-09-10"))).toEqual({ status: "pending", daysLeft: 5 });
    expect(deadlineTiming(deadline, { on: null, at: null }, MSK, day("2026-09-16"))).toEqual({ status: "overdue", daysOverdue: 1 });
  });

  it("across a year's end and a leap day", () => {
    expect(deadlineTiming({ dueEnd: day("2026-12-31") }, { on: day("2027-01-03"), at: null }, MSK, today)).toMatchObject({ daysLate: 3 });
    expect(deadlineTiming({ dueEnd: day("2028-02-28") }, { on: day("2028-03-01"), at: null }, MSK, today)).toMatchObject({ daysLate: 2 });
  });
});

describe("late by N days, in words", () => {
  const lateText = (days: number) => translator("ru")("deadlines.lateBy", { days });
  it("declines the Russian word for days", () => {
    expect(lateText(1)).toBe("с опозданием на 1 день");
    expect(lateText(3)).toBe("с опозданием на 3 дня");
    expect(lateText(5)).toBe("с опозданием на 5 дней");
    expect(lateText(11)).toBe("с опозданием на 11 дней");
    expect(lateText(21)).toBe("с опозданием на 21 день");
    expect(lateText(22)).toBe("с опозданием на 22 дня");
  });

  it("says it in English for an English reader", () => {
    const en = translator("en");
    expect(en("deadlines.lateBy", { days: 1 })).toBe("1 day late");
    expect(en("deadlines.lateBy", { days: 3 })).toBe("3 days late");
    expect(en("monitoring.district.lateDeadline", { title: "Mentor report", days: 2 })).toBe("«Mentor report» — 2 days late");
  });
});

describe("checkDeadlineDates", () => {
  it("refuses a period that ends before it starts", () => {
    expect(checkDeadlineDates({ dueStart: day("2026-10-02"), dueEnd: day("2026-10-01") }, 2026)).toEqual({ refusal: "deadlinePeriodOrder" });
  });
  it("warns, without refusing, when a date lies outside the academic year (1 September – 31 August)", () => {
    expect(checkDeadlineDates({ dueStart: null, dueEnd: day("2026-09-01") }, 2026)).toEqual({ warning: null });
    expect(checkDeadlineDates({ dueStart: day("2026-09-01"), dueEnd: day("2027-08-31") }, 2026)).toEqual({ warning: null });
    expect(checkDeadlineDates({ dueStart: null, dueEnd: day("2026-08-31") }, 2026)).toEqual({ warning: "deadlineOutsideYear" });
    expect(checkDeadlineDates({ dueStart: null, dueEnd: day("2027-09-01") }, 2026)).toEqual({ warning: "deadlineOutsideYear" });
    expect(checkDeadlineDates({ dueStart: day("2026-08-25"), dueEnd: day("2026-09-15") }, 2026)).toEqual({ warning: "deadlineOutsideYear" });
  });
});
