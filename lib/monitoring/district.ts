import "server-only";
import type { Tx } from "../db";
import { academicYearOf } from "../domain/academic-year";
import { z } from "zod";
import { assessDistrict, STAGE_KEYS, type AssessedSchool, type DistrictSummary, type DistrictSchoolFigures } from "../domain/monitoring";
import { IdParam, optionalParam, YearParam } from "../http/params";
import { PageParam, QueryParam, sortParam } from "../http/list-search";
import { DISTRICT_SORT_COLUMNS } from "../domain/district-order";
import { isoDate } from "../domain/local-date";
import { deadlineFigures, loadDeadlineOutcomes } from "../deadlines/outcomes";
import { finishedYearSummary } from "./finished-years";

// A row of district_school_figures(): the database's row type school_figures (migrations 20261206140000 and
// 20261206150000). A new column goes there, in school_figures_compute() and here; the same migration empties
// SchoolFiguresKept (decision 055).
type Row = {
  school_id: string; school_name: string; school_short_name: string | null; school_kind: string | null;
  municipality_id: string | null; municipality_name: string | null;
  program_id: string | null; program_stage: number | null; program_status: "ACTIVE" | "COMPLETED" | null;
  act_regulation: boolean; act_roadmap: boolean; act_curator: boolean;
  pairs_by_order: number; pairs_active: number; pairs_completed: number; pairs_dissolved: number;
  mentees_in_bank: number; mentors_approved: number;
  teachers: number; teachers_involved: number; young_specialists: number; young_specialists_covered: number;
  students: number; student_mentees: number; student_mentors: number;
  activities_overdue: number; deadlines_due: number; deadlines_met: number;
  mentee_satisfaction: number | null; mentor_satisfaction: number | null;
  act_introduction: boolean; act_incentive: boolean;
  pairs_worked: number; programs_approved: number; plan_items: number; plan_items_done: number;
  meetings: number; cases: number; awards: number; site_published: boolean;
  minor_students: number; minor_mentees: number; minor_mentors: number;
  young_worked: number; young_mentored: number; young_mentored_stayed: number; young_left: number;
  growth_criteria: number; growth_criteria_up: number;
};

function toFigures(r: Row): DistrictSchoolFigures {
  return {
    schoolId: r.school_id,
    name: r.school_name,
    shortName: r.school_short_name,
    schoolKind: r.school_kind,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    program: r.program_id ? { id: r.program_id, stage: Number(r.program_stage), status: r.program_status ?? "ACTIVE" } : null,
    acts: { regulation: r.act_regulation, roadmap: r.act_roadmap, curator: r.act_curator },
    pairs: { byOrder: r.pairs_by_order, active: r.pairs_active, completed: r.pairs_completed, dissolved: r.pairs_dissolved },
    menteesInBank: r.mentees_in_bank,
    mentorsApproved: r.mentors_approved,
    teachers: r.teachers,
    teachersInvolved: r.teachers_involved,
    youngSpecialists: r.young_specialists,
    youngSpecialistsCovered: r.young_specialists_covered,
    students: r.students,
    studentMentees: r.student_mentees,
    studentMentors: r.student_mentors,
    overdueActivities: r.activities_overdue,
    deadlinesDue: r.deadlines_due,
    deadlinesMet: r.deadlines_met,
    lateDeadlines: [],
    menteeSatisfaction: r.mentee_satisfaction === null ? null : Number(r.mentee_satisfaction),
    mentorSatisfaction: r.mentor_satisfaction === null ? null : Number(r.mentor_satisfaction),
    results: {
      pairsWorked: r.pairs_worked,
      programsApproved: r.programs_approved,
      planItems: r.plan_items,
      planItemsDone: r.plan_items_done,
      meetings: r.meetings,
      cases: r.cases,
      awards: r.awards,
      sitePublished: r.site_published,
      introductionOrder: r.act_introduction,
      incentiveRegulation: r.act_incentive,
      minorStudents: r.minor_students,
      minorMentees: r.minor_mentees,
      minorMentors: r.minor_mentors,
      youngWorked: r.young_worked,
      youngMentored: r.young_mentored,
      youngMentoredStayed: r.young_mentored_stayed,
      youngLeft: r.young_left,
      growthCriteria: r.growth_criteria,
      growthCriteriaUp: r.growth_criteria_up,
    },
  };
}

