// The results of the year's programs over a district's schools (issue #16 item 4, decision 053): personalized
// programs and their plan items done, meetings per pair, cases, awards, site sections, introduction orders and
// incentive regulations, the students under 18 in the programs (the passport's age band), young specialists'
// retention and the growth by criterion of the «до/после» assessments. The per-school counts come from
// district_school_figures() (the same definitions as lib/domain/effectiveness.ts and lib/domain/retention.ts for one
// school); this sums and shares them. Pure.

/** part / whole in per cent; null without a whole (as monitoring.ts percent(), kept here to avoid an import cycle). */
const percent = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

/** One school's counts for the academic year (see the migration 20261206120000_district_results for each). */
export type SchoolResults = {
  pairsWorked: number;
  programsApproved: number;
  planItems: number;
  planItemsDone: number;
  meetings: number;
  cases: number;
  awards: number;
  sitePublished: boolean;
  introductionOrder: boolean;
  incentiveRegulation: boolean;
  /** Students under 18 on 1 September of the year, and of them mentees and mentors. */
  minorStudents: number;
  minorMentees: number;
  minorMentors: number;
  /** Young specialists who worked in the year; mentored; mentored and stayed; left in the year. */
  youngWorked: number;
  youngMentored: number;
  youngMentoredStayed: number;
  youngLeft: number;
  /** The criteria of the year's latest «до/после» assessment compared (both sides answered), and of them those that grew. */
  growthCriteria: number;
  growthCriteriaUp: number;
};

export const NO_RESULTS: SchoolResults = {
  pairsWorked: 0,
  programsApproved: 0,
  planItems: 0,
  planItemsDone: 0,
  meetings: 0,
  cases: 0,
  awards: 0,
  sitePublished: false,
  introductionOrder: false,
  incentiveRegulation: false,
  minorStudents: 0,
  minorMentees: 0,
  minorMentors: 0,
  youngWorked: 0,
  youngMentored: 0,
  youngMentoredStayed: 0,
  youngLeft: 0,
  growthCriteria: 0,
  growthCriteriaUp: 0,
};

export type ResultsSummary = {
  pairsWorked: number;
  programsApproved: number;
  /** Approved personalized programs of the pairs that worked, %. */
  programsApprovedShare: number | null;
  planItems: number;
  planItemsDone: number;
  planItemsDoneShare: number | null;
  meetings: number;
  /** Meetings per pair that worked, one decimal. */
  meetingsPerPair: number | null;
  cases: number;
  awards: number;
  /** Organizations with the site section published / with the order on introducing the model / with an incentive regulation. */
  sitePublished: number;
  introductionOrders: number;
  incentiveRegulations: number;
  minorStudents: number;
  minorMentees: number;
  minorMentors: number;
  minorMenteesShare: number | null;
  minorMentorsShare: number | null;
  youngWorked: number;
  youngMentored: number;
  youngMentoredStayed: number;
  /** Mentored young specialists who stayed, of the mentored, %. */
  youngRetainedShare: number | null;
  youngLeft: number;
  /** Criteria compared over the schools' assessments; of them grew; the share that grew, %. */
  growthCriteria: number;
  growthCriteriaUp: number;
  growthShare: number | null;
  /** Organizations whose assessment compared at least one criterion. */
  growthSchools: number;
};

/** The sums of the schools' counts, pooled shares (sum of parts over sum of wholes). */
export function summarizeResults(results: readonly SchoolResults[]): ResultsSummary {
  const sum = (pick: (r: SchoolResults) => number) => results.reduce((n, r) => n + pick(r), 0);
  const count = (pick: (r: SchoolResults) => boolean) => results.filter(pick).length;
  const pairsWorked = sum((r) => r.pairsWorked);
  const programsApproved = sum((r) => r.programsApproved);
  const planItems = sum((r) => r.planItems);
  const planItemsDone = sum((r) => r.planItemsDone);
  const meetings = sum((r) => r.meetings);
  const minorStudents = sum((r) => r.minorStudents);
  const minorMentees = sum((r) => r.minorMentees);
  const minorMentors = sum((r) => r.minorMentors);
  const youngMentored = sum((r) => r.youngMentored);
  const youngMentoredStayed = sum((r) => r.youngMentoredStayed);
  const growthCriteria = sum((r) => r.growthCriteria);
  const growthCriteriaUp = sum((r) => r.growthCriteriaUp);
  return {
    pairsWorked,
    programsApproved,
    programsApprovedShare: percent(programsApproved, pairsWorked),
    planItems,
    planItemsDone,
    planItemsDoneShare: percent(planItemsDone, planItems),
    meetings,
    meetingsPerPair: pairsWorked ? Math.round((meetings / pairsWorked) * 10) / 10 : null,
    cases: sum((r) => r.cases),
    awards: sum((r) => r.awards),
    sitePublished: count((r) => r.sitePublished),
    introductionOrders: count((r) => r.introductionOrder),
    incentiveRegulations: count((r) => r.incentiveRegulation),
    minorStudents,
    minorMentees,
    minorMentors,
    minorMenteesShare: percent(minorMentees, minorStudents),
    minorMentorsShare: percent(minorMentors, minorStudents),
    youngWorked: sum((r) => r.youngWorked),
    youngMentored,
    youngMentoredStayed,
    youngRetainedShare: percent(youngMentoredStayed, youngMentored),
    youngLeft: sum((r) => r.youngLeft),
    growthCriteria,
    growthCriteriaUp,
    growthShare: percent(growthCriteriaUp, growthCriteria),
    growthSchools: count((r) => r.growthCriteria > 0),
  };
}
