import { formatAcademicYear } from "./academic-year";
import { STAGES } from "./stages";
import { formatCalendarDate, roundedPercent } from "../format";
import { summarizeResults, type ResultsSummary, type SchoolResults } from "./district-results";
import { matchesEveryWord } from "./paging";

// District monitoring (seed 002: §4.2 the municipal level, §6 the evaluation, Приложение 2 item 10): pure
// derivations over the per-school figures the district_school_figures() database function returns —
// coverage shares, whether a school runs the system, why it lags (as message keys with values: the dashboard words
// them in the reader's language, the analytical report in Russian — lib/monitoring/district-text.ts) and the
// district summary. Aggregates only: no names, no difficulties.

/** One school's figures for an academic year (see the function's migration for each definition). */
export type DistrictSchoolFigures = {
  schoolId: string;
  name: string;
  shortName: string | null;
  schoolKind: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  /** The school's program of the year; null when there is none. */
  program: { id: string; stage: number; status: "ACTIVE" | "COMPLETED" } | null;
  /** Approved local acts of stage 1. */
  acts: { regulation: boolean; roadmap: boolean; curator: boolean };
  pairs: { byOrder: number; active: number; completed: number; dissolved: number };
  menteesInBank: number;
  mentorsApproved: number;
  teachers: number;
  teachersInvolved: number;
  youngSpecialists: number;
  youngSpecialistsCovered: number;
  students: number;
  studentMentees: number;
  studentMentors: number;
  overdueActivities: number;
  deadlinesDue: number;
  deadlinesMet: number;
  /** The office's dated deadlines the school did late (decision 047): what, and by how many days. */
  lateDeadlines?: { title: string; daysLate: number }[];
  /** Satisfaction surveys' result, % (the program's indicator); null when not measured. */
  menteeSatisfaction: number | null;
  mentorSatisfaction: number | null;
  /** The results of the year's programs: plan items, meetings, cases, awards, site, acts, minors, retention (decision 053). */
  results: SchoolResults;
};

/** The regulation's target (seed 002, §6.1.2): every school runs the system, every year. */
export const RUNNING_TARGET_PERCENT = 100;
/** Satisfaction below this is a reason to look at the school. */
export const SATISFACTION_THRESHOLD = 50;
/** A school this many stages behind the district's median lags. */
export const MEDIAN_LAG = 2;

// ── Shares ───────────────────────────────────────────────────────────────────────────────────────

/** part / whole in per cent; null when there is nothing to share (whole 0). */
export function percent(part: number, whole: number): number | null {
  if (!Number.isFinite(whole) || whole <= 0) return null;
  return (part / whole) * 100;
}


export type CoverageShares = {
  /** Teachers in a live or completed pair (as mentor or mentee) of all teachers. */
  teachersInvolved: number | null;
  /** Young specialists (experience ≤ 3 years) who are mentees, of all young specialists. */
  youngSpecialistsCovered: number | null;
  /** Students who are mentees / mentors, of all students. */
  studentMentees: number | null;
  studentMentors: number | null;
};

export function coverageOf(f: Pick<DistrictSchoolFigures, "teachers" | "teachersInvolved" | "youngSpecialists" | "youngSpecialistsCovered" | "students" | "studentMentees" | "studentMentors">): CoverageShares {
  return {
    teachersInvolved: percent(f.teachersInvolved, f.teachers),
    youngSpecialistsCovered: percent(f.youngSpecialistsCovered, f.youngSpecialists),
    studentMentees: percent(f.studentMentees, f.students),
    studentMentors: percent(f.studentMentors, f.students),
  };
}

// ── Stage, running the system ────────────────────────────────────────────────────────────────────

/** 0: no program; 1–7: the stage; 8: the program is completed. */
export function stageRank(f: Pick<DistrictSchoolFigures, "program">): number {
  if (!f.program) return 0;
  return f.program.status === "COMPLETED" ? STAGES.length + 1 : f.program.stage;
}

export const COMPLETED_RANK = STAGES.length + 1;

export function allActsApproved(f: Pick<DistrictSchoolFigures, "acts">): boolean {
  return f.acts.regulation && f.acts.roadmap && f.acts.curator;
}

/**
 * A school runs the system of mentoring (seed 002, §6.1.2) in the year when its program of that year has
 * passed stage 1 (stage 2 or later, or completed) and its three local acts of stage 1 are approved: the
 * regulation, the order approving the roadmap and the order appointing the curator.
 */
export function runsSystem(f: Pick<DistrictSchoolFigures, "program" | "acts">): boolean {
  return stageRank(f) >= 2 && allActsApproved(f);
}

