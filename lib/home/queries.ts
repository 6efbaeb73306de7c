import "server-only";
import { hasPermission } from "../auth/permissions";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { now as readClock } from "../clock";
import { currentAcademicYear } from "../domain/academic-year";
import { isOverdue } from "../domain/due-period";
import { answeringOpen } from "../domain/questionnaires";
import type { AssessedSchool } from "../domain/monitoring";
import type { UnmetCondition } from "../domain/stages";
import { getDistrictDashboard } from "../monitoring/queries";
import { myPairs } from "../pairs/work-queries";
import { findProgram, getStageOverview } from "../programs/queries";

// The home page says what to do next (issue #19 item 3): per role, the work that waits for the signed-in
// person — the current stage's unmet conditions, overdue and due activities, what waits for the head's
// approval, open surveys, the mentor's pairs with their next meeting, the district's schools that need
// attention. Each part is read only for a role whose permission covers its page, so a link never leads
// to a refusal. Everything runs in the page's one read transaction (readPage).

/** Activities due within this many days count as «скоро срок». */
export const DUE_SOON_DAYS = 14;
/** Rows of a list shown on the home page; the count says how many there are in all. */
const SHOWN = 5;
const DAY = 86_400_000;

type Activity = { id: string; title: string; dueEnd: Date | null; stage: number };

export type HomeProgram = {
  academicYear: number;
  stage: number;
  status: string;
  unmet: UnmetCondition[];
  overdue: { count: number; shown: Activity[] } | null;
  dueSoon: { count: number; shown: Activity[] } | null;
};

/** Counts of what waits for a decision of the head (or the curator, for personalized programs). */
export type HomeApprovals = { acts: number | null; mentors: number | null; mentees: number | null; pairs: number | null; incentives: number | null; personalPrograms: number | null; openSurveys: number | null };

export type HomePair = { id: string; role: "mentor" | "mentee"; others: string[]; status: string; nextMeeting: { plannedOn: Date; topic: string } | null; lastMeetingOn: Date | null; inactive: boolean };

export type HomeData = {
  parentName: string | null;
  program: HomeProgram | null;
  approvals: HomeApprovals | null;
  mySurveys: { id: string; title: string; closesOn: Date | null }[] | null;
  myPairs: { linked: boolean; pairs: HomePair[] } | null;
  district: { year: number; schools: number; laggingCount: number; lagging: AssessedSchool[] } | null;
};

export async function loadHome(ctx: TenantContext, now: Date = readClock()): Promise<HomeData> {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(ctx.roles, p);
  const isSchool = ctx.organization.kind === "SCHOOL";
  const today = organizationToday(ctx, now);
  const year = currentAcademicYear(ctx.organization.timeZone, now);
  const counts = await homeCounts(ctx, can, isSchool);
  return {
    parentName: counts.parentName,
    program: can("program.manage") ? await homeProgram(ctx, year, today, can("roadmap.progress")) : null,
    approvals: counts.approvals,
    mySurveys:
      counts.surveys
        ?.map((s) => ({ id: s.id, title: s.title, closesOn: s.closesOn ? new Date(`${s.closesOn.slice(0, 10)}T00:00:00Z`) : null }))
        .filter((s) => answeringOpen({ status: "OPEN", closesOn: s.closesOn }, today)) ?? null,
    myPairs: isSchool && can("pairs.own") ? await homePairs(ctx, today, now) : null,
    district: !isSchool && can("district.view") ? await homeDistrict(ctx, year) : null,
  };
}

async function homeProgram(ctx: TenantContext, year: number, today: Date, withRoadmap: boolean): Promise<HomeProgram | null> {
  const { program } = await findProgram(ctx, year);
  if (!program) return null;
  // The overview's statement already holds every activity with its status and date: no second read.
  const { unmet, activities } = await getStageOverview(ctx, program);
  if (!withRoadmap || program.status !== "ACTIVE") return { academicYear: program.academicYear, stage: program.stage, status: program.status, unmet, overdue: null, dueSoon: null };
  const soonEnd = today.getTime() + DUE_SOON_DAYS * DAY;
  const byDate = [...activities].filter((a) => a.dueEnd).sort((x, y) => x.dueEnd!.getTime() - y.dueEnd!.getTime());
  const overdue = byDate.filter((a) => isOverdue(a, today));
  const dueSoon = byDate.filter(
    (a) => (a.status === "PLANNED" || a.status === "IN_PROGRESS") && a.recurrence !== "CONSTANTLY" && a.recurrence !== "AS_NEEDED" && a.dueEnd!.getTime() >= today.getTime() && a.dueEnd!.getTime() <= soonEnd,
  );
  const pick = (rows: typeof byDate) => ({ count: rows.length, shown: rows.slice(0, SHOWN).map(({ id, title, dueEnd, stage }) => ({ id, title, dueEnd, stage })) });
  return { academicYear: program.academicYear, stage: program.stage, status: program.status, unmet, overdue: pick(overdue), dueSoon: pick(dueSoon) };
}

type CountsRow = Record<keyof HomeApprovals, bigint | null> & { parentName: string | null; surveys: { id: string; title: string; closesOn: string | null }[] | null };

