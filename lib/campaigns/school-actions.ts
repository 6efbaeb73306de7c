"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { isRefusal, refuse } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import type { Tx } from "../db";
import { formatDate } from "../format";
import { computeIndicator, COMMENT_MAX, needsComment, parseAnswer, readStoredValues, windowState, type AnswerType, type StoredValues } from "../domain/monitoring-indicators";
import { loadSchoolFacts } from "./facts";
import { lineTitleIn } from "./form-titles";
import { AttachEvidenceInput, CampaignInput, SaveAnswersInput } from "./schemas";

// The school's side of a monitoring campaign (issue #16 item 3, docs/decisions/048): the form pre-filled
// from the school's own data, a corrected value with its comment, evidence files, the submission, and the
// head's confirmation. The office above reads the result; a school never sees another school's answer.

type School = { id: string; kind: string; timeZone: string };

/** Two answers of a type are the same once read («3,0» and «3»). */
function sameAnswer(type: AnswerType, a: unknown, b: unknown): boolean {
  const x = parseAnswer(type, a);
  const y = parseAnswer(type, b);
  return x.ok && y.ok && x.value === y.value;
}

/** The campaign of an office above the school (RLS shows a school only its offices' campaigns) with its form and the school's answer. */
async function campaignForSchool(tx: Tx, school: School, campaignId: string) {
  const campaign = await tx.monitoringCampaign.findFirst({
    where: { id: campaignId, organizationId: { not: school.id } },
    select: { id: true, organizationId: true, title: true, academicYear: true, opensOn: true, closesOn: true, closedAt: true, indicators: { select: { id: true, title: true, answerType: true, libraryKey: true }, orderBy: { position: "asc" } } },
  });
  if (!campaign) return null;
  const submission = await tx.monitoringSubmission.findFirst({
    where: { organizationId: school.id, campaignId },
    select: { id: true, status: true, values: true, reopenedUntil: true, evidence: { select: { indicatorId: true, fileName: true } } },
  });
  return { campaign, submission };
}

/**
 * The campaign and the school's answer, when the school may still change it today (the window, a reopening,
 * a return; not once submitted) — or the refusal.
 */
async function campaignToChange(tx: Tx, school: School, campaignId: string) {
  if (school.kind !== "SCHOOL") return refuse("FORBIDDEN", "campaignsSchoolOnly");
  const found = await campaignForSchool(tx, school, campaignId);
  if (!found) return refuse("NOT_FOUND", "notFound");
  const { campaign, submission } = found;
  const state = windowState({ ...campaign, reopenedUntil: submission?.reopenedUntil ?? null, status: submission?.status ?? null }, organizationToday({ organization: school }));
  if (!state.open) return refuse("CONFLICT", state.reason, undefined, { values: { date: formatDate(state.date) } });
  if (submission?.status === "SUBMITTED" || submission?.status === "CONFIRMED") return refuse("CONFLICT", "campaignAlreadySubmitted");
  return found;
}

export const saveCampaignAnswers = defineAction({
  name: "campaigns.save",
  scope: "tenant",
  permission: "campaigns.answer",
  input: SaveAnswersInput,
  async run({ input, tx, ctx }) {
    const found = await campaignToChange(tx, ctx.organization, input.campaignId);
    if (isRefusal(found)) return found;
    const { campaign, submission } = found;
    const facts = await loadSchoolFacts(tx, ctx.organization.id, campaign.academicYear, organizationToday(ctx));
    if (!facts) return refuse("FORBIDDEN", "campaignsSchoolOnly");
    const stored = readStoredValues(submission?.values);
    const evidence = new Map((submission?.evidence ?? []).map((e) => [e.indicatorId, e.fileName]));
    const values: StoredValues = {};
    const fieldErrors: Record<string, string> = {};
    const missing: string[] = [];
    for (const line of campaign.indicators) {
      const computed = computeIndicator(line.libraryKey, facts);
      // A pre-filled line sent as it was shown follows the school's data: if the data changed while the form
      // was open, the app's current figure is the answer (the school did not correct anything).
      const kept = computed !== null && input.shown[line.id] !== undefined && input.answers[line.id] !== undefined && sameAnswer(line.answerType as AnswerType, input.answers[line.id], input.shown[line.id]);
      const raw = line.answerType === "FILE" ? (evidence.get(line.id) ?? null) : kept ? computed : input.answers[line.id] !== undefined ? input.answers[line.id] : (stored[line.id]?.value ?? computed);
      const parsed = parseAnswer(line.answerType as AnswerType, raw);
      const comment = (input.comments[line.id] ?? stored[line.id]?.comment ?? "").trim().slice(0, COMMENT_MAX) || null;
      if (!parsed.ok) {
        fieldErrors[`answers.${line.id}`] = parsed.refusal.key;
        continue;
      }
      if (needsComment(computed, parsed.value, comment)) fieldErrors[`comments.${line.id}`] = "campaignCorrectionNeedsComment";
      if (parsed.value === null) missing.push(lineTitleIn(ctx.user.locale ?? "ru", line));
      values[line.id] = { computed, value: parsed.value, comment };
    }
    if (Object.keys(fieldErrors).length) return refuse("VALIDATION", Object.keys(fieldErrors).some((k) => k.startsWith("comments.")) ? "campaignCorrectionNeedsComment" : "validation", fieldErrors);
    const submit = input.intent === "submit";
    if (submit && missing.length) return refuse("VALIDATION", "campaignIncomplete", undefined, { details: missing });
    const at = now();
    const status = submit ? "SUBMITTED" : (submission?.status ?? "DRAFT");
    const data = { values, status, ...(submit ? { submittedAt: at, submittedById: ctx.user.id } : {}) } as const;
    const saved = submission
      ? await tx.monitoringSubmission.update({ where: { id: submission.id }, data, select: { id: true } })
      : await tx.monitoringSubmission.create({ data: { organizationId: ctx.organization.id, officeId: campaign.organizationId, campaignId: campaign.id, ...data }, select: { id: true } });
    const corrected = Object.values(values).filter((v) => v.computed !== null && v.value !== v.computed).length;
    return done({ submissionId: saved.id, status }, { targetType: "MonitoringCampaign", targetId: campaign.id, data: { intent: input.intent, corrected } });
  },
});