/** The median of the stage ranks of the schools that have a program; null when none has. */
export function medianStageRank(figures: Pick<DistrictSchoolFigures, "program">[]): number | null {
  const ranks = figures.map(stageRank).filter((r) => r > 0).sort((a, b) => a - b);
  if (ranks.length === 0) return null;
  const mid = Math.floor(ranks.length / 2);
  return ranks.length % 2 ? ranks[mid]! : (ranks[mid - 1]! + ranks[mid]!) / 2;
}

/**
 * The calendar of the year (seed 002, Приложение 2, and the municipal roadmap template): by 1 October the
 * local acts are adopted (stage 1 passed); by 1 December the banks are formed and mentors selected and
 * trained (stages 2–4 passed); by 1 February the pairs are secured by an order (stage 5 passed); by 1 June
 * the mentors have reported (stage 7 reached); after 31 August the year is over and the program completed.
 * Returns the least stage rank expected on `today`, with the date it became due; null before 1 October.
 */
export function expectedStageRank(year: number, today: Date): { rank: number; since: Date } | null {
  const milestones: { rank: number; since: Date }[] = [
    { rank: 2, since: new Date(Date.UTC(year, 9, 1)) },
    { rank: 5, since: new Date(Date.UTC(year, 11, 1)) },
    { rank: 6, since: new Date(Date.UTC(year + 1, 1, 1)) },
    { rank: 7, since: new Date(Date.UTC(year + 1, 5, 1)) },
    { rank: COMPLETED_RANK, since: new Date(Date.UTC(year + 1, 8, 1)) },
  ];
  let due: { rank: number; since: Date } | null = null;
  for (const m of milestones) if (today.getTime() >= m.since.getTime()) due = m;
  return due;
}

// ── Why a school lags ────────────────────────────────────────────────────────────────────────────

export type ActCode = "REGULATION" | "ROADMAP_APPROVAL" | "CURATOR_APPOINTMENT";

export type LagCode =
  | "no-program"
  | "acts-missing"
  | "behind-median"
  | "behind-calendar"
  | "not-completed"
  | "overdue"
  | "deadlines-missed"
  | "low-mentee-satisfaction"
  | "low-mentor-satisfaction";

/**
 * Why a school lags: the code names the message (`monitoring.district.reasons.<code>`), `values` fill it; the acts
 * of "acts-missing" are named by the translator (`actNames.<act>`), and so is the median stage of "behind-median".
 */
export type LagReason = { code: LagCode; values: Record<string, string | number>; acts?: ActCode[] };

export function missingActs(f: Pick<DistrictSchoolFigures, "acts">): ActCode[] {
  const out: ActCode[] = [];
  if (!f.acts.regulation) out.push("REGULATION");
  if (!f.acts.roadmap) out.push("ROADMAP_APPROVAL");
  if (!f.acts.curator) out.push("CURATOR_APPOINTMENT");
  return out;
}

/**
 * The reasons a school lags, each a code with the values of its sentence:
 * no program of the year; local acts of stage 1 not approved; the stage ≥ 2 behind the district median
 * (of the schools with a program); behind the calendar (expectedStageRank); the year over and the program
 * not completed; overdue roadmap activities; the district's deadlines missed; satisfaction of mentees or
 * mentors below 50 %. No reason — the school does not lag.
 */
export function lagReasons(f: DistrictSchoolFigures, context: { year: number; today: Date; medianRank: number | null }): LagReason[] {
  const reasons: LagReason[] = [];
  const rank = stageRank(f);
  const yearText = formatAcademicYear(context.year);
  if (!f.program) {
    reasons.push({ code: "no-program", values: { year: yearText } });
  }
  const acts = missingActs(f);
  if (acts.length > 0) {
    reasons.push({ code: "acts-missing", values: { count: acts.length }, acts });
  }
  if (f.program) {
    if (context.medianRank !== null && rank <= context.medianRank - MEDIAN_LAG) {
      const behind = Math.floor(context.medianRank - rank);
      reasons.push({ code: "behind-median", values: { stage: rank, behind, median: Math.round(context.medianRank) } });
    }
    const expected = expectedStageRank(context.year, context.today);
    if (expected && rank < expected.rank) {
      if (expected.rank >= COMPLETED_RANK) {
        reasons.push({ code: "not-completed", values: { stage: rank } });
      } else {
        reasons.push({ code: "behind-calendar", values: { date: formatCalendarDate(expected.since), expected: expected.rank, stage: rank } });
      }
    }
  }
  if (f.overdueActivities > 0) {
    reasons.push({ code: "overdue", values: { count: f.overdueActivities } });
  }
  if (f.deadlinesMet < f.deadlinesDue) {
    reasons.push({ code: "deadlines-missed", values: { met: f.deadlinesMet, due: f.deadlinesDue } });
  }
  if (f.menteeSatisfaction !== null && f.menteeSatisfaction < SATISFACTION_THRESHOLD) {
    reasons.push({ code: "low-mentee-satisfaction", values: { value: roundedPercent(f.menteeSatisfaction), threshold: SATISFACTION_THRESHOLD } });
  }
  if (f.mentorSatisfaction !== null && f.mentorSatisfaction < SATISFACTION_THRESHOLD) {
    reasons.push({ code: "low-mentor-satisfaction", values: { value: roundedPercent(f.mentorSatisfaction), threshold: SATISFACTION_THRESHOLD } });
  }
  return reasons;
}

