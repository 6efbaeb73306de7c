import { notFound } from "next/navigation";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { readYear } from "@/lib/monitoring/district";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { ReportSearchInput, reportResponse } from "@/lib/monitoring/district-files";
import { produceReport } from "@/lib/monitoring/report";

export const dynamic = "force-dynamic";

// GET /[org]/monitoring/report?year=2026&format=docx|xlsx — the school's annual analytical report, from the
// same figures the district sees (district_school_figures() in the school's own scope returns just the school).
// It only reads (and records the download): the final report is marked by the action reports.markFinal from
// the completion page (decision 051).
// A year without a program gives a report that says so.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "reports.produce");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(ReportSearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const model = await produceReport(ctx, search.data.year ?? readYear(undefined, organizationToday(ctx)));
  return reportResponse(model, search.data.format);
}
