import "server-only";
import { organizationToday, type TenantContext } from "../auth/tenant";
import { z } from "zod";
import { done } from "../actions/action";
import { defineDownload, downloaded } from "../actions/download";
import type { Tx } from "../db";
import type { AnalyticalReportDocument } from "../documents/analytical-report-docx";
import { formatAcademicYear } from "../domain/academic-year";
import {
  assessDistrict,
  groupByMunicipality,
  percent,
  summarizeSchools,
  type AssessedSchool,
  type DistrictSummary,
} from "../domain/monitoring";
import { laggingSentence, noProgramSentence, pairsSentence, recommendations, resultsSentences, roadmapSentence, runningSentence, satisfactionSentence, stagesSentence, studentsSentence, teachersSentence } from "../domain/monitoring-report-text";
import { documentAuthor, headSignatory, type OrganizationRequisites } from "../domain/organization-profile";
import { formatDate } from "../format";
import { russianIn } from "../i18n/russian";
import { loadRequisites } from "../organization/requisites";
import { loadDistrictFigures } from "./district";
import type { Swot } from "../domain/swot";
import { loadProgramSwot } from "./swot";
import { translator } from "../i18n/translator";
import type { YoungRetention } from "../domain/retention";
import type { Effectiveness } from "../domain/effectiveness";
import { districtAwardNames, loadSchoolFigures } from "./school";
import { schoolSections, type DistrictAwardsFigure } from "./report-school";
import { lateList, reasonSentences, share, stageCell, stageKeyTitle, yesNo } from "./report-cells";
import { changeText, compareYears, directionText, trendsSentence } from "../domain/monitoring-trends";

// The annual monitoring report (аналитическая справка; seed 002, Приложение 2 item 10) of a municipality, a
// region or one school, from the same figures as the dashboard: per indicator a short generated Russian text
// and a table, the lagging organizations and recommendations. Rendered as .docx (lib/documents/docx.ts) and
// .xlsx (./district-xlsx.ts). Aggregates only.

export type ReportCell = string | number | null;
export type ReportSwot = { title: string; table: Swot }[];
export type ReportTable = { header: string[]; weights: number[]; rows: ReportCell[][] };
export type ReportSection = { key: string; title: string; paragraphs: string[]; table: ReportTable | null; list?: string[] };

export type ReportModel = {
  scope: "MUNICIPALITY" | "REGION" | "SCHOOL";
  organizationName: string;
  organizationSlug: string;
  /** Reference data under the name (address, ИНН, ОГРН…) from the organization's profile. */
  requisites: string[];
  place: string | null;
  date: Date;
  year: number;
  title: string;
  /** True when no program ran that year: the report then says so and has no indicator sections. */
  empty: boolean;
  intro: string[];
  sections: ReportSection[];
  signatory: { position: string; initialsAndSurname: string };
  executor: { name: string; contact: string | null } | null;
};

/** The report's own words (lib/i18n/russian/district-files.json). */
const ru = russianIn("monitoringDocx");

const unitName = (s: { shortName: string | null; name: string }) => s.shortName ?? s.name;

type Unit = { name: string; summary: DistrictSummary; school: AssessedSchool | null; late?: number };

/** A school's late deadlines, or (a municipality of a region) how many of its schools' deadlines were done late. */
function lateCell(u: Unit): string {
  if (u.school) return lateList(u.school.lateDeadlines ?? []) || "—";
  return u.late ? ru("lateDeadlines", { count: u.late, countText: String(u.late) }) : "—";
}

