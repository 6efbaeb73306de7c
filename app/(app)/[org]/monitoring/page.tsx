import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import {
  MonitoringBanksSection,
  MonitoringCoverageSection,
  MonitoringIndicatorsSection,
  MonitoringLinkSections,
  MonitoringPairsSection,
  MonitoringReportSection,
  MonitoringRoadmapSection,
  MonitoringSatisfactionSection,
  MonitoringStageSection,
  MonitoringYearLinks,
} from "@/components/monitoring/school-sections";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { fixLinks } from "@/components/program/unmet-conditions";
import { toLocale } from "@/lib/i18n/config";
import { getSchoolFigures } from "@/lib/monitoring/queries";
import { RetentionSection } from "@/components/monitoring/retention-section";
import { EffectivenessSection } from "@/components/monitoring/effectiveness-section";
import { schoolTables } from "@/lib/monitoring/school";
import { findProgram, getStageOverview } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import { hasPermission } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("schoolMonitoring");
  return { title: t("title") };
}

export default async function SchoolMonitoringPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { year } = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("schoolMonitoring");
  const locale = toLocale(await getLocale());
  const base = `/${org}`;
  const { program, years, figures, overview } = await readPage(ctx, async (read) => {
    const found = await findProgram(read, year);
    if (!found.program) return { ...found, figures: null, overview: null };
    const [figures, overview] = await Promise.all([getSchoolFigures(read, found.program.id), getStageOverview(read, found.program)]);
    return { ...found, figures, overview };
  });

  const yearLinks = <MonitoringYearLinks years={years} current={program?.academicYear} base={base} />;

  if (!program) {
    return (
      <>
        <PageHeader title={t("title")} />
        {yearLinks}
        <Notice kind="info">{t("noProgram")}</Notice>
      </>
    );
  }

  if (!figures || !overview) notFound();
  const y = program.academicYear;
  // On this page the final report is at hand: the condition «итоговый отчёт» links straight to it.
  const report = hasPermission(ctx.roles, "reports.produce") ? `${base}/monitoring/report?year=${y}&format=docx` : undefined;
  const links = { ...fixLinks(base, program, true, ctx.roles), monitoring: report };
  const sections = { figures, tables: schoolTables(figures, locale), base, year: y, locale };

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro", { year: formatAcademicYear(y) })}</p>
      </PageHeader>
      {yearLinks}
      {hasPermission(ctx.roles, "reports.produce") ? <MonitoringReportSection org={org} year={y} /> : null}
      <MonitoringStageSection program={program} unmet={overview.unmet} links={links} base={base} year={y} locale={locale} />
      <MonitoringRoadmapSection {...sections} />
      <MonitoringBanksSection {...sections} />
      <MonitoringPairsSection {...sections} />
      <MonitoringCoverageSection {...sections} />
      <EffectivenessSection effectiveness={figures.effectiveness} districtAwards={figures.districtAwards} />
      <RetentionSection retention={figures.retention} />
      <MonitoringSatisfactionSection {...sections} />
      <MonitoringLinkSections {...sections} />
      <MonitoringIndicatorsSection {...sections} />
    </>
  );
}
