import { LEAVE_REASONS, type YoungRetention } from "../domain/retention";
import type { Effectiveness } from "../domain/effectiveness";
import { summarizeSchools, type AssessedSchool } from "../domain/monitoring";
import { actsSentence, pairsSentence, recommendations, roadmapSentence, satisfactionSentence, schoolStageSentence, studentsSentence, teachersSentence } from "../domain/monitoring-report-text";
import { SWOT_QUADRANTS } from "../domain/swot";
import { translator } from "../i18n/translator";
import { lateList, reasonSentences, share, stageCell, yesNo } from "./report-cells";
import type { ReportCell, ReportSection, ReportSwot, ReportTable } from "./report";

// The sections of a school's annual report (lib/monitoring/report.ts builds the district's and the whole model).

/** The school's SWOT per form of mentoring (decision 049): a row per form, a column per quadrant, lines split. */
function swotSection(swot: ReportSwot): ReportSection {
  const cell = (lines: string[]) => (lines.length ? lines.map((l) => `• ${l}`).join("\n") : "—");
  return {
    key: "swot",
    title: "7. Оценка качества реализации программы (SWOT-анализ)",
    paragraphs: swot.length
      ? ["По анкетам удовлетворённости наставляемых и наставников, оценке участников до и после программы и работе пар — по каждой форме наставничества, с выводами куратора."]
      : ["Пар, утверждённых приказом, в программе нет — SWOT-анализ по формам наставничества не проводился."],
    table: swot.length
      ? {
          header: ["Форма наставничества", ...SWOT_QUADRANTS.map((q) => translator("ru")(`swot.quadrants.${q}`))],
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
    ["Молодых специалистов с наставником за год", r.mentored],
    ["Из них продолжают работать", r.mentoredStayed],
    ["Закрепление молодых специалистов с наставником, %", share(r.retainedShare)],
    ["Выбыло молодых специалистов (с наставником / без)", `${r.left.mentored} / ${r.left.notMentored}`],
    ["Причины выбытия", r.left.byReason.map((b) => `${LEAVE_REASONS[b.reason]} — ${b.count}`).join("; ") || "—"],
    ["Принято молодых специалистов за год / из них с наставником", `${r.hired} / ${r.hiredMentored}`],
  ];
}

/** What a school's report has beyond the district figures: its SWOT, retention and effectiveness (issue #16 items 4–5). */
export type SchoolExtras = { swot: ReportSwot; retention?: YoungRetention; effectiveness?: Effectiveness; districtAwards?: DistrictAwardsFigure };

/** The office's awards to the school's mentors in the program's year (decision 060), beside the school's own (stage 7). */
export type DistrictAwardsFigure = { total: number; names: string[] };

function districtAwardRows(d: DistrictAwardsFigure | undefined): [string, ReportCell][] {
  if (!d) return [];
  return [["Награды органа управления образованием (муниципальный уровень)", d.total ? `${d.total}: ${d.names.join("; ")}` : 0]];
}

/** Rows of the program's effectiveness for the pairs' section, when it is known. */
function effectivenessRows(e: Effectiveness | undefined): [string, ReportCell][] {
  if (!e) return [];
  return [
    ["Персонализированных программ утверждено", e.approvedPrograms],
    ["Пунктов планов выполнено / всего", `${e.planItemsDone} / ${e.planItems}`],
    ["Выполнение планов, %", share(e.planItemsDoneShare)],
    ["Встреч проведено", e.meetings],
    ["Встреч на пару", e.meetingsPerPair],
    ["Кейсов (лучших практик)", e.cases],
    ["Поощрений", e.awards],
  ];
}

/** Growth by criterion (the latest closed «после» against its «до») for the satisfaction section. */
function growthRows(e: Effectiveness | undefined): [string, ReportCell][] {
  return (e?.growth ?? []).map((g) => [`Рост: ${g.text}`, `${String(g.before).replace(".", ",")} → ${String(g.after).replace(".", ",")}`]);
}

export function schoolSections(s: AssessedSchool, year: number, { swot, retention, effectiveness, districtAwards }: SchoolExtras): ReportSection[] {
  const kv = (rows: [string, ReportCell][]): ReportTable => ({ header: ["Показатель", "Значение"], weights: [70, 30], rows });
  const summary = summarizeSchools([s], null);
  return [
    {
      key: "program",
      title: "1. Программа наставничества и локальные акты",
      paragraphs: [schoolStageSentence(s, year), actsSentence(s)],
      table: kv([
        ["Этап программы", stageCell(s.rank)],
        ["Положение о наставничестве утверждено", yesNo(s.acts.regulation)],
        ["Дорожная карта утверждена приказом", yesNo(s.acts.roadmap)],
        ["Куратор назначен приказом", yesNo(s.acts.curator)],
        ["Система наставничества реализуется", yesNo(s.runsSystem)],
        ...(effectiveness
          ? ([
              ["Приказ о внедрении целевой модели утверждён", yesNo(effectiveness.introductionOrderApproved)],
              ["Положение о стимулировании наставников утверждено", yesNo(effectiveness.incentiveRegulationApproved)],
              ["Раздел о наставничестве на сайте опубликован", yesNo(effectiveness.siteSectionPublished)],
            ] as [string, ReportCell][])
          : []),
      ]),
    },
    {
      key: "pairs",
      title: "2. Наставнические пары (группы) и банки",
      paragraphs: [pairsSentence(s.pairs, "school")],
      table: kv([
        ["Пар (групп) закреплено приказом", s.pairs.byOrder],
        ["Работают", s.pairs.active],
        ["Завершили работу", s.pairs.completed],
        ["Расформировано", s.pairs.dissolved],
        ["Наставляемых в банке", s.menteesInBank],
        ["Наставников утверждено", s.mentorsApproved],
        ...districtAwardRows(districtAwards),
        ...effectivenessRows(effectiveness),
      ]),
    },
    {
      key: "teachers",
      title: "3. Вовлечённость педагогических работников",
      paragraphs: [teachersSentence(summary)],
      table: kv([
        ["Педагогов", s.teachers],
        ["Вовлечено в наставничество", s.teachersInvolved],
        ["Доля вовлечённых, %", share(s.coverage.teachersInvolved)],
        ["Молодых специалистов (стаж до 3 лет)", s.youngSpecialists],
        ["Из них с наставником", s.youngSpecialistsCovered],
        ["Доля молодых специалистов с наставником, %", share(s.coverage.youngSpecialistsCovered)],
        ...retentionRows(retention),
      ]),
    },
    {
      key: "students",
      title: "4. Обучающиеся в программах наставничества",
      paragraphs: [studentsSentence(summary)],
      table: kv([
        ["Обучающихся", s.students],
        ["В роли наставляемого", s.studentMentees],
        ["Доля, %", share(s.coverage.studentMentees)],
        ["В роли наставника", s.studentMentors],
        ["Доля, %", share(s.coverage.studentMentors)],
      ]),
    },
    {
      key: "satisfaction",
      title: "5. Удовлетворённость участников",
      paragraphs: [satisfactionSentence(summary, "school")],
      table: kv([
        ["Удовлетворённость наставляемых, %", share(s.menteeSatisfaction)],
        ["Удовлетворённость наставников, %", share(s.mentorSatisfaction)],
        ...growthRows(effectiveness),
      ]),
    },
    {
      key: "roadmap",
      title: "6. Выполнение дорожной карты и сроков округа",
      paragraphs: [roadmapSentence(summary, "school")],
      table: kv([
        ["Просрочено мероприятий дорожной карты", s.overdueActivities],
        ["Сроков округа наступило", s.deadlinesDue],
        ["Выполнено в срок", s.deadlinesMet],
        ["Выполнено с опозданием", lateList(s.lateDeadlines ?? []) || "—"],
      ]),
    },
    swotSection(swot),
    {
      key: "lagging",
      title: "8. Выявленные недостатки",
      paragraphs: s.reasons.length ? [] : ["Недостатков не выявлено."],
      table: null,
      list: reasonSentences(s.reasons),
    },
    { key: "recommendations", title: "9. Рекомендации", paragraphs: [], table: null, list: recommendations([s], "school") },
  ];
}

