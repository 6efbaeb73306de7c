// The school dashboard's figures as pure rules: shares, coverage of teachers, young specialists and
// students, roadmap progress by stage, counts by a key, and the passport indicators' target against the
// actual. The definitions match the district figures (prisma/migrations/*_district_monitoring:
// district_school_figures), so that a school sees the same numbers its municipal office does.

import { isOverdue, type Recurrence } from "./due-period";

/** Pairs in which people count as involved in mentoring this year: secured by the order, working or completed. */
export const INVOLVED_PAIR_STATUSES = ["APPROVED", "ACTIVE", "COMPLETED"] as const;

/** Young specialist (молодой специалист): a teacher with at most this many years of experience. */
export const YOUNG_SPECIALIST_MAX_YEARS = 3;

/** part of whole in percent, one decimal; null when there is no whole (no share can be given). */
export function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Counts by a key, in the order of the known keys (zeros included), then any unknown keys met. */
export function countBy<T>(items: readonly T[], key: (item: T) => string, known: readonly string[] = []): { key: string; count: number }[] {
  const counts = new Map<string, number>(known.map((k) => [k, 0]));
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, count]) => ({ key: k, count }));
}

export type CoveragePerson = { id: string; kind: "TEACHER" | "STUDENT" | "EXTERNAL"; experienceYears: number | null };
export type Involvement = { asMentee: boolean; asMentor: boolean };

export function isYoungSpecialist(p: Pick<CoveragePerson, "kind" | "experienceYears">): boolean {
  return p.kind === "TEACHER" && p.experienceYears !== null && p.experienceYears <= YOUNG_SPECIALIST_MAX_YEARS;
}

/**
 * Who the participants of the involved pairs are: person id → as mentee / as mentor. A pair counts when
 * its status is one of INVOLVED_PAIR_STATUSES.
 */
export function involvementOf(pairs: readonly { status: string; mentorPersonId: string; menteePersonIds: readonly string[] }[]): Map<string, Involvement> {
  const out = new Map<string, Involvement>();
  const mark = (id: string, as: keyof Involvement) => {
    const entry = out.get(id) ?? { asMentee: false, asMentor: false };
    entry[as] = true;
    out.set(id, entry);
  };
  for (const pair of pairs) {
    if (!(INVOLVED_PAIR_STATUSES as readonly string[]).includes(pair.status)) continue;
    mark(pair.mentorPersonId, "asMentor");
    for (const id of pair.menteePersonIds) mark(id, "asMentee");
  }
  return out;
}

export type Coverage = {
  teachers: number;
  teachersInvolved: number;
  youngSpecialists: number;
  youngSpecialistsCovered: number;
  students: number;
  studentMentees: number;
  studentMentors: number;
  shares: { teachersInvolved: number | null; youngSpecialistsCovered: number | null; studentMentees: number | null; studentMentors: number | null };
};

/**
 * Coverage among the school's active people (the people registered in the app; pass only active ones):
 * teachers involved as mentor or mentee; young specialists (teachers with ≤ 3 years) as mentees;
 * students as mentees and as mentors.
 */
export function coverage(people: readonly CoveragePerson[], involvement: ReadonlyMap<string, Involvement>): Coverage {
  const teachers = people.filter((p) => p.kind === "TEACHER");
  const young = teachers.filter(isYoungSpecialist);
  const students = people.filter((p) => p.kind === "STUDENT");
  const c = {
    teachers: teachers.length,
    teachersInvolved: teachers.filter((p) => involvement.has(p.id)).length,
    youngSpecialists: young.length,
    youngSpecialistsCovered: young.filter((p) => involvement.get(p.id)?.asMentee).length,
    students: students.length,
    studentMentees: students.filter((p) => involvement.get(p.id)?.asMentee).length,
    studentMentors: students.filter((p) => involvement.get(p.id)?.asMentor).length,
  };
  return {
    ...c,
    shares: {
      teachersInvolved: share(c.teachersInvolved, c.teachers),
      youngSpecialistsCovered: share(c.youngSpecialistsCovered, c.youngSpecialists),
      studentMentees: share(c.studentMentees, c.students),
      studentMentors: share(c.studentMentors, c.students),
    },
  };
}

