import { cookies } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { z } from "zod";
import { filterSchools, readSchoolFilter } from "@/lib/domain/monitoring";
import { IdParam, readRouteParams, searchOf } from "@/lib/http/params";
import { sortOf } from "@/lib/http/list-search";
import { sortSchools } from "@/lib/domain/district-order";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { DistrictSearchInput, readYear } from "@/lib/monitoring/district";
import { getDistrictDashboard } from "@/lib/monitoring/queries";
import type { Tr } from "@/lib/monitoring/district-text";
import { dashboardTableXlsx, schoolFiguresXlsx } from "@/lib/monitoring/district-xlsx";
import { xlsxResponse } from "@/lib/people/xlsx";

export const dynamic = "force-dynamic";

const SearchInput = DistrictSearchInput.extend({
  table: z.enum(["schools", "stages", "coverage", "school"]).default("schools"),
  school: IdParam.optional(),
});

// GET /[org]/district/export?table=schools|stages|coverage&year=2026[&sort&stage&lagging&running&municipality]
//     /[org]/district/export?table=school&school=<id>&year=2026
// The dashboard's tables as .xlsx (the schools table with the dashboard's filters), aggregates only.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  if (ctx.organization.kind === "SCHOOL") notFound();
  if (!hasPermission(ctx.roles, "monitoring.district")) forbidden();
  const parsed = readRouteParams(SearchInput, searchOf(request), request);
  if (!parsed.ok) return parsed.response;
  const search = parsed.data;
  const table = search.table;
  const today = organizationToday(ctx);
  const year = search.year ?? readYear(undefined, today);
  const dashboard = await getDistrictDashboard(ctx, year);
  const all = translator(toLocale((await cookies()).get(LOCALE_COOKIE)?.value));
  const t: Tr = (key, values) => all(`monitoring.district.${key}` as never, values as never);
  const tSchool: Tr = (key, values) => all(`monitoring.school.${key}` as never, values as never);
  const exportOrg = { slug: ctx.organization.slug, name: ctx.organization.name, shortName: ctx.organization.shortName, kind: ctx.organization.kind };
  if (table === "school") {
    const school = dashboard.schools.find((s) => s.schoolId === search.school);
    if (!school) notFound();
    return xlsxResponse(await schoolFiguresXlsx(t, tSchool, exportOrg, year, school));
  }
  // The schools table as the dashboard filters and orders it — every school the filters select, not the page shown.
  const sort = sortOf(search.sort, "name");
  const schools =
    table === "schools"
      ? sortSchools(filterSchools(dashboard.schools, readSchoolFilter({ stage: search.stage, lagging: search.lagging, running: search.running, municipality: search.municipality })), sort.column, sort.descending)
      : dashboard.schools;
  return xlsxResponse(await dashboardTableXlsx(t, exportOrg, year, table as "schools" | "stages" | "coverage", schools, dashboard.summary));
}
