import "server-only";
import { fileNamePart } from "../http/attachment";
import { z } from "zod";
import { renderAnalyticalReportDocx } from "../documents/analytical-report-docx";
import { DOCUMENT_FORMATS, documentResponse, type GeneratedDocument } from "../http/document-response";
import { YearParam } from "../http/params";
import { xlsxResponse } from "../people/xlsx";
import { reportXlsx } from "./district-xlsx";
import { toDocxDocument, type ReportModel } from "./report";

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
    name: `Аналитическая справка ${years} — ${name}`,
    asciiName: `analytical-report-${model.organizationSlug}-${years}`,
  };
}

export async function reportResponse(model: ReportModel, format: ReportFormat): Promise<Response> {
  if (format === "xlsx") return xlsxResponse(await reportXlsx(model));
  return documentResponse(await reportDocument(model), format);
}