function districtSections(scope: "MUNICIPALITY" | "REGION", schools: AssessedSchool[], summary: DistrictSummary): ReportSection[] {
  const region = scope === "REGION";
  const units: Unit[] = region
    ? groupByMunicipality(schools).map((g) => ({ name: g.name, summary: summarizeSchools(g.schools, summary.medianRank), school: null, late: g.schools.reduce((n, s) => n + (s.lateDeadlines?.length ?? 0), 0) }))
    : schools.map((s) => ({ name: unitName(s), summary: summarizeSchools([s], summary.medianRank), school: s }));
  const unitHeader = region ? ru("unit.municipality") : ru("unit.school");
  const numbered = (rows: ReportCell[][]) => rows.map((row, i) => [i + 1, ...row]);

  const sections: ReportSection[] = [
    {
      key: "running",
      title: ru("district.running"),
      paragraphs: [
        runningSentence(summary),
        ru("district.runningRule"),
      ],
      table: region
        ? {
            header: ["№", unitHeader, ru("column.organizations"), ru("column.withProgram"), ru("column.runningSchools"), ru("column.sharePercent")],
            weights: [6, 44, 13, 13, 14, 10],
            rows: numbered(units.map((u) => [u.name, u.summary.schools, u.summary.withProgram, u.summary.running, share(u.summary.runningShare)])),
          }
        : {
            header: ["№", unitHeader, ru("column.programStage"), ru("column.regulation"), ru("column.roadmap"), ru("column.curatorOrder"), ru("column.runsSystem")],
            weights: [6, 38, 14, 10, 11, 11, 10],
            rows: numbered(units.map((u) => [u.name, stageCell(u.school!.rank), yesNo(u.school!.acts.regulation), yesNo(u.school!.acts.roadmap), yesNo(u.school!.acts.curator), yesNo(u.school!.runsSystem)])),
          },
    },
    {
      key: "stages",
      title: ru("district.stages"),
      paragraphs: [stagesSentence(summary)],
      table: {
        header: [ru("column.stage"), ru("column.organizations"), ru("column.sharePercent")],
        weights: [70, 15, 15],
        rows: summary.byStage.map((b) => [stageKeyTitle(b.key), b.count, share(percent(b.count, summary.schools))]),
      },
    },
    {
      key: "pairs",
      title: ru("district.pairs"),
      paragraphs: [pairsSentence(summary.pairs), ru("district.banks", { mentees: String(summary.menteesInBank), mentors: String(summary.mentorsApproved) })],
      table: {
        header: ["№", unitHeader, ru("column.pairsByOrder"), ru("column.pairsActive"), ru("column.pairsCompleted"), ru("column.pairsDissolved"), ru("column.menteesInBank"), ru("column.mentorsApproved")],
        weights: [5, 31, 10, 9, 9, 11, 12, 13],
        rows: numbered(units.map((u) => [u.name, u.summary.pairs.byOrder, u.summary.pairs.active, u.summary.pairs.completed, u.summary.pairs.dissolved, u.summary.menteesInBank, u.summary.mentorsApproved])),
      },
    },
    {
      key: "teachers",
      title: ru("district.teachers"),
      paragraphs: [teachersSentence(summary)],
      table: {
        header: ["№", unitHeader, ru("column.teachers"), ru("column.teachersInvolved"), ru("column.sharePercent"), ru("column.youngSpecialists"), ru("column.youngSpecialistsCovered"), ru("column.sharePercent")],
        weights: [5, 31, 10, 10, 9, 13, 12, 10],
        rows: numbered(
          units.map((u) => [u.name, u.summary.teachers, u.summary.teachersInvolved, share(u.summary.coverage.teachersInvolved), u.summary.youngSpecialists, u.summary.youngSpecialistsCovered, share(u.summary.coverage.youngSpecialistsCovered)]),
        ),
      },
    },
    {
      key: "students",
      title: ru("district.students"),
      paragraphs: [studentsSentence(summary)],
      table: {
        header: ["№", unitHeader, ru("column.students"), ru("column.studentMentees"), ru("column.sharePercent"), ru("column.studentMentors"), ru("column.sharePercent")],
        weights: [5, 35, 12, 12, 9, 12, 9],
        rows: numbered(units.map((u) => [u.name, u.summary.students, u.summary.studentMentees, share(u.summary.coverage.studentMentees), u.summary.studentMentors, share(u.summary.coverage.studentMentors)])),
      },
    },
    {
      key: "satisfaction",
      title: ru("district.satisfaction"),
      paragraphs: [satisfactionSentence(summary)],
      table: {
        header: ["№", unitHeader, ru("column.menteeSatisfaction"), ru("column.mentorSatisfaction")],
        weights: [6, 54, 20, 20],
        rows: numbered(units.map((u) => [u.name, share(u.summary.satisfaction.mentee), share(u.summary.satisfaction.mentor)])),
      },
    },
    {
      key: "roadmap",
      title: ru("district.roadmap"),
      paragraphs: [roadmapSentence(summary)],
      table: {
        header: ["№", unitHeader, ru("column.overdueActivities"), ru("column.deadlinesDue"), ru("column.deadlinesMet"), ru("column.deadlinesLate")],
        weights: [5, 31, 14, 14, 12, 24],
        rows: numbered(units.map((u) => [u.name, u.summary.overdueActivities, u.summary.deadlines.due, u.summary.deadlines.met, lateCell(u)])),
      },
    },
    {
      key: "results",
      title: ru("district.results"),
      paragraphs: resultsSentences(summary.results, summary.schools),
      table: {
        header: [
          "№",
          unitHeader,
          ru("column.pairsWorked"),
          ru("column.programsApproved"),
          ru("column.planItemsDone"),
          ru("column.meetingsPerPair"),
          ru("column.cases"),
          ru("column.awards"),
          region ? ru("column.sitePublishedSchools") : ru("column.sitePublished"),
          ru("column.minorMentees"),
          ru("column.youngRetained"),
          ru("column.growth"),
        ],
        weights: [4, 18, 7, 8, 8, 6, 5, 5, 8, 8, 9, 9],
        rows: numbered(
          units.map((u) => {
            const r = u.summary.results;
            return [u.name, r.pairsWorked, share(r.programsApprovedShare), share(r.planItemsDoneShare), r.meetingsPerPair, r.cases, r.awards, u.school ? yesNo(u.school.results.sitePublished) : r.sitePublished, share(r.minorMenteesShare), share(r.youngRetainedShare), share(r.growthShare)];
          }),
        ),
      },
    },
    {
      key: "lagging",
      title: ru("district.lagging"),
      paragraphs: [laggingSentence(summary)],
      table: region
        ? {
            header: ["№", unitHeader, ru("column.organizations"), ru("column.lagging"), ru("column.sharePercent")],
            weights: [6, 52, 14, 16, 12],
            rows: numbered(units.map((u) => [u.name, u.summary.schools, u.summary.lagging, share(percent(u.summary.lagging, u.summary.schools))])),
          }
        : {
            header: ["№", unitHeader, ru("column.reasons")],
            weights: [6, 34, 60],
            rows: numbered(schools.filter((s) => s.lagging).map((s) => [unitName(s), reasonSentences(s.reasons).join("\n")])),
          },
    },
    { key: "recommendations", title: ru("district.recommendations"), paragraphs: [], table: null, list: recommendations(schools, "district") },
  ];
  return sections;
}

