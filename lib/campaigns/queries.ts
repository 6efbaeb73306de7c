import "server-only";
import { z } from "zod";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { matchesEveryWord, pageRows } from "../domain/paging";
import { optionalParam } from "../http/params";
import { ListSearch, sortOf, sortParam } from "../http/list-search";
import type { Tx } from "../db";
import { computeIndicator, readStoredValues, windowState, type AnswerType, type StoredValues } from "../domain/monitoring-indicators";
import { officeSchoolIds, officeSchoolRows } from "../letters/schools";
import { loadSchoolFacts } from "./facts";

// The read path of monitoring campaigns (decision 048). The office reads its campaigns, the progress of
// each of its schools and their answers; a school reads its offices' campaigns and only its own answer.

export type CampaignStatus = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "CONFIRMED" | "RETURNED";

/** The office's campaigns, newest first, with how many of its schools submitted and confirmed. */
export async function listOfficeCampaigns(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const [campaigns, schools] = await Promise.all([
      tx.monitoringCampaign.findMany({
        where: { organizationId: ctx.organization.id },
        select: { id: true, title: true, academicYear: true, opensOn: true, closesOn: true, closedAt: true, submissions: { select: { status: true } } },
        orderBy: { createdAt: "desc" },
        take: 200,
      }),
      officeSchoolIds(tx, ctx.organization),
    ]);
    return campaigns.map((c) => ({
      ...c,
      submissions: undefined,
      schools: schools.length,
      submitted: c.submissions.filter((s) => s.status === "SUBMITTED" || s.status === "CONFIRMED").length,
      confirmed: c.submissions.filter((s) => s.status === "CONFIRMED").length,
    }));
  });
}

async function officeCampaign(tx: Tx, ctx: TenantContext, campaignId: string) {
  return tx.monitoringCampaign.findFirst({
    where: { id: campaignId, organizationId: ctx.organization.id },
    select: { id: true, title: true, formKey: true, academicYear: true, opensOn: true, closesOn: true, closedAt: true, indicators: { select: { id: true, title: true, answerType: true, libraryKey: true }, orderBy: { position: "asc" } } },
  });
}

export type SchoolAnswerRow = {
  schoolId: string;
  name: string;
  municipality: string | null;
  status: CampaignStatus;
  submittedAt: Date | null;
  confirmedAt: Date | null;
  returnComment: string | null;
  reopenedUntil: Date | null;
  values: StoredValues;
  evidence: { indicatorId: string; fileName: string }[];
};

/**
 * One campaign of the office: its form, and a row per school of the office (a region: of its
 * municipalities) with its status and — once submitted — its answers. Null when not the office's.
 */
export async function getOfficeCampaign(ctx: TenantContext, campaignId: string) {
  return readTenant(ctx, async (tx) => {
    const campaign = await officeCampaign(tx, ctx, campaignId);
    if (!campaign) return null;
    // Three flat reads (bench:campaign): the schools with their municipality in one query (sorted), the answers, and the
    // evidence names by the campaign's lines — not nested under each answer.
    const [orgs, submissions, files] = await Promise.all([
      officeSchoolRows(tx, ctx.organization),
      tx.monitoringSubmission.findMany({
        where: { officeId: ctx.organization.id, campaignId },
        select: { organizationId: true, status: true, values: true, submittedAt: true, confirmedAt: true, returnComment: true, reopenedUntil: true },
      }),
      tx.monitoringEvidence.findMany({
        where: { officeId: ctx.organization.id, indicatorId: { in: campaign.indicators.map((i) => i.id) } },
        select: { organizationId: true, indicatorId: true, fileName: true },
      }),
    ]);
    const bySchool = new Map(submissions.map((s) => [s.organizationId, s]));
    const evidenceOf = new Map<string, { indicatorId: string; fileName: string }[]>();
    for (const f of files) evidenceOf.set(f.organizationId, [...(evidenceOf.get(f.organizationId) ?? []), { indicatorId: f.indicatorId, fileName: f.fileName }]);
    const rows: SchoolAnswerRow[] = orgs.map((o) => {
      const s = bySchool.get(o.id);
      const submitted = !!s?.submittedAt && (s.status === "SUBMITTED" || s.status === "CONFIRMED");
      return {
        schoolId: o.id,
        name: o.name,
        municipality: o.municipality,
        status: s ? (s.status as CampaignStatus) : "NOT_STARTED",
        submittedAt: s?.submittedAt ?? null,
        confirmedAt: s?.confirmedAt ?? null,
        returnComment: s?.status === "RETURNED" ? s.returnComment : null,
        reopenedUntil: s?.reopenedUntil ?? null,
        // A draft is the school's own business until it is submitted.
        values: submitted ? readStoredValues(s.values) : {},
        evidence: submitted ? (evidenceOf.get(o.id) ?? []) : [],
      };
    });
    return { campaign, schools: rows, today: organizationToday(ctx) };
  });
}