// One statement for the counts, the person's unanswered surveys and the parent's name (the page stays within
// issue #14's statement budget). Each count is taken only when the role may act on it, the others come back
// null; RLS scopes every table as well.
async function homeCounts(ctx: TenantContext, can: (p: Parameters<typeof hasPermission>[1]) => boolean, isSchool: boolean) {
  const org = ctx.organization.id;
  const school = (p: Parameters<typeof hasPermission>[1]) => isSchool && can(p);
  const [row] = await readTenant(ctx, (tx) =>
    tx.$queryRaw<CountsRow[]>`
      SELECT
        (SELECT name FROM "Organization" WHERE id = ${ctx.organization.parentId}::uuid) AS "parentName",
        CASE WHEN ${school("acts.approve")} THEN (SELECT count(*) FROM "LocalAct" WHERE "organizationId" = ${org}::uuid AND status = 'REGISTERED') END AS acts,
        -- Approvable: a candidate who has been trained (lib/domain/banks.ts approvalRefusal).
        CASE WHEN ${school("mentors.approve")} THEN (SELECT count(*) FROM "MentorProfile" m WHERE m."organizationId" = ${org}::uuid AND m.status IN ('CANDIDATE', 'TRAINED')
          AND EXISTS (SELECT 1 FROM "MentorTraining" t WHERE t."organizationId" = m."organizationId" AND t."mentorId" = m.id)) END AS mentors,
        CASE WHEN ${school("mentors.approve")} THEN (SELECT count(*) FROM "MenteeProfile" WHERE "organizationId" = ${org}::uuid AND "approvedAt" IS NULL AND status <> 'LEFT') END AS mentees,
        CASE WHEN ${school("pairs.approve")} THEN (SELECT count(*) FROM "Pair" WHERE "organizationId" = ${org}::uuid AND status = 'PROPOSED') END AS pairs,
        CASE WHEN ${school("incentives.approve")} THEN (SELECT count(*) FROM "IncentivePayment" WHERE "organizationId" = ${org}::uuid AND status = 'PROPOSED') END AS incentives,
        -- Decision 028: a working pair works by an approved program; a draft (or a plan changed since) waits.
        CASE WHEN ${school("personalPrograms.approve")} THEN (SELECT count(*) FROM "PersonalProgram" pp JOIN "Pair" p ON p.id = pp."pairId" AND p."organizationId" = pp."organizationId"
          WHERE pp."organizationId" = ${org}::uuid AND pp.status <> 'APPROVED' AND p.status IN ('APPROVED', 'ACTIVE')) END AS "personalPrograms",
        CASE WHEN ${school("surveys.manage")} THEN (SELECT count(*) FROM "Questionnaire" WHERE "organizationId" = ${org}::uuid AND status = 'OPEN') END AS "openSurveys",
        -- Open and unanswered; the closing date is judged by lib/domain/questionnaires.ts answeringOpen in loadHome.
        CASE WHEN ${school("surveys.answer")} THEN (SELECT json_agg(json_build_object('id', r.id, 'title', q.title, 'closesOn', q."closesOn") ORDER BY q."closesOn" NULLS LAST, r."createdAt")
          FROM "SurveyRecipient" r
          JOIN "Person" pe ON pe.id = r."personId" AND pe."organizationId" = r."organizationId"
          JOIN "Questionnaire" q ON q.id = r."questionnaireId" AND q."organizationId" = r."organizationId"
          WHERE r."organizationId" = ${org}::uuid AND pe."userId" = ${ctx.user.id}::uuid AND q.status = 'OPEN' AND r."answeredAt" IS NULL) END AS surveys`,
  );
  const n = (v: bigint | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const approvals: HomeApprovals = { acts: n(row?.acts), mentors: n(row?.mentors), mentees: n(row?.mentees), pairs: n(row?.pairs), incentives: n(row?.incentives), personalPrograms: n(row?.personalPrograms), openSurveys: n(row?.openSurveys) };
  return { parentName: row?.parentName ?? null, approvals: Object.values(approvals).some((v) => v !== null) ? approvals : null, surveys: school("surveys.answer") ? (row?.surveys ?? []) : null };
}

async function homePairs(ctx: TenantContext, today: Date, now: Date): Promise<{ linked: boolean; pairs: HomePair[] }> {
  const { linked, pairs } = await myPairs(ctx, now);
  const ids = pairs.map((p) => p.id);
  const planned = ids.length
    ? await readTenant(ctx, (tx) =>
        tx.plannedMeeting.findMany({
          where: { organizationId: ctx.organization.id, meetingId: null, plannedOn: { gte: today }, personalProgram: { pairId: { in: ids } } },
          select: { plannedOn: true, topic: true, personalProgram: { select: { pairId: true } } },
          orderBy: { plannedOn: "asc" },
        }),
      )
    : [];
  const next = new Map<string, { plannedOn: Date; topic: string }>();
  for (const p of planned) if (p.personalProgram.pairId && !next.has(p.personalProgram.pairId)) next.set(p.personalProgram.pairId, { plannedOn: p.plannedOn, topic: p.topic });
  return {
    linked,
    pairs: pairs.map((p) => ({
      id: p.id,
      role: p.role,
      others: p.others,
      status: p.status,
      nextMeeting: next.get(p.id) ?? null,
      lastMeetingOn: p.progress?.lastMeetingOn ?? null,
      inactive: p.progress?.inactive ?? false,
    })),
  };
}

async function homeDistrict(ctx: TenantContext, year: number) {
  const dashboard = await getDistrictDashboard(ctx, year);
  const lagging = dashboard.schools.filter((s) => s.lagging);
  return { year, schools: dashboard.schools.length, laggingCount: lagging.length, lagging: lagging.slice(0, 10) };
}