export const attachCampaignEvidence = defineAction({
  name: "campaigns.attach",
  scope: "tenant",
  permission: "campaigns.answer",
  input: AttachEvidenceInput,
  async run({ input, tx, ctx }) {
    const found = await campaignToChange(tx, ctx.organization, input.campaignId);
    if (isRefusal(found)) return found;
    const line = found.campaign.indicators.find((i) => i.id === input.indicatorId);
    if (!line) return refuse("NOT_FOUND", "notFound");
    const submission =
      found.submission ??
      (await tx.monitoringSubmission.create({
        data: { organizationId: ctx.organization.id, officeId: found.campaign.organizationId, campaignId: found.campaign.id },
        select: { id: true, status: true, values: true, reopenedUntil: true, evidence: { select: { indicatorId: true, fileName: true } } },
      }));
    const bytes = Buffer.from(await input.file.arrayBuffer());
    const file = { fileName: input.file.name.slice(0, 200), fileType: input.file.type || "application/octet-stream", fileSize: bytes.length, fileData: bytes };
    const existing = await tx.monitoringEvidence.findFirst({ where: { organizationId: ctx.organization.id, submissionId: submission.id, indicatorId: line.id }, select: { id: true } });
    if (existing) await tx.monitoringEvidence.update({ where: { id: existing.id }, data: file });
    else await tx.monitoringEvidence.create({ data: { organizationId: ctx.organization.id, officeId: found.campaign.organizationId, submissionId: submission.id, indicatorId: line.id, ...file } });
    // A file line's answer is the file itself.
    if (line.answerType === "FILE") {
      const values = readStoredValues(submission.values);
      values[line.id] = { computed: null, value: file.fileName, comment: values[line.id]?.comment ?? null };
      await tx.monitoringSubmission.update({ where: { id: submission.id }, data: { values } });
    }
    return done({ indicatorId: line.id, fileName: file.fileName }, { targetType: "MonitoringCampaign", targetId: found.campaign.id, data: { file: file.fileName, replaced: Boolean(existing) } });
  },
});

/** The head of the school confirms the submitted answer (the office sees it confirmed). */
export const confirmCampaignAnswer = defineAction({
  name: "campaigns.confirm",
  scope: "tenant",
  permission: "campaigns.confirm",
  input: CampaignInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return refuse("FORBIDDEN", "campaignsSchoolOnly");
    const found = await campaignForSchool(tx, ctx.organization, input.campaignId);
    if (!found) return refuse("NOT_FOUND", "notFound");
    if (found.campaign.closedAt) return refuse("CONFLICT", "campaignClosed", undefined, { values: { date: formatDate(found.campaign.closedAt) } });
    if (found.submission?.status === "CONFIRMED") return refuse("CONFLICT", "campaignAlreadyConfirmed");
    if (found.submission?.status !== "SUBMITTED") return refuse("CONFLICT", "campaignNotSubmitted");
    const confirmed = await tx.monitoringSubmission.updateMany({ where: { id: found.submission.id, status: "SUBMITTED" }, data: { status: "CONFIRMED", confirmedAt: now(), confirmedById: ctx.user.id } });
    if (confirmed.count !== 1) return refuse("CONFLICT", "campaignAlreadyConfirmed");
    return done({ campaignId: found.campaign.id }, { targetType: "MonitoringCampaign", targetId: found.campaign.id });
  },
});
