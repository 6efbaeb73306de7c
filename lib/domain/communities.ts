// District communities (issue #17 item 2, docs/decisions/059): a council of mentors meeting quarterly (Совет
// наставников), a school for young teachers (Школа молодого учителя / воспитателя) and methodological associations
// (методические объединения, each of a subject or area) of a municipal office. Pure rules: what a community needs,
// which attendees a meeting may record, the quarters, and the council's district figures.

export const COMMUNITY_KINDS = ["MENTOR_COUNCIL", "YOUNG_TEACHER_SCHOOL", "METHOD_ASSOCIATION"] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** A refusal as a message key (with its field), or null. */
export type CommunityProblem = { key: string; field?: string } | null;

/** A методическое объединение is of a subject or area; the other kinds have none. */
export function communityProblem(kind: CommunityKind, area: string | null): CommunityProblem {
  if (kind === "METHOD_ASSOCIATION" && !area?.trim()) return { key: "communityAreaRequired", field: "area" };
  return null;
}

/**
 * The attendees a meeting may record: members of that community only (a non-member refuses the whole meeting),
 * each once.
 */
export function attendanceProblem(memberIds: ReadonlySet<string>, attendeeIds: readonly string[]): CommunityProblem {
  if (attendeeIds.some((id) => !memberIds.has(id))) return { key: "communityAttendeeNotMember", field: "communityMemberIds" };
  return null;
}

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** The calendar quarter of a calendar day (UTC midnight, the organization's day). */
export function quarterOf(day: Date): Quarter {
  return { year: day.getUTCFullYear(), quarter: (Math.floor(day.getUTCMonth() / 3) + 1) as Quarter["quarter"] };
}

export const sameQuarter = (a: Quarter, b: Quarter) => a.year === b.year && a.quarter === b.quarter;

/** The first day of the quarter and the first day of the next one (UTC midnight). */
export function quarterBounds(q: Quarter): { from: Date; until: Date } {
  const from = new Date(Date.UTC(q.year, (q.quarter - 1) * 3, 1));
  const until = new Date(Date.UTC(q.year, q.quarter * 3, 1));
  return { from, until };
}

/** The next meeting on or after today, or null. */
export function nextMeetingDate(dates: readonly Date[], today: Date): Date | null {
  let next: Date | null = null;
  for (const d of dates) if (d.getTime() >= today.getTime() && (!next || d.getTime() < next.getTime())) next = d;
  return next;
}

export type CouncilAttendance = { schoolId: string; memberId: string; curator: boolean; mentor: boolean; date: Date };
export type SchoolCouncilFigure = { schoolId: string; curators: number; mentors: number };

/**
 * Per school, how many of its curators and its mentors attended a meeting of the council in the quarter (each person
 * once, however many meetings; a curator who is also a mentor counts in both). Schools without attendance: zeros.
 */
export function councilAttendanceBySchool(schoolIds: readonly string[], rows: readonly CouncilAttendance[], quarter: Quarter): SchoolCouncilFigure[] {
  const curators = new Map<string, Set<string>>();
  const mentors = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!sameQuarter(quarterOf(r.date), quarter)) continue;
    if (r.curator) (curators.get(r.schoolId) ?? curators.set(r.schoolId, new Set()).get(r.schoolId)!).add(r.memberId);
    if (r.mentor) (mentors.get(r.schoolId) ?? mentors.set(r.schoolId, new Set()).get(r.schoolId)!).add(r.memberId);
  }
  return schoolIds.map((schoolId) => ({ schoolId, curators: curators.get(schoolId)?.size ?? 0, mentors: mentors.get(schoolId)?.size ?? 0 }));
}

/** The council's meetings per quarter, the latest quarter first (quarters without meetings are left out). */
export function meetingsPerQuarter(dates: readonly Date[]): (Quarter & { meetings: number })[] {
  const counts = new Map<string, Quarter & { meetings: number }>();
  for (const d of dates) {
    const q = quarterOf(d);
    const key = `${q.year}-${q.quarter}`;
    const row = counts.get(key) ?? { ...q, meetings: 0 };
    row.meetings += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.year - a.year || b.quarter - a.quarter);
}
