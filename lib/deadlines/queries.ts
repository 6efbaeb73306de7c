import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { academicYearOf } from "../domain/academic-year";
import { checkDeadlineDates } from "../domain/deadline-timing";
import { loadDeadlineOutcomes, type DeadlineOutcome } from "./outcomes";

// The read path of district deadlines (decision 047).

/** The office's own deadlines of an academic year, each with the warning its dates deserve. */
export async function listOfficeDeadlines(ctx: TenantContext, year: number) {
  return readTenant(ctx, async (tx) => {
    const rows = await tx.districtDeadline.findMany({
      where: { organizationId: ctx.organization.id, academicYear: year },
      select: { id: true, title: true, stage: true, dueStart: true, dueEnd: true, condition: true, actKind: true, academicYear: true },
      orderBy: [{ dueEnd: "asc" }, { title: "asc" }],
    });
    const outcomes = await loadDeadlineOutcomes(tx, ctx.organization.id, year, organizationToday(ctx));
    return rows.map((r) => {
      const dates = checkDeadlineDates(r, r.academicYear);
      let done = 0;
      let schools = 0;
      for (const list of outcomes.values()) {
        const o = list.find((x) => x.deadlineId === r.id);
        if (!o) continue;
        schools += 1;
        if (o.timing.status === "onTime" || o.timing.status === "late") done += 1;
      }
      return { ...r, outsideYear: "warning" in dates && dates.warning !== null, done, schools };
    });
  });
}

export type SchoolDeadline = DeadlineOutcome & {
  stage: number;
  dueStart: Date | null;
  condition: "ACT" | "BANKS" | "SURVEY" | "MARKED";
  actKind: string | null;
  officeName: string;
  mark: { comment: string | null; link: string | null; fileName: string | null } | null;
};

/** A school's district deadlines of the year (its municipality's and its region's), with done / not done and timing. */
export async function listSchoolDeadlines(ctx: TenantContext, year: number = academicYearOf(organizationToday(ctx))): Promise<SchoolDeadline[]> {
  if (ctx.organization.kind !== "SCHOOL") return [];
  return readTenant(ctx, async (tx) => {
    const outcomes = (await loadDeadlineOutcomes(tx, ctx.organization.id, year, organizationToday(ctx))).get(ctx.organization.id) ?? [];
    if (outcomes.length === 0) return [];
    const ids = outcomes.map((o) => o.deadlineId);
    // RLS shows the school only the deadlines of the offices above it; the ids come from the same rule.
    const rows = await tx.districtDeadline.findMany({
      where: { id: { in: ids } },
      select: { id: true, stage: true, dueStart: true, condition: true, actKind: true, organization: { select: { name: true } }, completions: { where: { organizationId: ctx.organization.id }, select: { comment: true, link: true, fileName: true } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return outcomes.flatMap((o) => {
      const r = byId.get(o.deadlineId);
      return r ? [{ ...o, stage: r.stage, dueStart: r.dueStart, condition: r.condition, actKind: r.actKind, officeName: r.organization.name, mark: r.completions[0] ?? null }] : [];
    });
  });
}
