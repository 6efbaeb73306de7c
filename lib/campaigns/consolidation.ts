import "server-only";
import { fileNamePart } from "../http/attachment";
import { renderAnalyticalReportDocx } from "../documents/analytical-report-docx";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { Tx } from "../db";
import { formatAcademicYear } from "../domain/academic-year";
import { cellOf, summarizeIndicator, type AnswerType } from "../domain/monitoring-indicators";
import { documentAuthor, headSignatory } from "../domain/organization-profile";
import type { GeneratedDocument } from "../http/document-response";
import type { AppLocale } from "../i18n/config";
import { russianIn } from "../i18n/russian";
import { translator } from "../i18n/translator";
import { formatDate, formatDecimal } from "../format";
import { loadRequisites } from "../organization/requisites";
import { buildSheets, type XlsxColumn, type XlsxFile, type XlsxValue } from "../xlsx/workbook";
import type { getOfficeCampaign } from "./queries";

// The consolidation of a campaign (decision 048): a row per school and a column per indicator (.xlsx, with
// the corrections and their comments on a second sheet and the totals on a third), and the summary (.docx,
// the analytical report's layout). Values are the schools' submitted answers, never drafts.

type Campaign = NonNullable<Awaited<ReturnType<typeof getOfficeCampaign>>>;

export async function consolidatedXlsx(data: Campaign, locale: AppLocale): Promise<XlsxFile> {
  const t = translator(locale);
  const c = (key: string, values?: Record<string, string | number>) => t(`campaigns.export.${key}` as never, values as never);
  const words = { yes: c("yes"), no: c("no") };
  const { campaign, schools } = data;
  const region = schools.some((s) => s.municipality);
  const columns: XlsxColumn[] = [
    ...(region ? [{ header: c("municipality"), width: 30 }] : []),
    { header: c("school"), width: 36 },
    { header: c("status"), width: 16 },
    { header: c("submittedAt"), width: 14, date: true },
    { header: c("confirmedAt"), width: 14, date: true },
    ...campaign.indicators.map((i) => ({ header: i.title, width: i.answerType === "TEXT" ? 40 : 18 })),
  ];
  const rows: XlsxValue[][] = schools.map((s) => [
    ...(region ? [s.municipality] : []),
    s.name,
    t(`campaigns.status.${s.status}` as never),
    s.submittedAt,
    s.confirmedAt,
    ...campaign.indicators.map((i) => cellOf(i.answerType as AnswerType, s.values[i.id]?.value ?? null, words)),
  ]);
  const corrections: XlsxValue[][] = [];
  for (const s of schools)
    for (const i of campaign.indicators) {
      const v = s.values[i.id];
      if (v && (v.comment || (v.computed !== null && v.value !== v.computed))) corrections.push([s.name, i.title, cellOf(i.answerType as AnswerType, v.computed, words), cellOf(i.answerType as AnswerType, v.value, words), v.comment]);
    }
  const totals = campaign.indicators.map((i) => {
    const sum = summarizeIndicator(i.answerType as AnswerType, schools.map((s) => s.values[i.id]?.value ?? null));
    return [i.title, sum.answered, sum.sum, sum.average, sum.yes] as XlsxValue[];
  });
  const bytes = await buildSheets([
    { name: c("sheetSchools"), columns, rows },
    { name: c("sheetCorrections"), columns: [{ header: c("school"), width: 36 }, { header: c("indicator"), width: 50 }, { header: c("computed"), width: 16 }, { header: c("answered"), width: 16 }, { header: c("comment"), width: 50 }], rows: corrections },
    { name: c("sheetTotals"), columns: [{ header: c("indicator"), width: 50 }, { header: c("answeredCount"), width: 14 }, { header: c("sum"), width: 12 }, { header: c("average"), width: 12 }, { header: c("yesCount"), width: 12 }], rows: totals },
  ]);
  return { bytes, fileName: `${fileNamePart(campaign.title, 80)}.xlsx`, asciiName: `campaign-${campaign.id.slice(0, 8)}.xlsx`, rows: rows.length };
}

/** The summary of the campaign as a .docx: who answered, and each indicator over the schools that submitted. */
export function campaignSummary(ctx: TenantContext, data: Campaign): Promise<GeneratedDocument> {
  return readTenant(ctx, (tx) => campaignSummaryDocx(tx, ctx.organization.id, data, null));
}

/** The summary's own words (lib/i18n/russian/district-files.json). */
const ru = russianIn("campaignConsolidation");

async function campaignSummaryDocx(tx: Tx, officeId: string, data: Campaign, signedBy: string | null): Promise<GeneratedDocument> {
  const { campaign, schools } = data;
  const requisites = await loadRequisites(tx, officeId);
  const submitted = schools.filter((s) => s.status === "SUBMITTED" || s.status === "CONFIRMED");
  const rows = campaign.indicators.map((i) => {
    const sum = summarizeIndicator(i.answerType as AnswerType, submitted.map((s) => s.values[i.id]?.value ?? null));
    const result =
      i.answerType === "NUMBER"
        ? ru("resultNumber", { sum: formatDecimal(sum.sum) })
        : i.answerType === "PERCENT"
          ? ru("resultPercent", { average: formatDecimal(sum.average) })
          : i.answerType === "YES_NO"
            ? ru("resultYesNo", { yes: String(sum.yes), answered: String(sum.answered) })
            : ru("resultText", { answered: String(sum.answered) });
    return [i.title, String(sum.answered), result];
  });
  const missing = schools.filter((s) => s.status !== "SUBMITTED" && s.status !== "CONFIRMED").map((s) => s.name);
  const docx = await renderAnalyticalReportDocx({
    ...documentAuthor(requisites),
    date: data.today,
    title: ru("title", { campaign: campaign.title, year: formatAcademicYear(campaign.academicYear) }),
    intro: [
      ru("intro", {
        opensOn: formatDate(campaign.opensOn),
        closesOn: formatDate(campaign.closesOn),
        submitted: String(submitted.length),
        schools: String(schools.length),
        confirmed: String(submitted.filter((s) => s.status === "CONFIRMED").length),
      }),
    ],
    sections: [
      { title: ru("indicators"), paragraphs: [], table: { header: [ru("indicator"), ru("answered"), ru("result")], weights: [6, 1.5, 2.5], rows } },
      ...(missing.length ? [{ title: ru("missing"), paragraphs: [], list: missing }] : []),
    ],
    signatory: headSignatory(requisites, signedBy),
    executor: null,
  });
  return { docx, name: ru("fileName", { campaign: fileNamePart(campaign.title, 80) }), asciiName: `campaign-summary-${campaign.id.slice(0, 8)}` };
}