export type ReportInput = {
  /** The organization's profile: name, reference data, place, and who signs (lib/domain/organization-profile.ts). */
  organization: OrganizationRequisites & { slug: string };
  year: number;
  today: Date;
  schools: AssessedSchool[];
  summary: DistrictSummary;
  head: string | null;
  executor: { name: string; contact: string | null } | null;
  /** A school's report: its SWOT per form (lib/monitoring/swot.ts); offices' reports have none. */
  swot?: ReportSwot;
  /** A school's report: its young specialists' retention and its program's effectiveness (lib/monitoring/school.ts). */
  retention?: YoungRetention;
  effectiveness?: Effectiveness;
  districtAwards?: DistrictAwardsFigure;
  /** The same summary for the year before, for the comparison; absent: no comparison section. */
  previous?: DistrictSummary;
};

/** «N. Динамика показателей», the report's last section: every indicator against the year before (issue #16 item 4). */
function trendsSection(scope: ReportModel["scope"], year: number, previous: DistrictSummary | undefined, current: DistrictSummary, number: number): ReportSection | null {
  if (!previous) return null;
  const previousText = formatAcademicYear(year - 1);
  const title = ru("trends.title", { number: String(number) });
  if (previous.withProgram === 0) return { key: "trends", title, paragraphs: [ru("trends.noPrevious", { year: previousText })], table: null };
  const rows = compareYears(previous, current, scope === "SCHOOL" ? "school" : "district");
  return {
    key: "trends",
    title,
    paragraphs: [
      trendsSentence(rows, previousText),
      ru("trends.basis"),
    ],
    table: {
      header: [ru("column.indicator"), `${previousText}`, `${formatAcademicYear(year)}`, ru("column.change"), ru("column.direction")],
      weights: [40, 13, 13, 14, 20],
      rows: rows.map((r) => [translator("ru")(`monitoring.district.trends.rows.${r.key}` as never), r.previous, r.current, changeText(r), directionText(r)]),
    },
  };
}

/** The report's content from the assessed figures (pure). */
export function buildReport(input: ReportInput): ReportModel {
  const { organization: org, year } = input;
  const yearText = formatAcademicYear(year);
  const scope = org.kind;
  const where = scope === "SCHOOL" ? ru("whereSchool", { school: org.shortName ?? org.name }) : scope === "REGION" ? ru("whereRegion") : ru("whereMunicipality");
  const title = ru("title", { where, year: yearText });
  const empty = input.summary.withProgram === 0;
  const intro = empty
    ? [noProgramSentence(year, scope === "SCHOOL" ? "school" : "district")]
    : [
        scope === "SCHOOL"
          ? ru("introSchool", { year: yearText, date: formatDate(input.today) })
          : ru("introDistrict", { schools: input.summary.schools, schoolsText: String(input.summary.schools), year: yearText, date: formatDate(input.today) }),
      ];
  const body = empty ? [] : scope === "SCHOOL" ? schoolSections(input.schools[0]!, year, { swot: input.swot ?? [], retention: input.retention, effectiveness: input.effectiveness, districtAwards: input.districtAwards }) : districtSections(scope, input.schools, input.summary);
  const trends = empty ? null : trendsSection(scope, year, input.previous, input.summary, body.length + 1);
  const sections = trends ? [...body, trends] : body;
  return {
    scope,
    ...documentAuthor(org),
    organizationSlug: org.slug,
    date: input.today,
    year,
    title,
    empty,
    intro,
    sections,
    signatory: headSignatory(org, input.head),
    executor: input.executor,
  };
}

