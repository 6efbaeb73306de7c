import { LEAVE_REASONS, type YoungRetention } from "../domain/retention";
import type { Effectiveness } from "../domain/effectiveness";
import { summarizeSchools, type AssessedSchool } from "../domain/monitoring";
import { actsSentence, pairsSentence, recommendations, roadmapSentence, satisfactionSentence, schoolStageSentence, studentsSentence, teachersSentence } from "../domain/monitoring-report-text";
import { SWOT_QUADRANTS } from "../domain/swot";
import { translator } from "../i18n/translator";
import { russianIn } from "../i18n/russian";
import { lateList, reasonSentences, share, stageCell, yesNo } from "./report-cells";
import type { ReportCell, ReportSection, ReportSwot, ReportTable } from "./report";

// The sections of a school's annual report (lib/monitoring/report.ts builds the district's and the whole model).

/** The report's own words (lib/i18n/russian/district-files.json). */
const ru = russianIn("monitoringDocx");

/** The school's SWOT per form of mentoring (decision 049): a row per form, a column per quadrant, lines split. */
function swotSection(swot: ReportSwot): ReportSection {
  const cell = (lines: string[]) => (lines.length ? lines.map((l) => `• ${l}`).join("\n") : "—");
  return {
    key: "swot",
    title: ru("school.swot"),
    paragraphs: swot.length
      ? [ru("school.swotBasis")]
      : [ru("school.swotNone")],
    table: swot.length
      ? {
          header: [ru("column.form"), ...SWOT_QUADRANTS.map((q) => translator("ru")(`swot.quadrants.${q}`))],
          weights: [16, 21, 21, 21, 21],
          rows: swot.map((f) => [f.title, ...SWOT_QUADRANTS.map((q) => cell(f.table[q]))]),
        }
      : null,
  };
}

/** Rows of the young specialists' retention for the teachers' section (issue #16 item 4), when it is known. */
function retentionRows(r: YoungRetention | undefined): [string, ReportCell][] {
  if (!r) return [];
  return [
    [ru("schoolRow.youngMentored"), r.mentored],
    [ru("schoolRow.youngMentoredStayed"), r.mentoredStayed],
    [ru("schoolRow.youngRetainedShare"), share(r.retainedShare)],
    [ru("schoolRow.youngLeft"), `${r.left.mentored} / ${r.left.notMentored}`],
    [ru("schoolRow.leaveReasons"), r.left.byReason.map((b) => `${LEAVE_REASONS[b.reason]} — ${b.count}`).join("; ") || "—"],
    [ru("schoolRow.youngHired"), `${r.hired} / ${r.hiredMentored}`],
  ];
}

/** What a school's report has beyond the district figures: its SWOT, retention and effectiveness (issue #16 items 4–5). */
export type SchoolExtras = { swot: ReportSwot; retention?: YoungRetention; effectiveness?: Effectiveness; districtAwards?: DistrictAwardsFigure };

/** The office's awards to the school's mentors in the program's year (decision 060), beside the school's own (stage 7). */
export type DistrictAwardsFigure = { total: number; names: string[] };

function districtAwardRows(d: DistrictAwardsFigure | undefined): [string, ReportCell][] {
  if (!d) return [];
  return [[ru("schoolRow.districtAwards"), d.total ? `${d.total}: ${d.names.join("; ")}` : 0]];
}

/** Rows of the program's effectiveness for the pairs' section, when it is known. */
function effectivenessRows(e: Effectiveness | undefined): [string, ReportCell][] {
  if (!e) return [];
  return [
    [ru("schoolRow.approvedPrograms"), e.approvedPrograms],
    [ru("schoolRow.planItems"), `${e.planItemsDone} / ${e.planItems}`],
    [ru("schoolRow.planItemsDoneShare"), share(e.planItemsDoneShare)],
    [ru("schoolRow.meetings"), e.meetings],
    [ru("schoolRow.meetingsPerPair"), e.meetingsPerPair],
    [ru("schoolRow.cases"), e.cases],
    [ru("schoolRow.awards"), e.awards],
  ];
}

/** Growth by criterion (the latest closed «после» against its «до») for the satisfaction section. */
function growthRows(e: Effectiveness | undefined): [string, ReportCell][] {
  return (e?.growth ?? []).map((g) => [ru("schoolRow.growth", { criterion: g.text }), `${String(g.before).replace(".", ",")} → ${String(g.after).replace(".", ",")}`]);
}

