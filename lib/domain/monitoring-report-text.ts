// The sentences of the annual analytical report (district and school), from the figures and the summary
// of lib/domain/monitoring.ts: Russian text the report documents print as they are (lib/i18n/russian/monitoring-report.json).
import { formatAcademicYear } from "./academic-year";
import { stageTitle } from "./stages";
import { formatDecimal, formatPercent } from "../format";
import type { ResultsSummary } from "./district-results";
import { translator } from "../i18n/translator";
import { russianIn } from "../i18n/russian";
import { missingActs, percent, type AssessedSchool, type DistrictSchoolFigures, type DistrictSummary, type LagCode } from "./monitoring";

const ru = translator("ru");
const text = russianIn("monitoringReport");
/** The acts' Russian names, as the dashboard names them in Russian (monitoring.district.actNames). */
const actName = (act: string) => ru(`monitoring.district.actNames.${act}` as never);

export function runningSentence(s: Pick<DistrictSummary, "running" | "schools" | "runningShare" | "target">): string {
  if (s.schools === 0) return text("noSchools");
  return text("running", { running: s.running, schools: s.schools, share: formatPercent(s.runningShare), target: s.target });
}

export function stagesSentence(s: Pick<DistrictSummary, "byStage" | "schools" | "withProgram">): string {
  const parts = s.byStage
    .filter((b) => b.count > 0 && b.key !== "none")
    .map((b) => (b.key === "completed" ? text("stageCompleted", { count: b.count }) : text("stageAt", { stage: b.key, count: b.count })));
  const none = s.byStage.find((b) => b.key === "none")?.count ?? 0;
  return text("stages", { withProgram: s.withProgram, schools: s.schools, listed: parts.length ? "yes" : "no", stages: parts.join(", "), none });
}

export type ReportScope = "district" | "school";

export function pairsSentence(p: DistrictSummary["pairs"], scope: ReportScope = "district"): string {
  return text("pairs", { scope, byOrder: p.byOrder, active: p.active, completed: p.completed, dissolved: p.dissolved });
}

/** A school's program in one sentence: its stage (with the stage's title) or that it is completed. */
export function schoolStageSentence(f: Pick<DistrictSchoolFigures, "program">, year: number): string {
  const yearText = formatAcademicYear(year);
  if (!f.program) return noProgramSentence(year, "school");
  if (f.program.status === "COMPLETED") return text("schoolProgramCompleted", { year: yearText });
  return text("schoolProgramStage", { year: yearText, stage: f.program.stage, title: stageTitle(f.program.stage) });
}

export function actsSentence(f: Pick<DistrictSchoolFigures, "acts">): string {
  const missing = missingActs(f);
  if (missing.length === 0) return text("actsApproved");
  return text("actsMissing", { acts: missing.map(actName).join(", ") });
}

/** «За 2031/2032 учебный год программа наставничества не реализовывалась.» */
export function noProgramSentence(year: number, scope: ReportScope): string {
  return text("noProgram", { scope, year: formatAcademicYear(year) });
}

export function teachersSentence(s: Pick<DistrictSummary, "teachers" | "teachersInvolved" | "youngSpecialists" | "youngSpecialistsCovered" | "coverage">): string {
  const first =
    s.teachers > 0
      ? text("teachersInvolved", { involved: s.teachersInvolved, teachers: s.teachers, share: formatPercent(s.coverage.teachersInvolved) })
      : text("noTeachers");
  const second =
    s.youngSpecialists > 0
      ? text("youngCovered", { covered: s.youngSpecialistsCovered, young: s.youngSpecialists, share: formatPercent(s.coverage.youngSpecialistsCovered) })
      : text("noYoung");
  return `${first} ${second}`;
}

export function studentsSentence(s: Pick<DistrictSummary, "students" | "studentMentees" | "studentMentors" | "coverage">): string {
  if (s.students === 0) return text("noStudents");
  return text("students", {
    students: s.students,
    mentees: s.studentMentees,
    menteesShare: formatPercent(s.coverage.studentMentees),
    mentors: s.studentMentors,
    mentorsShare: formatPercent(s.coverage.studentMentors),
  });
}

