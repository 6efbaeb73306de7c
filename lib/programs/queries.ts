import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { now } from "../clock";
import { currentAcademicYear } from "../domain/academic-year";
import { isOverdue } from "../domain/due-period";
import { unmetExitConditions } from "../domain/stages";
import { loadProgramFacts } from "./facts";
import { buildPackDocument, loadPackData, packMissing, regulationTextOf } from "./stage1-documents";
import type { PackKind } from "../domain/stage1-pack";

export type RoadmapFilters = { stage?: number; status?: string; responsible?: string };

const PROGRAM_SELECT = {
  id: true,
  academicYear: true,
  title: true,
  audience: true,
  stage: true,
  status: true,
  goal: true,
  tasks: true,
  expectedResults: true,
  risks: true,
  startDate: true,
  endDate: true,
  completedAt: true,
  curatorId: true,
  coordinatorId: true,
  curator: { select: { name: true } },
  coordinator: { select: { name: true } },
} as const;

/** The program of the requested academic year, else of the current one, else the latest (one statement: a school has one program a year). */
export async function findProgram(ctx: TenantContext, year?: number) {
  return readTenant(ctx, async (tx) => {
    const programs = await tx.mentoringProgram.findMany({
      where: { organizationId: ctx.organization.id },
      select: PROGRAM_SELECT,
      orderBy: { academicYear: "desc" },
    });
    const wanted = year ?? currentAcademicYear(ctx.organization.timeZone, now());
    const program = programs.find((p) => p.academicYear === wanted) ?? (year ? undefined : programs[0]);
    return { program: program ?? null, years: programs.map((p) => p.academicYear) };
  });
}

export type ProgramView = NonNullable<Awaited<ReturnType<typeof findProgram>>["program"]>;

export async function getStageOverview(ctx: TenantContext, program: ProgramView) {
  return readTenant(ctx, async (tx) => {
    // The stage log and every activity's stage and status in one statement (relation joins); the current
    // stage's activities (roadmap order) feed the gate without being read again.
    const found = await tx.mentoringProgram.findFirst({
      where: { id: program.id, organizationId: ctx.organization.id },
      select: {
        transitions: {
          select: { id: true, kind: true, fromStage: true, toStage: true, reason: true, unmetConditions: true, createdAt: true, actor: { select: { name: true } } },
          orderBy: { createdAt: "desc" },
        },
        activities: { select: { id: true, stage: true, title: true, status: true, recurrence: true, dueEnd: true }, orderBy: [{ stage: "asc" }, { position: "asc" }] },
      },
    });
    const transitions = found?.transitions ?? [];
    const activities = found?.activities ?? [];
    const facts = await loadProgramFacts(
      tx,
      ctx.organization.id,
      program,
      organizationToday(ctx),
      activities.filter((a) => a.stage === program.stage).map(({ title, status, recurrence }) => ({ title, status, recurrence })),
    );
    const byStage = new Map<number, { total: number; done: number }>();
    for (const row of activities) {
      const s = byStage.get(row.stage) ?? { total: 0, done: 0 };
      s.total += 1;
      if (row.status === "DONE" || row.status === "CANCELLED") s.done += 1;
      byStage.set(row.stage, s);
    }
    return { unmet: program.status === "ACTIVE" ? unmetExitConditions(facts) : [], transitions, byStage, activities };
  });
}