/** The report as the .docx renderer takes it: numbers printed Russian-style, empty cells as dashes. */
export function toDocxDocument(model: ReportModel): AnalyticalReportDocument {
  const text = (cell: ReportCell) => (cell === null ? "—" : typeof cell === "number" ? String(cell).replace(".", ",") : cell);
  return {
    organizationName: model.organizationName,
    requisites: model.requisites,
    place: model.place,
    date: model.date,
    number: null,
    title: model.title,
    intro: model.intro,
    sections: model.sections.map((s) => ({
      title: s.title,
      paragraphs: s.paragraphs,
      table: s.table ? { header: s.table.header, weights: s.table.weights, rows: s.table.rows.map((row) => row.map(text)) } : null,
      list: s.list,
    })),
    signatory: model.signatory,
    executor: model.executor,
  };
}

async function headName(tx: Tx, organizationId: string, kind: ReportInput["organization"]["kind"]): Promise<string | null> {
  const head = await tx.membership.findFirst({
    where: { organizationId, role: kind === "SCHOOL" ? "DIRECTOR" : "MUNICIPAL_HEAD" },
    select: { user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return head?.user.name ?? null;
}

/**
 * The report of the organization of ctx for the academic year, as an audited download
 * (lib/actions/download.ts): the figures (a municipality's or region's schools, or the school itself), the
 * head who signs it, and the audit record, in one tenant transaction. It only reads: the final report of a
 * school's program is marked by the action reports.markFinal (lib/completion/actions.ts, decision 051).
 */
const reportDownload = defineDownload({
  name: "monitoring.report",
  permission: "reports.produce",
  params: z.object({ year: z.number().int(), today: z.date() }),
  async read({ params: { year, today }, tx, ctx }) {
    const org = ctx.organization;
    const [figures, previousFigures, requisites, head] = await Promise.all([
      loadDistrictFigures(tx, org.id, year, today),
      loadDistrictFigures(tx, org.id, year - 1, today),
      loadRequisites(tx, org.id),
      headName(tx, org.id, org.kind),
    ]);
    const { schools, summary } = assessDistrict(figures, { year, today });
    const collator = new Intl.Collator("ru", { numeric: true });
    schools.sort((a, b) => collator.compare(a.municipalityName ?? "", b.municipalityName ?? "") || collator.compare(unitName(a), unitName(b)));
    const program = org.kind === "SCHOOL" ? schools[0]?.program : null;
    const swot = program ? await loadProgramSwot(tx, org.id, program.id, today) : null;
    const figuresOfSchool = program ? await loadSchoolFigures(tx, org.id, program.id, today) : null;
    const model = buildReport({
      organization: { ...requisites, slug: org.slug },
      year,
      today,
      schools,
      summary,
      head,
      executor: { name: ctx.user.name, contact: ctx.user.email },
      swot: swot?.forms.map((f) => ({ title: translator("ru")(`vocabulary.mentoringForm.${f.form}`), table: f.table })),
      retention: figuresOfSchool?.retention,
      effectiveness: figuresOfSchool?.effectiveness,
      districtAwards: figuresOfSchool ? { total: figuresOfSchool.districtAwards.total, names: districtAwardNames(figuresOfSchool.districtAwards, (kind) => translator("ru")(`vocabulary.districtAwardKind.${kind}`)) } : undefined,
      previous: assessDistrict(previousFigures, { year: year - 1, today }).summary,
    });
    return done(model, {
      targetType: program ? "MentoringProgram" : "Organization",
      targetId: program?.id ?? org.id,
      data: { year, schools: summary.schools, empty: model.empty },
    });
  },
});

export async function produceReport(ctx: TenantContext, year: number, today: Date = organizationToday(ctx)): Promise<ReportModel> {
  return downloaded(await reportDownload(ctx, { year, today }));
}

/** The same audited read without Next's 403/404 (the background task words a refusal itself: lib/tasks/handlers.ts). */
export function readReport(ctx: TenantContext, year: number, today: Date = organizationToday(ctx)) {
  return reportDownload(ctx, { year, today });
}
