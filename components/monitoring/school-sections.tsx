import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SchoolBarChart, SchoolIndicatorChart, SchoolRoadmapChart } from "@/components/monitoring/school-charts";
import { SchoolTableView } from "@/components/monitoring/school-table";
import { UnmetConditions } from "@/components/program/unmet-conditions";
import { ReportButtons } from "@/components/tasks/report-buttons";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import type { FixPlace, UnmetCondition } from "@/lib/domain/stages";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { SchoolFigures, SchoolTable, SchoolTableKey } from "@/lib/monitoring/school";

// The sections of a school's monitoring page (app/(app)/[org]/monitoring/page.tsx), which reads the figures once and
// hands each section its part.

/** Overdue activities listed on the page (each links to its stage of the roadmap); the .xlsx has all. */
const OVERDUE_SHOWN = 8;

type FigureProps = { figures: SchoolFigures; tables: Record<SchoolTableKey, SchoolTable>; base: string; year: number; locale: AppLocale };

const table = (p: FigureProps, key: SchoolTableKey, emptyText?: string, limit?: number) => (
  <SchoolTableView table={p.tables[key]} base={p.base} year={p.year} locale={p.locale} emptyText={emptyText} limit={limit} />
);
const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** The other academic years' dashboards, when there are any. */
export async function MonitoringYearLinks({ years, current, base }: { years: number[]; current: number | undefined; base: string }) {
  const t = await getTranslations("schoolMonitoring");
  if (years.length <= 1) return null;
  return (
    <nav aria-label={t("otherYears")} className="mb-4 flex flex-wrap gap-3 text-sm">
      {years.map((y) => (
        <Link key={y} href={`${base}/monitoring?year=${y}`} aria-current={current === y ? "page" : undefined} className="text-brand-700 underline aria-[current=page]:font-bold">
          {formatAcademicYear(y)}
        </Link>
      ))}
    </nav>
  );
}

/** The report's three formats, each produced as a background task (decision 057). */
export async function MonitoringReportSection({ org, year }: { org: string; year: number }) {
  const t = await getTranslations("schoolMonitoring");
  const tr = await getTranslations();
  return (
    <Section title={t("reportTitle")} id="report">
      {/* Produced as a background task (decision 057): the button opens the task's page with its progress and file. */}
      <ul className="flex flex-wrap gap-4">
        <ReportButtons org={org} year={year} item pending={tr("tasks.producing")} labels={{ docx: t("reportDocx"), pdf: t("reportPdf"), xlsx: t("reportXlsx") }} />
      </ul>
    </Section>
  );
}

type StageProgram = { stage: number; status: string; completedAt: Date | null };

/** The program's stage, its unmet exit conditions with the places they are fixed, and the program's pages. */
export async function MonitoringStageSection({
  program,
  unmet,
  links,
  base,
  year,
  locale,
}: {
  program: StageProgram;
  unmet: UnmetCondition[];
  links: Partial<Record<FixPlace, string>>;
  base: string;
  year: number;
  locale: AppLocale;
}) {
  const t = await getTranslations("schoolMonitoring");
  const tr = await getTranslations();
  const completed = program.status === "COMPLETED";
  return (
    <Section title={t("stageTitle")} id="stage">
      <p className="mb-3 font-medium">
        {completed && program.completedAt ? t("completedLine", { date: formatDate(program.completedAt, locale) }) : t("stageLine", { stage: program.stage, title: tr(`stages.title${program.stage}` as "stages.title1") })}
      </p>
      {!completed ? (
        unmet.length === 0 ? (
          <Notice kind="success">{t("gateMet")}</Notice>
        ) : (
          <UnmetConditions unmet={unmet} stage={program.stage} links={links} label={t("unmetCaption")} />
        )
      ) : null}
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href={`${base}/program?year=${year}`} className="text-brand-700 underline">
          {t("openProgram")}
        </Link>
        {program.stage === 7 || completed ? (
          <Link href={`${base}/program/completion?year=${year}`} className="text-brand-700 underline">
            {t("openCompletion")}
          </Link>
        ) : null}
      </p>
    </Section>
  );
}

/** The roadmap's progress by stage, its table and the overdue activities. */
export async function MonitoringRoadmapSection(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const { figures } = p;
  const chartLabel = (key: SchoolTableKey) => t("chartLabel", { title: p.tables[key].title });
  return (
    <Section title={t("roadmapTitle")} id="roadmap">
      <p className="mb-3">
        {t("roadmapSummary", { done: figures.roadmap.total.done, total: figures.roadmap.total.total, percent: pct(figures.roadmap.total.percent), overdue: figures.roadmap.total.overdue })}
      </p>
      <SchoolRoadmapChart
        label={chartLabel("roadmap")}
        data={figures.roadmap.stages.map((s) => ({ stage: String(s.stage), done: s.done, open: s.open - s.overdue, overdue: s.overdue }))}
        names={{ done: t("series.done"), open: t("series.open"), overdue: t("series.overdue") }}
      />
      {table(p, "roadmap")}
      {table(p, "overdue", t("overdueNone"), OVERDUE_SHOWN)}
    </Section>
  );
}

