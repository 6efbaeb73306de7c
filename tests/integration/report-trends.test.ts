import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { loadDistrictDashboard } from "../../lib/monitoring/district";
import { produceReport } from "../../lib/monitoring/report";
import { getSchoolTrends } from "../../lib/monitoring/queries";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { tenantContext } from "../setup/call";
import { setupTestDatabase } from "../setup/database";

// Issue #16 item 4: the annual report compares every indicator with the year before — a school's and its
// municipality's — from the programs of each year.

const db = setupTestDatabase();
const TODAY = new Date(Date.UTC(2027, 4, 20));

type Org = Awaited<ReturnType<typeof createOrganization>>;
let district: Org;
let school: Org;
let fresh: Org;
let director: { id: string };
let methodist: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования" });
  school = await createOrganization(prisma, { parentId: district.id, name: "СОШ с историей", shortName: "СОШ с историей" });
  fresh = await createOrganization(prisma, { parentId: district.id, name: "Новая школа", shortName: "Новая школа" });
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  await createMember(prisma, fresh.id, ["DIRECTOR"]);
  methodist = await createMember(prisma, district.id, ["METHODIST"]);
  const curator = await createMember(prisma, school.id, ["CURATOR"]);

  const person = (lastName: string) => createPersonRow(prisma, school.id, { kind: "TEACHER", lastName, firstName: "Имя", experienceYears: 10 });
  const teachers = await Promise.all(["А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К"].map(person));
  const mentors = await Promise.all(teachers.slice(0, 3).map((t) => prisma.mentorProfile.create({ data: { organizationId: school.id, personId: t.id, status: "APPROVED", addedById: curator.id } })));
  const mentees = await Promise.all(teachers.slice(3).map((t) => prisma.menteeProfile.create({ data: { organizationId: school.id, personId: t.id, category: "LOW_RESULTS", difficulties: [], source: "QUESTIONNAIRE", status: "PAIRED", addedById: curator.id } })));
  // 2025/2026: 2 pairs, both completed. 2026/2027: 4 pairs, 3 working, 1 dissolved.
  const program = (academicYear: number, stage: number) => createProgramRow(prisma, school.id, { academicYear, title: `Программа ${academicYear}`, audience: "TEACHERS", stage });
  const before = await program(2025, 7);
  const now = await program(2026, 5);
  // Each year's pairs are secured by that year's order of the head.
  const order = (programId: string, year: number) =>
    prisma.pairOrder.create({ data: { organizationId: school.id, programId, year, sequence: 1, number: `${year}-1`, date: new Date(Date.UTC(year, 9, 10)), createdById: curator.id } });
  const [orderBefore, orderNow] = [await order(before.id, 2025), await order(now.id, 2026)];
  const pair = (programId: string, orderId: string, i: number, status: "COMPLETED" | "ACTIVE" | "DISSOLVED") =>
    createPairRow(prisma, { organizationId: school.id, programId, orderId, mentorId: mentors[i % 3]!.id, menteeIds: [mentees[i]!.id], status, proposedById: curator.id });
  await pair(before.id, orderBefore.id, 0, "COMPLETED");
  await pair(before.id, orderBefore.id, 1, "COMPLETED");
  await pair(now.id, orderNow.id, 2, "ACTIVE");
  await pair(now.id, orderNow.id, 3, "ACTIVE");
  await pair(now.id, orderNow.id, 4, "ACTIVE");
  await pair(now.id, orderNow.id, 5, "DISSOLVED");
});

describe("the report's comparison with the year before", () => {
  it("a school's: each indicator's two values, the change and whether it is better", async () => {
    const model = await produceReport(tenantContext(school, director, ["DIRECTOR"]), 2026, TODAY);
    const trends = model.sections.find((s) => s.key === "trends")!;
    expect(trends.title).toBe("10. Динамика показателей в сравнении с прошлым учебным годом");
    expect(trends.table!.header).toEqual(["Показатель", "2025/2026", "2026/2027", "Изменение", "Динамика"]);
    const row = (title: string) => trends.table!.rows.find((r) => r[0] === title);
    // Secured by order and not dissolved (the dashboard's definition): 2, then 3.
    expect(row("Пар (групп) закреплено приказом")).toEqual(["Пар (групп) закреплено приказом", 2, 3, "+1", "рост (улучшение)"]);
    expect(row("Пар (групп) завершили работу")).toEqual(["Пар (групп) завершили работу", 2, 0, "−2", "снижение (ухудшение)"]);
    expect(row("Пар (групп) расформировано")).toEqual(["Пар (групп) расформировано", 0, 1, "+1", "рост (ухудшение)"]);
    // 4 of 10 teachers involved in 2025 (2 mentors, 2 mentees), 6 of 10 in 2026 (3 mentors, 3 mentees: a dissolved pair's mentee is not).
    expect(row("Доля педагогов, вовлечённых в наставничество, %")).toEqual(["Доля педагогов, вовлечённых в наставничество, %", 40, 60, "+20 п. п.", "рост (улучшение)"]);
    expect(row("Удовлетворённость наставников, %")).toEqual(["Удовлетворённость наставников, %", null, null, "—", "нет данных"]);
    expect(row("Организаций с программой наставничества")).toBeUndefined();
    expect(trends.paragraphs[0]).toMatch(/^В сравнении с 2025\/2026 учебным годом улучшились \d+ из \d+ показателей, ухудшились \d+\.$/);
  });

  it("the municipality's counts the organizations with a program; a year with none says there is nothing to compare", async () => {
    const model = await produceReport(tenantContext(district, methodist, ["METHODIST"]), 2026, TODAY);
    const rows = model.sections.find((s) => s.key === "trends")!.table!.rows;
    expect(rows.find((r) => r[0] === "Организаций с программой наставничества")).toEqual(["Организаций с программой наставничества", 1, 1, "0", "без изменений"]);
    const earlier = await produceReport(tenantContext(district, methodist, ["METHODIST"]), 2025, TODAY);
    expect(earlier.sections.find((s) => s.key === "trends")).toEqual({
      key: "trends",
      title: "11. Динамика показателей в сравнении с прошлым учебным годом",
      paragraphs: ["Программ наставничества в 2024/2025 учебном году не было — сравнивать не с чем."],
      table: null,
    });
  });

  it("the school's trends page reads the same two years (its own figures, as its office sees them)", async () => {
    const { current, previous } = await getSchoolTrends(tenantContext(school, director, ["DIRECTOR"]), 2026);
    expect(previous).toMatchObject({ schools: 1, withProgram: 1, pairs: { byOrder: 2, completed: 2 }, results: { pairsWorked: 2 } });
    expect(current).toMatchObject({ schools: 1, withProgram: 1, pairs: { byOrder: 3, active: 3, dissolved: 1 }, results: { pairsWorked: 4 } });
  });

  it("the district dashboard reads the year before only when asked (its page asks)", async () => {
    const plain = await withDb({ organizationId: district.id }, (tx) => loadDistrictDashboard(tx, district.id, 2026, TODAY));
    expect(plain.previous).toBeUndefined();
    const withTrends = await withDb({ organizationId: district.id }, (tx) => loadDistrictDashboard(tx, district.id, 2026, TODAY, { trends: true }));
    expect(withTrends.previous).toMatchObject({ schools: 2, withProgram: 1, pairs: { byOrder: 2, completed: 2 } });
    expect(withTrends.summary).toMatchObject({ schools: 2, withProgram: 1, pairs: { byOrder: 3, active: 3, dissolved: 1 } });
  });
});
