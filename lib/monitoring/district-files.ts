import "server-only";
import { fileNamePart, type Attachment } from "../http/attachment";
import { z } from "zod";
import { renderAnalyticalReportDocx } from "../documents/analytical-report-docx";
import { docxToPdf, libreOffice } from "../documents/pdf";
import { DOCUMENT_FORMATS, DOCX_TYPE, documentResponse, PDF_TYPE, type GeneratedDocument } from "../http/document-response";
import { YearParam } from "../http/params";
import { XLSX_TYPE, xlsxResponse } from "../people/xlsx";
import { reportXlsx } from "./district-xlsx";
import { toDocxDocument, type ReportModel } from "./report";
import { russian } from "../i18n/russian";

// The analytical report as a downloadable file (.docx, its PDF, or .xlsx) — for the district's and the school's routes.

export type ReportFormat = "xlsx" | (typeof DOCUMENT_FORMATS)[number];

/** ?year=2026&format=docx|pdf|xlsx of the report routes (lib/http/params.ts: anything else is a 400). */
export const ReportSearchInput = z.object({ year: YearParam.optional(), format: z.enum(["xlsx", ...DOCUMENT_FORMATS]).default("docx") });

/** The report as a document (.docx, which the response converts to PDF when asked). */
export async function reportDocument(model: ReportModel): Promise<GeneratedDocument> {
  const name = fileNamePart(model.organizationName, 80);
  const years = `${model.year}-${model.year + 1}`;
  return {
    docx: await renderAnalyticalReportDocx(toDocxDocument(model)),
    name: russian("districtXlsx.reportFileName", { years, name }),
    asciiName: `analytical-report-${model.organizationSlug}-${years}`,
  };
}

export async function reportResponse(model: ReportModel, format: ReportFormat): Promise<Response> {
  if (format === "xlsx") return xlsxResponse(await reportXlsx(model));
  return documentResponse(await reportDocument(model), format);
}

/**
 * The report as a file in the asked format, for the background task that produces it (decision 057); a PDF the server
 * cannot make is a refusal key (errors.reportPdfUnavailable / reportPdfFailed), like the route's 503.
 */
export async function reportFile(model: ReportModel, format: ReportFormat): Promise<{ ok: true; file: Attachment & { asciiName: string } } | { ok: false; key: string }> {
  if (format === "xlsx") {
    const x = await reportXlsx(model);
    return { ok: true, file: { name: x.fileName, asciiName: x.asciiName, type: XLSX_TYPE, data: x.bytes } };
  }
  const doc = await reportDocument(model);
  if (format === "docx") return { ok: true, file: { name: `${doc.name}.docx`, asciiName: `${doc.asciiName}.docx`, type: DOCX_TYPE, data: doc.docx } };
  if (!libreOffice()) return { ok: false, key: "reportPdfUnavailable" };
  const pdf = await docxToPdf(Buffer.from(doc.docx));
  if (!pdf) return { ok: false, key: "reportPdfFailed" };
  return { ok: true, file: { name: `${doc.name}.pdf`, asciiName: `${doc.asciiName}.pdf`, type: PDF_TYPE, data: pdf } };
}
