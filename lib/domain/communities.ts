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

/** A member as the attendance rule sees it: the calendar day they left (null while in) and whether the name is erased. */
export type AttendeeStanding = { leftOn: Date | null; erased: boolean };

/**
 * The attendees a meeting may record: members of that community only (a non-member refuses the whole meeting),
 * each once; a member who left counts only for a meeting before the day they left, and never once the consent is
 * withdrawn (the name erased: nothing more is recorded about that person).
 */
export function attendanceProblem(members: ReadonlyMap<string, AttendeeStanding>, attendeeIds: readonly string[], meetingDate: Date): CommunityProblem {
  if (attendeeIds.some((id) => !members.has(id))) return { key: "communityAttendeeNotMember", field: "communityMemberIds" };
  const gone = attendeeIds.some((id) => {
    const m = members.get(id)!;
    return m.erased || (m.leftOn !== null && meetingDate.getTime() >= m.leftOn.getTime());
  });
  return gone ? { key: "communityAttendeeLeft", field: "communityMemberIds" } : null;
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

export type CouncilSummary = { meetings: number; schools: number; schoolsWithCurator: number; schoolsWithMentor: number; curators: number; mentors: number };

/**
 * The council's line on the district dashboard: this quarter's meetings, and of the office's schools how many had a
 * curator / a mentor at one of them (the seed's «кураторы и наставники участвуют в Совете ежеквартально»), with the people.
 */
export function councilSummary(quarter: Quarter, bySchool: readonly SchoolCouncilFigure[], perQuarter: readonly (Quarter & { meetings: number })[]): CouncilSummary {
  return {
    meetings: perQuarter.find((q) => sameQuarter(q, quarter))?.meetings ?? 0,
    schools: bySchool.length,
    schoolsWithCurator: bySchool.filter((s) => s.curators > 0).length,
    schoolsWithMentor: bySchool.filter((s) => s.mentors > 0).length,
    curators: bySchool.reduce((n, s) => n + s.curators, 0),
    mentors: bySchool.reduce((n, s) => n + s.mentors, 0),
  };
}
