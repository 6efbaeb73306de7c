import "server-only";
import { fileNamePart } from "../http/attachment";
import { formatAcademicYear } from "../domain/academic-year";
import { percent, type AssessedSchool, type DistrictSummary, type StageKey } from "../domain/monitoring";
import { buildSheets, buildWorkbook, type XlsxColumn, type XlsxFile, type XlsxSheet, type XlsxValue } from "../xlsx/workbook";
import { schoolRowText, stageText, type Tr } from "./district-text";
import type { ReportModel } from "./report";
import { formatCalendarDate, formatPercent } from "../format";
import { russianIn } from "../i18n/russian";

// .xlsx of the district dashboard's tables (one sheet each, the words of the dashboard) and of the annual
// analytical report (the text on the first sheet, a sheet per table). Aggregates only.


export type DashboardTable = "schools" | "stages" | "coverage";
export type ExportOrg = { slug: string; name: string; shortName: string | null; kind: "REGION" | "MUNICIPALITY" | "SCHOOL" };

function fileNames(org: ExportOrg, ascii: string, title: string, year: number) {
  const name = fileNamePart(org.shortName ?? org.name);
  return { asciiName: `${ascii}-${org.slug}-${year}-${year + 1}.xlsx`, fileName: `${title} — ${name} — ${year}-${year + 1}.xlsx` };
}

const share = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function stageKeyText(t: Tr, key: StageKey): string {
  if (key === "none") return t("stageNone");
  if (key === "completed") return t("stageCompleted");
  return t("stageOption", { stage: key });
}

export function coverageRows(t: Tr, summary: DistrictSummary): { key: string; label: string; part: number; whole: number; share: number | null }[] {
  return [
    { key: "teachersInvolved", label: t("coverageKinds.teachersInvolved"), part: summary.teachersInvolved, whole: summary.teachers, share: summary.coverage.teachersInvolved },
    { key: "youngSpecialistsCovered", label: t("coverageKinds.youngSpecialistsCovered"), part: summary.youngSpecialistsCovered, whole: summary.youngSpecialists, share: summary.coverage.youngSpecialistsCovered },
    { key: "studentMentees", label: t("coverageKinds.studentMentees"), part: summary.studentMentees, whole: summary.students, share: summary.coverage.studentMentees },
    { key: "studentMentors", label: t("coverageKinds.studentMentors"), part: summary.studentMentors, whole: summary.students, share: summary.coverage.studentMentors },
  ];
}

/** One dashboard table as an .xlsx file: the (filtered) schools, the stage distribution, or the coverage. */
export async function dashboardTableXlsx(t: Tr, org: ExportOrg, year: number, table: DashboardTable, schools: AssessedSchool[], summary: DistrictSummary): Promise<XlsxFile> {
  if (table === "stages") {
    const rows = summary.byStage.map((b) => [stageKeyText(t, b.key), b.count, share(percent(b.count, summary.schools))]);
    const bytes = await buildWorkbook(t("sheetStages"), [{ header: t("stage"), width: 32 }, { header: t("count"), width: 14 }, { header: t("sharePercent"), width: 12 }], rows);
    return { bytes, rows: rows.length, ...fileNames(org, "monitoring-stages", t("fileStages"), year) };
  }
  if (table === "coverage") {
    const rows = coverageRows(t, summary).map((r) => [r.label, r.part, r.whole, share(r.share)]);
    const bytes = await buildWorkbook(
      t("sheetCoverage"),
      [{ header: t("indicator"), width: 48 }, { header: t("involved"), width: 14 }, { header: t("total"), width: 14 }, { header: t("sharePercent"), width: 12 }],
      rows,
    );
    return { bytes, rows: rows.length, ...fileNames(org, "monitoring-coverage", t("fileCoverage"), year) };
  }
  return schoolsXlsx(t, org, year, schools);
}

