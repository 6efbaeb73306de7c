import { describe, expect, it } from "vitest";
import { NO_RESULTS, summarizeResults } from "./district-results";

describe("the results of a district's programs (decision 053)", () => {
  it("sums the schools and pools the shares (sum of parts over sum of wholes)", () => {
    const a = { ...NO_RESULTS, pairsWorked: 4, programsApproved: 3, planItems: 10, planItemsDone: 5, meetings: 9, cases: 1, sitePublished: true, introductionOrder: true, minorStudents: 100, minorMentees: 10, minorMentors: 2, youngWorked: 3, youngMentored: 2, youngMentoredStayed: 1, youngLeft: 1, growthCriteria: 6, growthCriteriaUp: 5 };
    const b = { ...NO_RESULTS, pairsWorked: 1, programsApproved: 1, planItems: 10, planItemsDone: 10, meetings: 2, awards: 4, incentiveRegulation: true, minorStudents: 100, minorMentees: 30, youngWorked: 2, youngMentored: 2, youngMentoredStayed: 2, growthCriteria: 2, growthCriteriaUp: 1 };
    expect(summarizeResults([a, b, NO_RESULTS])).toEqual({
      pairsWorked: 5,
      programsApproved: 4,
      programsApprovedShare: 80,
      planItems: 20,
      planItemsDone: 15,
      planItemsDoneShare: 75,
      meetings: 11,
      meetingsPerPair: 2.2,
      cases: 1,
      awards: 4,
      sitePublished: 1,
      introductionOrders: 1,
      incentiveRegulations: 1,
      minorStudents: 200,
      minorMentees: 40,
      minorMentors: 2,
      minorMenteesShare: 20,
      minorMentorsShare: 1,
      youngWorked: 5,
      youngMentored: 4,
      youngMentoredStayed: 3,
      youngRetainedShare: 75,
      youngLeft: 1,
      growthCriteria: 8,
      growthCriteriaUp: 6,
      growthShare: 75,
      growthSchools: 2,
    });
  });

  it("gives no share where there is no whole", () => {
    const s = summarizeResults([NO_RESULTS]);
    expect([s.programsApprovedShare, s.planItemsDoneShare, s.meetingsPerPair, s.minorMenteesShare, s.youngRetainedShare, s.growthShare]).toEqual([null, null, null, null, null, null]);
    expect(summarizeResults([])).toMatchObject({ pairsWorked: 0, sitePublished: 0 });
  });
});
