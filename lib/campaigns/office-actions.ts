"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { isRefusal, refuse, type Refusal } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import type { Tx } from "../db";
import { academicYearOf } from "../domain/academic-year";
import { isoDate } from "../domain/local-date";
import { shippedForm } from "../domain/monitoring-forms";
import { INDICATOR_LIBRARY, isLibraryKey } from "../domain/monitoring-indicators";
import { indicatorTitleRu, storedFormLines } from "./form-titles";
import { officeSchoolIds } from "../letters/schools";
import { AddIndicatorInput, CampaignInput, CreateCampaignInput, IndicatorInput, ReopenInput, ReturnAnswerInput } from "./schemas";

// The office's side of a monitoring campaign (issue #16 item 3, docs/decisions/048): it starts a campaign
// from a shipped form with a window, edits the form until the first school submits, returns an answer for
// correction, reopens the window for a late school and closes the campaign.

type Office = { id: string; kind: string };

/** The office's own campaign (RLS would also show a school its offices' ones: the id must be the office's). */
async function ownCampaign(tx: Tx, office: Office, campaignId: string) {
  return tx.monitoringCampaign.findFirst({ where: { id: campaignId, organizationId: office.id }, select: { id: true, title: true, closedAt: true, closesOn: true } });
}

/** The form is frozen once a school has submitted: the answers must keep meaning what was asked. */
async function formFrozen(tx: Tx, office: Office, campaignId: string): Promise<boolean> {
  return (await tx.monitoringSubmission.count({ where: { officeId: office.id, campaignId, submittedAt: { not: null } } })) > 0;
}

/**
 * The office's own campaign, still open — with `form`, its form not yet answered; with `school`, that school
 * one of the office's own — or the refusal.
 */
async function openCampaign(tx: Tx, office: Office, campaignId: string, check: { form?: boolean; school?: string } = {}): Promise<{ id: string } | Refusal> {
  const campaign = await ownCampaign(tx, office, campaignId);
  if (!campaign) return refuse("NOT_FOUND", "notFound");
  if (campaign.closedAt) return refuse("CONFLICT", "campaignClosedAlready");
  if (check.form && (await formFrozen(tx, office, campaign.id))) return refuse("CONFLICT", "campaignFormFrozen");
  if (check.school && !(await officeSchoolIds(tx, office)).includes(check.school)) return refuse("NOT_FOUND", "notFound");
  return campaign;
}

export const createCampaign = defineAction({
  name: "campaigns.create",
  scope: "tenant",
  permission: "campaigns.manage",
  idempotent: true,
  input: CreateCampaignInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return refuse("FORBIDDEN", "campaignsOfficeOnly");
    const form = shippedForm(input.formKey);
    if (!form) return refuse("VALIDATION", "campaignUnknownForm", { formKey: "campaignUnknownForm" });
    if (input.closesOn < organizationToday(ctx)) return refuse("VALIDATION", "campaignWindowPast", { closesOn: "campaignWindowPast" });
    const indicators = storedFormLines(form);
    if (indicators.length === 0) return refuse("VALIDATION", "campaignNoIndicators");
    const campaign = await tx.monitoringCampaign.create({
      data: { organizationId: ctx.organization.id, title: input.title, formKey: form.key, academicYear: academicYearOf(input.opensOn), opensOn: input.opensOn, closesOn: input.closesOn, createdById: ctx.user.id },
      select: { id: true },
    });
    await tx.monitoringIndicator.createMany({ data: indicators.map((i) => ({ ...i, organizationId: ctx.organization.id, campaignId: campaign.id })) });
    return done({ campaignId: campaign.id, indicators: indicators.length }, { targetType: "MonitoringCampaign", targetId: campaign.id, data: { title: input.title, form: form.key } });
  },
});

export const addCampaignIndicator = defineAction({
  name: "campaigns.addIndicator",
  scope: "tenant",
  permission: "campaigns.manage",
  input: AddIndicatorInput,
  async run({ input, tx, ctx }) {
    const campaign = await openCampaign(tx, ctx.organization, input.campaignId, { form: true });
    if (isRefusal(campaign)) return campaign;
    if (input.libraryKey && !isLibraryKey(input.libraryKey)) return refuse("VALIDATION", "campaignUnknownIndicator", { libraryKey: "campaignUnknownIndicator" });
    const line = isLibraryKey(input.libraryKey)
      ? { title: indicatorTitleRu(input.libraryKey), answerType: INDICATOR_LIBRARY[input.libraryKey].answerType, libraryKey: input.libraryKey }
      : { title: input.title!, answerType: input.answerType!, libraryKey: null };
    const last = await tx.monitoringIndicator.aggregate({ where: { organizationId: ctx.organization.id, campaignId: campaign.id }, _max: { position: true } });
    const created = await tx.monitoringIndicator.create({
      data: { organizationId: ctx.organization.id, campaignId: campaign.id, position: (last._max.position ?? 0) + 1, ...line },
      select: { id: true },
    });
    return done({ indicatorId: created.id }, { targetType: "MonitoringCampaign", targetId: campaign.id, data: { added: line.title } });
  },
});