async function schoolsXlsx(t: Tr, org: ExportOrg, year: number, schools: AssessedSchool[]): Promise<XlsxFile> {
  const region = org.kind === "REGION";
  const yes = (v: boolean) => (v ? t("yes") : t("no"));
  const columns: XlsxColumn[] = [
    ...(region ? [{ header: t("columns.municipality"), width: 30 }] : []),
    { header: t("columns.school"), width: 40 },
    { header: t("columns.stage"), width: 14 },
    { header: t("actsShort.REGULATION"), width: 12 },
    { header: t("actsShort.ROADMAP_APPROVAL"), width: 14 },
    { header: t("actsShort.CURATOR_APPOINTMENT"), width: 12 },
    { header: t("columns.running"), width: 14 },
    { header: t("columns.pairs"), width: 12 },
    { header: t("coverageKinds.teachersInvolved") + ", %", width: 16 },
    { header: t("coverageKinds.youngSpecialistsCovered") + ", %", width: 18 },
    { header: t("coverageKinds.studentMentees") + ", %", width: 16 },
    { header: t("coverageKinds.studentMentors") + ", %", width: 16 },
    { header: t("satisfactionMentees") + ", %", width: 14 },
    { header: t("satisfactionMentors") + ", %", width: 14 },
    { header: t("columns.overdue"), width: 12 },
    { header: t("deadlinesDue"), width: 12 },
    { header: t("deadlinesMet"), width: 12 },
    { header: t("columns.status"), width: 18 },
    { header: t("reasonsColumn"), width: 60 },
  ];
  const rows: XlsxValue[][] = schools.map((s) => {
    const text = schoolRowText(t, s);
    return [
      ...(region ? [s.municipalityName ?? "—"] : []),
      s.shortName ?? s.name,
      stageText(t, s.rank),
      yes(s.acts.regulation),
      yes(s.acts.roadmap),
      yes(s.acts.curator),
      yes(s.runsSystem),
      s.pairs.byOrder,
      share(s.coverage.teachersInvolved),
      share(s.coverage.youngSpecialistsCovered),
      share(s.coverage.studentMentees),
      share(s.coverage.studentMentors),
      share(s.menteeSatisfaction),
      share(s.mentorSatisfaction),
      s.overdueActivities,
      s.deadlinesDue,
      s.deadlinesMet,
      text.status,
      text.reasons.join("\n"),
    ];
  });
  const bytes = await buildWorkbook(t("sheetSchools"), columns, rows);
  return { bytes, rows: rows.length, ...fileNames(org, "monitoring-schools", t("fileSchools"), year) };
}

/** One school's figures (the drill-down) as a two-column sheet. */
export async function schoolFiguresXlsx(t: Tr, tSchool: Tr, org: ExportOrg, year: number, s: AssessedSchool): Promise<XlsxFile> {
  const rows = schoolFigureRows(t, tSchool, s).map(([label, value]) => [label, value]);
  const bytes = await buildWorkbook(t("sheetSchool"), [{ header: t("indicator"), width: 48 }, { header: t("value"), width: 30 }], [[t("columns.school"), s.shortName ?? s.name], ...rows]);
  return { bytes, rows: rows.length, ...fileNames({ ...org, shortName: s.shortName ?? s.name }, "monitoring-school", t("fileSchool"), year) };
}