// ── The district ─────────────────────────────────────────────────────────────────────────────────

export type AssessedSchool = DistrictSchoolFigures & {
  rank: number;
  coverage: CoverageShares;
  runsSystem: boolean;
  reasons: LagReason[];
  lagging: boolean;
};

/** Stage groups of the dashboard and the report: no program, stages 1–7, completed. */
export type StageKey = "none" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "completed";
export const STAGE_KEYS: StageKey[] = ["none", "1", "2", "3", "4", "5", "6", "7", "completed"];

export function stageKey(rank: number): StageKey {
  if (rank <= 0) return "none";
  if (rank >= COMPLETED_RANK) return "completed";
  return String(rank) as StageKey;
}

export type DistrictSummary = {
  schools: number;
  withProgram: number;
  running: number;
  runningShare: number | null;
  target: number;
  lagging: number;
  medianRank: number | null;
  byStage: { key: StageKey; count: number }[];
  pairs: { byOrder: number; active: number; completed: number; dissolved: number };
  menteesInBank: number;
  mentorsApproved: number;
  teachers: number;
  teachersInvolved: number;
  youngSpecialists: number;
  youngSpecialistsCovered: number;
  students: number;
  studentMentees: number;
  studentMentors: number;
  /** Pooled over the schools (sum of parts over sum of wholes). */
  coverage: CoverageShares;
  /** Mean of the schools that measured it; how many did. */
  satisfaction: { mentee: number | null; mentor: number | null; menteeSchools: number; mentorSchools: number };
  overdueActivities: number;
  schoolsWithOverdue: number;
  deadlines: { due: number; met: number };
  results: ResultsSummary;
};

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Assesses each school (coverage, running the system, lagging and why) and sums up the district. */
export function assessDistrict(figures: DistrictSchoolFigures[], context: { year: number; today: Date }): { schools: AssessedSchool[]; summary: DistrictSummary } {
  const medianRank = medianStageRank(figures);
  const schools = figures.map((f) => assessSchool(f, lagReasons(f, { year: context.year, today: context.today, medianRank })));
  return { schools, summary: summarizeSchools(schools, medianRank) };
}

const NO_LATE_DEADLINES: { title: string; daysLate: number }[] = [];

/**
 * The figures with their assessment. Every field is listed (no object spread): V8 copies a spread of this many
 * properties slowly and leaves a dictionary-mode object, which made a region's 2 000 schools several times slower.
 */
function assessSchool(f: DistrictSchoolFigures, reasons: LagReason[]): AssessedSchool {
  return {
    schoolId: f.schoolId,
    name: f.name,
    shortName: f.shortName,
    schoolKind: f.schoolKind,
    municipalityId: f.municipalityId,
    municipalityName: f.municipalityName,
    program: f.program,
    acts: f.acts,
    pairs: f.pairs,
    menteesInBank: f.menteesInBank,
    mentorsApproved: f.mentorsApproved,
    teachers: f.teachers,
    teachersInvolved: f.teachersInvolved,
    youngSpecialists: f.youngSpecialists,
    youngSpecialistsCovered: f.youngSpecialistsCovered,
    students: f.students,
    studentMentees: f.studentMentees,
    studentMentors: f.studentMentors,
    overdueActivities: f.overdueActivities,
    deadlinesDue: f.deadlinesDue,
    deadlinesMet: f.deadlinesMet,
    lateDeadlines: f.lateDeadlines ?? NO_LATE_DEADLINES,
    menteeSatisfaction: f.menteeSatisfaction,
    mentorSatisfaction: f.mentorSatisfaction,
    results: f.results,
    rank: stageRank(f),
    coverage: coverageOf(f),
    runsSystem: runsSystem(f),
    reasons,
    lagging: reasons.length > 0,
  };
}

