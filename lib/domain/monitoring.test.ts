import { describe, expect, it } from "vitest";
import {
  assessDistrict,
  coverageOf,
  expectedStageRank,
  filterSchools,
  lagReasons,
  medianStageRank,
  percent,
  readSchoolFilter,
  runsSystem,
  stageRank,
  type DistrictSchoolFigures,
  type LagReason,
} from "./monitoring";
import { districtSchoolFigures as school } from "../../tests/setup/figures";
import { reasonText, type Tr } from "../monitoring/district-text";
import { translator } from "../i18n/translator";
import { noProgramSentence, pairsSentence, recommendations, runningSentence, satisfactionSentence, stagesSentence, studentsSentence, teachersSentence } from "./monitoring-report-text";

const ALL_ACTS = { regulation: true, roadmap: true, curator: true };

// 20 September 2026: before the first milestone of the 2026/2027 calendar.
const EARLY = new Date(Date.UTC(2026, 8, 20));
// A reason in words, as the dashboard shows it in the reader's language and the analytical report prints it in Russian.
const inWords = (locale: "ru" | "en"): Tr => {
  const t = translator(locale);
  return (key, values) => t(`monitoring.district.${key}` as never, values as never);
};
const ruText = (r: LagReason) => reasonText(inWords("ru"), r);
const codes = (f: DistrictSchoolFigures, median: number | null = null, today = EARLY) => lagReasons(f, { year: 2026, today, medianRank: median }).map((r) => r.code);

describe("shares", () => {
  it("is null without a whole and a per cent otherwise", () => {
    expect(percent(1, 0)).toBeNull();
    expect(percent(3, 4)).toBe(75);
    expect(coverageOf({ teachers: 20, teachersInvolved: 5, youngSpecialists: 4, youngSpecialistsCovered: 4, students: 0, studentMentees: 0, studentMentors: 0 })).toEqual({
      teachersInvolved: 25,
      youngSpecialistsCovered: 100,
      studentMentees: null,
      studentMentors: null,
    });
  });
});

describe("running the system", () => {
  it("needs the year's program past stage 1 and all three acts of stage 1", () => {
    expect(runsSystem(school("a", { program: { id: "p", stage: 2, status: "ACTIVE" } }))).toBe(true);
    expect(runsSystem(school("a", { program: { id: "p", stage: 1, status: "ACTIVE" } }))).toBe(false);
    expect(runsSystem(school("a", { program: null }))).toBe(false);
    expect(runsSystem(school("a", { acts: { ...ALL_ACTS, curator: false } }))).toBe(false);
    expect(runsSystem(school("a", { program: { id: "p", stage: 7, status: "COMPLETED" } }))).toBe(true);
  });

  it("ranks no program 0, stages 1–7, completed 8", () => {
    expect(stageRank(school("a", { program: null }))).toBe(0);
    expect(stageRank(school("a"))).toBe(3);
    expect(stageRank(school("a", { program: { id: "p", stage: 7, status: "COMPLETED" } }))).toBe(8);
  });

  it("takes the median over the schools with a program", () => {
    expect(medianStageRank([])).toBeNull();
    expect(medianStageRank([school("a", { program: null })])).toBeNull();
    expect(medianStageRank([school("a", { program: { id: "p", stage: 2, status: "ACTIVE" } }), school("b", { program: { id: "q", stage: 5, status: "ACTIVE" } })])).toBe(3.5);
    expect(
      medianStageRank([school("a", { program: null }), school("b", { program: { id: "q", stage: 1, status: "ACTIVE" } }), school("c", { program: { id: "r", stage: 6, status: "ACTIVE" } }), school("d", { program: { id: "s", stage: 6, status: "ACTIVE" } })]),
    ).toBe(6);
  });
});

