import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistrictSchoolFigures, DistrictSchoolStatus } from "@/components/monitoring/district-school";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { readPageParams } from "@/lib/http/params";
import { DistrictSearchInput, readYear } from "@/lib/monitoring/district";
import { getDistrictDashboard } from "@/lib/monitoring/queries";
import { freshnessText, type Tr } from "@/lib/monitoring/district-text";
import { now } from "@/lib/clock";
import { schoolFigureRows } from "@/lib/monitoring/district-xlsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("monitoring.district");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One school of the district as the municipal office sees it: the same aggregates as its dashboard row, in
// full — no names, no difficulties. A school outside the office's district is not found.
export default async function DistrictSchoolPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; schoolId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, schoolId } = await params;
  const search = readPageParams(DistrictSearchInput, await searchParams);
  const ctx = await requireTenant(org);
  if (ctx.organization.kind === "SCHOOL" || !UUID.test(schoolId)) notFound();
  if (!hasPermission(ctx.roles, "monitoring.district")) forbidden();
  const today = organizationToday(ctx);
  const year = search.year ?? readYear(undefined, today);
  const dashboard = await getDistrictDashboard(ctx, year);
  const school = dashboard.schools.find((s) => s.schoolId === schoolId);
  if (!school) notFound();

  const intl = await getTranslations("monitoring.district");
  const intlSchool = await getTranslations("monitoring.school");
  const t: Tr = (key, values) => intl(key as never, values as never);
  const ts: Tr = (key, values) => intlSchool(key as never, values as never);
  const rows = schoolFigureRows(t, ts, school);
  const groups: { id: string; title: string; rows: typeof rows }[] = [
    { id: "program", title: ts("programTitle"), rows: rows.slice(0, 6) },
    { id: "pairs", title: ts("pairsTitle"), rows: rows.slice(6, 12) },
    { id: "coverage", title: ts("coverageTitle"), rows: rows.slice(12, 21) },
    { id: "roadmap", title: ts("roadmapTitle"), rows: rows.slice(21) },
  ];
  const base = `/${org}/district`;

  return (
    <>
      <p className="mb-4 text-sm">
        <Link href={`${base}?year=${year}#schools`} className="text-brand-700 underline">
          {ts("back")}
        </Link>
      </p>
      <PageHeader title={school.shortName ?? school.name}>
        <p>
          {[school.municipalityName, formatAcademicYear(year)].filter(Boolean).join(" · ")}
        </p>
        <p className="mt-2">{ts("intro")}</p>
        <p className="mt-1 text-sm text-slate-700" data-source={dashboard.freshness.source}>
          {freshnessText(t, dashboard.freshness.asOf, now(), ctx.organization.timeZone)}
        </p>
      </PageHeader>

      <DistrictSchoolStatus school={school} />

      <DistrictSchoolFigures groups={groups} />

      <p className="text-sm">
        <a href={`${base}/export?table=school&school=${school.schoolId}&year=${year}`} className="text-brand-700 underline">
          {ts("export")}
        </a>
      </p>
    </>
  );
}
