// The sentences of the annual analytical report (district and school), from the figures and the summary
// of lib/domain/monitoring.ts: Russian text the report documents print as they are.
import { formatAcademicYear } from "./academic-year";
import { stageTitle } from "./stages";
import { formatDecimal, formatPercent, pluralRu } from "../format";
import type { ResultsSummary } from "./district-results";
import { translator } from "../i18n/translator";
import { missingActs, percent, type AssessedSchool, type DistrictSchoolFigures, type DistrictSummary, type LagCode } from "./monitoring";

const ru = translator("ru");
/** The acts' Russian names, as the dashboard names them in Russian (monitoring.district.actNames). */
const actName = (act: string) => ru(`monitoring.district.actNames.${act}` as never);

/** «3 из 4 образовательных организаций», «1 из 21 образовательной организации». */
function ofOrganizations(part: number, whole: number): string {
  const noun = pluralRu(whole, ["образовательной организации", "образовательных организаций", "образовательных организаций"]);
  return `${part} из ${whole} ${noun}`;
}

export function runningSentence(s: Pick<DistrictSummary, "running" | "schools" | "runningShare" | "target">): string {
  if (s.schools === 0) return "В округе нет образовательных организаций.";
  const verb = pluralRu(s.running, ["реализует", "реализуют", "реализуют"]);
  return `Систему наставничества ${verb} ${ofOrganizations(s.running, s.schools)} (${formatPercent(s.runningShare)}), целевое значение — ${s.target}\u00a0%.`;
}

export function stagesSentence(s: Pick<DistrictSummary, "byStage" | "schools" | "withProgram">): string {
  const parts = s.byStage
    .filter((b) => b.count > 0 && b.key !== "none")
    .map((b) => (b.key === "completed" ? `завершили программу — ${b.count}` : `на этапе ${b.key} — ${b.count}`));
  const none = s.byStage.find((b) => b.key === "none")?.count ?? 0;
  const head = `Программы наставничества реализуют ${ofOrganizations(s.withProgram, s.schools)}`;
  const tail = none > 0 ? `; программа не создана в ${none} ${pluralRu(none, ["организации", "организациях", "организациях"])}` : "";
  return parts.length ? `${head}: ${parts.join(", ")}${tail}.` : `${head}${tail}.`;
}

export type ReportScope = "district" | "school";

export function pairsSentence(p: DistrictSummary["pairs"], scope: ReportScope = "district"): string {
  const by = scope === "district" ? "Приказами руководителей образовательных организаций" : "Приказами руководителя";
  return (
    `${by} закреплено ${p.byOrder} ${pluralRu(p.byOrder, ["наставническая пара (группа)", "наставнические пары (группы)", "наставнических пар (групп)"])}; ` +
    `работают ${p.active}, завершили работу ${p.completed}, расформировано ${p.dissolved}.`
  );
}

/** A school's program in one sentence: its stage (with the stage's title) or that it is completed. */
export function schoolStageSentence(f: Pick<DistrictSchoolFigures, "program">, year: number): string {
  const yearText = formatAcademicYear(year);
  if (!f.program) return noProgramSentence(year, "school");
  if (f.program.status === "COMPLETED") return `Программа наставничества на ${yearText} учебный год завершена.`;
  return `Программа наставничества на ${yearText} учебный год находится на этапе ${f.program.stage} «${stageTitle(f.program.stage)}».`;
}

export function actsSentence(f: Pick<DistrictSchoolFigures, "acts">): string {
  const missing = missingActs(f);
  if (missing.length === 0) return "Локальные акты утверждены: положение о наставничестве, приказ об утверждении дорожной карты, приказ о назначении куратора.";
  return `Не утверждены локальные акты: ${missing.map(actName).join(", ")}.`;
}

/** «За 2031/2032 учебный год программа наставничества не реализовывалась.» */
export function noProgramSentence(year: number, scope: ReportScope): string {
  const yearText = formatAcademicYear(year);
  return scope === "school"
    ? `За ${yearText} учебный год программа наставничества не реализовывалась.`
    : `За ${yearText} учебный год программы наставничества в образовательных организациях не реализовывались.`;
}