/** How many schools a page of a campaign's progress shows. */
export const CAMPAIGN_SCHOOLS_PAGE_SIZE = 50;

const STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "CONFIRMED", "RETURNED"] as const satisfies readonly CampaignStatus[];

/** The progress table's search in the address: a school (or municipality) name, the form's status, the order, the page. */
export const CampaignSchoolsSearchInput = ListSearch.extend({
  status: optionalParam(z.enum(STATUSES)),
  sort: sortParam(["name", "status", "submitted"]),
});
export type CampaignSchoolsSearch = z.output<typeof CampaignSchoolsSearchInput>;

/**
 * One campaign of the office with one page of its schools' progress (issue #19): every school's status is read
 * (two flat reads, no answers), filtered, sorted and cut to a page here; the counts by status and whether any school
 * submitted (the form freezes) are over all the schools. The answers themselves are for the school's page and the
 * exports (getOfficeCampaign). Null when not the office's campaign.
 */
export async function listCampaignSchoolsPage(ctx: TenantContext, campaignId: string, search: CampaignSchoolsSearch, size = CAMPAIGN_SCHOOLS_PAGE_SIZE) {
  return readTenant(ctx, async (tx) => {
    const campaign = await officeCampaign(tx, ctx, campaignId);
    if (!campaign) return null;
    const [orgs, submissions] = await Promise.all([
      officeSchoolRows(tx, ctx.organization),
      tx.monitoringSubmission.findMany({
        where: { officeId: ctx.organization.id, campaignId },
        select: { organizationId: true, status: true, submittedAt: true, confirmedAt: true, returnComment: true, reopenedUntil: true },
      }),
    ]);
    const bySchool = new Map(submissions.map((s) => [s.organizationId, s]));
    const all = orgs.map((o) => {
      const s = bySchool.get(o.id);
      return {
        schoolId: o.id,
        name: o.name,
        municipality: o.municipality,
        status: s ? (s.status as CampaignStatus) : ("NOT_STARTED" as const),
        submittedAt: s?.submittedAt ?? null,
        confirmedAt: s?.confirmedAt ?? null,
        returnComment: s?.status === "RETURNED" ? s.returnComment : null,
        reopenedUntil: s?.reopenedUntil ?? null,
      };
    });
    const counts = Object.fromEntries(STATUSES.map((st) => [st, all.filter((r) => r.status === st).length])) as Record<CampaignStatus, number>;
    const sort = sortOf(search.sort, "name");
    const sign = sort.descending ? -1 : 1;
    // officeSchoolRows sorts by municipality and name: the other orders keep it for ties. Schools that have not
    // submitted go last in either direction of the submission order.
    const compare = (a: (typeof all)[number], b: (typeof all)[number]): number => {
      if (sort.column === "status") return sign * (STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
      if (sort.column === "submitted") {
        if (!a.submittedAt || !b.submittedAt) return (a.submittedAt ? 0 : 1) - (b.submittedAt ? 0 : 1);
        return sign * (a.submittedAt.getTime() - b.submittedAt.getTime());
      }
      return 0;
    };
    const matching = all
      .filter((r) => (!search.status || r.status === search.status) && matchesEveryWord(search.q, `${r.name} ${r.municipality ?? ""}`))
      .map((r, i) => ({ r, i }))
      .sort((a, b) => compare(a.r, b.r) || (sort.column === "name" ? sign : 1) * (a.i - b.i))
      .map(({ r }) => r);
    return {
      campaign,
      today: organizationToday(ctx),
      schools: all.length,
      counts,
      anySubmitted: all.some((r) => r.submittedAt !== null),
      ...pageRows(matching, size, search.page),
    };
  });
}

/** The campaigns of the offices above the school, newest first, with the school's own status. */
export async function listSchoolCampaigns(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const campaigns = await tx.monitoringCampaign.findMany({
      where: { organizationId: { not: ctx.organization.id } },
      select: { id: true, title: true, opensOn: true, closesOn: true, closedAt: true, organization: { select: { name: true } }, submissions: { where: { organizationId: ctx.organization.id }, select: { status: true, reopenedUntil: true } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    });
    return campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      from: c.organization.name,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      closedAt: c.closedAt,
      status: (c.submissions[0]?.status ?? "NOT_STARTED") as CampaignStatus,
    }));
  });
}