describe("the calendar", () => {
  it("expects more as the year goes on and a completed program after it", () => {
    expect(expectedStageRank(2026, EARLY)).toBeNull();
    expect(expectedStageRank(2026, new Date(Date.UTC(2026, 9, 1)))?.rank).toBe(2);
    expect(expectedStageRank(2026, new Date(Date.UTC(2026, 10, 25)))?.rank).toBe(2);
    expect(expectedStageRank(2026, new Date(Date.UTC(2026, 11, 1)))?.rank).toBe(5);
    expect(expectedStageRank(2026, new Date(Date.UTC(2027, 2, 1)))?.rank).toBe(6);
    expect(expectedStageRank(2026, new Date(Date.UTC(2027, 5, 1)))?.rank).toBe(7);
    expect(expectedStageRank(2026, new Date(Date.UTC(2027, 8, 1)))?.rank).toBe(8);
  });
});

describe("why a school lags", () => {
  it("finds nothing in a school on track", () => {
    expect(codes(school("a"), 3)).toEqual([]);
  });

  it("names a missing program and the missing acts", () => {
    const reasons = lagReasons(school("a", { program: null, acts: { regulation: true, roadmap: false, curator: false } }), { year: 2026, today: EARLY, medianRank: 4 });
    expect(reasons.map((r) => r.code)).toEqual(["no-program", "acts-missing"]);
    expect(ruText(reasons[0]!)).toBe("Нет программы наставничества на 2026/2027 учебный год.");
    expect(ruText(reasons[1]!)).toBe("Не утверждены локальные акты: приказ об утверждении дорожной карты, приказ о назначении куратора.");
    expect(reasons[1]!.acts).toEqual(["ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"]);
  });

  it("flags a stage two behind the median, not one behind", () => {
    expect(codes(school("a", { program: { id: "p", stage: 2, status: "ACTIVE" } }), 4)).toEqual(["behind-median"]);
    expect(codes(school("a", { program: { id: "p", stage: 3, status: "ACTIVE" } }), 4)).toEqual([]);
    expect(codes(school("a", { program: { id: "p", stage: 2, status: "ACTIVE" } }), 3.5)).toEqual([]);
    const [reason] = lagReasons(school("a", { program: { id: "p", stage: 1, status: "ACTIVE" } }), { year: 2026, today: EARLY, medianRank: 5 });
    expect(ruText(reason!)).toBe("Программа на этапе 1 — на 4 этапа позади большинства школ (медиана: этап 5).");
  });

  it("flags a program behind the calendar, and one not completed after the year", () => {
    const december = new Date(Date.UTC(2026, 11, 10));
    const [reason] = lagReasons(school("a", { program: { id: "p", stage: 4, status: "ACTIVE" } }), { year: 2026, today: december, medianRank: null });
    expect(reason!.code).toBe("behind-calendar");
    expect(ruText(reason!)).toBe("К 01.12.2026 программа должна была дойти до этапа 5, а она на этапе 4.");
    expect(codes(school("a", { program: { id: "p", stage: 5, status: "ACTIVE" } }), null, december)).toEqual([]);
    const after = new Date(Date.UTC(2027, 8, 2));
    expect(codes(school("a", { program: { id: "p", stage: 7, status: "ACTIVE" } }), null, after)).toEqual(["not-completed"]);
    expect(codes(school("a", { program: { id: "p", stage: 7, status: "COMPLETED" } }), null, after)).toEqual([]);
  });

  it("flags overdue activities, missed district deadlines and satisfaction below 50 %", () => {
    const reasons = lagReasons(school("a", { overdueActivities: 3, deadlinesDue: 4, deadlinesMet: 2, menteeSatisfaction: 45, mentorSatisfaction: 50 }), { year: 2026, today: EARLY, medianRank: 3 });
    expect(reasons.map(ruText)).toEqual([
      "Просрочено 3 мероприятия дорожной карты.",
      "Выполнено 2 из 4 сроков, установленных округом.",
      "Удовлетворённость наставляемых 45\u00a0% — ниже 50\u00a0%.",
    ]);
    expect(codes(school("a", { deadlinesDue: 2, deadlinesMet: 2, mentorSatisfaction: 49.5 }))).toEqual(["low-mentor-satisfaction"]);
    expect(ruText(lagReasons(school("a", { overdueActivities: 1 }), { year: 2026, today: EARLY, medianRank: null })[0]!)).toBe("Просрочено 1 мероприятие дорожной карты.");
    expect(ruText(lagReasons(school("a", { overdueActivities: 11 }), { year: 2026, today: EARLY, medianRank: null })[0]!)).toBe("Просрочено 11 мероприятий дорожной карты.");
  });

  it("words the same reasons in English for an English reader, the report's Russian untouched", () => {
    const enText = (r: LagReason) => reasonText(inWords("en"), r);
    const after = new Date(Date.UTC(2027, 8, 2));
    const late = lagReasons(school("a", { program: { id: "p", stage: 7, status: "ACTIVE" } }), { year: 2026, today: after, medianRank: null });
    expect(ruText(late[0]!)).toBe("Учебный год закончился, а программа не завершена (этап 7).");
    expect(enText(late[0]!)).toBe("The academic year is over and the program is not completed (stage 7).");
    const missing = lagReasons(school("a", { program: null, acts: { regulation: false, roadmap: true, curator: true } }), { year: 2026, today: EARLY, medianRank: 8 });
    expect(missing.map(enText)).toEqual(["No mentoring program for the academic year 2026/2027.", "Local acts not approved: the mentoring regulation."]);
    const [behind] = lagReasons(school("a", { program: { id: "p", stage: 1, status: "ACTIVE" } }), { year: 2026, today: EARLY, medianRank: 8 });
    expect(enText(behind!)).toBe("The program is at stage 1 — 7 stages behind most schools (median: program completed).");
    expect(ruText(behind!)).toBe("Программа на этапе 1 — на 7 этапов позади большинства школ (медиана: программа завершена).");
    const reasons = lagReasons(school("a", { overdueActivities: 1, deadlinesDue: 1, deadlinesMet: 0, menteeSatisfaction: 4.54, mentorSatisfaction: 30 }), { year: 2026, today: EARLY, medianRank: null });
    expect(reasons.map(enText)).toEqual(["1 roadmap activity is overdue.", "0 of 1 district deadline met.", "Mentee satisfaction 4.5 % — below 50 %.", "Mentor satisfaction 30 % — below 50 %."]);
    expect(reasons.map(ruText)).toEqual(["Просрочено 1 мероприятие дорожной карты.", "Выполнено 0 из 1 срока, установленных округом.", "Удовлетворённость наставляемых 4,5\u00a0% — ниже 50\u00a0%.", "Удовлетворённость наставников 30\u00a0% — ниже 50\u00a0%."]);
    expect(reasons.map(enText).join(" ")).not.toMatch(/\p{Script=Cyrillic}/u);
  });
});

