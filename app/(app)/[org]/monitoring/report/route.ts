import { notFound } from "next/navigation";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { readYear } from "@/lib/monitoring/district";
import { readReportFormat, reportResponse } from "@/lib/monitoring/district-files";
import { produceReport } from "@/lib/monitoring/report";

export const dynamic = "force-dynamic";

// GET /[org]/monitoring/report?year=2026&format=docx|xlsx — the school's annual analytical report, from the
// same figures the district sees (district_school_figures() in the school's own scope returns just the school).
// Produced at stage 7 it marks the program's final report (the stage 7 gate reads MentoringProgram.finalReportAt).
// A year without a program gives a report that says so.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "reports.produce");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const url = new URL(request.url);
  const model = await produceReport(ctx, readYear(url.searchParams.get("year") ?? undefined, organizationToday(ctx)));
  return reportResponse(model, readReportFormat(url.searchParams.get("format")));
}
