import "server-only";
import { pdfOffered } from "@/lib/http/document-response";
import { ReportTaskButtons, type ReportFormat } from "./report-task-buttons";

/**
 * The annual report's buttons with the formats this server can produce: PDF only where LibreOffice is installed
 * (decision 026). Each page names the labels in its own words; the choice of formats is made here, once.
 */
export function ReportButtons({ org, year, labels, pending, item = false }: { org: string; year: number; labels: Record<ReportFormat, string>; pending: string; item?: boolean }) {
  const formats: ReportFormat[] = pdfOffered() ? ["docx", "pdf", "xlsx"] : ["docx", "xlsx"];
  return <ReportTaskButtons org={org} year={year} item={item} pending={pending} formats={formats.map((format) => ({ format, label: labels[format] }))} />;
}
