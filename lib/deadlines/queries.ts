import "server-only";
import { z } from "zod";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { matchesEveryWord, pageRows } from "../domain/paging";
import { optionalParam } from "../http/params";
import { ListSearch } from "../http/list-search";
import { academicYearOf } from "../domain/academic-year";
import { checkDeadlineDates, type DeadlineTiming } from "../domain/deadline-timing";
import { loadDeadlineOutcomes, type DeadlineOutcome } from "./outcomes";
import { officeSchoolRows } from "../letters/schools";

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

export type DeadlineMarkRow = {
  schoolId: string;
  name: string;
  /** A region's rows name the municipality. */
  municipality: string | null;
  /** Null when no outcome was read for the school (district_deadline_completions() returned no row for it). */
  timing: DeadlineTiming | null;
  mark: { markedAt: Date; comment: string | null; link: string | null; fileName: string | null } | null;
};

/**
 * One deadline of the office with a row per school of the office: whether and when it was done (the same timing
 * the school, the dashboard and the report show) and the school's mark with its evidence (decision 054). Null
 * when the deadline is not the office's own.
 */
export async function getOfficeDeadline(ctx: TenantContext, deadlineId: string) {
  return readTenant(ctx, async (tx) => {
    const deadline = await tx.districtDeadline.findFirst({
      where: { id: deadlineId, organizationId: ctx.organization.id },
      select: { id: true, title: true, stage: true, dueStart: true, dueEnd: true, condition: true, actKind: true, academicYear: true },
    });
    if (!deadline) return null;
    const [schools, outcomes, marks] = await Promise.all([
      officeSchoolRows(tx, ctx.organization),
      loadDeadlineOutcomes(tx, ctx.organization.id, deadline.academicYear, organizationToday(ctx)),
      tx.deadlineCompletion.findMany({ where: { deadlineId }, select: { organizationId: true, markedAt: true, comment: true, link: true, fileName: true } }),
    ]);
    const markOf = new Map(marks.map(({ organizationId, ...mark }) => [organizationId, mark]));
    const rows: DeadlineMarkRow[] = schools.map((s) => ({
      schoolId: s.id,
      name: s.name,
      municipality: s.municipality,
      timing: outcomes.get(s.id)?.find((o) => o.deadlineId === deadlineId)?.timing ?? null,
      mark: markOf.get(s.id) ?? null,
    }));
    return { deadline, rows };
  });
}

/** The deadline's schools in the address: a school (or municipality) name, the outcome (none: not counted yet), the page. */
export const DeadlineMarksSearchInput = ListSearch.extend({ status: optionalParam(z.enum(["onTime", "late", "pending", "overdue", "none"])) });
export type DeadlineMarksSearch = z.output<typeof DeadlineMarksSearchInput>;

/** How many schools a page of a deadline's marks shows. */
export const DEADLINE_MARKS_PAGE_SIZE = 50;

/**
 * One deadline of the office with one page of its schools' outcomes (issue #19): the outcomes are computed for every
 * school (getOfficeDeadline), then filtered and cut to a page here, with the count of all that match and of those
 * done. Null when not the office's deadline.
 */
export async function getOfficeDeadlinePage(ctx: TenantContext, deadlineId: string, search: DeadlineMarksSearch, size = DEADLINE_MARKS_PAGE_SIZE) {
  const found = await getOfficeDeadline(ctx, deadlineId);
  if (!found) return null;
  const matching = found.rows.filter(
    (r) => (!search.status || (r.timing?.status ?? "none") === search.status) && matchesEveryWord(search.q, `${r.name} ${r.municipality ?? ""}`),
  );
  return { deadline: found.deadline, schools: found.rows.length, ...pageRows(matching, size, search.page) };
}

/** A school's evidence file for the office's deadline: the office that set it reads it (RLS), no one else. */
export async function getDeadlineMarkFile(ctx: TenantContext, deadlineId: string, schoolId: string) {
  return readTenant(ctx, (tx) =>
    tx.deadlineCompletion.findFirst({
      where: { deadlineId, organizationId: schoolId, deadline: { organizationId: ctx.organization.id }, fileName: { not: null } },
      select: { fileName: true, fileType: true, fileData: true },
    }),
  );
}

