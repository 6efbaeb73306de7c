import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { readRouteParams, searchOf, YearParam } from "@/lib/http/params";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { getSchoolFigures } from "@/lib/monitoring/queries";
import { SCHOOL_TABLES, schoolTables } from "@/lib/monitoring/school";
import { buildWorkbook, xlsxResponse } from "@/lib/people/xlsx";
import { findProgram } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

const SearchInput = z.object({ table: z.enum(SCHOOL_TABLES), year: YearParam.optional() });

// GET /[org]/monitoring/export?table=roadmap&year=2026 — one table of the school dashboard as .xlsx
// (aggregates; the overdue list names the responsible staff). For roles with monitoring.school.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const { table: key, year } = search.data;
  const { program } = await findProgram(ctx, year);
  if (!program) notFound();
  const figures = await getSchoolFigures(ctx, program.id);
  if (!figures) notFound();
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const table = schoolTables(figures, locale)[key];
  const bytes = await buildWorkbook(table.title, table.columns, table.rows);
  const years = `${program.academicYear}-${program.academicYear + 1}`;
  const orgName = (ctx.organization.shortName ?? ctx.organization.name).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim();
  return xlsxResponse({ bytes, rows: table.rows.length, asciiName: `monitoring-${key}-${ctx.organization.slug}-${years}.xlsx`, fileName: `${table.title} — ${orgName} — ${years}.xlsx` });
}