describe("the district", () => {
  const figures = [
    school("1", { program: { id: "p1", stage: 5, status: "ACTIVE" }, pairs: { byOrder: 4, active: 3, completed: 1, dissolved: 0 }, teachers: 10, teachersInvolved: 5, youngSpecialists: 2, youngSpecialistsCovered: 1, students: 100, studentMentees: 10, studentMentors: 2, menteeSatisfaction: 80, mentorSatisfaction: 90 }),
    school("2", { program: { id: "p2", stage: 4, status: "ACTIVE" }, teachers: 10, teachersInvolved: 0, students: 100, menteeSatisfaction: 60 }),
    school("3", { program: { id: "p3", stage: 7, status: "COMPLETED" }, pairs: { byOrder: 2, active: 0, completed: 1, dissolved: 1 }, teachers: 20, teachersInvolved: 4, youngSpecialists: 2, youngSpecialistsCovered: 2 }),
    school("4", { program: null, acts: { regulation: false, roadmap: false, curator: false }, teachers: 10, overdueActivities: 0 }),
  ];
  const { schools, summary } = assessDistrict(figures, { year: 2026, today: EARLY });

  it("sums up the schools", () => {
    expect(summary).toMatchObject({
      schools: 4,
      withProgram: 3,
      running: 3,
      runningShare: 75,
      target: 100,
      lagging: 1,
      medianRank: 5,
      pairs: { byOrder: 6, active: 3, completed: 2, dissolved: 1 },
      teachers: 50,
      teachersInvolved: 9,
      youngSpecialists: 4,
      youngSpecialistsCovered: 3,
      students: 200,
      studentMentees: 10,
      studentMentors: 2,
      satisfaction: { mentee: 70, mentor: 90, menteeSchools: 2, mentorSchools: 1 },
    });
    expect(summary.coverage).toEqual({ teachersInvolved: 18, youngSpecialistsCovered: 75, studentMentees: 5, studentMentors: 1 });
    expect(summary.byStage.filter((b) => b.count > 0)).toEqual([
      { key: "none", count: 1 },
      { key: "4", count: 1 },
      { key: "5", count: 1 },
      { key: "completed", count: 1 },
    ]);
    expect(schools.find((s) => s.schoolId === "4")!.reasons.map((r) => r.code)).toEqual(["no-program", "acts-missing"]);
  });

  it("filters by stage, lagging, running and municipality", () => {
    expect(filterSchools(schools, { stage: "none" }).map((s) => s.schoolId)).toEqual(["4"]);
    expect(filterSchools(schools, { stage: "completed" }).map((s) => s.schoolId)).toEqual(["3"]);
    expect(filterSchools(schools, { lagging: true }).map((s) => s.schoolId)).toEqual(["4"]);
    expect(filterSchools(schools, { running: false }).map((s) => s.schoolId)).toEqual(["4"]);
    expect(filterSchools(schools, { municipalityId: "other" })).toEqual([]);
    expect(readSchoolFilter({ stage: "5", lagging: "1", running: "no", municipality: "not-an-id" })).toEqual({ stage: "5", lagging: true, running: false, municipalityId: null });
    expect(readSchoolFilter({ stage: "9' OR 1=1" })).toMatchObject({ stage: null, lagging: false, running: null });
  });

  it("writes the report's sentences", () => {
    expect(runningSentence(summary)).toBe("Систему наставничества реализуют 3 из 4 образовательных организаций (75\u00a0%), целевое значение — 100\u00a0%.");
    expect(runningSentence({ running: 1, schools: 21, runningShare: percent(1, 21), target: 100 })).toBe(
      "Систему наставничества реализует 1 из 21 образовательной организации (4,8\u00a0%), целевое значение — 100\u00a0%.",
    );
    expect(stagesSentence(summary)).toBe(
      "Программы наставничества реализуют 3 из 4 образовательных организаций: на этапе 4 — 1, на этапе 5 — 1, завершили программу — 1; программа не создана в 1 организации.",
    );
    expect(pairsSentence(summary.pairs)).toBe("Приказами руководителей образовательных организаций закреплено 6 наставнических пар (групп); работают 3, завершили работу 2, расформировано 1.");
    expect(pairsSentence({ byOrder: 1, active: 1, completed: 0, dissolved: 0 }, "school")).toBe("Приказами руководителя закреплено 1 наставническая пара (группа); работают 1, завершили работу 0, расформировано 0.");
    expect(teachersSentence(summary)).toBe("В наставничество вовлечено 9 из 50 педагогов (18\u00a0%). Наставниками сопровождаются 3 из 4 молодых специалистов со стажем до 3 лет (75\u00a0%).");
    expect(studentsSentence(summary)).toBe("Из 200 обучающихся в программы наставничества вошли в роли наставляемого 10 (5\u00a0%), в роли наставника — 2 (1\u00a0%).");
    expect(satisfactionSentence(summary)).toBe("Средняя удовлетворённость участием в программе: наставляемых — 70\u00a0% (по 2 организациям), наставников — 90\u00a0% (по 1 организации).");
    expect(noProgramSentence(2031, "school")).toBe("За 2031/2032 учебный год программа наставничества не реализовывалась.");
    expect(recommendations(schools)[0]).toMatch(/разработать и утвердить/);
    expect(recommendations(schools.filter((s) => !s.lagging))).toHaveLength(1);
  });
});
