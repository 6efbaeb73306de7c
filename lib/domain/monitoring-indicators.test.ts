import { translator } from "../i18n/translator";
import { describe, expect, it } from "vitest";
import { NO_RESULTS } from "./district-results";
import { formIndicators, SHIPPED_FORMS } from "./monitoring-forms";
import { cellOf, computeIndicator, INDICATOR_LIBRARY, needsComment, parseAnswer, readStoredValues, summarizeIndicator, windowState, type SchoolFacts } from "./monitoring-indicators";
import type { DistrictSchoolFigures } from "./monitoring";
import { day } from "../../tests/setup/dates";

const figures: DistrictSchoolFigures = {
  schoolId: "s",
  name: "СОШ №1",
  shortName: null,
  schoolKind: null,
  municipalityId: null,
  municipalityName: null,
  program: null,
  acts: { regulation: true, roadmap: false, curator: false },
  pairs: { byOrder: 4, active: 3, completed: 1, dissolved: 0 },
  menteesInBank: 6,
  mentorsApproved: 5,
  teachers: 30,
  teachersInvolved: 10,
  youngSpecialists: 0,
  youngSpecialistsCovered: 0,
  students: 200,
  studentMentees: 21,
  studentMentors: 3,
  overdueActivities: 0,
  deadlinesDue: 3,
  deadlinesMet: 2,
  lateDeadlines: [],
  menteeSatisfaction: 87.5,
  mentorSatisfaction: null,
  results: { ...NO_RESULTS, pairsWorked: 4, programsApproved: 3, planItems: 9, planItemsDone: 6, minorStudents: 150, minorMentees: 20, youngMentored: 3, youngMentoredStayed: 2 },
};
const facts: SchoolFacts = {
  figures,
  acts: { MODEL_INTRODUCTION: true, REGULATION: true, ROADMAP_APPROVAL: false, CURATOR_APPOINTMENT: false, INCENTIVE_REGULATION: false, PAIRS_ORDER: true },
  siteSectionPublished: true,
  meetings: 12,
  cases: 2,
  awards: 0,
  growth: [{ change: 1.5 }, { change: 0 }, { change: -0.5 }],
};

describe("the indicator library", () => {
  it("computes each indicator from the school's facts as a normalized answer (shares to one decimal, none without a whole)", () => {
    expect(computeIndicator("pairs.byOrder", facts)).toBe("4");
    expect(computeIndicator("act.roadmap", facts)).toBe("no");
    expect(computeIndicator("site.section", facts)).toBe("yes");
    expect(computeIndicator("coverage.teachers", facts)).toBe("33.3");
    expect(computeIndicator("coverage.youngSpecialists", facts)).toBeNull();
    expect(computeIndicator("coverage.studentMentees", facts)).toBe("10.5");
    expect(computeIndicator("satisfaction.mentors", facts)).toBeNull();
    expect(computeIndicator("deadlines.met", facts)).toBe("66.7");
    // The results of the programs (decision 053): the passport's age band, plans, growth, retention.
    expect(computeIndicator("coverage.minorMentees", facts)).toBe("13.3");
    expect(computeIndicator("coverage.minorMentors", facts)).toBe("0");
    expect(computeIndicator("programs.personalApproved", facts)).toBe("3");
    expect(computeIndicator("programs.planDone", facts)).toBe("66.7");
    expect(computeIndicator("growth.criteriaUp", facts)).toBe("33.3");
    expect(computeIndicator("growth.criteriaUp", { ...facts, growth: [] })).toBeNull();
    expect(computeIndicator("retention.youngMentored", facts)).toBe("66.7");
    expect(computeIndicator(null, facts)).toBeNull();
    expect(computeIndicator("no.such", facts)).toBeNull();
    // Every computed value is an answer its own type accepts.
    for (const [key, entry] of Object.entries(INDICATOR_LIBRARY)) {
      const value = computeIndicator(key, facts);
      if (value !== null) expect(parseAnswer(entry.answerType, value), key).toEqual({ ok: true, value });
    }
  });

  it("ships forms whose lines are all valid: library keys known, own questions typed", () => {
    for (const form of SHIPPED_FORMS) {
      const lines = formIndicators(form);
      expect(lines.length, form.key).toBeGreaterThan(5);
      expect(lines.map((l) => l.position)).toEqual(lines.map((_, i) => i + 1));
      for (const l of lines) {
        expect(translator("ru")(`campaigns.${l.titleKey}`).length, `${form.key} ${l.position}`).toBeGreaterThan(5);
        expect(translator("en")(`campaigns.${l.titleKey}`), `${form.key} ${l.position}`).not.toMatch(/[А-Яа-яЁё]/);
      }
      expect(translator("en")(`campaigns.shippedForms.${form.key}`)).not.toMatch(/[А-Яа-яЁё]/);
    }
  });
});

