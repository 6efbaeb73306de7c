import { describe, expect, it } from "vitest";
import { attendanceProblem, communityProblem, councilAttendanceBySchool, meetingsPerQuarter, nextMeetingDate, quarterBounds, quarterOf } from "./communities";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("a community", () => {
  it("a методическое объединение needs its subject or area; the council and the school for young teachers do not", () => {
    expect(communityProblem("METHOD_ASSOCIATION", null)).toEqual({ key: "communityAreaRequired", field: "area" });
    expect(communityProblem("METHOD_ASSOCIATION", "  ")).toEqual({ key: "communityAreaRequired", field: "area" });
    expect(communityProblem("METHOD_ASSOCIATION", "Учителя начальных классов")).toBeNull();
    expect(communityProblem("MENTOR_COUNCIL", null)).toBeNull();
    expect(communityProblem("YOUNG_TEACHER_SCHOOL", null)).toBeNull();
  });

  it("a meeting records only members of the community", () => {
    const members = new Set(["a", "b"]);
    expect(attendanceProblem(members, ["a", "b"])).toBeNull();
    expect(attendanceProblem(members, [])).toBeNull();
    expect(attendanceProblem(members, ["a", "c"])).toEqual({ key: "communityAttendeeNotMember", field: "communityMemberIds" });
  });
});

describe("quarters", () => {
  it("a day's calendar quarter and its bounds", () => {
    expect(quarterOf(day("2026-01-01"))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(day("2026-03-31"))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(day("2026-04-01"))).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf(day("2026-12-31"))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterBounds({ year: 2026, quarter: 4 })).toEqual({ from: day("2026-10-01"), until: day("2027-01-01") });
  });

  it("the next meeting is the first on or after today", () => {
    const dates = [day("2026-11-20"), day("2027-02-18"), day("2026-12-07"), day("2027-01-15")];
    expect(nextMeetingDate(dates, day("2026-12-07"))).toEqual(day("2026-12-07"));
    expect(nextMeetingDate(dates, day("2026-12-08"))).toEqual(day("2027-01-15"));
    expect(nextMeetingDate(dates, day("2027-03-01"))).toBeNull();
  });

  it("the council's meetings per quarter, the latest first", () => {
    expect(meetingsPerQuarter([day("2026-10-05"), day("2026-12-01"), day("2026-05-20")])).toEqual([
      { year: 2026, quarter: 4, meetings: 2 },
      { year: 2026, quarter: 2, meetings: 1 },
    ]);
    expect(meetingsPerQuarter([])).toEqual([]);
  });
});

describe("the council's attendance per school", () => {
  it("counts each curator and mentor once in the quarter; other quarters and other roles do not count", () => {
    const q4 = { year: 2026, quarter: 4 as const };
    const rows = [
      { schoolId: "A", memberId: "a1", curator: true, mentor: false, date: day("2026-10-10") },
      { schoolId: "A", memberId: "a1", curator: true, mentor: false, date: day("2026-12-01") },
      { schoolId: "A", memberId: "a2", curator: false, mentor: true, date: day("2026-12-01") },
      { schoolId: "A", memberId: "a3", curator: true, mentor: true, date: day("2026-11-01") },
      { schoolId: "A", memberId: "a4", curator: false, mentor: false, date: day("2026-11-01") },
      { schoolId: "B", memberId: "b1", curator: false, mentor: true, date: day("2026-09-30") },
    ];
    expect(councilAttendanceBySchool(["A", "B", "C"], rows, q4)).toEqual([
      { schoolId: "A", curators: 2, mentors: 2 },
      { schoolId: "B", curators: 0, mentors: 0 },
      { schoolId: "C", curators: 0, mentors: 0 },
    ]);
  });
});