export function schoolSections(s: AssessedSchool, year: number, { swot, retention, effectiveness, districtAwards }: SchoolExtras): ReportSection[] {
  const kv = (rows: [string, ReportCell][]): ReportTable => ({ header: [ru("column.indicator"), ru("column.value")], weights: [70, 30], rows });
  const summary = summarizeSchools([s], null);
  return [
    {
      key: "program",
      title: ru("school.program"),
      paragraphs: [schoolStageSentence(s, year), actsSentence(s)],
      table: kv([
        [ru("schoolRow.stage"), stageCell(s.rank)],
        [ru("schoolRow.regulation"), yesNo(s.acts.regulation)],
        [ru("schoolRow.roadmap"), yesNo(s.acts.roadmap)],
        [ru("schoolRow.curator"), yesNo(s.acts.curator)],
        [ru("schoolRow.runsSystem"), yesNo(s.runsSystem)],
        ...(effectiveness
          ? ([
              [ru("schoolRow.introductionOrder"), yesNo(effectiveness.introductionOrderApproved)],
              [ru("schoolRow.incentiveRegulation"), yesNo(effectiveness.incentiveRegulationApproved)],
              [ru("schoolRow.siteSection"), yesNo(effectiveness.siteSectionPublished)],
            ] as [string, ReportCell][])
          : []),
      ]),
    },
    {
      key: "pairs",
      title: ru("school.pairs"),
      paragraphs: [pairsSentence(s.pairs, "school")],
      table: kv([
        [ru("schoolRow.pairsByOrder"), s.pairs.byOrder],
        [ru("schoolRow.pairsActive"), s.pairs.active],
        [ru("schoolRow.pairsCompleted"), s.pairs.completed],
        [ru("schoolRow.pairsDissolved"), s.pairs.dissolved],
        [ru("schoolRow.menteesInBank"), s.menteesInBank],
        [ru("schoolRow.mentorsApproved"), s.mentorsApproved],
        ...districtAwardRows(districtAwards),
        ...effectivenessRows(effectiveness),
      ]),
    },
    {
      key: "teachers",
      title: ru("school.teachers"),
      paragraphs: [teachersSentence(summary)],
      table: kv([
        [ru("schoolRow.teachers"), s.teachers],
        [ru("schoolRow.teachersInvolved"), s.teachersInvolved],
        [ru("schoolRow.teachersInvolvedShare"), share(s.coverage.teachersInvolved)],
        [ru("schoolRow.youngSpecialists"), s.youngSpecialists],
        [ru("schoolRow.youngSpecialistsCovered"), s.youngSpecialistsCovered],
        [ru("schoolRow.youngSpecialistsCoveredShare"), share(s.coverage.youngSpecialistsCovered)],
        ...retentionRows(retention),
      ]),
    },
    {
      key: "students",
      title: ru("school.students"),
      paragraphs: [studentsSentence(summary)],
      table: kv([
        [ru("schoolRow.students"), s.students],
        [ru("schoolRow.studentMentees"), s.studentMentees],
        [ru("schoolRow.sharePercent"), share(s.coverage.studentMentees)],
        [ru("schoolRow.studentMentors"), s.studentMentors],
        [ru("schoolRow.sharePercent"), share(s.coverage.studentMentors)],
      ]),
    },
    {
      key: "satisfaction",
      title: ru("school.satisfaction"),
      paragraphs: [satisfactionSentence(summary, "school")],
      table: kv([
        [ru("schoolRow.menteeSatisfaction"), share(s.menteeSatisfaction)],
        [ru("schoolRow.mentorSatisfaction"), share(s.mentorSatisfaction)],
        ...growthRows(effectiveness),
      ]),
    },
    {
      key: "roadmap",
      title: ru("school.roadmap"),
      paragraphs: [roadmapSentence(summary, "school")],
      table: kv([
        [ru("schoolRow.overdueActivities"), s.overdueActivities],
        [ru("schoolRow.deadlinesDue"), s.deadlinesDue],
        [ru("schoolRow.deadlinesMet"), s.deadlinesMet],
        [ru("schoolRow.deadlinesLate"), lateList(s.lateDeadlines ?? []) || "—"],
      ]),
    },
    swotSection(swot),
    {
      key: "lagging",
      title: ru("school.lagging"),
      paragraphs: s.reasons.length ? [] : [ru("school.noLagging")],
      table: null,
      list: reasonSentences(s.reasons),
    },
    { key: "recommendations", title: ru("school.recommendations"), paragraphs: [], table: null, list: recommendations([s], "school") },
  ];
}