describe("answers", () => {
  it("reads numbers with a Russian comma, shares 0–100, yes/no, http(s) links; empty is no answer", () => {
    expect(parseAnswer("NUMBER", " 12,50 ")).toEqual({ ok: true, value: "12.5" });
    expect(parseAnswer("NUMBER", "1 200")).toEqual({ ok: true, value: "1200" });
    expect(parseAnswer("NUMBER", "-3")).toMatchObject({ ok: false, refusal: { key: "campaignAnswerNumber" } });
    expect(parseAnswer("NUMBER", "двенадцать")).toMatchObject({ ok: false });
    expect(parseAnswer("PERCENT", "100")).toEqual({ ok: true, value: "100" });
    expect(parseAnswer("PERCENT", "100,1")).toMatchObject({ ok: false, refusal: { key: "campaignAnswerPercent" } });
    expect(parseAnswer("YES_NO", "yes")).toEqual({ ok: true, value: "yes" });
    expect(parseAnswer("YES_NO", "да")).toMatchObject({ ok: false, refusal: { key: "campaignAnswerYesNo" } });
    expect(parseAnswer("LINK", "https://school.example/mentoring")).toEqual({ ok: true, value: "https://school.example/mentoring" });
    expect(parseAnswer("LINK", "javascript:alert(1)")).toMatchObject({ ok: false, refusal: { key: "campaignAnswerLink" } });
    expect(parseAnswer("TEXT", "x".repeat(2001))).toMatchObject({ ok: false, refusal: { key: "tooLong" } });
    expect(parseAnswer("TEXT", "  ")).toEqual({ ok: true, value: null });
    expect(parseAnswer("NUMBER", undefined)).toEqual({ ok: true, value: null });
  });

  it("a changed computed value needs a comment; an unchanged one, an own question or a blank computed do not", () => {
    expect(needsComment("4", "5", null)).toBe(true);
    expect(needsComment("4", "5", "  ")).toBe(true);
    expect(needsComment("4", "5", "Пятая пара закреплена позже")).toBe(false);
    expect(needsComment("4", "4", null)).toBe(false);
    expect(needsComment(null, "5", null)).toBe(false);
  });

  it("keeps only well-formed stored values", () => {
    expect(readStoredValues({ a: { computed: "1", value: "2", comment: "c" }, b: "x", c: { value: 3 } })).toEqual({ a: { computed: "1", value: "2", comment: "c" }, c: { computed: null, value: null, comment: null } });
    expect(readStoredValues(null)).toEqual({});
    expect(readStoredValues([1])).toEqual({});
  });
});

describe("the window", () => {
  const w = { opensOn: day("2027-07-01"), closesOn: day("2027-08-15"), closedAt: null, reopenedUntil: null, status: null };
  it("is open from the first to the last day inclusive, names the date otherwise", () => {
    expect(windowState(w, day("2027-06-30"))).toEqual({ open: false, reason: "campaignNotOpen", date: day("2027-07-01") });
    expect(windowState(w, day("2027-07-01"))).toEqual({ open: true });
    expect(windowState(w, day("2027-08-15"))).toEqual({ open: true });
    expect(windowState(w, day("2027-08-16"))).toEqual({ open: false, reason: "campaignWindowClosed", date: day("2027-08-15") });
  });
  it("stays open after it for a school reopened (up to its day) or returned; never once the campaign is closed", () => {
    expect(windowState({ ...w, reopenedUntil: day("2027-08-20") }, day("2027-08-20"))).toEqual({ open: true });
    expect(windowState({ ...w, reopenedUntil: day("2027-08-20") }, day("2027-08-21"))).toEqual({ open: false, reason: "campaignWindowClosed", date: day("2027-08-20") });
    expect(windowState({ ...w, status: "RETURNED" }, day("2027-09-01"))).toEqual({ open: true });
    const closedAt = new Date("2027-08-10T12:00:00Z");
    expect(windowState({ ...w, closedAt, status: "RETURNED" }, day("2027-08-11"))).toEqual({ open: false, reason: "campaignClosed", date: closedAt });
  });
});

describe("consolidation", () => {
  it("writes numbers as numbers and yes/no as words; totals answered, sum, mean and «да»", () => {
    const words = { yes: "да", no: "нет" };
    expect(cellOf("NUMBER", "12.5", words)).toBe(12.5);
    expect(cellOf("YES_NO", "no", words)).toBe("нет");
    expect(cellOf("LINK", null, words)).toBeNull();
    expect(summarizeIndicator("NUMBER", ["1", "2", null, "4"])).toEqual({ answered: 3, sum: 7, average: 2.3, yes: null });
    expect(summarizeIndicator("PERCENT", ["50", "100"])).toEqual({ answered: 2, sum: null, average: 75, yes: null });
    expect(summarizeIndicator("YES_NO", ["yes", "no", "yes", null])).toEqual({ answered: 3, sum: null, average: null, yes: 2 });
    expect(summarizeIndicator("TEXT", ["a", null])).toEqual({ answered: 1, sum: null, average: null, yes: null });
  });
});
