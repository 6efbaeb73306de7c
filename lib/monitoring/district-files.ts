import "server-only";
import { z } from "zod";
import { renderAnalyticalReportDocx } from "../documents/analytical-report-docx";
import { YearParam } from "../http/params";
import { contentDisposition, xlsxResponse } from "../people/xlsx";
import { reportXlsx } from "./district-xlsx";
import { toDocxDocument, type ReportModel } from "./report";

// The analytical report as a downloadable file (.docx or .xlsx) — for the district's and the school's routes.

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type ReportFormat = "docx" | "xlsx";

/** ?year=2026&format=docx|xlsx of the report routes (lib/http/params.ts: anything else is a 400). */
export const ReportSearchInput = z.object({ year: YearParam.optional(), format: z.enum(["docx", "xlsx"]).default("docx") });

export async function reportFile(model: ReportModel, format: ReportFormat): Promise<{ bytes: Uint8Array; fileName: string; asciiName: string; type: string }> {
  if (format === "xlsx") {
    const file = await reportXlsx(model);
    return { bytes: file.bytes, fileName: file.fileName, asciiName: file.asciiName, type: "xlsx" };
  }
  const bytes = new Uint8Array(await renderAnalyticalReportDocx(toDocxDocument(model)));
  const name = model.organizationName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 80);
  return {
    bytes,
    fileName: `Аналитическая справка ${model.year}-${model.year + 1} — ${name}.docx`,
    asciiName: `analytical-report-${model.organizationSlug}-${model.year}-${model.year + 1}.docx`,
    type: DOCX_TYPE,
  };
}

export async function reportResponse(model: ReportModel, format: ReportFormat): Promise<Response> {
  const file = await reportFile(model, format);
  if (format === "xlsx") return xlsxResponse({ bytes: file.bytes, fileName: file.fileName, asciiName: file.asciiName, rows: 0 });
  return new Response(new Blob([file.bytes as BlobPart]), {
    headers: {
      "content-type": DOCX_TYPE,
      "content-disposition": contentDisposition(file.asciiName, file.fileName),
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