export type RoadmapItem = { stage: number; status: string; dueEnd: Date | null; recurrence: Recurrence };
export type StageProgress = { stage: number; total: number; done: number; open: number; overdue: number; percent: number | null };

/**
 * Roadmap progress by stage 1–7: activities not cancelled (total), done, open, and open ones overdue
 * (lib/domain/due-period.ts isOverdue: continuous and as-needed activities never are); percent done.
 */
export function roadmapProgress(items: readonly RoadmapItem[], today: Date): { stages: StageProgress[]; total: StageProgress } {
  const stages: StageProgress[] = [];
  for (let stage = 1; stage <= 7; stage++) {
    const own = items.filter((i) => i.stage === stage && i.status !== "CANCELLED");
    const done = own.filter((i) => i.status === "DONE").length;
    stages.push({ stage, total: own.length, done, open: own.length - done, overdue: own.filter((i) => isOverdue(i, today)).length, percent: share(done, own.length) });
  }
  const sum = (k: "total" | "done" | "open" | "overdue") => stages.reduce((n, s) => n + s[k], 0);
  const total = { stage: 0, total: sum("total"), done: sum("done"), open: sum("open"), overdue: sum("overdue"), percent: share(sum("done"), sum("total")) };
  return { stages, total };
}

export type IndicatorKind =
  | "STUDENT_MENTEES_SHARE"
  | "STUDENT_MENTORS_SHARE"
  | "YOUNG_SPECIALISTS_SHARE"
  | "TEACHERS_INVOLVED_SHARE"
  | "PARTNER_MENTORS_SHARE"
  | "MENTEE_SATISFACTION"
  | "MENTOR_SATISFACTION"
  | "CUSTOM";

/**
 * The value of an indicator the app can compute from its own data; null for the others (custom). The partners'
 * share is the register's (lib/domain/partners.ts partnerMentorsShare, decision 061).
 */
type ComputedFigures = { coverage: Coverage; menteeSatisfaction: number | null; mentorSatisfaction: number | null; partnerMentorsShare?: number | null };
export function computedIndicator(kind: IndicatorKind, figures: ComputedFigures): number | null {
  switch (kind) {
    case "STUDENT_MENTEES_SHARE":
      return figures.coverage.shares.studentMentees;
    case "STUDENT_MENTORS_SHARE":
      return figures.coverage.shares.studentMentors;
    case "YOUNG_SPECIALISTS_SHARE":
      return figures.coverage.shares.youngSpecialistsCovered;
    case "TEACHERS_INVOLVED_SHARE":
      return figures.coverage.shares.teachersInvolved;
    case "MENTEE_SATISFACTION":
      return figures.menteeSatisfaction;
    case "MENTOR_SATISFACTION":
      return figures.mentorSatisfaction;
    case "PARTNER_MENTORS_SHARE":
      return figures.partnerMentorsShare ?? null;
    default:
      return null;
  }
}

export type IndicatorRow = {
  id: string;
  kind: IndicatorKind;
  title: string;
  unit: string;
  target: number | null;
  /** The actual value entered in the passport (or set by a closed satisfaction questionnaire). */
  entered: number | null;
  /** What the app computes from its data now (null when it cannot). */
  computed: number | null;
  /** The value compared with the target: the entered one, else the computed one. */
  actual: number | null;
  /** met: actual ≥ target; below: under it; unknown: no target or no actual. */
  state: "met" | "below" | "unknown";
};

/** The passport indicators of the program's academic year: target against the actual. */
export function indicatorRows(
  indicators: readonly { id: string; kind: IndicatorKind; title: string; unit: string; targets: unknown; actualValue: number | null }[],
  academicYear: number,
  figures: ComputedFigures,
): IndicatorRow[] {
  return indicators.map((i) => {
    const targets = i.targets && typeof i.targets === "object" && !Array.isArray(i.targets) ? (i.targets as Record<string, unknown>) : {};
    const raw = targets[String(academicYear)];
    const target = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
    const computed = computedIndicator(i.kind, figures);
    const actual = i.actualValue ?? computed;
    const state = target === null || actual === null ? "unknown" : actual >= target ? "met" : "below";
    return { id: i.id, kind: i.kind, title: i.title, unit: i.unit, target, entered: i.actualValue, computed, actual, state };
  });
}