/** The banks of mentees and mentors. */
export async function MonitoringBanksSection(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const tv = await getTranslations("vocabulary");
  const { figures } = p;
  const chartLabel = (key: SchoolTableKey) => t("chartLabel", { title: p.tables[key].title });
  return (
    <Section title={t("banksTitle")} id="banks">
      <p className="mb-3">{t("banksSummary", { mentees: figures.banks.menteesInBank, mentors: figures.banks.mentorsApproved })}</p>
      {figures.banks.menteesByCategory.length ? (
        <SchoolBarChart
          label={chartLabel("menteesByCategory")}
          series={t("series.count")}
          data={figures.banks.menteesByCategory.map((r) => ({ label: tv(`menteeCategory.${r.key}` as never), value: r.count }))}
        />
      ) : null}
      {table(p, "menteesByCategory")}
      {table(p, "bankStatuses")}
    </Section>
  );
}

/** The pairs by form, type and status. */
export async function MonitoringPairsSection(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const tv = await getTranslations("vocabulary");
  const { figures } = p;
  const chartLabel = (key: SchoolTableKey) => t("chartLabel", { title: p.tables[key].title });
  return (
    <Section title={t("pairsTitle")} id="pairs">
      <p className="mb-3">{t("pairsSummary", { count: figures.pairs.total })}</p>
      {figures.pairs.byForm.length ? (
        <SchoolBarChart
          label={chartLabel("pairsByForm")}
          series={t("series.count")}
          data={figures.pairs.byForm.map((r) => ({ label: tv(`mentoringForm.${r.key}` as never), value: r.count }))}
        />
      ) : null}
      {table(p, "pairsByForm")}
      {figures.pairs.byType.length ? (
        <SchoolBarChart
          label={chartLabel("pairsByType")}
          series={t("series.count")}
          data={figures.pairs.byType.map((r) => ({ label: tv(`mentoringType.${r.key}` as never), value: r.count }))}
        />
      ) : null}
      {table(p, "pairsByType")}
      {table(p, "pairsByStatus")}
    </Section>
  );
}

/** The shares of teachers and students the program covers. */
export async function MonitoringCoverageSection(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const { figures } = p;
  const chartLabel = (key: SchoolTableKey) => t("chartLabel", { title: p.tables[key].title });
  return (
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
      {table(p, "coverage")}
    </Section>
  );
}

/** The mentees' and mentors' satisfaction from the questionnaires. */
export async function MonitoringSatisfactionSection(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const { figures } = p;
  const chartLabel = (key: SchoolTableKey) => t("chartLabel", { title: p.tables[key].title });
  return (
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
      {table(p, "satisfaction")}
    </Section>
  );
}

/** The SWOT analysis and the trends, each on its own page. */
export async function MonitoringLinkSections(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const { figures, base, year } = p;
  return (
  <>
    <Section title={t("swotTitle")} id="swot">
      <p className="mb-3">{t("swotSummary", { forms: figures.pairs.byForm.length })}</p>
      <Link href={`${base}/monitoring/swot?year=${year}`} className="text-brand-700 underline">
        {t("swotLink")}
      </Link>
    </Section>

    <Section title={t("trendsTitle")} id="trends">
      <p className="mb-3">{t("trendsSummary")}</p>
      <Link href={`${base}/monitoring/trends?year=${year}`} className="text-brand-700 underline">
        {t("trendsLink")}
      </Link>
    </Section>
  </>
  );
}

/** The passport's indicators, target against actual. */
export async function MonitoringIndicatorsSection(p: FigureProps) {
  const t = await getTranslations("schoolMonitoring");
  const tr = await getTranslations();
  const { figures, base, year } = p;
  const chartLabel = (key: SchoolTableKey) => t("chartLabel", { title: p.tables[key].title });
  return (
    <Section title={t("indicatorsTitle")} id="indicators">
      {figures.indicators.length ? (
        <SchoolIndicatorChart
          label={chartLabel("indicators")}
          data={figures.indicators.map((i, n) => ({ label: `${n + 1}. ${i.title.length > 60 ? `${i.title.slice(0, 57)}…` : i.title}`, target: i.target, actual: i.actual }))}
          names={{ target: t("series.target"), actual: t("series.actual") }}
        />
      ) : null}
      {table(p, "indicators", t("indicatorsEmpty"))}
      <p className="text-sm">
        <Link href={`${base}/program/passport?year=${year}`} className="text-brand-700 underline">
          {tr("program.fixPassport")}
        </Link>
      </p>
    </Section>
  );
}
