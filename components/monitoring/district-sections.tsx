import Link from "next/link";
import { ChartCoverage } from "@/components/monitoring/chart-coverage";
import { ChartStages } from "@/components/monitoring/chart-stages";
import { DistrictSchoolsTable } from "@/components/monitoring/district-schools-table";
import { ReportButtons } from "@/components/tasks/report-buttons";
import { ListFound } from "@/components/ui/list-controls";
import { Section } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td } from "@/components/ui/table";
import { percent, type AssessedSchool, type DistrictSummary } from "@/lib/domain/monitoring";
import type { pageRows } from "@/lib/domain/paging";
import { formatPercent } from "@/lib/format";
import type { SortState } from "@/lib/http/list-search";
import type { Tr } from "@/lib/monitoring/district-text";
import { coverageRows, stageKeyText } from "@/lib/monitoring/district-xlsx";

// The sections of the district dashboard (app/(app)/[org]/district/page.tsx): the page reads and composes, these
// render what it read — they never read the database.

type SchoolsPage = ReturnType<typeof pageRows<AssessedSchool>>;

/** The schools' table: the filtered, sorted page of 50, or why there is none; the rules of «lagging» below. */
export function DistrictSchoolsSection(props: {
  t: Tr;
  dashboardSchools: number;
  list: SchoolsPage;
  ignored: string[];
  yearText: string;
  region: boolean;
  base: string;
  year: number;
  sort: SortState;
  sortHref: (sort: string) => string;
  pageHref: (page: number) => string;
}) {
  const { t, list, ignored, yearText, region, base, year, sort } = props;
  return (
  <Section title={t("schoolsTitle")} id="schools">
    {props.dashboardSchools === 0 ? (
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
          sortHref={props.sortHref}
        />
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={props.pageHref} />
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
  );
}

/** The schools by stage (chart and table, each count a link to the filtered list) and the coverage indicators. */
export function DistrictStagesAndCoverage({ t, summary, href }: { t: Tr; summary: DistrictSummary; href: (changes: Record<string, string | null>, hash?: string) => string }) {
  const stageData = summary.byStage.map((b) => ({ key: b.key, label: stageKeyText(t, b.key), count: b.count }));
  const coverage = coverageRows(t, summary);
  return (
    <>
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
    </>
  );
}

/** The dashboard's files: the three tables as .xlsx, the annual report as a background task, the district mentor bank. */
export function DistrictExports(props: { t: Tr; org: string; year: number; yearText: string; exportHref: (table: string) => string; report: boolean; mentorBank: boolean; producing: string }) {
  const { t, org, year, yearText, exportHref } = props;
  return (
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
      {props.report ? (
        // Produced as a background task (decision 057): the button opens the task's page with its progress and file.
        <ReportButtons org={org} year={year} item pending={props.producing} labels={{ docx: t("reportDocx", { year: yearText }), pdf: t("reportPdf", { year: yearText }), xlsx: t("reportXlsx") }} />
      ) : null}
      {props.mentorBank ? (
        <li>
          <Link href={`/${org}/district-mentors`} className="text-brand-700 underline">
            {t("mentorBank")}
          </Link>
        </li>
      ) : null}
    </ul>
  </Section>
  );
}
