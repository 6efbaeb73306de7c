import { describe, expect, it } from "vitest";
import { isInactive, meetingDateRefusal, programLengthRefusal, suggestedForm } from "./pairs";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("personalized program length", () => {
  it("accepts 3 to 12 months", () => {
    expect(programLengthRefusal(d("2026-10-01"), d("2027-01-01"))).toBeNull();
    expect(programLengthRefusal(d("2026-10-01"), d("2027-10-01"))).toBeNull();
  });
  it("refuses shorter, longer and reversed periods", () => {
    expect(programLengthRefusal(d("2026-10-01"), d("2026-12-31"))).toContain("не меньше 3 месяцев");
    expect(programLengthRefusal(d("2026-10-01"), d("2027-10-02"))).toContain("не больше 12 месяцев");
    expect(programLengthRefusal(d("2026-10-01"), d("2026-09-01"))).toContain("позже даты начала");
  });
});

describe("meetings", () => {
  const program = { startsOn: d("2026-10-01"), endsOn: d("2027-05-31") };
  it("must fall inside the program and not in the future", () => {
    expect(meetingDateRefusal(d("2026-10-15"), program, d("2026-11-25"))).toBeNull();
    expect(meetingDateRefusal(d("2026-09-15"), program, d("2026-11-25"))).toContain("выходит за сроки");
    expect(meetingDateRefusal(d("2026-11-26"), program, d("2026-11-25"))).toContain("не может быть в будущем");
    expect(meetingDateRefusal(d("2026-09-15"), null, d("2026-11-25"))).toBeNull();
  });
  it("flags a working pair after four weeks without a meeting", () => {
    expect(isInactive({ status: "ACTIVE", since: d("2026-10-01"), lastMeetingOn: d("2026-10-29") }, d("2026-11-25"))).toBe(false);
    expect(isInactive({ status: "ACTIVE", since: d("2026-10-01"), lastMeetingOn: d("2026-10-27") }, d("2026-11-25"))).toBe(true);
    expect(isInactive({ status: "COMPLETED", since: d("2026-01-01"), lastMeetingOn: null }, d("2026-11-25"))).toBe(false);
  });
});

describe("suggested form", () => {
  it("follows who the mentor and the mentee are", () => {
    expect(suggestedForm("TEACHER", "TEACHER")).toBe("TEACHER_TEACHER");
    expect(suggestedForm("TEACHER", "STUDENT")).toBe("TEACHER_STUDENT");
    expect(suggestedForm("STUDENT", "STUDENT")).toBe("STUDENT_STUDENT");
    expect(suggestedForm("EXTERNAL", "STUDENT")).toBe("EMPLOYER_PUPIL");
  });
});