/** The summary of a set of assessed schools (the district, or one municipality of a region). */
export function summarizeSchools(schools: AssessedSchool[], medianRank: number | null = medianStageRank(schools)): DistrictSummary {
  const sum = (pick: (s: AssessedSchool) => number) => schools.reduce((acc, s) => acc + pick(s), 0);
  const running = schools.filter((s) => s.runsSystem).length;
  const totals = {
    teachers: sum((s) => s.teachers),
    teachersInvolved: sum((s) => s.teachersInvolved),
    youngSpecialists: sum((s) => s.youngSpecialists),
    youngSpecialistsCovered: sum((s) => s.youngSpecialistsCovered),
    students: sum((s) => s.students),
    studentMentees: sum((s) => s.studentMentees),
    studentMentors: sum((s) => s.studentMentors),
  };
  const menteeValues = schools.map((s) => s.menteeSatisfaction).filter((v): v is number => v !== null);
  const mentorValues = schools.map((s) => s.mentorSatisfaction).filter((v): v is number => v !== null);
  const counts = new Map<StageKey, number>(STAGE_KEYS.map((k) => [k, 0]));
  for (const s of schools) counts.set(stageKey(s.rank), (counts.get(stageKey(s.rank)) ?? 0) + 1);
  return {
    schools: schools.length,
    withProgram: schools.filter((s) => s.program).length,
    running,
    runningShare: percent(running, schools.length),
    target: RUNNING_TARGET_PERCENT,
    lagging: schools.filter((s) => s.lagging).length,
    medianRank,
    byStage: STAGE_KEYS.map((key) => ({ key, count: counts.get(key) ?? 0 })),
    pairs: {
      byOrder: sum((s) => s.pairs.byOrder),
      active: sum((s) => s.pairs.active),
      completed: sum((s) => s.pairs.completed),
      dissolved: sum((s) => s.pairs.dissolved),
    },
    menteesInBank: sum((s) => s.menteesInBank),
    mentorsApproved: sum((s) => s.mentorsApproved),
    ...totals,
    coverage: coverageOf(totals),
    satisfaction: { mentee: mean(menteeValues), mentor: mean(mentorValues), menteeSchools: menteeValues.length, mentorSchools: mentorValues.length },
    overdueActivities: sum((s) => s.overdueActivities),
    schoolsWithOverdue: schools.filter((s) => s.overdueActivities > 0).length,
    deadlines: { due: sum((s) => s.deadlinesDue), met: sum((s) => s.deadlinesMet) },
    results: summarizeResults(schools.map((s) => s.results)),
  };
}

/** Schools grouped by municipality (a region's report and filter), in the order given. */
export function groupByMunicipality<T extends Pick<DistrictSchoolFigures, "municipalityId" | "municipalityName">>(schools: T[]): { id: string; name: string; schools: T[] }[] {
  const groups = new Map<string, { id: string; name: string; schools: T[] }>();
  for (const s of schools) {
    const id = s.municipalityId ?? "";
    const group = groups.get(id) ?? { id, name: s.municipalityName ?? "—", schools: [] };
    group.schools.push(s);
    groups.set(id, group);
  }
  return [...groups.values()];
}

// ── Filters of the dashboard ─────────────────────────────────────────────────────────────────────

/** `q`: words of the school's name, short name or municipality (the dashboard's search). */
export type SchoolFilter = { stage?: StageKey | null; lagging?: boolean; running?: boolean | null; municipalityId?: string | null; q?: string };

export function filterSchools<T extends AssessedSchool>(schools: T[], filter: SchoolFilter): T[] {
  return schools.filter(
    (s) =>
      (!filter.stage || stageKey(s.rank) === filter.stage) &&
      (!filter.lagging || s.lagging) &&
      (filter.running === undefined || filter.running === null || s.runsSystem === filter.running) &&
      (!filter.municipalityId || s.municipalityId === filter.municipalityId) &&
      (!filter.q || matchesEveryWord(filter.q, `${s.name} ${s.shortName ?? ""} ${s.municipalityName ?? ""}`)),
  );
}

/** Reads the dashboard's search parameters; anything unknown is ignored. */
export function readSchoolFilter(params: Record<string, string | string[] | undefined>): SchoolFilter {
  const one = (key: string) => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const stage = one("stage");
  const running = one("running");
  const municipality = one("municipality");
  const q = one("q")?.trim().slice(0, 100);
  return {
    ...(q ? { q } : {}),
    stage: stage && (STAGE_KEYS as string[]).includes(stage) ? (stage as StageKey) : null,
    lagging: one("lagging") === "1",
    running: running === "yes" ? true : running === "no" ? false : null,
    municipalityId: municipality && /^[0-9a-f-]{36}$/i.test(municipality) ? municipality : null,
  };
}