export function satisfactionSentence(s: Pick<DistrictSummary, "satisfaction">, scope: ReportScope = "district"): string {
  const { mentee, mentor, menteeSchools, mentorSchools } = s.satisfaction;
  if (mentee === null && mentor === null) return text("noSurvey");
  const parts: string[] = [];
  if (mentee !== null) parts.push(text("satisfactionPart", { role: "mentee", share: formatPercent(mentee), scope, schools: menteeSchools }));
  if (mentor !== null) parts.push(text("satisfactionPart", { role: "mentor", share: formatPercent(mentor), scope, schools: mentorSchools }));
  return text("satisfaction", { scope, parts: parts.join(", ") });
}

export function roadmapSentence(s: Pick<DistrictSummary, "overdueActivities" | "schoolsWithOverdue" | "deadlines">, scope: ReportScope = "district"): string {
  const overdue =
    s.overdueActivities > 0
      ? text("overdue", { count: s.overdueActivities, scope, schools: s.schoolsWithOverdue })
      : text("noOverdue", { scope });
  const deadlines =
    s.deadlines.due > 0
      ? text("deadlinesMet", { met: s.deadlines.met, due: s.deadlines.due, share: formatPercent(percent(s.deadlines.met, s.deadlines.due)) })
      : text("noDeadlines");
  return `${overdue} ${deadlines}`;
}

export function laggingSentence(s: Pick<DistrictSummary, "lagging" | "schools">): string {
  if (s.lagging === 0) return text("noLagging");
  return text("lagging", { lagging: s.lagging, schools: s.schools });
}

/** Recommendations from what the monitoring found (the reasons of the lagging schools). */
export function recommendations(schools: AssessedSchool[], scope: ReportScope = "district"): string[] {
  const has = (code: LagCode) => schools.some((s) => s.reasons.some((r) => r.code === code));
  const out: string[] = [];
  if (has("no-program")) out.push(text(`recommendations.${scope}.noProgram`));
  if (has("acts-missing")) out.push(text("recommendations.acts"));
  if (has("behind-median") || has("behind-calendar") || has("not-completed")) out.push(text(`recommendations.${scope}.stages`));
  if (has("overdue") || has("deadlines-missed")) out.push(text(`recommendations.${scope}.overdue`));
  if (has("low-mentee-satisfaction") || has("low-mentor-satisfaction")) out.push(text("recommendations.satisfaction"));
  out.push(text(`recommendations.${scope}.practices`));
  return out;
}

/** The results of the programs (decision 053): four sentences (the growth by criterion since migration 20261206150000) over the district's (region's) sums. */
export function resultsSentences(r: ResultsSummary, schools: number): string[] {
  if (r.pairsWorked === 0) return [text("results.noPairs")];
  const minors =
    r.minorStudents === 0
      ? text("results.noMinors")
      : text("results.minors", {
          minors: r.minorStudents,
          mentees: r.minorMentees,
          menteesShare: formatPercent(r.minorMenteesShare),
          mentors: r.minorMentors,
          mentorsShare: formatPercent(r.minorMentorsShare),
        });
  const young =
    r.youngMentored === 0
      ? text("results.noYoungMentored", { left: r.youngLeft })
      : text("results.youngRetained", { mentored: r.youngMentored, stayed: r.youngMentoredStayed, share: formatPercent(r.youngRetainedShare), left: r.youngLeft });
  return [
    text("results.pairs", {
      pairs: r.pairsWorked,
      approved: r.programsApproved,
      approvedShare: formatPercent(r.programsApprovedShare),
      done: r.planItemsDone,
      items: r.planItems,
      doneShare: formatPercent(r.planItemsDoneShare),
      meetings: r.meetings,
      perPairKnown: r.meetingsPerPair === null ? "no" : "yes",
      perPair: formatDecimal(r.meetingsPerPair),
    }),
    text("results.practices", { cases: r.cases, awards: r.awards, site: r.sitePublished, orders: r.introductionOrders, incentives: r.incentiveRegulations, schools }),
    `${minors} ${young}`,
    r.growthCriteria === 0
      ? text("results.noGrowth")
      : text("results.growth", { growthSchools: r.growthSchools, schools, up: r.growthCriteriaUp, criteria: r.growthCriteria, share: formatPercent(r.growthShare) }),
  ];
}
