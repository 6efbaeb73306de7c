import { forbidden, notFound } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { readYear } from "@/lib/monitoring/district";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { ReportSearchInput, reportResponse } from "@/lib/monitoring/district-files";
import { produceReport } from "@/lib/monitoring/report";

export const dynamic = "force-dynamic";

// GET /[org]/district/report?year=2026&format=docx|xlsx — the annual analytical report (аналитическая справка)
// of the municipality (or region) over its schools: aggregates only. A year without programs gives a report
// that says so.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  if (ctx.organization.kind === "SCHOOL") notFound();
  if (!hasPermission(ctx.roles, "reports.produce") || !hasPermission(ctx.roles, "monitoring.district")) forbidden();
  const search = readRouteParams(ReportSearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const model = await produceReport(ctx, search.data.year ?? readYear(undefined, organizationToday(ctx)));
  return reportResponse(model, search.data.format);
}