/**
 * The figures of every school under the organization for the academic year (a municipality: its schools;
 * a region: the schools of its municipalities; a school: itself), read through the district_school_figures()
 * database function — the municipal office's only door to the schools' rows, and only for the organization
 * the transaction is scoped to (another organization's id returns nothing). Aggregates only.
 */
/** `today`: the calendar date in the organization's zone (organizationToday). */
export async function loadDistrictFigures(tx: Tx, organizationId: string, year: number, today: Date): Promise<DistrictSchoolFigures[]> {
  const rows = await tx.$queryRaw<Row[]>`SELECT * FROM district_school_figures(${organizationId}::uuid, ${year}::integer, ${isoDate(today)}::date)`;
  // The office's dated deadlines (decision 047) join the template's: due when done or past their day, met
  // when done on time; the late ones are listed with their days.
  const outcomes = await loadDeadlineOutcomes(tx, organizationId, year, today);
  return rows.map((r) => {
    const figures = toFigures(r);
    const list = outcomes.get(r.school_id);
    if (list) {
      const dated = deadlineFigures(list);
      figures.deadlinesDue += dated.due;
      figures.deadlinesMet += dated.onTime;
      figures.lateDeadlines = dated.late;
    }
    return figures;
  });
}

export type DistrictDashboard = {
  year: number;
  today: Date;
  schools: AssessedSchool[];
  summary: DistrictSummary;
  /** With `trends`: the same summary for the year before (issue #16 item 4), for the comparison. */
  previous?: DistrictSummary;
};

/** The summary of an academic year for the organization (the figures assessed): a year compared with, a school's trends. */
export async function loadDistrictSummary(tx: Tx, organizationId: string, year: number, today: Date): Promise<DistrictSummary> {
  return assessDistrict(await loadDistrictFigures(tx, organizationId, year, today), { year, today }).summary;
}

/**
 * The dashboard's data: the figures, assessed (coverage, running the system, lagging and why), sorted by municipality
 * and name; with `trends`, the year before too (the same function, a second call; a finished year's summary is kept
 * for ten minutes: ./finished-years.ts).
 */
export async function loadDistrictDashboard(tx: Tx, organizationId: string, year: number, today: Date, options: { trends?: boolean } = {}): Promise<DistrictDashboard> {
  const [figures, previous] = await Promise.all([
    loadDistrictFigures(tx, organizationId, year, today),
    options.trends
      ? finishedYearSummary(organizationId, year - 1, today, () => loadDistrictSummary(tx, organizationId, year - 1, today))
      : Promise.resolve(undefined),
  ]);
  const { schools, summary } = assessDistrict(figures, { year, today });
  const collator = new Intl.Collator("ru", { numeric: true });
  schools.sort((a, b) => collator.compare(a.municipalityName ?? "", b.municipalityName ?? "") || collator.compare(a.shortName ?? a.name, b.shortName ?? b.name));
  return { year, today, schools, summary, ...(previous ? { previous } : {}) };
}

/**
 * The district dashboard's filters and order (its filter form, its links, its .xlsx export): anything else is a 404 /
 * 400. The export takes these; the page adds the text search (DistrictDashboardSearchInput) — free text is no
 * parameter a file route could refuse, and the export is of every school the filters select, not of one search.
 */
export const DistrictSearchInput = z.object({
  year: optionalParam(YearParam),
  stage: optionalParam(z.enum(STAGE_KEYS as [string, ...string[]])),
  lagging: optionalParam(z.enum(["0", "1"])),
  running: optionalParam(z.enum(["yes", "no"])),
  municipality: optionalParam(IdParam),
  sort: sortParam(DISTRICT_SORT_COLUMNS),
  page: PageParam,
});

/** The dashboard page's search: the filters, the order, the page and a school's name (decision 056). */
export const DistrictDashboardSearchInput = DistrictSearchInput.extend({ q: QueryParam });

/** The academic year of a search parameter («2026»), or the current one. */
export function readYear(value: string | string[] | undefined, today: Date): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= 2000 && year <= 2100 ? year : academicYearOf(today);
}

/** The years the year selector offers: five back, one ahead, and the chosen one. */
export function yearOptions(selected: number, today: Date): number[] {
  const current = academicYearOf(today);
  const years = new Set<number>([selected]);
  for (let y = current - 5; y <= current + 1; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}
