import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import { councilAttendanceBySchool, meetingsPerQuarter, nextMeetingDate, quarterBounds, quarterOf, type CommunityKind } from "../domain/communities";
import { fullName } from "../domain/names";
import { officeSchoolRows } from "../letters/schools";
import { communityCandidates } from "./people";

// The read path of district communities (docs/decisions/059). The office reads its communities, meetings and
// materials, and the member and attendance rows naming it (the names were copied there with the person's consent);
// a school reads only its own people's member and attendance rows, with the office's community and meeting they
// belong to. Every query filters by the organization as well (the first wall; row-level security is the second).

const officeId = (ctx: TenantContext) => ctx.organization.id;

/** A member's copied name, or null once the consent was withdrawn and the school erased it (decision 059). */
const memberName = (m: { lastName: string | null; firstName: string | null; middleName: string | null }) =>
  m.lastName && m.firstName ? fullName({ lastName: m.lastName, firstName: m.firstName, middleName: m.middleName }) : null;
const byName = (a: string | null, b: string | null) => (a ?? "\uffff").localeCompare(b ?? "\uffff", "ru");

/** The office's communities with their members, meetings and next meeting. */
export async function listCommunities(ctx: TenantContext, today: Date) {
  return readTenant(ctx, async (tx) => {
    const rows = await tx.districtCommunity.findMany({
      where: { organizationId: officeId(ctx) },
      select: { id: true, kind: true, name: true, area: true, _count: { select: { members: { where: { leftAt: null } } } }, meetings: { select: { date: true } } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    });
    return rows.map((c) => ({ id: c.id, kind: c.kind as CommunityKind, name: c.name, area: c.area, members: c._count.members, meetings: c.meetings.length, next: nextMeetingDate(c.meetings.map((m) => m.date), today) }));
  });
}

/** One community of the office: its members (with their school) and meetings (with how many attended); null if not the office's. */
export async function getCommunity(ctx: TenantContext, communityId: string) {
  return readTenant(ctx, async (tx) => {
    const c = await tx.districtCommunity.findFirst({
      where: { id: communityId, organizationId: officeId(ctx) },
      select: {
        id: true, kind: true, name: true, area: true,
        members: {
          where: { officeId: officeId(ctx) },
          select: { id: true, personId: true, lastName: true, firstName: true, middleName: true, position: true, curator: true, mentor: true, leftAt: true, leftReason: true, organization: { select: { id: true, name: true, shortName: true } } },
        },
        meetings: { select: { id: true, date: true, agenda: true, _count: { select: { attendance: true, materials: true } } }, orderBy: { date: "desc" } },
      },
    });
    if (!c) return null;
    const members = c.members
      .map((m) => ({
        id: m.id, personId: m.personId, name: memberName(m), position: m.position, curator: m.curator, mentor: m.mentor,
        leftAt: m.leftAt, leftReason: m.leftReason, schoolId: m.organization.id, school: m.organization.shortName ?? m.organization.name,
      }))
      .sort((a, b) => Number(a.leftAt !== null) - Number(b.leftAt !== null) || a.school.localeCompare(b.school, "ru") || byName(a.name, b.name));
    return {
      id: c.id, kind: c.kind as CommunityKind, name: c.name, area: c.area, members,
      meetings: c.meetings.map((m) => ({ id: m.id, date: m.date, agenda: m.agenda, attended: m._count.attendance, materials: m._count.materials })),
    };
  });
}

/** The office's schools (for choosing whose people to add). */
export async function listCommunitySchools(ctx: TenantContext) {
  return readTenant(ctx, (tx) => officeSchoolRows(tx, ctx.organization));
}

/** The people of one of the office's schools who may join the community today and are not in it yet. */
export async function listCommunityCandidates(ctx: TenantContext, communityId: string, schoolId: string, today: Date) {
  return readTenant(ctx, async (tx) => {
    const [people, members] = await Promise.all([
      communityCandidates(tx, schoolId, today),
      // Someone who left may be added again; only the members still in are taken.
      tx.communityMember.findMany({ where: { communityId, officeId: officeId(ctx), organizationId: schoolId, leftAt: null }, select: { personId: true } }),
    ]);
    const taken = new Set(members.map((m) => m.personId));
    return people.filter((p) => !taken.has(p.personId)).map((p) => ({ ...p, name: fullName(p) }));
  });
}

/** A meeting of the office's community: agenda, every member with whether they attended, the materials; null if not the office's. */
export async function getCommunityMeeting(ctx: TenantContext, communityId: string, meetingId: string) {
  return readTenant(ctx, async (tx) => {
    const m = await tx.communityMeeting.findFirst({
      where: { id: meetingId, communityId, organizationId: officeId(ctx) },
      select: {
        id: true, date: true, agenda: true,
        community: { select: { id: true, name: true, kind: true, members: { where: { officeId: officeId(ctx) }, select: { id: true, lastName: true, firstName: true, middleName: true, position: true, leftAt: true, organization: { select: { name: true, shortName: true } } } } } },
        attendance: { where: { officeId: officeId(ctx) }, select: { memberId: true } },
        materials: { select: { id: true, fileName: true, fileSize: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!m) return null;
    const attended = new Set(m.attendance.map((a) => a.memberId));
    // The members of the meeting's day: those in the community then, and anyone recorded as attending.
    const members = m.community.members
      .filter((x) => attended.has(x.id) || x.leftAt === null || x.leftAt.getTime() > m.date.getTime())
      .map((x) => ({ id: x.id, name: memberName(x), position: x.position, school: x.organization.shortName ?? x.organization.name, attended: attended.has(x.id) }))
      .sort((a, b) => a.school.localeCompare(b.school, "ru") || byName(a.name, b.name));
    return { id: m.id, date: m.date, agenda: m.agenda, community: { id: m.community.id, name: m.community.name, kind: m.community.kind as CommunityKind }, members, materials: m.materials };
  });
}

/** A material's file for the download route; null unless it is the office's. */
export async function getCommunityMaterialFile(ctx: TenantContext, meetingId: string, materialId: string) {
  return readTenant(ctx, (tx) =>
    tx.communityMaterial.findFirst({ where: { id: materialId, meetingId, organizationId: officeId(ctx) }, select: { fileName: true, fileType: true, fileData: true } }),
  );
}

/**
 * The district figures of the council (Совет наставников): per school of the office, how many of its curators and
 * mentors attended a council meeting in the current quarter; and the council's meetings per quarter.
 */
export async function getCouncilFigures(ctx: TenantContext, today: Date) {
  return readTenant(ctx, async (tx) => {
    const quarter = quarterOf(today);
    const { from, until } = quarterBounds(quarter);
    const [schools, meetings, attendance] = await Promise.all([
      officeSchoolRows(tx, ctx.organization),
      tx.communityMeeting.findMany({ where: { organizationId: officeId(ctx), community: { kind: "MENTOR_COUNCIL" } }, select: { date: true } }),
      tx.communityAttendance.findMany({
        where: { officeId: officeId(ctx), meeting: { organizationId: officeId(ctx), date: { gte: from, lt: until }, community: { kind: "MENTOR_COUNCIL" } } },
        select: { organizationId: true, memberId: true, member: { select: { curator: true, mentor: true } }, meeting: { select: { date: true } } },
      }),
    ]);
    const rows = attendance.map((a) => ({ schoolId: a.organizationId, memberId: a.memberId, curator: a.member.curator, mentor: a.member.mentor, date: a.meeting.date }));
    const names = new Map(schools.map((s) => [s.id, s.name]));
    const bySchool = councilAttendanceBySchool(schools.map((s) => s.id), rows, quarter).map((f) => ({ ...f, name: names.get(f.schoolId)! }));
    return { quarter, bySchool, perQuarter: meetingsPerQuarter(meetings.map((m) => m.date)) };
  });
}

/** A school's own people in the office's communities, and the meetings each attended (nothing of other schools' people). */
export async function listSchoolParticipation(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const rows = await tx.communityMember.findMany({
      where: { organizationId: ctx.organization.id },
      // The school names its own person from its own table: the copy on the member row may be erased (decision 059).
      select: {
        id: true, leftAt: true, leftReason: true, person: { select: { lastName: true, firstName: true, middleName: true, position: true } },
        community: { select: { id: true, name: true, kind: true, area: true } },
        attendance: { where: { organizationId: ctx.organization.id }, select: { meeting: { select: { id: true, date: true, agenda: true } } } },
      },
    });
    return rows
      .map((m) => ({
        id: m.id,
        name: fullName(m.person),
        position: m.person.position,
        leftAt: m.leftAt,
        leftReason: m.leftReason,
        community: { ...m.community, kind: m.community.kind as CommunityKind },
        attended: m.attendance.map((a) => a.meeting).sort((a, b) => b.date.getTime() - a.date.getTime()),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "ru") || a.community.name.localeCompare(b.community.name, "ru"));
  });
}