/** The drill-down's figures as (label, value) pairs, in the page's order. */
export function schoolFigureRows(t: Tr, tSchool: Tr, s: AssessedSchool): [string, XlsxValue][] {
  const status = !s.program ? tSchool("none") : s.program.status === "COMPLETED" ? tSchool("completed") : tSchool("active");
  return [
    [tSchool("rows.stage"), stageText(t, s.rank)],
    [tSchool("rows.status"), status],
    [t("actsShort.REGULATION"), s.acts.regulation ? t("yes") : t("no")],
    [t("actsShort.ROADMAP_APPROVAL"), s.acts.roadmap ? t("yes") : t("no")],
    [t("actsShort.CURATOR_APPOINTMENT"), s.acts.curator ? t("yes") : t("no")],
    [tSchool("rows.running"), s.runsSystem ? t("yes") : t("no")],
    [tSchool("rows.pairsByOrder"), s.pairs.byOrder],
    [tSchool("rows.pairsActive"), s.pairs.active],
    [tSchool("rows.pairsCompleted"), s.pairs.completed],
    [tSchool("rows.pairsDissolved"), s.pairs.dissolved],
    [tSchool("rows.menteesInBank"), s.menteesInBank],
    [tSchool("rows.mentorsApproved"), s.mentorsApproved],
    [tSchool("rows.teachers"), s.teachers],
    [tSchool("rows.teachersInvolved"), `${s.teachersInvolved} (${formatPercent(s.coverage.teachersInvolved)})`],
    [tSchool("rows.youngSpecialists"), s.youngSpecialists],
    [tSchool("rows.youngSpecialistsCovered"), `${s.youngSpecialistsCovered} (${formatPercent(s.coverage.youngSpecialistsCovered)})`],
    [tSchool("rows.students"), s.students],
    [tSchool("rows.studentMentees"), `${s.studentMentees} (${formatPercent(s.coverage.studentMentees)})`],
    [tSchool("rows.studentMentors"), `${s.studentMentors} (${formatPercent(s.coverage.studentMentors)})`],
    [tSchool("rows.menteeSatisfaction"), formatPercent(s.menteeSatisfaction)],
    [tSchool("rows.mentorSatisfaction"), formatPercent(s.mentorSatisfaction)],
    [tSchool("rows.overdue"), s.overdueActivities],
    [tSchool("rows.deadlinesDue"), s.deadlinesDue],
    [tSchool("rows.deadlinesMet"), s.deadlinesMet],
  ];
}

// ── The analytical report ───────────────────────────────────────────────────────────────────────

/** The analytical report's own words (lib/i18n/russian/district-files.json). */
const report = russianIn("districtXlsx");

/** A sheet's short name per section of the report (the section's title stands in for any other). */
const SECTION_SHEETS = ["running", "stages", "pairs", "teachers", "students", "satisfaction", "roadmap", "results", "lagging", "program", "swot", "trends"] as const;
const hasSheetName = (key: string): key is (typeof SECTION_SHEETS)[number] => (SECTION_SHEETS as readonly string[]).includes(key);

/** The report as a workbook: the text on the first sheet («Справка»), then a sheet per table. */
export async function reportXlsx(model: ReportModel): Promise<XlsxFile> {
  const lines: XlsxValue[][] = [
    [model.organizationName],
    ...model.requisites.map((line) => [line]),
    [report("heading")],
    [model.title],
    [`${formatCalendarDate(model.date)}${model.place ? `, ${model.place}` : ""}`],
    ...model.intro.map((p) => [p]),
  ];
  for (const section of model.sections) {
    lines.push([section.title], ...section.paragraphs.map((p) => [p]), ...(section.list ?? []).map((item, i) => [`${i + 1}. ${item}`]));
  }
  lines.push([`${model.signatory.position} ${model.signatory.initialsAndSurname}`.trim()]);
  const sheets: XlsxSheet[] = [{ name: report("textSheet"), columns: [{ header: report("textColumn", { year: formatAcademicYear(model.year) }), width: 120 }], rows: lines }];
  for (const section of model.sections) {
    if (!section.table) continue;
    sheets.push({
      name: hasSheetName(section.key) ? report(`sectionSheets.${section.key}`) : section.title,
      columns: section.table.header.map((header, i) => ({ header, width: Math.max(8, Math.round((section.table!.weights[i] ?? 10) * 1.1)) })),
      rows: section.table.rows,
    });
  }
  const bytes = await buildSheets(sheets);
  const name = fileNamePart(model.organizationName, 80);
  return {
    bytes,
    rows: sheets.length,
    asciiName: `analytical-report-${model.organizationSlug}-${model.year}-${model.year + 1}.xlsx`,
    fileName: `${report("reportFileName", { years: `${model.year}-${model.year + 1}`, name })}.xlsx`,
  };
}