export function teachersSentence(s: Pick<DistrictSummary, "teachers" | "teachersInvolved" | "youngSpecialists" | "youngSpecialistsCovered" | "coverage">): string {
  const first =
    s.teachers > 0
      ? `В наставничество вовлечено ${s.teachersInvolved} из ${s.teachers} ${pluralRu(s.teachers, ["педагога", "педагогов", "педагогов"])} (${formatPercent(s.coverage.teachersInvolved)}).`
      : "Сведения о педагогах не внесены.";
  const second =
    s.youngSpecialists > 0
      ? ` Наставниками сопровождаются ${s.youngSpecialistsCovered} из ${s.youngSpecialists} молодых специалистов со стажем до 3 лет (${formatPercent(s.coverage.youngSpecialistsCovered)}).`
      : " Молодых специалистов со стажем до 3 лет нет.";
  return first + second;
}

export function studentsSentence(s: Pick<DistrictSummary, "students" | "studentMentees" | "studentMentors" | "coverage">): string {
  if (s.students === 0) return "Сведения об обучающихся не внесены.";
  return (
    `Из ${s.students} ${pluralRu(s.students, ["обучающегося", "обучающихся", "обучающихся"])} в программы наставничества вошли в роли наставляемого ${s.studentMentees} ` +
    `(${formatPercent(s.coverage.studentMentees)}), в роли наставника — ${s.studentMentors} (${formatPercent(s.coverage.studentMentors)}).`
  );
}

export function satisfactionSentence(s: Pick<DistrictSummary, "satisfaction">, scope: ReportScope = "district"): string {
  const { mentee, mentor, menteeSchools, mentorSchools } = s.satisfaction;
  if (mentee === null && mentor === null) return "Анкетирование удовлетворённости участников ещё не проведено.";
  const by = (n: number) => (scope === "district" ? ` (по ${n} ${pluralRu(n, ["организации", "организациям", "организациям"])})` : "");
  const parts: string[] = [];
  if (mentee !== null) parts.push(`наставляемых — ${formatPercent(mentee)}${by(menteeSchools)}`);
  if (mentor !== null) parts.push(`наставников — ${formatPercent(mentor)}${by(mentorSchools)}`);
  return `${scope === "district" ? "Средняя удовлетворённость" : "Удовлетворённость"} участием в программе: ${parts.join(", ")}.`;
}

export function roadmapSentence(s: Pick<DistrictSummary, "overdueActivities" | "schoolsWithOverdue" | "deadlines">, scope: ReportScope = "district"): string {
  const where = scope === "district" ? ` в ${s.schoolsWithOverdue} ${pluralRu(s.schoolsWithOverdue, ["организации", "организациях", "организациях"])}` : "";
  const overdue =
    s.overdueActivities > 0
      ? `Просрочено ${s.overdueActivities} ${pluralRu(s.overdueActivities, ["мероприятие", "мероприятия", "мероприятий"])} ${scope === "district" ? "дорожных карт" : "дорожной карты"}${where}.`
      : `Просроченных мероприятий ${scope === "district" ? "дорожных карт" : "дорожной карты"} нет.`;
  const deadlines =
    s.deadlines.due > 0
      ? ` Сроки, установленные округом, выполнены в ${s.deadlines.met} из ${s.deadlines.due} ${pluralRu(s.deadlines.due, ["случая", "случаев", "случаев"])} (${formatPercent(percent(s.deadlines.met, s.deadlines.due))}).`
      : " Сроков округа, наступивших к дате справки, нет.";
  return overdue + deadlines;
}

export function laggingSentence(s: Pick<DistrictSummary, "lagging" | "schools">): string {
  if (s.lagging === 0) return "Отстающих образовательных организаций нет.";
  return `Требуют внимания ${ofOrganizations(s.lagging, s.schools)}.`;
}

