import { describe, expect, it } from "vitest";
import { academicYearOf, currentAcademicYear } from "./academic-year";
import { addDays, calendarYearIn, isoToday, isTimeZone, startOfDayIn, todayIn } from "./local-date";
import { day, at } from "../../tests/setup/dates";

// Boundary instants of issue #21: the organization's calendar decides, not UTC's and not the server's.
describe("today in the organization's zone", () => {
  it("1 September 08:00 in Vladivostok is 31 August 22:00 UTC: already 1 September there, a new academic year", () => {
    const now = at("2026-09-01T08:00:00+10:00");
    expect(now.toISOString()).toBe("2026-08-31T22:00:00.000Z");
    expect(isoToday("Asia/Vladivostok", now)).toBe("2026-09-01");
    expect(currentAcademicYear("Asia/Vladivostok", now)).toBe(2026);
    // Same instant in Moscow (01:00 on 1 September) and in UTC (still 31 August).
    expect(isoToday("Europe/Moscow", now)).toBe("2026-09-01");
    expect(isoToday("UTC", now)).toBe("2026-08-31");
    expect(currentAcademicYear("UTC", now)).toBe(2025);
  });

  it("31 August 23:30 in Kaliningrad is still the old academic year, though Moscow has turned", () => {
    const now = at("2026-08-31T23:30:00+02:00");
    expect(isoToday("Europe/Kaliningrad", now)).toBe("2026-08-31");
    expect(currentAcademicYear("Europe/Kaliningrad", now)).toBe(2025);
    expect(isoToday("Europe/Moscow", now)).toBe("2026-09-01");
    expect(currentAcademicYear("Europe/Moscow", now)).toBe(2026);
  });

  it("31 December / 1 January: the calendar year turns, the academic year does not", () => {
    const eve = at("2026-12-31T23:30:00+03:00");
    expect(isoToday("Europe/Moscow", eve)).toBe("2026-12-31");
    expect(calendarYearIn("Europe/Moscow", eve)).toBe(2026);
    expect(isoToday("Asia/Kamchatka", eve)).toBe("2027-01-01");
    expect(calendarYearIn("Asia/Kamchatka", eve)).toBe(2027);
    expect(currentAcademicYear("Europe/Moscow", eve)).toBe(2026);
    expect(currentAcademicYear("Asia/Kamchatka", eve)).toBe(2026);
    const newYear = at("2027-01-01T00:30:00+03:00");
    expect(isoToday("Europe/Moscow", newYear)).toBe("2027-01-01");
    expect(isoToday("Europe/Kaliningrad", newYear)).toBe("2026-12-31");
  });

  it("30 June is the end of the school year, still the same academic year; 31 August too", () => {
    expect(currentAcademicYear("Europe/Moscow", at("2027-06-30T12:00:00+03:00"))).toBe(2026);
    expect(currentAcademicYear("Asia/Vladivostok", at("2027-08-31T23:59:00+10:00"))).toBe(2026);
    expect(currentAcademicYear("Asia/Vladivostok", at("2027-09-01T00:00:00+10:00"))).toBe(2027);
  });

  it("returns a calendar date at UTC midnight, the form of @db.Date columns", () => {
    expect(todayIn("Asia/Vladivostok", at("2026-09-01T08:00:00+10:00")).toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(todayIn("America/Anchorage", at("2026-09-01T05:00:00Z")).toISOString()).toBe("2026-08-31T00:00:00.000Z");
  });
});

describe("calendar dates", () => {
  it("the academic year of a calendar date turns on 1 September, whatever the machine's zone", () => {
    expect(academicYearOf(day("2026-08-31"))).toBe(2025);
    expect(academicYearOf(day("2026-09-01"))).toBe(2026);
    expect(academicYearOf(day("2027-01-01"))).toBe(2026);
    expect(academicYearOf(day("2027-06-30"))).toBe(2026);
  });

  it("adds days across month and year ends", () => {
    expect(addDays(day("2026-08-31"), 1).toISOString().slice(0, 10)).toBe("2026-09-01");
    expect(addDays(day("2027-01-01"), -1).toISOString().slice(0, 10)).toBe("2026-12-31");
  });

  it("a local day starts at local midnight (the end of a «through that day» period)", () => {
    expect(startOfDayIn("Europe/Moscow", day("2026-09-01")).toISOString()).toBe("2026-08-31T21:00:00.000Z");
    expect(startOfDayIn("Asia/Vladivostok", day("2026-09-01")).toISOString()).toBe("2026-08-31T14:00:00.000Z");
    expect(startOfDayIn("Europe/Kaliningrad", day("2027-01-01")).toISOString()).toBe("2026-12-31T22:00:00.000Z");
    // A zone with daylight saving time: the offset of the day itself is used.
    expect(startOfDayIn("Europe/Berlin", day("2026-07-01")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfDayIn("Europe/Berlin", day("2026-12-01")).toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });
});

describe("time zone names", () => {
  it("accepts IANA zones the runtime knows and refuses anything else", () => {
    for (const zone of ["Europe/Moscow", "Europe/Kaliningrad", "Asia/Vladivostok", "Asia/Kamchatka", "UTC"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["", "Moscow", "Europe/Moskva", "+03:00", "Europe/Moscow; DROP TABLE", 3, null]) expect(isTimeZone(zone)).toBe(false);
  });
});
