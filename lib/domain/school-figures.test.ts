import { describe, expect, it } from "vitest";
import { countBy, coverage, indicatorRows, involvementOf, isYoungSpecialist, roadmapProgress, share, type CoveragePerson } from "./school-figures";

describe("share", () => {
  it("is a percent with one decimal", () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(2, 3)).toBe(66.7);
    expect(share(5, 5)).toBe(100);
    expect(share(0, 7)).toBe(0);
  });
  it("is null without a whole", () => {
    expect(share(0, 0)).toBeNull();
  });
});

describe("countBy", () => {
  it("keeps the known keys in order with zeros, then the unknown ones", () => {
    expect(countBy(["B", "A", "B", "X"], (v) => v, ["A", "B", "C"])).toEqual([
      { key: "A", count: 1 },
      { key: "B", count: 2 },
      { key: "C", count: 0 },
      { key: "X", count: 1 },
    ]);
  });
});

describe("coverage", () => {
  const people: CoveragePerson[] = [
    { id: "t1", kind: "TEACHER", experienceYears: 1 }, // young, mentee
    { id: "t2", kind: "TEACHER", experienceYears: 3 }, // young, not involved
    { id: "t3", kind: "TEACHER", experienceYears: 25 }, // mentor
    { id: "t4", kind: "TEACHER", experienceYears: null }, // unknown experience: not young
    { id: "s1", kind: "STUDENT", experienceYears: null }, // mentee
    { id: "s2", kind: "STUDENT", experienceYears: null }, // mentor (ученик – ученик)
    { id: "s3", kind: "STUDENT", experienceYears: null },
    { id: "s4", kind: "STUDENT", experienceYears: null }, // only in a dissolved pair
    { id: "e1", kind: "EXTERNAL", experienceYears: 10 },
  ];
  const pairs = [
    { status: "ACTIVE", mentorPersonId: "t3", menteePersonIds: ["t1"] },
    { status: "COMPLETED", mentorPersonId: "s2", menteePersonIds: ["s1"] },
    { status: "DISSOLVED", mentorPersonId: "e1", menteePersonIds: ["s4"] },
    { status: "PROPOSED", mentorPersonId: "t3", menteePersonIds: ["t2"] },
  ];

  it("counts only approved, working and completed pairs as involvement", () => {
    const inv = involvementOf(pairs);
    expect([...inv.keys()].sort()).toEqual(["s1", "s2", "t1", "t3"]);
    expect(inv.get("t3")).toEqual({ asMentee: false, asMentor: true });
  });

  it("gives the exact counts and shares", () => {
    const c = coverage(people, involvementOf(pairs));
    expect(c).toEqual({
      teachers: 4,
      teachersInvolved: 2,
      youngSpecialists: 2,
      youngSpecialistsCovered: 1,
      students: 4,
      studentMentees: 1,
      studentMentors: 1,
      shares: { teachersInvolved: 50, youngSpecialistsCovered: 50, studentMentees: 25, studentMentors: 25 },
    });
  });

  it("has no shares for a school without people", () => {
    expect(coverage([], new Map()).shares).toEqual({ teachersInvolved: null, youngSpecialistsCovered: null, studentMentees: null, studentMentors: null });
  });

  it("young specialists are teachers with at most three years", () => {
    expect(isYoungSpecialist({ kind: "TEACHER", experienceYears: 0 })).toBe(true);
    expect(isYoungSpecialist({ kind: "TEACHER", experienceYears: 3 })).toBe(true);
    expect(isYoungSpecialist({ kind: "TEACHER", experienceYears: 4 })).toBe(false);
    expect(isYoungSpecialist({ kind: "EXTERNAL", experienceYears: 1 })).toBe(false);
  });
});

describe("roadmap progress", () => {
  const today = new Date(Date.UTC(2026, 10, 20));
  const d = (m: number, day: number) => new Date(Date.UTC(2026, m, day));
  const items = [
    { stage: 1, status: "DONE", dueEnd: d(8, 30), recurrence: "ONCE" as const },
    { stage: 1, status: "PLANNED", dueEnd: d(8, 30), recurrence: "ONCE" as const }, // overdue
    { stage: 1, status: "PLANNED", dueEnd: null, recurrence: "CONSTANTLY" as const },
    { stage: 1, status: "CANCELLED", dueEnd: d(8, 30), recurrence: "ONCE" as const }, // not counted
    { stage: 2, status: "IN_PROGRESS", dueEnd: d(11, 31), recurrence: "ONCE" as const },
  ];
  it("counts by stage, leaves cancelled ones out, marks the overdue", () => {
    const { stages, total } = roadmapProgress(items, today);
    expect(stages[0]).toEqual({ stage: 1, total: 3, done: 1, open: 2, overdue: 1, percent: 33.3 });
    expect(stages[1]).toEqual({ stage: 2, total: 1, done: 0, open: 1, overdue: 0, percent: 0 });
    expect(stages[6]).toEqual({ stage: 7, total: 0, done: 0, open: 0, overdue: 0, percent: null });
    expect(total).toEqual({ stage: 0, total: 4, done: 1, open: 3, overdue: 1, percent: 25 });
  });
});

describe("passport indicators", () => {
  const cov = coverage(
    [
      { id: "s1", kind: "STUDENT", experienceYears: null },
      { id: "s2", kind: "STUDENT", experienceYears: null },
      { id: "s3", kind: "STUDENT", experienceYears: null },
      { id: "s4", kind: "STUDENT", experienceYears: null },
    ],
    involvementOf([{ status: "ACTIVE", mentorPersonId: "s1", menteePersonIds: ["s2"] }]),
  );
  const figures = { coverage: cov, menteeSatisfaction: 80, mentorSatisfaction: null };
  const row = (kind: Parameters<typeof indicatorRows>[0][number]["kind"], targets: unknown, actualValue: number | null = null) => ({ id: kind, kind, title: kind, unit: "%", targets, actualValue });

  it("takes the target of the program's year and compares the entered actual, else the computed one", () => {
    const rows = indicatorRows(
      [
        row("STUDENT_MENTEES_SHARE", { "2026": 10, "2027": 30 }),
        row("STUDENT_MENTORS_SHARE", { "2026": 30 }),
        row("MENTEE_SATISFACTION", { "2026": 85 }, 90),
        row("MENTOR_SATISFACTION", { "2026": 50 }),
        row("PARTNER_MENTORS_SHARE", { "2025": 2 }),
      ],
      2026,
      figures,
    );
    expect(rows.map((r) => [r.kind, r.target, r.entered, r.computed, r.actual, r.state])).toEqual([
      ["STUDENT_MENTEES_SHARE", 10, null, 25, 25, "met"],
      ["STUDENT_MENTORS_SHARE", 30, null, 25, 25, "below"],
      ["MENTEE_SATISFACTION", 85, 90, 80, 90, "met"],
      ["MENTOR_SATISFACTION", 50, null, null, null, "unknown"],
      ["PARTNER_MENTORS_SHARE", null, null, null, null, "unknown"],
    ]);
  });

  it("computes the partners' share from the register when given (decision 061)", () => {
    const rows = indicatorRows([row("PARTNER_MENTORS_SHARE", { "2026": 50 })], 2026, { ...figures, partnerMentorsShare: 66.7 });
    expect(rows.map((r) => [r.computed, r.actual, r.state])).toEqual([[66.7, 66.7, "met"]]);
  });

  it("ignores malformed targets", () => {
    expect(indicatorRows([row("CUSTOM", [1, 2]), row("CUSTOM", { "2026": "10" })], 2026, figures).map((r) => r.target)).toEqual([null, null]);
  });
});
