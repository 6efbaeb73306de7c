import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SchoolBarChart, SchoolIndicatorChart, SchoolRoadmapChart } from "@/components/monitoring/school-charts";
import { SchoolTableView } from "@/components/monitoring/school-table";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { MENTEE_CATEGORIES } from "@/lib/domain/banks";
import { MENTORING_FORMS, MENTORING_TYPES } from "@/lib/domain/pairs";
import { fixLinks, UnmetConditions } from "@/components/program/unmet-conditions";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { getSchoolFigures } from "@/lib/monitoring/queries";
import { RetentionSection } from "@/components/monitoring/retention-section";
import { EffectivenessSection } from "@/components/monitoring/effectiveness-section";
import { schoolTables } from "@/lib/monitoring/school";
import { findProgram, getStageOverview } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import { ReportButtons } from "@/components/tasks/report-buttons";
import { hasPermission } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/** Overdue activities listed on the page (each links to its stage of the roadmap); the .xlsx has all. */
const OVERDUE_SHOWN = 8;

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
  const tr = await getTranslations();
  const locale = toLocale(await getLocale());
  const base = `/${org}`;
  const { program, years, figures, overview } = await readPage(ctx, async (read) => {
    const found = await findProgram(read, year);
    if (!found.program) return { ...found, figures: null, overview: null };
    const [figures, overview] = await Promise.all([getSchoolFigures(read, found.program.id), getStageOverview(read, found.program)]);
    return { ...found, figures, overview };
  });

  const yearLinks =
    years.length > 1 ? (
      <nav aria-label={t("otherYears")} className="mb-4 flex flex-wrap gap-3 text-sm">
        {years.map((y) => (
          <Link key={y} href={`${base}/monitoring?year=${y}`} aria-current={program?.academicYear === y ? "page" : undefined} className="text-brand-700 underline aria-[current=page]:font-bold">
            {formatAcademicYear(y)}
          </Link>
        ))}
      </nav>
    ) : null;

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
  const tables = schoolTables(figures, locale);
  const y = program.academicYear;
  const completed = program.status === "COMPLETED";
  // On this page the final report is at hand: the condition «итоговый отчёт» links straight to it.
  const report = hasPermission(ctx.roles, "reports.produce") ? `${base}/monitoring/report?year=${y}&format=docx` : undefined;
  const links = { ...fixLinks(base, program, true, ctx.roles), monitoring: report };
  const table = (key: keyof typeof tables, emptyText?: string, limit?: number) => <SchoolTableView table={tables[key]} base={base} year={y} locale={locale} emptyText={emptyText} limit={limit} />;
  const chartLabel = (key: keyof typeof tables) => t("chartLabel", { title: tables[key].title });
  const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro", { year: formatAcademicYear(y) })}</p>
      </PageHeader>
      {yearLinks}

      {hasPermission(ctx.roles, "reports.produce") ? (
        <Section title={t("reportTitle")} id="report">
          {/* Produced as a background task (decision 057): the button opens the task's page with its progress and file. */}
          <ul className="flex flex-wrap gap-4">
            <ReportButtons org={org} year={y} item pending={tr("tasks.producing")} labels={{ docx: t("reportDocx"), pdf: t("reportPdf"), xlsx: t("reportXlsx") }} />
          </ul>
        </Section>
      ) : null}

      <Section title={t("stageTitle")} id="stage">
        <p className="mb-3 font-medium">
          {completed && program.completedAt ? t("completedLine", { date: formatDate(program.completedAt, locale) }) : t("stageLine", { stage: program.stage, title: tr(`stages.title${program.stage}` as "stages.title1") })}
        </p>
        {!completed ? (
          overview.unmet.length === 0 ? (
            <Notice kind="success">{t("gateMet")}</Notice>
          ) : (
            <UnmetConditions unmet={overview.unmet} stage={program.stage} links={links} label={t("unmetCaption")} />
          )
        ) : null}
        <p className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link href={`${base}/program?year=${y}`} className="text-brand-700 underline">
            {t("openProgram")}
          </Link>
          {program.stage === 7 || completed ? (
            <Link href={`${base}/program/completion?year=${y}`} className="text-brand-700 underline">
              {t("openCompletion")}
            </Link>
          ) : null}
        </p>
      </Section>

      <Section title={t("roadmapTitle")} id="roadmap">
        <p className="mb-3">
          {t("roadmapSummary", { done: figures.roadmap.total.done, total: figures.roadmap.total.total, percent: pct(figures.roadmap.total.percent), overdue: figures.roadmap.total.overdue })}
        </p>
        <SchoolRoadmapChart
          label={chartLabel("roadmap")}
          data={figures.roadmap.stages.map((s) => ({ stage: String(s.stage), done: s.done, open: s.open - s.overdue, overdue: s.overdue }))}
          names={{ done: t("series.done"), open: t("series.open"), overdue: t("series.overdue") }}
        />
        {table("roadmap")}
        {table("overdue", t("overdueNone"), OVERDUE_SHOWN)}
      </Section>

      <Section title={t("banksTitle")} id="banks">
        <p className="mb-3">{t("banksSummary", { mentees: figures.banks.menteesInBank, mentors: figures.banks.mentorsApproved })}</p>
        {figures.banks.menteesByCategory.length ? (
          <SchoolBarChart
            label={chartLabel("menteesByCategory")}
            series={t("series.count")}
            data={figures.banks.menteesByCategory.map((r) => ({ label: MENTEE_CATEGORIES[r.key as keyof typeof MENTEE_CATEGORIES] ?? r.key, value: r.count }))}
          />
        ) : null}
        {table("menteesByCategory")}
        {table("bankStatuses")}
      </Section>

      <Section title={t("pairsTitle")} id="pairs">
        <p className="mb-3">{t("pairsSummary", { count: figures.pairs.total })}</p>
        {figures.pairs.byForm.length ? (
          <SchoolBarChart
            label={chartLabel("pairsByForm")}
            series={t("series.count")}
            data={figures.pairs.byForm.map((r) => ({ label: MENTORING_FORMS[r.key as keyof typeof MENTORING_FORMS] ?? r.key, value: r.count }))}
          />
        ) : null}
        {table("pairsByForm")}
        {figures.pairs.byType.length ? (
          <SchoolBarChart
            label={chartLabel("pairsByType")}
            series={t("series.count")}
            data={figures.pairs.byType.map((r) => ({ label: MENTORING_TYPES[r.key as keyof typeof MENTORING_TYPES] ?? r.key, value: r.count }))}
          />
        ) : null}
        {table("pairsByType")}
        {table("pairsByStatus")}
      </Section>

      <Section title={t("coverageTitle")} id="coverage">
        <p className="mb-3 text-slate-700">{t("coverageNote")}</p>
        <SchoolBarChart
          label={chartLabel("coverage")}
          series={t("series.percent")}
          percent
          data={[
            { label: t("coverage.teachers"), value: figures.coverage.shares.teachersInvolved ?? 0 },
            { label: t("coverage.young"), value: figures.coverage.shares.youngSpecialistsCovered ?? 0 },
            { label: t("coverage.studentMentees"), value: figures.coverage.shares.studentMentees ?? 0 },
            { label: t("coverage.studentMentors"), value: figures.coverage.shares.studentMentors ?? 0 },
          ]}
        />
        {table("coverage")}
      </Section>

      <EffectivenessSection effectiveness={figures.effectiveness} districtAwards={figures.districtAwards} />

      <RetentionSection retention={figures.retention} />

      <Section title={t("satisfactionTitle")} id="satisfaction">
        <p className="mb-3 text-slate-700">{t("satisfactionNote")}</p>
        <SchoolBarChart
          label={chartLabel("satisfaction")}
          series={t("series.percent")}
          percent
          data={[
            { label: t("satisfactionMentees"), value: figures.satisfaction.mentees.value ?? 0 },
            { label: t("satisfactionMentors"), value: figures.satisfaction.mentors.value ?? 0 },
          ]}
        />
        {table("satisfaction")}
      </Section>

      <Section title={t("swotTitle")} id="swot">
        <p className="mb-3">{t("swotSummary", { forms: figures.pairs.byForm.length })}</p>
        <Link href={`${base}/monitoring/swot?year=${y}`} className="text-brand-700 underline">
          {t("swotLink")}
        </Link>
      </Section>

      <Section title={t("trendsTitle")} id="trends">
        <p className="mb-3">{t("trendsSummary")}</p>
        <Link href={`${base}/monitoring/trends?year=${y}`} className="text-brand-700 underline">
          {t("trendsLink")}
        </Link>
      </Section>

      <Section title={t("indicatorsTitle")} id="indicators">
        {figures.indicators.length ? (
          <SchoolIndicatorChart
            label={chartLabel("indicators")}
            data={figures.indicators.map((i, n) => ({ label: `${n + 1}. ${i.title.length > 60 ? `${i.title.slice(0, 57)}…` : i.title}`, target: i.target, actual: i.actual }))}
            names={{ target: t("series.target"), actual: t("series.actual") }}
          />
        ) : null}
        {table("indicators", t("indicatorsEmpty"))}
        <p className="text-sm">
          <Link href={`${base}/program/passport?year=${y}`} className="text-brand-700 underline">
            {tr("program.fixPassport")}
          </Link>
        </p>
      </Section>
    </>
  );
}
