import { describe, expect, it } from "vitest";
import { NO_RESULTS } from "./district-results";
import { assessDistrict, type DistrictSchoolFigures } from "./monitoring";
import { districtSchoolFigures } from "../../tests/setup/figures";
import { changeText, compareYears, directionText, trendsSentence } from "./monitoring-trends";

const TODAY = new Date(Date.UTC(2027, 4, 20));
/** The one school of the comparison: 20 teachers, 4 young specialists, 100 students, a program at stage 5. */
const figures = (over: Partial<DistrictSchoolFigures>) =>
  districtSchoolFigures("s1", { name: "Школа", shortName: "СОШ", program: { id: "p", stage: 5, status: "ACTIVE" }, teachers: 20, youngSpecialists: 4, students: 100, ...over });
const summary = (over: Partial<DistrictSchoolFigures>, year: number) => assessDistrict([figures(over)], { year, today: TODAY }).summary;

describe("this year against the year before (issue #16 item 4)", () => {
  const previous = summary({ pairs: { byOrder: 4, active: 0, completed: 3, dissolved: 1 }, teachersInvolved: 5, youngSpecialistsCovered: 2, overdueActivities: 6, menteeSatisfaction: 80, results: { ...NO_RESULTS, pairsWorked: 4, planItems: 10, planItemsDone: 4, meetings: 8, youngMentored: 2, youngMentoredStayed: 1 } }, 2025);
  const current = summary({ pairs: { byOrder: 7, active: 7, completed: 0, dissolved: 0 }, teachersInvolved: 8, youngSpecialistsCovered: 2, overdueActivities: 2, menteeSatisfaction: 72.5, results: { ...NO_RESULTS, pairsWorked: 7, planItems: 20, planItemsDone: 15, meetings: 21, cases: 2, youngMentored: 2, youngMentoredStayed: 2 } }, 2026);
  const rows = compareYears(previous, current, "school");
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it("gives each year's value, the change, its direction and whether it is better", () => {
    expect(row("pairsByOrder")).toMatchObject({ previous: 4, current: 7, change: 3, direction: "up", better: true });
    expect(row("teachersInvolved")).toMatchObject({ previous: 25, current: 40, change: 15, direction: "up", better: true });
    expect(row("youngCovered")).toMatchObject({ previous: 50, current: 50, change: 0, direction: "same", better: null });
    // Fewer overdue activities and fewer dissolved pairs are improvements.
    expect(row("overdue")).toMatchObject({ previous: 6, current: 2, change: -4, direction: "down", better: true });
    expect(row("pairsDissolved")).toMatchObject({ change: -1, better: true });
    expect(row("menteeSatisfaction")).toMatchObject({ previous: 80, current: 72.5, change: -7.5, better: false });
    expect(row("mentorSatisfaction")).toMatchObject({ previous: null, current: null, change: null, direction: null });
    // The programs' results (decision 053): plan items done 40 % → 75 %, meetings per pair 2 → 3, retention 50 % → 100 %.
    expect(row("planItemsDone")).toMatchObject({ previous: 40, current: 75, change: 35, better: true });
    expect(row("meetingsPerPair")).toMatchObject({ previous: 2, current: 3, change: 1, better: true });
    expect(row("cases")).toMatchObject({ previous: 0, current: 2, change: 2, better: true });
    expect(row("youngRetained")).toMatchObject({ previous: 50, current: 100, change: 50, better: true });
    expect(row("minorMentees")).toMatchObject({ previous: null, current: null, change: null });
    // A school's comparison has no «organizations with a program».
    expect(rows.some((r) => r.key === "withProgram" || r.key === "sitePublished")).toBe(false);
    expect(compareYears(previous, current, "district").some((r) => r.key === "withProgram")).toBe(true);
  });

  it("words the change Russian-style", () => {
    expect([changeText(row("pairsByOrder")), changeText(row("overdue")), changeText(row("teachersInvolved")), changeText(row("menteeSatisfaction")), changeText(row("youngCovered")), changeText(row("mentorSatisfaction"))]).toEqual([
      "+3", "−4", "+15 п. п.", "−7,5 п. п.", "0", "—",
    ]);
    expect([directionText(row("pairsByOrder")), directionText(row("menteeSatisfaction")), directionText(row("youngCovered")), directionText(row("mentorSatisfaction"))]).toEqual([
      "рост (улучшение)", "снижение (ухудшение)", "без изменений", "нет данных",
    ]);
    expect(trendsSentence(rows, "2025/2026")).toBe("В сравнении с 2025/2026 учебным годом улучшились 8 из 17 показателей, ухудшились 2.");
  });
});