export async function listRoadmap(ctx: TenantContext, program: ProgramView, filters: RoadmapFilters, today = organizationToday(ctx)) {
  return readTenant(ctx, async (tx) => {
    const rows = await tx.roadmapActivity.findMany({
      where: {
        organizationId: ctx.organization.id,
        programId: program.id,
        ...(filters.stage ? { stage: filters.stage } : {}),
        ...(filters.status ? { status: filters.status as "PLANNED" } : {}),
        ...(filters.responsible
          ? {
              OR: [
                { responsibleText: { contains: filters.responsible, mode: "insensitive" as const } },
                { responsibleUser: { name: { contains: filters.responsible, mode: "insensitive" as const } } },
              ],
            }
          : {}),
      },
      select: {
        id: true,
        stage: true,
        position: true,
        title: true,
        content: true,
        dueText: true,
        dueEnd: true,
        recurrence: true,
        responsibleText: true,
        responsibleUserId: true,
        responsibleUser: { select: { name: true } },
        expectedResult: true,
        status: true,
        completedAt: true,
        evidence: true,
      },
      orderBy: [{ stage: "asc" }, { position: "asc" }],
    });
    // Deadlines the district office set for its schools this academic year (RLS lets schools read only these).
    const districtDeadlines = ctx.organization.parentId
      ? await tx.roadmapActivity.findMany({
          where: { organizationId: ctx.organization.parentId, forSchools: true, academicYear: program.academicYear },
          select: { id: true, stage: true, title: true, dueText: true, dueEnd: true, recurrence: true, responsibleText: true },
          orderBy: [{ dueEnd: "asc" }],
        })
      : [];
    return {
      activities: rows.map((r) => ({ ...r, overdue: isOverdue(r, today) })),
      districtDeadlines: districtDeadlines.map((d) => ({ ...d, overdue: d.dueEnd ? isOverdue({ ...d, status: "PLANNED" }, today) : false })),
    };
  });
}

export async function getActivity(ctx: TenantContext, activityId: string) {
  return readTenant(ctx, (tx) =>
    tx.roadmapActivity.findFirst({
      where: { id: activityId, organizationId: ctx.organization.id },
      select: { id: true, programId: true, academicYear: true, stage: true, title: true, content: true, dueText: true, responsibleUserId: true, responsibleText: true, expectedResult: true },
    }),
  );
}

export async function listIndicators(ctx: TenantContext, programId: string) {
  return readTenant(ctx, (tx) =>
    tx.programIndicator.findMany({
      where: { organizationId: ctx.organization.id, programId },
      select: { id: true, kind: true, title: true, unit: true, targets: true, actualValue: true, actualEnteredAt: true, actualEnteredBy: { select: { name: true } } },
      orderBy: [{ position: "asc" }, { title: "asc" }],
    }),
  );
}

export async function listLocalActs(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.localAct.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        id: true,
        kind: true,
        number: true,
        date: true,
        title: true,
        status: true,
        approvedAt: true,
        fileName: true,
        fileSize: true,
        programId: true,
        program: { select: { academicYear: true } },
        approvedBy: { select: { name: true } },
        registeredBy: { select: { name: true } },
        agreedBy: true,
        agreedProtocol: true,
        agreedDate: true,
        adoptedBy: true,
        adoptedProtocol: true,
        adoptedDate: true,
      },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    }),
  );
}

/** Members for "responsible" and curator/coordinator pickers. */
export async function listStaff(ctx: TenantContext) {
  const rows = await readTenant(ctx, (tx) =>
    tx.membership.findMany({
      where: { organizationId: ctx.organization.id },
      select: { role: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  );
  const byUser = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.user.id) ?? { ...r.user, roles: [] };
    entry.roles.push(r.role);
    byUser.set(r.user.id, entry);
  }
  return [...byUser.values()];
}

/** The organization's running programs, newest year first (what a new local act can be bound to). */
export async function listActivePrograms(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.mentoringProgram.findMany({ where: { organizationId: ctx.organization.id, status: "ACTIVE" }, select: { id: true, academicYear: true }, orderBy: { academicYear: "desc" } }),
  );
}

/** The file attached to a local act of this organization, if there is one. */
export async function getActFile(ctx: TenantContext, actId: string) {
  return readTenant(ctx, (tx) =>
    tx.localAct.findFirst({ where: { id: actId, organizationId: ctx.organization.id }, select: { fileName: true, fileType: true, fileData: true } }),
  );
}

/** The stage-1 pack of the year's program: its acts, the Положение's text and what is missing to print it; null without a program. */
export async function getStage1Pack(ctx: TenantContext, academicYear: number) {
  const data = await readTenant(ctx, (tx) => loadPackData(tx, ctx.organization.id, { academicYear }));
  if (!data) return null;
  return { program: data.program, acts: data.acts, missing: packMissing(data), regulationText: regulationTextOf(data), edited: data.program.regulationText !== null };
}

/** One document of the stage-1 pack (or the fields to fill first); null without a program. */
export async function getStage1Document(ctx: TenantContext, academicYear: number, kind: PackKind) {
  const data = await readTenant(ctx, (tx) => loadPackData(tx, ctx.organization.id, { academicYear }));
  return data ? buildPackDocument(data, kind) : null;
}
