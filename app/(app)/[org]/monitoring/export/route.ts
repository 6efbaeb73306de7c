import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { organizationToday, readTenant, requireTenant } from "@/lib/auth/tenant";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { loadSchoolFigures, SCHOOL_TABLES, schoolTables, type SchoolTableKey } from "@/lib/monitoring/school";
import { buildWorkbook, xlsxResponse } from "@/lib/people/xlsx";
import { findProgram } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

// GET /[org]/monitoring/export?table=roadmap&year=2026 — one table of the school dashboard as .xlsx
// (aggregates; the overdue list names the responsible staff). For roles with monitoring.school.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = new URL(request.url).searchParams;
  const key = search.get("table") ?? "";
  if (!(SCHOOL_TABLES as readonly string[]).includes(key)) notFound();
  const yearParam = search.get("year") ?? "";
  const { program } = await findProgram(ctx, /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined);
  if (!program) notFound();
  const figures = await readTenant(ctx, (tx) => loadSchoolFigures(tx, ctx.organization.id, program.id, organizationToday(ctx)));
  if (!figures) notFound();
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const table = schoolTables(figures, locale)[key as SchoolTableKey];
  const bytes = await buildWorkbook(table.title, table.columns, table.rows);
  const years = `${program.academicYear}-${program.academicYear + 1}`;
  const orgName = (ctx.organization.shortName ?? ctx.organization.name).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim();
  return xlsxResponse({ bytes, rows: table.rows.length, asciiName: `monitoring-${key}-${ctx.organization.slug}-${years}.xlsx`, fileName: `${table.title} — ${orgName} — ${years}.xlsx` });
}
