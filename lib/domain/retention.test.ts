import { describe, expect, it } from "vitest";
import { leavingNote, leavingRefusal, youngRetention, type EmployedPerson } from "./retention";
import { day } from "../../tests/setup/dates";

const teacher = (id: string, extra: Partial<EmployedPerson> = {}): EmployedPerson => ({ id, kind: "TEACHER", experienceYears: 1, hiredOn: null, leftOn: null, leaveReason: null, ...extra });

describe("young specialists' retention in an academic year (issue #16 item 4)", () => {
  // 2026/2027: 1 September 2026 – 31 August 2027.
  const people: EmployedPerson[] = [
    teacher("stays-mentored", { hiredOn: day("2026-08-25") }),
    teacher("left-mentored", { hiredOn: day("2026-09-01"), leftOn: day("2027-03-15"), leaveReason: "RELOCATION" }),
    teacher("left-alone", { leftOn: day("2026-12-30"), leaveReason: "CHANGED_PROFESSION" }),
    teacher("hired-alone", { hiredOn: day("2027-02-01") }),
    teacher("left-before-year", { leftOn: day("2026-06-30"), leaveReason: "OWN_WISH" }),
    teacher("hired-next-year", { hiredOn: day("2027-09-01") }),
    teacher("experienced", { experienceYears: 12, leftOn: day("2027-01-10"), leaveReason: "RETIREMENT" }),
    teacher("left-after-year", { leftOn: day("2027-09-10"), leaveReason: "TRANSFER" }),
    { ...teacher("student"), kind: "STUDENT" },
  ];
  const mentees = new Set(["stays-mentored", "left-mentored", "left-after-year"]);

  it("counts who worked in the year, who had a mentor and stayed, who left and why, who was hired and got a mentor", () => {
    expect(youngRetention(people, mentees, 2026)).toEqual({
      young: 5, // stays-mentored, left-mentored, left-alone, hired-alone, left-after-year
      mentored: 3,
      mentoredStayed: 2, // leaving after the year's end is not a leaving of this year
      retainedShare: 66.7,
      left: { mentored: 1, notMentored: 1, byReason: [{ reason: "CHANGED_PROFESSION", count: 1 }, { reason: "RELOCATION", count: 1 }] },
      hired: 2,
      hiredMentored: 1,
    });
  });

  it("has no share without mentored young specialists", () => {
    expect(youngRetention([teacher("a")], new Set(), 2026)).toMatchObject({ young: 1, mentored: 0, retainedShare: null });
  });
});

describe("recording a leaving", () => {
  const today = day("2027-05-20");
  it("refuses a day after today, before the hire date, or a person still in working pairs", () => {
    expect(leavingRefusal({ leftOn: day("2027-05-21"), hiredOn: null, livePairs: 0 }, today)).toBe("leftInFuture");
    expect(leavingRefusal({ leftOn: day("2027-01-01"), hiredOn: day("2027-02-01"), livePairs: 0 }, today)).toBe("leftBeforeHired");
    expect(leavingRefusal({ leftOn: day("2027-05-20"), hiredOn: null, livePairs: 1 }, today)).toBe("leavingWithPairs");
    expect(leavingRefusal({ leftOn: day("2027-05-20"), hiredOn: day("2027-05-20"), livePairs: 0 }, today)).toBeNull();
  });
  it("words the inactivity note", () => {
    expect(leavingNote("20.05.2027", "OTHER", "Декретный отпуск")).toBe("Выбыл(а) 20.05.2027: Другое (Декретный отпуск)");
  });
});
