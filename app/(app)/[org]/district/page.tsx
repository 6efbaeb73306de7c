import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChartCoverage } from "@/components/monitoring/chart-coverage";
import { ChartStages } from "@/components/monitoring/chart-stages";
import { DistrictFilters } from "@/components/monitoring/district-filters";
import { DistrictHeadline } from "@/components/monitoring/district-headline";
import { DistrictSchoolsTable } from "@/components/monitoring/district-schools-table";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { filterSchools, groupByMunicipality, percent, readSchoolFilter } from "@/lib/domain/monitoring";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { pageRows } from "@/lib/domain/paging";
import { sortSchools } from "@/lib/domain/district-order";
import { ListFound } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { DistrictDashboardSearchInput, readYear, yearOptions } from "@/lib/monitoring/district";
import { getDistrictDashboard } from "@/lib/monitoring/queries";
import { DistrictTrends } from "@/components/monitoring/district-trends";
import { DistrictResults } from "@/components/monitoring/district-results";
import { dashboardHref, freshnessText, type Tr } from "@/lib/monitoring/district-text";
import { now } from "@/lib/clock";
import { coverageRows, stageKeyText } from "@/lib/monitoring/district-xlsx";
import { ReportButtons } from "@/components/tasks/report-buttons";
import { formatPercent } from "@/lib/format";
import { DistrictOpenMentoring } from "@/components/monitoring/district-open-mentoring";
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
  const current: Record<string, string | undefined> = {
    year: String(year),
    stage: filter.stage ?? undefined,
    lagging: filter.lagging ? "1" : undefined,
    running: filter.running === true ? "yes" : filter.running === false ? "no" : undefined,
    municipality: filter.municipalityId ?? undefined,
    q: filter.q,
    sort: search.sort,
  };
  const href = (changes: Record<string, string | null>, hash = "") => dashboardHref(base, current, { page: null, ...changes }, hash);
  const listLink = (changes: Record<string, string | number>) => listHref(base, { ...current, page: list.page }, changes, "#schools");
  // The schools file: every school the filters select, in the table's order (not the text search, not one page).
  const exportHref = (table: string) => dashboardHref(`${base}/export`, table === "schools" ? { ...current, q: undefined } : { year: String(year) }, { table });
  const yearText = formatAcademicYear(year);
  const stageData = summary.byStage.map((b) => ({ key: b.key, label: stageKeyText(t, b.key), count: b.count }));
  const coverage = coverageRows(t, summary);

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

      <Section title={t("schoolsTitle")} id="schools">
        {dashboard.schools.length === 0 ? (
          <p>{t("noSchools")}</p>
        ) : list.total === 0 ? (
          <>
            <ListFound total={0} ignored={ignored} />
            <p>{t("noneFound")}</p>
          </>
        ) : (
          <>
            <ListFound total={list.total} ignored={ignored} />
            <DistrictSchoolsTable
              t={t}
              caption={t("schoolsCaption", { year: yearText })}
              schools={list.rows}
              showMunicipality={region}
              schoolHref={(id) => `${base}/${id}?year=${year}`}
              sort={sort}
              sortHref={(sort) => listLink({ sort })}
            />
            <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => listLink({ page })} />
          </>
        )}
        <details className="mt-4 text-sm text-slate-800">
          <summary className="cursor-pointer font-medium">{t("rulesTitle")}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {(["running", "noProgram", "median", "calendar", "overdue", "satisfaction"] as const).map((k) => (
              <li key={k}>{t(`rules.${k}`)}</li>
            ))}
          </ul>
        </details>
      </Section>

      <Section title={t("stagesChart")} id="stages">
        <ChartStages label={t("stagesChart")} series={t("count")} data={stageData.map((d) => ({ label: d.key === "none" ? "—" : d.key === "completed" ? "✓" : d.key, count: d.count }))} />
        <Table caption={t("stagesTable")} head={[t("stage"), t("count"), t("sharePercent")]}>
          {stageData.map((d) => (
            <tr key={d.key}>
              <Td>{d.label}</Td>
              <Td>
                <Link href={href({ stage: d.key, lagging: null, running: null }, "#schools")} className="text-brand-700 underline">
                  {d.count}
                </Link>
              </Td>
              <Td>{formatPercent(percent(d.count, summary.schools))}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={t("coverageChart")} id="coverage">
        <ChartCoverage label={t("coverageChart")} series={t("sharePercent")} data={coverage.map((c) => ({ label: c.label, value: Math.round((c.share ?? 0) * 10) / 10 }))} />
        <Table caption={t("coverageTable")} head={[t("indicator"), t("involved"), t("total"), t("sharePercent")]}>
          {coverage.map((c) => (
            <tr key={c.key}>
              <Td>{c.label}</Td>
              <Td>{c.part}</Td>
              <Td>{c.whole}</Td>
              <Td>{formatPercent(c.share)}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      <DistrictOpenMentoring org={org} council={council ? { quarter: council.quarter, summary: councilSummary(council.quarter, council.bySchool, council.perQuarter) } : null} partners={partners} />

      <DistrictResults t={t} results={summary.results} schools={summary.schools} yearText={yearText} />

      {dashboard.previous ? <DistrictTrends t={t} previous={dashboard.previous} current={summary} yearText={yearText} previousText={formatAcademicYear(year - 1)} /> : null}

      <Section title={t("exportsTitle")} id="exports">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            <a href={exportHref("schools")} className="text-brand-700 underline">
              {t("exportSchools")}
            </a>
          </li>
          <li>
            <a href={exportHref("stages")} className="text-brand-700 underline">
              {t("exportStages")}
            </a>
          </li>
          <li>
            <a href={exportHref("coverage")} className="text-brand-700 underline">
              {t("exportCoverage")}
            </a>
          </li>
          {hasPermission(ctx.roles, "reports.produce") ? (
            // Produced as a background task (decision 057): the button opens the task's page with its progress and file.
            <ReportButtons org={org} year={year} item pending={tAll("tasks.producing")} labels={{ docx: t("reportDocx", { year: yearText }), pdf: t("reportPdf", { year: yearText }), xlsx: t("reportXlsx") }} />
          ) : null}
          {hasPermission(ctx.roles, "district.mentors") ? (
            <li>
              <Link href={`/${org}/district-mentors`} className="text-brand-700 underline">
                {t("mentorBank")}
              </Link>
            </li>
          ) : null}
        </ul>
      </Section>
    </>
  );
}