export const removeCampaignIndicator = defineAction({
  name: "campaigns.removeIndicator",
  scope: "tenant",
  permission: "campaigns.manage",
  input: IndicatorInput,
  async run({ input, tx, ctx }) {
    const campaign = await openCampaign(tx, ctx.organization, input.campaignId, { form: true });
    if (isRefusal(campaign)) return campaign;
    const lines = await tx.monitoringIndicator.findMany({ where: { organizationId: ctx.organization.id, campaignId: campaign.id }, select: { id: true, title: true } });
    const line = lines.find((l) => l.id === input.indicatorId);
    if (!line) return refuse("NOT_FOUND", "notFound");
    if (lines.length === 1) return refuse("VALIDATION", "campaignNoIndicators");
    await tx.monitoringIndicator.delete({ where: { id: line.id } });
    return done({ indicatorId: line.id }, { targetType: "MonitoringCampaign", targetId: campaign.id, data: { removed: line.title } });
  },
});

/** The school must be the office's own; the database function then writes only the office's columns. */
async function officeDecision(tx: Tx, office: Office, campaignId: string, schoolId: string, action: "RETURN" | "REOPEN", comment: string | null, until: Date | null, userId: string) {
  const [row] = await tx.$queryRaw<{ changed: number }[]>`
    SELECT monitoring_office_decision(${campaignId}::uuid, ${schoolId}::uuid, ${action}::text, ${comment}::text, ${until ? isoDate(until) : null}::date, ${userId}::uuid, (${now().toISOString()}::timestamptz AT TIME ZONE 'UTC')) AS changed`;
  return Number(row?.changed ?? 0);
}

export const returnCampaignAnswer = defineAction({
  name: "campaigns.return",
  scope: "tenant",
  permission: "campaigns.manage",
  input: ReturnAnswerInput,
  async run({ input, tx, ctx }) {
    const campaign = await openCampaign(tx, ctx.organization, input.campaignId, { school: input.schoolId });
    if (isRefusal(campaign)) return campaign;
    const changed = await officeDecision(tx, ctx.organization, campaign.id, input.schoolId, "RETURN", input.comment, null, ctx.user.id);
    if (changed !== 1) return refuse("CONFLICT", "campaignNothingToReturn");
    return done({ schoolId: input.schoolId }, { targetType: "MonitoringCampaign", targetId: campaign.id, data: { returned: input.schoolId, comment: input.comment } });
  },
});

export const reopenCampaignAnswer = defineAction({
  name: "campaigns.reopen",
  scope: "tenant",
  permission: "campaigns.manage",
  input: ReopenInput,
  async run({ input, tx, ctx }) {
    const campaign = await openCampaign(tx, ctx.organization, input.campaignId, { school: input.schoolId });
    if (isRefusal(campaign)) return campaign;
    if (input.until < organizationToday(ctx)) return refuse("VALIDATION", "campaignReopenPast", { until: "campaignReopenPast" });
    const changed = await officeDecision(tx, ctx.organization, campaign.id, input.schoolId, "REOPEN", null, input.until, ctx.user.id);
    if (changed !== 1) return refuse("NOT_FOUND", "notFound");
    return done({ schoolId: input.schoolId }, { targetType: "MonitoringCampaign", targetId: campaign.id, data: { reopened: input.schoolId } });
  },
});

export const closeCampaign = defineAction({
  name: "campaigns.close",
  scope: "tenant",
  permission: "campaigns.manage",
  input: CampaignInput,
  async run({ input, tx, ctx }) {
    const campaign = await ownCampaign(tx, ctx.organization, input.campaignId);
    if (!campaign) return refuse("NOT_FOUND", "notFound");
    const closed = await tx.monitoringCampaign.updateMany({ where: { id: campaign.id, organizationId: ctx.organization.id, closedAt: null }, data: { closedAt: now() } });
    if (closed.count !== 1) return refuse("CONFLICT", "campaignClosedAlready");
    return done({ campaignId: campaign.id }, { targetType: "MonitoringCampaign", targetId: campaign.id });
  },
});