/**
 * The school's form for one campaign: every line with the value the app computes from the school's data,
 * the school's saved value and comment, its evidence file, and whether it may still be changed today.
 */
export async function getSchoolCampaign(ctx: TenantContext, campaignId: string) {
  return readTenant(ctx, async (tx) => {
    const campaign = await tx.monitoringCampaign.findFirst({
      where: { id: campaignId, organizationId: { not: ctx.organization.id } },
      select: { id: true, title: true, academicYear: true, opensOn: true, closesOn: true, closedAt: true, organization: { select: { name: true } }, indicators: { select: { id: true, title: true, answerType: true, libraryKey: true }, orderBy: { position: "asc" } } },
    });
    if (!campaign) return null;
    const today = organizationToday(ctx);
    const [submission, facts] = await Promise.all([
      tx.monitoringSubmission.findFirst({
        where: { organizationId: ctx.organization.id, campaignId },
        select: { status: true, values: true, submittedAt: true, confirmedAt: true, returnedAt: true, returnComment: true, reopenedUntil: true, evidence: { select: { indicatorId: true, fileName: true } } },
      }),
      loadSchoolFacts(tx, ctx.organization.id, campaign.academicYear, today),
    ]);
    const stored = readStoredValues(submission?.values);
    const evidence = new Map((submission?.evidence ?? []).map((e) => [e.indicatorId, e.fileName]));
    const lines = campaign.indicators.map((i) => {
      const computed = facts ? computeIndicator(i.libraryKey, facts) : null;
      const saved = stored[i.id];
      return { ...i, answerType: i.answerType as AnswerType, computed, value: saved ? saved.value : computed, comment: saved?.comment ?? null, evidence: evidence.get(i.id) ?? null };
    });
    const status = (submission?.status ?? "NOT_STARTED") as CampaignStatus;
    const window = windowState({ ...campaign, reopenedUntil: submission?.reopenedUntil ?? null, status: submission?.status ?? null }, today);
    const editable = window.open && status !== "SUBMITTED" && status !== "CONFIRMED";
    return { campaign: { ...campaign, from: campaign.organization.name }, lines, status, submission, window, editable };
  });
}

/** An evidence file: the school's own, or (for the office) a school's submitted one. RLS decides which rows are visible. */
export async function getEvidenceFile(ctx: TenantContext, campaignId: string, indicatorId: string, schoolId: string) {
  return readTenant(ctx, (tx) =>
    tx.monitoringEvidence.findFirst({
      where: { organizationId: schoolId, indicatorId, submission: { campaignId }, OR: [{ organizationId: ctx.organization.id }, { officeId: ctx.organization.id }] },
      select: { fileName: true, fileType: true, fileData: true },
    }),
  );
}
