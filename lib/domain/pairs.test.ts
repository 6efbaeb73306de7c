import { describe, expect, it } from "vitest";
import { isInactive, meetingDateKey, suggestedForm, type MentoringType } from "./pairs";
import { programLengthKey, programLengthValues } from "./program-length";
import { translator } from "../i18n/translator";
import { day as d } from "../../tests/setup/dates";

// The rules return keys of `errors`; the tests read them in Russian, as the refusal shows them.
const russian = translator("ru");
const programLengthRefusal = (startsOn: Date, endsOn: Date, type: MentoringType) => {
  const key = programLengthKey(startsOn, endsOn, type);
  return key ? russian(`errors.${key}` as never, programLengthValues(type) as never) : null;
};
const meetingDateRefusal = (heldOn: Date, program: { startsOn: Date; endsOn: Date } | null, today: Date) => {
  const key = meetingDateKey(heldOn, program, today);
  return key ? russian(`errors.${key}` as never) : null;
};

describe("personalized program length", () => {
  it("accepts 3 to 12 months for traditional mentoring", () => {
    expect(programLengthRefusal(d("2026-10-01"), d("2027-01-01"), "TRADITIONAL")).toBeNull();
    expect(programLengthRefusal(d("2026-10-01"), d("2027-10-01"), "TRADITIONAL")).toBeNull();
  });
  it("refuses shorter, longer and reversed periods, naming the bounds of the type", () => {
    expect(programLengthRefusal(d("2026-10-01"), d("2026-12-31"), "TRADITIONAL")).toBe("Срок слишком короткий: для традиционного наставничества программа длится от 3 месяцев до 12 месяцев.");
    expect(programLengthRefusal(d("2026-10-01"), d("2027-10-02"), "GROUP")).toContain("от 3 месяцев до 12 месяцев");
    expect(programLengthRefusal(d("2026-10-01"), d("2026-09-01"), "TRADITIONAL")).toContain("позже даты начала");
    expect(programLengthRefusal(d("2026-10-01"), d("2026-11-02"), "SPEED")).toBe("Срок слишком длинный: для скоростного наставничества программа длится от одного дня до 1 месяца.");
    expect(programLengthRefusal(d("2026-10-01"), d("2026-10-10"), "SHORT_TERM")).toContain("от 2 недель до 12 месяцев");
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
