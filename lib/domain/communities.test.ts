import { describe, expect, it } from "vitest";
import { day } from "../../tests/setup/dates";
import { attendanceProblem, communityProblem, councilAttendanceBySchool, councilSummary, meetingsPerQuarter, nextMeetingDate, quarterBounds, quarterOf } from "./communities";


describe("a community", () => {
  it("a методическое объединение needs its subject or area; the council and the school for young teachers do not", () => {
    expect(communityProblem("METHOD_ASSOCIATION", null)).toEqual({ key: "communityAreaRequired", field: "area" });
    expect(communityProblem("METHOD_ASSOCIATION", "  ")).toEqual({ key: "communityAreaRequired", field: "area" });
    expect(communityProblem("METHOD_ASSOCIATION", "Учителя начальных классов")).toBeNull();
    expect(communityProblem("MENTOR_COUNCIL", null)).toBeNull();
    expect(communityProblem("YOUNG_TEACHER_SCHOOL", null)).toBeNull();
  });

  it("a meeting records only members of the community", () => {
    const members = new Map([["a", { leftOn: null, erased: false }], ["b", { leftOn: null, erased: false }]]);
    expect(attendanceProblem(members, ["a", "b"], day("2026-12-01"))).toBeNull();
    expect(attendanceProblem(members, [], day("2026-12-01"))).toBeNull();
    expect(attendanceProblem(members, ["a", "c"], day("2026-12-01"))).toEqual({ key: "communityAttendeeNotMember", field: "communityMemberIds" });
  });

  it("a member who left counts only for meetings before the day they left; an erased one never", () => {
    const members = new Map([["a", { leftOn: day("2026-11-10"), erased: false }], ["b", { leftOn: day("2026-11-10"), erased: true }]]);
    expect(attendanceProblem(members, ["a"], day("2026-11-09"))).toBeNull();
    expect(attendanceProblem(members, ["a"], day("2026-11-10"))).toEqual({ key: "communityAttendeeLeft", field: "communityMemberIds" });
    expect(attendanceProblem(members, ["b"], day("2026-11-01"))).toEqual({ key: "communityAttendeeLeft", field: "communityMemberIds" });
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

describe("the council on the district dashboard", () => {
  it("this quarter's meetings, the schools with a curator or a mentor there, and the people", () => {
    const q = { year: 2026, quarter: 4 as const };
    const bySchool = [{ schoolId: "A", curators: 1, mentors: 2 }, { schoolId: "B", curators: 0, mentors: 1 }, { schoolId: "C", curators: 0, mentors: 0 }];
    expect(councilSummary(q, bySchool, [{ year: 2027, quarter: 1, meetings: 1 }, { year: 2026, quarter: 4, meetings: 2 }])).toEqual({
      meetings: 2, schools: 3, schoolsWithCurator: 1, schoolsWithMentor: 2, curators: 1, mentors: 3,
    });
    expect(councilSummary(q, [], [{ year: 2026, quarter: 3, meetings: 4 }])).toEqual({ meetings: 0, schools: 0, schoolsWithCurator: 0, schoolsWithMentor: 0, curators: 0, mentors: 0 });
  });
});