/** Recommendations from what the monitoring found (the reasons of the lagging schools). */
export function recommendations(schools: AssessedSchool[], scope: ReportScope = "district"): string[] {
  const has = (code: LagCode) => schools.some((s) => s.reasons.some((r) => r.code === code));
  const district = scope === "district";
  const out: string[] = [];
  if (has("no-program"))
    out.push(district ? "Руководителям образовательных организаций, не создавшим программу наставничества, разработать и утвердить её на текущий учебный год." : "Разработать и утвердить программу наставничества на текущий учебный год.");
  if (has("acts-missing")) out.push("Утвердить недостающие локальные акты: положение о наставничестве, приказ об утверждении дорожной карты, приказ о назначении куратора.");
  if (has("behind-median") || has("behind-calendar") || has("not-completed"))
    out.push(
      district
        ? "Кураторам отстающих организаций привести этапы реализации программы в соответствие с дорожной картой; методистам оказать адресную методическую помощь."
        : "Привести этапы реализации программы в соответствие с дорожной картой и сроками округа.",
    );
  if (has("overdue") || has("deadlines-missed"))
    out.push(district ? "Выполнить просроченные мероприятия дорожных карт и сроки, установленные округом; отчитаться о выполнении на Совете наставников." : "Выполнить просроченные мероприятия дорожной карты и сроки, установленные округом.");
  if (has("low-mentee-satisfaction") || has("low-mentor-satisfaction"))
    out.push("Проанализировать причины низкой удовлетворённости участников, скорректировать персонализированные программы и состав пар.");
  out.push(
    district
      ? "Продолжить формирование муниципальной базы наставников («открытое наставничество») и распространение эффективных практик наставничества."
      : "Обобщить и распространить эффективные практики наставничества, пополнить методическую копилку, обновить банки наставников и наставляемых.",
  );
  return out;
}

/** The results of the programs (decision 053): four sentences (the growth by criterion since migration 20261206150000) over the district's (region's) sums. */
export function resultsSentences(r: ResultsSummary, schools: number): string[] {
  if (r.pairsWorked === 0) return ["Наставнические пары (группы) в этом учебном году не работали: результаты программ не подводятся."];
  const orgs = (n: number) => `${n} из ${schools}`;
  return [
    `Работали ${r.pairsWorked} ${pluralRu(r.pairsWorked, ["пара (группа)", "пары (группы)", "пар (групп)"])}; персонализированная программа утверждена у ${r.programsApproved} (${formatPercent(r.programsApprovedShare)}). ` +
      `Выполнено ${r.planItemsDone} из ${r.planItems} пунктов персонализированных программ (${formatPercent(r.planItemsDoneShare)}); проведено ${r.meetings} ${pluralRu(r.meetings, ["встреча", "встречи", "встреч"])}` +
      (r.meetingsPerPair === null ? "." : ` (${formatDecimal(r.meetingsPerPair)} на пару).`),
    `Лучших практик (кейсов) — ${r.cases}, наград и благодарностей — ${r.awards}. Раздел «Наставничество» на сайте опубликован в ${orgs(r.sitePublished)} организаций, приказ о внедрении целевой модели издан в ${orgs(r.introductionOrders)}, локальный акт о стимулировании наставников принят в ${orgs(r.incentiveRegulations)}.`,
    (r.minorStudents === 0
      ? "Сведения о возрасте обучающихся не внесены. "
      : `Из ${r.minorStudents} обучающихся до 18 лет в роли наставляемого — ${r.minorMentees} (${formatPercent(r.minorMenteesShare)}), в роли наставника — ${r.minorMentors} (${formatPercent(r.minorMentorsShare)}). `) +
      (r.youngMentored === 0
        ? `Молодых специалистов с наставником в этом году не было${r.youngLeft ? `; уволилось молодых специалистов — ${r.youngLeft}` : ""}.`
        : `Из ${r.youngMentored} молодых специалистов с наставником в организациях остались ${r.youngMentoredStayed} (${formatPercent(r.youngRetainedShare)}); всего уволилось молодых специалистов — ${r.youngLeft}.`),
    r.growthCriteria === 0
      ? "Оценка участников «до/после» в этом году не завершена ни в одной организации: рост по критериям не подводится."
      : `По итогам оценки участников «до/после» (${r.growthSchools} из ${schools} организаций) рост отмечен по ${r.growthCriteriaUp} из ${r.growthCriteria} ${pluralRu(r.growthCriteria, ["критерия", "критериев", "критериев"])} (${formatPercent(r.growthShare)}).`,
  ];
}
