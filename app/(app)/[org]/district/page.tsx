import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistrictFilters } from "@/components/monitoring/district-filters";
import { DistrictHeadline } from "@/components/monitoring/district-headline";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { filterSchools, groupByMunicipality, readSchoolFilter } from "@/lib/domain/monitoring";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { pageRows } from "@/lib/domain/paging";
import { sortSchools } from "@/lib/domain/district-order";
import { DistrictDashboardSearchInput, readYear, yearOptions } from "@/lib/monitoring/district";
import { getDistrictDashboard } from "@/lib/monitoring/queries";
import { DistrictTrends } from "@/components/monitoring/district-trends";
import { DistrictResults } from "@/components/monitoring/district-results";
import { dashboardHref, dashboardQuery, freshnessText, type Tr } from "@/lib/monitoring/district-text";
import { now } from "@/lib/clock";
import { DistrictOpenMentoring } from "@/components/monitoring/district-open-mentoring";
import { DistrictExports, DistrictSchoolsSection, DistrictStagesAndCoverage } from "@/components/monitoring/district-sections";
import { getCouncilFigures } from "@/lib/communities/queries";
import { councilSummary } from "@/lib/domain/communities";
import { partnerShares } from "@/lib/partners/queries";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export async function generateMetadata() {
  const t = await getTranslations("monitoring.district");
  return { title: t("title") };
}


// The district (region) dashboard for the municipal office: every school's aggregates for an academic year,
// read through district_school_figures() — never through the schools' own rows.
export default async function DistrictMonitoringPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { search, ignored } = readListParams(DistrictDashboardSearchInput, await searchParams);
  // A school has no district dashboard (404); in an office it takes the monitoring.district permission (403).
  const ctx = await requireTenant(org);
  if (ctx.organization.kind === "SCHOOL") notFound();
  if (!hasPermission(ctx.roles, "monitoring.district")) forbidden();
  const region = ctx.organization.kind === "REGION";
  const intl = await getTranslations("monitoring.district");
  const t: Tr = (key, values) => intl(key as never, values as never);
  const tAll = await getTranslations();

  const today = organizationToday(ctx);
  const year = search.year ?? readYear(undefined, today);
  const filter = readSchoolFilter({ q: search.q, stage: search.stage, lagging: search.lagging, running: search.running, municipality: search.municipality });
  const [dashboard, council, partners] = await Promise.all([
    getDistrictDashboard(ctx, year, { trends: true }),
    // The council and the partners' share (decisions 059, 061): a municipal office keeps communities, every office a register.
    ctx.organization.kind === "MUNICIPALITY" ? getCouncilFigures(ctx, today) : null,
    partnerShares(ctx),
  ]);
  const { summary } = dashboard;
  // Every school's figures are computed for the summary anyway: the table is filtered, sorted and cut to one page
  // here, on the server (decision 056); the page carries 50 rows, not 2,000.
  const sort = sortOf(search.sort, "name");
  const list = pageRows(sortSchools(filterSchools(dashboard.schools, filter), sort.column, sort.descending), PAGE_SIZE, search.page);

  const base = `/${org}/district`;
  const current = dashboardQuery(year, filter, search.sort);
  const href = (changes: Record<string, string | null>, hash = "") => dashboardHref(base, current, { page: null, ...changes }, hash);
  const listLink = (changes: Record<string, string | number>) => listHref(base, { ...current, page: list.page }, changes, "#schools");
  // The schools file: every school the filters select, in the table's order (not the text search, not one page).
  const exportHref = (table: string) => dashboardHref(`${base}/export`, table === "schools" ? { ...current, q: undefined } : { year: String(year) }, { table });
  const yearText = formatAcademicYear(year);

  return (
    <>
      <PageHeader title={region ? t("titleRegion") : t("title")}>
        <p>{t("intro")}</p>
        <p className="mt-1 text-sm text-slate-700" data-source={dashboard.freshness.source}>
          {freshnessText(t, dashboard.freshness.asOf, now(), ctx.organization.timeZone)}
        </p>
      </PageHeader>

      <Section title={t("filtersTitle")} id="filters">
        <DistrictFilters
          t={t}
          action={base}
          year={year}
          years={yearOptions(year, today)}
          filter={filter}
          municipalities={region ? groupByMunicipality(dashboard.schools).map((m) => ({ id: m.id, name: m.name })) : null}
          sort={search.sort}
        />
      </Section>

      <Section title={`${t("headlineTitle")} · ${yearText}`} id="headline">
        <DistrictHeadline t={t} summary={summary} href={href} />
      </Section>

      <DistrictSchoolsSection t={t} dashboardSchools={dashboard.schools.length} list={list} ignored={ignored} yearText={yearText} region={region} base={base} year={year}
        sort={sort} sortHref={(sort) => listLink({ sort })} pageHref={(page) => listLink({ page })} />

      <DistrictStagesAndCoverage t={t} summary={summary} href={href} />

      <DistrictOpenMentoring org={org} council={council ? { quarter: council.quarter, summary: councilSummary(council.quarter, council.bySchool, council.perQuarter) } : null} partners={partners} />

      <DistrictResults t={t} results={summary.results} schools={summary.schools} yearText={yearText} />

      {dashboard.previous ? <DistrictTrends t={t} previous={dashboard.previous} current={summary} yearText={yearText} previousText={formatAcademicYear(year - 1)} /> : null}

      <DistrictExports t={t} org={org} year={year} yearText={yearText} exportHref={exportHref} report={hasPermission(ctx.roles, "reports.produce")}
        mentorBank={hasPermission(ctx.roles, "district.mentors")} producing={tAll("tasks.producing")} />
    </>
  );
}
