import { now } from "../../lib/clock";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withDb } from "../../lib/db";
import { assessDistrict } from "../../lib/domain/monitoring";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { reportDocument } from "../../lib/monitoring/district-files";
import { reportXlsx } from "../../lib/monitoring/district-xlsx";
import { produceReport } from "../../lib/monitoring/report";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, tenantContext } from "../setup/call";
import { signedIn } from "../setup/signed-in";
import { addMentee } from "../../lib/banks/actions";
import { createPerson } from "../../lib/people/actions";
import { day } from "../setup/dates";
import { docxText, docxXml } from "../setup/files";

// Pages and route handlers read the signed-in user through lib/auth/session: here it is whoever `session.user` holds,
// with a real live session row (the request context reads the session, the user and the memberships in one statement).
vi.mock("../../lib/auth/session", async () => (await import("../setup/signed-in")).signedInSessionModule);
const session = signedIn;

// Outside a Next request there are no cookies: the routes then speak Russian, the default.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const db = setupTestDatabase();
const YEAR = 2026;
const TODAY = new Date(Date.UTC(2026, 10, 25)); // 25.11.2026

type Org = { id: string; slug: string; name: string; shortName: string | null; kind: "REGION" | "MUNICIPALITY" | "SCHOOL"; address: string | null; parentId: string | null; timeZone: string };
type User = { id: string; name: string; email: string };

let region: Org;
let districtA: Org;
let districtB: Org;
let a1: Org;
let a2: Org;
let a3: Org;
let b1: Org;
let methodist: User;
let head: User;
let director: User;
let directorA1Person: string;
const personNames: string[] = [];


async function program(organizationId: string, stage: number, year = YEAR, status: "ACTIVE" | "COMPLETED" = "ACTIVE") {
  return createProgramRow(db().prisma, organizationId, { academicYear: year, title: `Программа ${year}`, audience: "BOTH", stage, status });
}

async function act(organizationId: string, userId: string, kind: "REGULATION" | "ROADMAP_APPROVAL" | "CURATOR_APPOINTMENT", programId: string | null, approved = true) {
  await db().prisma.localAct.create({
    data: { organizationId, programId, kind, title: kind, status: approved ? "APPROVED" : "REGISTERED", registeredById: userId, approvedById: approved ? userId : null, approvedAt: approved ? now() : null },
  });
}

async function person(organizationId: string, kind: "TEACHER" | "STUDENT", lastName: string, experienceYears: number | null = null, active = true) {
  personNames.push(lastName);
  const p = await createPersonRow(db().prisma, organizationId, { kind, lastName, firstName: "Тест", experienceYears, active, minor: kind === "STUDENT" });
  return p.id;
}

async function activity(organizationId: string, programId: string, stage: number, dueEnd: string | null, status: "PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELLED", recurrence: "ONCE" | "CONSTANTLY" = "ONCE", forSchools = false) {
  await db().prisma.roadmapActivity.create({
    data: { organizationId, programId, academicYear: YEAR, stage, title: `Мероприятие этапа ${stage}`, dueText: "по плану", dueEnd: dueEnd ? day(dueEnd) : null, recurrence, status, forSchools },
  });
}

beforeAll(async () => {
  const prisma = db().prisma;
  region = (await createOrganization(prisma, { kind: "REGION", name: "Министерство образования края" })) as Org;
  districtA = (await createOrganization(prisma, { kind: "MUNICIPALITY", parentId: region.id, name: "Отдел образования округа А", shortName: "Округ А", address: "с. Левокумское" })) as Org;
  // The head's position comes from the office's profile (issue #13 item 3): an office named «отдел» is headed by its «начальник отдела».
  await prisma.organization.update({ where: { id: districtA.id }, data: { headPosition: "Начальник отдела образования" } });
  districtB = (await createOrganization(prisma, { kind: "MUNICIPALITY", parentId: region.id, name: "Отдел образования округа Б", shortName: "Округ Б" })) as Org;
  a1 = (await createOrganization(prisma, { parentId: districtA.id, shortName: "СОШ А1" })) as Org;
  a2 = (await createOrganization(prisma, { parentId: districtA.id, shortName: "СОШ А2" })) as Org;
  a3 = (await createOrganization(prisma, { parentId: districtA.id, shortName: "СОШ А3" })) as Org;
  b1 = (await createOrganization(prisma, { parentId: districtB.id, shortName: "СОШ Б1" })) as Org;
  methodist = await createMember(prisma, districtA.id, ["METHODIST"], { name: "Белова Ирина Викторовна" });
  head = await createMember(prisma, districtA.id, ["MUNICIPAL_HEAD"], { name: "Кирпичёва Наталья Алексеевна" });
  director = await createMember(prisma, a1.id, ["DIRECTOR"], { name: "Смирнова Елена Петровна" });
  const u = director.id;

  // The district's deadlines for its schools: three due by 25.11.2026 (stages 1, 2, 4); a continuous one, a
  // later one, a cancelled one and one not for schools do not count.
  const municipal = await program(districtA.id, 6);
  await activity(districtA.id, municipal.id, 1, "2026-09-30", "PLANNED", "ONCE", true);
  await activity(districtA.id, municipal.id, 2, "2026-09-15", "PLANNED", "ONCE", true);
  await activity(districtA.id, municipal.id, 4, "2026-10-31", "PLANNED", "ONCE", true);
  await activity(districtA.id, municipal.id, 6, "2026-10-01", "PLANNED", "CONSTANTLY", true);
  await activity(districtA.id, municipal.id, 7, "2027-05-31", "PLANNED", "ONCE", true);
  await activity(districtA.id, municipal.id, 1, "2026-09-30", "CANCELLED", "ONCE", true);
  await activity(districtA.id, municipal.id, 3, "2026-09-30", "PLANNED", "ONCE", false);

  // СОШ А1: stage 6, the three acts, pairs, banks, an overdue roadmap, satisfaction measured.
  const p1 = await program(a1.id, 6);
  for (const kind of ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"] as const) await act(a1.id, u, kind, p1.id);
  const t1 = await person(a1.id, "TEACHER", "Наставникова", 20);
  const t2 = await person(a1.id, "TEACHER", "Молодая", 1);
  const t3 = await person(a1.id, "TEACHER", "Кандидатова", 2);
  const t4 = await person(a1.id, "TEACHER", "Ушедшая", 10, false);
  const s1 = await person(a1.id, "STUDENT", "Учеников");
  const s2 = await person(a1.id, "STUDENT", "Старшеклассников");
  const s3 = await person(a1.id, "STUDENT", "Ожидающий");
  directorA1Person = t1;
  const mentor = (personId: string, status: "APPROVED" | "CANDIDATE") => prisma.mentorProfile.create({ data: { organizationId: a1.id, personId, status, addedById: u } }).then((m) => m.id);
  const mentee = (personId: string, status: "WAITING" | "PAIRED" | "LEFT") =>
    prisma.menteeProfile.create({ data: { organizationId: a1.id, personId, category: "YOUNG_SPECIALIST", difficulties: ["Дисциплина на уроке"], source: "QUESTIONNAIRE", status, addedById: u } }).then((m) => m.id);
  const mT1 = await mentor(t1, "APPROVED");
  const mS2 = await mentor(s2, "APPROVED");
  const mT3 = await mentor(t3, "CANDIDATE");
  const eT2 = await mentee(t2, "PAIRED");
  const eS1 = await mentee(s1, "PAIRED");
  const eS3 = await mentee(s3, "WAITING");
  await mentee(t4, "LEFT");
  const order = await prisma.pairOrder.create({ data: { organizationId: a1.id, programId: p1.id, year: 2026, sequence: 1, number: "1-НП", date: day("2026-10-20"), createdById: u } });
  const pair = (mentorId: string, menteeIds: string[], status: "PROPOSED" | "ACTIVE" | "COMPLETED" | "DISSOLVED", withOrder: boolean) =>
    createPairRow(prisma, { organizationId: a1.id, programId: p1.id, mentorId, menteeIds, status, proposedById: u, orderId: withOrder ? order.id : null });
  await pair(mT1, [eT2], "ACTIVE", true);
  await pair(mS2, [eS1], "COMPLETED", true);
  await pair(mT1, [eS3], "DISSOLVED", true);
  await pair(mT3, [eS3], "PROPOSED", false);
  await activity(a1.id, p1.id, 1, "2026-09-30", "DONE");
  await activity(a1.id, p1.id, 5, "2026-10-31", "PLANNED");
  await activity(a1.id, p1.id, 6, "2026-11-10", "IN_PROGRESS");
  await activity(a1.id, p1.id, 6, "2026-10-01", "PLANNED", "CONSTANTLY");
  await activity(a1.id, p1.id, 7, "2026-12-20", "PLANNED");
  await activity(a1.id, p1.id, 2, "2026-10-01", "CANCELLED");
  await prisma.programIndicator.createMany({
    data: [
      { organizationId: a1.id, programId: p1.id, kind: "MENTEE_SATISFACTION", title: "Удовлетворённость наставляемых", actualValue: 45 },
      { organizationId: a1.id, programId: p1.id, kind: "MENTOR_SATISFACTION", title: "Удовлетворённость наставников", actualValue: 85 },
      { organizationId: a1.id, programId: p1.id, kind: "STUDENT_MENTEES_SHARE", title: "Доля", actualValue: 10 },
    ],
  });

  // СОШ А2: stage 1; last year's acts do not count this year; the roadmap approval only registered.
  const last = await program(a2.id, 7, 2025, "COMPLETED");
  for (const kind of ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"] as const) await act(a2.id, u, kind, last.id);
  const p2 = await program(a2.id, 1);
  await act(a2.id, u, "REGULATION", p2.id);
  await act(a2.id, u, "ROADMAP_APPROVAL", p2.id, false);
  await person(a2.id, "TEACHER", "Опытная", 5);
  await person(a2.id, "TEACHER", "БезСтажа", null);

  // СОШ А3: no program this year; a regulation approved outside any program still counts.
  await act(a3.id, u, "REGULATION", null);
  await person(a3.id, "STUDENT", "Один");

  // СОШ Б1, another municipality: stage 3.
  const pb = await program(b1.id, 3);
  for (const kind of ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"] as const) await act(b1.id, u, kind, pb.id);
  await person(b1.id, "TEACHER", "Чужая", 2);
  // The passport's age band (decision 053): under 18 on 1 September 2026 — one born 2 September 2008 is, one born
  // 1 September 2008 turned 18 that day; a student without a birth date or the «minor» mark is not counted as under 18.
  for (const [lastName, birthDate] of [["Семнадцатилетний", "2008-09-02"], ["Совершеннолетний", "2008-09-01"]] as const) {
    personNames.push(lastName);
    await createPersonRow(prisma, b1.id, { kind: "STUDENT", lastName, firstName: "Тест", birthDate: day(birthDate) });
  }
  personNames.push("БезДаты");
  await createPersonRow(prisma, b1.id, { kind: "STUDENT", lastName: "БезДаты", firstName: "Тест" });
});

const figuresAs = (scopeId: string, orgId: string, year = YEAR) => withDb({ organizationId: scopeId }, (tx) => loadDistrictFigures(tx, orgId, year, TODAY));

describe("district_school_figures()", () => {
  it("gives the municipal office every school of its municipality with exact figures, and no other school", async () => {
    const rows = await figuresAs(districtA.id, districtA.id);
    expect(rows.map((r) => r.shortName).sort()).toEqual(["СОШ А1", "СОШ А2", "СОШ А3"]);
    const one = rows.find((r) => r.schoolId === a1.id)!;
    expect(one).toMatchObject({
      municipalityId: districtA.id,
      municipalityName: "Отдел образования округа А",
      program: { stage: 6, status: "ACTIVE" },
      acts: { regulation: true, roadmap: true, curator: true },
      pairs: { byOrder: 2, active: 1, completed: 1, dissolved: 1 },
      menteesInBank: 3,
      mentorsApproved: 2,
      teachers: 3,
      teachersInvolved: 2,
      youngSpecialists: 2,
      youngSpecialistsCovered: 1,
      students: 3,
      studentMentees: 1,
      studentMentors: 1,
      overdueActivities: 2,
      deadlinesDue: 3,
      deadlinesMet: 3,
      menteeSatisfaction: 45,
      mentorSatisfaction: 85,
    });
    expect(rows.find((r) => r.schoolId === a2.id)).toMatchObject({
      program: { stage: 1, status: "ACTIVE" },
      acts: { regulation: true, roadmap: false, curator: false },
      pairs: { byOrder: 0, active: 0, completed: 0, dissolved: 0 },
      teachers: 2,
      youngSpecialists: 0,
      teachersInvolved: 0,
      overdueActivities: 0,
      deadlinesDue: 3,
      deadlinesMet: 0,
      menteeSatisfaction: null,
    });
    expect(rows.find((r) => r.schoolId === a3.id)).toMatchObject({
      program: null,
      acts: { regulation: true, roadmap: false, curator: false },
      students: 1,
      teachers: 0,
      deadlinesDue: 3,
      deadlinesMet: 0,
    });
    // Aggregates only: nothing in the figures names a person.
    const text = JSON.stringify(rows);
    for (const name of personNames) expect(text).not.toContain(name);
    expect(text).not.toContain("Дисциплина");
  });

  it("assesses the district: one school of three runs the system, all three need attention for their reasons", async () => {
    const { schools, summary } = assessDistrict(await figuresAs(districtA.id, districtA.id), { year: YEAR, today: TODAY });
    expect(summary).toMatchObject({ schools: 3, withProgram: 2, running: 1, lagging: 3, pairs: { byOrder: 2 } });
    const reasons = (id: string) => schools.find((s) => s.schoolId === id)!.reasons.map((r) => r.code);
    expect(reasons(a1.id)).toEqual(["overdue", "low-mentee-satisfaction"]);
    expect(reasons(a2.id)).toEqual(["acts-missing", "behind-median", "behind-calendar", "deadlines-missed"]);
    expect(reasons(a3.id)).toEqual(["no-program", "acts-missing", "deadlines-missed"]);
  });

  it("gives a region the schools of all its municipalities, each with its municipality", async () => {
    const rows = await figuresAs(region.id, region.id);
    expect(rows.map((r) => [r.shortName, r.municipalityId]).sort()).toEqual([
      ["СОШ А1", districtA.id],
      ["СОШ А2", districtA.id],
      ["СОШ А3", districtA.id],
      ["СОШ Б1", districtB.id],
    ]);
    expect(rows.find((r) => r.schoolId === b1.id)).toMatchObject({ program: { stage: 3 }, teachers: 1, youngSpecialists: 1, deadlinesDue: 0, students: 3 });
    expect(rows.find((r) => r.schoolId === b1.id)!.results).toMatchObject({ minorStudents: 1, minorMentees: 0 });
    // СОШ А1's students are marked minors: three, one a mentee and one a mentor of the completed pair.
    expect(rows.find((r) => r.schoolId === a1.id)!.results).toMatchObject({ minorStudents: 3, minorMentees: 1, minorMentors: 1, pairsWorked: 3 });
  });

  it("gives a school only itself, and nothing for its district", async () => {
    const own = await figuresAs(a1.id, a1.id);
    expect(own.map((r) => r.schoolId)).toEqual([a1.id]);
    expect(own[0]).toMatchObject({ pairs: { byOrder: 2 }, deadlinesMet: 3 });
    expect(await figuresAs(a1.id, districtA.id)).toEqual([]);
  });

  it("answers only for the organization the transaction is scoped to", async () => {
    expect(await figuresAs(districtA.id, districtB.id)).toEqual([]);
    expect(await figuresAs(districtA.id, region.id)).toEqual([]);
    expect(await figuresAs(districtB.id, districtA.id)).toEqual([]);
    expect(await withDb({}, (tx) => loadDistrictFigures(tx, districtA.id, YEAR, TODAY))).toEqual([]);
  });
});

describe("the analytical report", () => {
  it("says so for a year without programs, for the district and for a school", async () => {
    const district = await produceReport(tenantContext(districtA, methodist, ["METHODIST"]), 2031, TODAY);
    expect(district).toMatchObject({ empty: true, sections: [] });
    const districtDocx = await docxText((await reportDocument(district)).docx);
    expect(districtDocx).toContain("АНАЛИТИЧЕСКАЯ СПРАВКА");
    expect(districtDocx).toContain("За 2031/2032 учебный год программы наставничества в образовательных организациях не реализовывались.");
    const school = await produceReport(tenantContext(a1, director, ["DIRECTOR"]), 2031, TODAY);
    expect(school.intro).toEqual(["За 2031/2032 учебный год программа наставничества не реализовывалась."]);
    expect(await docxText((await reportDocument(school)).docx)).toContain("За 2031/2032 учебный год программа наставничества не реализовывалась.");
  });

  it("renders the district's .docx with the requisites, the title and the generated sentences", async () => {
    const model = await produceReport(tenantContext(districtA, methodist, ["METHODIST"]), YEAR, TODAY);
    const text = await docxText((await reportDocument(model)).docx);
    expect(text).toContain("Отдел образования округа А");
    expect(text).toContain("АНАЛИТИЧЕСКАЯ СПРАВКА");
    expect(text).toContain("25.11.2026");
    expect(text).toContain("№\u00a0____");
    expect(text).toContain("с. Левокумское");
    expect(text).toContain("по итогам мониторинга реализации системы наставничества в образовательных организациях муниципального округа за 2026/2027 учебный год");
    expect(text).toContain("Систему наставничества реализует 1 из 3 образовательных организаций (33\u00a0%), целевое значение — 100\u00a0%.");
    expect(text).toContain("Приказами руководителей образовательных организаций закреплено 2 наставнические пары (группы); работают 1, завершили работу 1, расформировано 1.");
    expect(text).toContain("В наставничество вовлечено 2 из 5 педагогов (40\u00a0%).");
    expect(text).toContain("Требуют внимания 3 из 3 образовательных организаций.");
    expect(text).toContain("Удовлетворённость наставляемых 45\u00a0% — ниже 50\u00a0%.");
    expect(text).toContain("Рекомендации");
    // The signature of the municipal head, initials before the surname.
    expect(text).toContain("Начальник отдела образования");
    expect(text).toContain("Н.А. Кирпичёва");
    for (const name of personNames) expect(text).not.toContain(name);
    void head;
  });

  it("puts the same tables into the .xlsx", async () => {
    const model = await produceReport(tenantContext(districtA, methodist, ["METHODIST"]), YEAR, TODAY);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await reportXlsx(model)).bytes) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Справка", "Реализация системы", "Этапы", "Пары и банки", "Педагоги", "Обучающиеся", "Удовлетворённость", "Дорожные карты", "Результативность", "Требуют внимания", "Динамика"]);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows("Справка").flat()).toContain("Систему наставничества реализует 1 из 3 образовательных организаций (33\u00a0%), целевое значение — 100\u00a0%.");
    // The head of the sheet: the office's name, its address from the profile; the signature of its head.
    expect(rows("Справка").slice(1, 4).flat()).toEqual(["Отдел образования округа А", "с. Левокумское", "АНАЛИТИЧЕСКАЯ СПРАВКА"]);
    expect(rows("Справка").flat()).toContain("Начальник отдела образования Н.А. Кирпичёва");
    expect(rows("Пары и банки")[0]).toEqual(["№", "Образовательная организация", "Закреплено приказом", "Работают", "Завершили", "Расформировано", "Наставляемых в банке", "Наставников утверждено"]);
    expect(rows("Пары и банки")[1]).toEqual([1, "СОШ А1", 2, 1, 1, 1, 3, 2]);
    expect(rows("Реализация системы").slice(1)).toEqual([
      [1, "СОШ А1", "этап 6", "да", "да", "да", "да"],
      [2, "СОШ А2", "этап 1", "да", "нет", "нет", "нет"],
      [3, "СОШ А3", "нет программы", "да", "нет", "нет", "нет"],
    ]);
    expect(rows("Педагоги")[1]).toEqual([1, "СОШ А1", 3, 2, 66.7, 2, 1, 50]);
    expect(rows("Результативность")[0]).toEqual(["№", "Образовательная организация", "Пар работало", "Утверждено программ, %", "Выполнено пунктов, %", "Встреч на пару", "Кейсов", "Наград", "Раздел на сайте", "До 18 лет наставляемые, %", "Молодые специалисты остались, %", "Рост по критериям «до/после», %"]);
    expect(rows("Результативность")[1]).toEqual([1, "СОШ А1", 3, 0, undefined, 0, 0, 0, "нет", 33.3, 100]);
  });

  it("writes the school's report from its own figures and records who produced it", async () => {
    const model = await produceReport(tenantContext(a1, director, ["DIRECTOR"]), YEAR, TODAY);
    expect(model.title).toBe("по итогам мониторинга реализации системы наставничества в СОШ А1 за 2026/2027 учебный год");
    expect(model.sections[0]!.paragraphs[0]).toBe("Программа наставничества на 2026/2027 учебный год находится на этапе 6 «Организация работы наставнических пар / групп».");
    expect(model.signatory).toEqual({ position: "Директор", initialsAndSurname: "Е.П. Смирнова" });
    const audit = await db().prisma.auditEvent.findFirst({ where: { organizationId: a1.id, action: "monitoring.report" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: director.id, targetType: "MentoringProgram", data: { year: 2026, empty: false } });
  });
});

describe("the district routes", () => {
  it("serves the methodist the report and the exports, and a school's director neither", async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
    const { GET: report } = await import("../../app/(app)/[org]/district/report/route");
    const { GET: schoolReport } = await import("../../app/(app)/[org]/monitoring/report/route");
    session.user = { ...methodist, locale: "ru" };
    const res = await report(new Request(`http://test/${districtA.slug}/district/report?year=2031&format=docx`), { params: Promise.resolve({ org: districtA.slug }) });
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    expect(await docxXml(await res.arrayBuffer())).toContain("не реализовывались");
    // The methodist cannot produce a school's report.
    await expect(schoolReport(new Request(`http://test/${a1.slug}/monitoring/report`), { params: Promise.resolve({ org: a1.slug }) })).rejects.toMatchObject({ digest: expect.stringMatching(/;403$/) });
    session.user = { ...director, locale: "ru" };
    await expect(report(new Request(`http://test/${a1.slug}/district/report`), { params: Promise.resolve({ org: a1.slug }) })).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
    const own = await schoolReport(new Request(`http://test/${a1.slug}/monitoring/report?year=2026&format=xlsx`), { params: Promise.resolve({ org: a1.slug }) });
    expect(own.headers.get("content-type")).toContain("spreadsheetml");
    session.user = null;
  });

  it("exports the dashboard's tables to .xlsx for the office, with its filters; a school has no such route", async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
    const { GET: exportTable } = await import("../../app/(app)/[org]/district/export/route");
    const sheet = async (query: string) => {
      const res = await exportTable(new Request(`http://test/${districtA.slug}/district/export?${query}`), { params: Promise.resolve({ org: districtA.slug }) });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const out: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    session.user = { ...methodist, locale: "ru" };
    const all = await sheet("table=schools&year=2026");
    expect(all.slice(1).map((r) => r[0])).toEqual(["СОШ А1", "СОШ А2", "СОШ А3"]);
    expect(all[1]!.slice(0, 8)).toEqual(["СОШ А1", "Этап 6", "да", "да", "да", "да", 2, 66.7]);
    expect(String(all[3]!.at(-1))).toContain("Нет программы наставничества на 2026/2027 учебный год.");
    expect((await sheet("table=schools&year=2026&stage=none")).slice(1).map((r) => r[0])).toEqual(["СОШ А3"]);
    expect((await sheet("table=schools&year=2026&running=yes")).slice(1).map((r) => r[0])).toEqual(["СОШ А1"]);
    expect((await sheet("table=stages&year=2026")).slice(1).filter((r) => Number(r[1]) > 0).map((r) => r.slice(0, 2))).toEqual([
      ["Программа не создана", 1],
      ["Этап 1", 1],
      ["Этап 6", 1],
    ]);
    expect((await sheet("table=coverage&year=2026"))[1]).toEqual(["Педагоги, вовлечённые в наставничество", 2, 5, 40]);
    expect((await sheet(`table=school&school=${a1.id}&year=2026`)).map((r) => r[0])).toContain("Пар (групп) закреплено приказом");
    // Another municipality's school is not in this office's figures.
    await expect(sheet(`table=school&school=${b1.id}&year=2026`)).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
    session.user = { ...director, locale: "ru" };
    await expect(exportTable(new Request(`http://test/${a1.slug}/district/export`), { params: Promise.resolve({ org: a1.slug }) })).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
    session.user = null;
  });
});

describe("a methodist and the schools' personal data", () => {
  it("is refused on a school's people and banks: pages, exports, actions — and the rows stay invisible", async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
    const { requireTenant } = await import("../../lib/auth/tenant");
    const { GET: peopleExport } = await import("../../app/(app)/[org]/people/export/route");
    const { GET: menteesExport } = await import("../../app/(app)/[org]/mentees/export/route");
    session.user = { ...methodist, locale: "ru" };
    const forbidden = { digest: expect.stringMatching(/;403$/) };
    // Pages call requireTenant first: not a member of the school → 403 (people, mentees, mentors, pairs).
    for (const permission of ["people.view", "banks.view", "banks.sensitive", "pairs.view"] as const) {
      await expect(requireTenant(a1.slug, permission)).rejects.toMatchObject(forbidden);
    }
    // Nor in the office itself: the methodist's role has no personal-data permission.
    await expect(requireTenant(districtA.slug, "people.view")).rejects.toMatchObject(forbidden);
    await expect(peopleExport(new Request(`http://test/${a1.slug}/people/export`), { params: Promise.resolve({ org: a1.slug }) })).rejects.toMatchObject(forbidden);
    await expect(menteesExport(new Request(`http://test/${a1.slug}/mentees/export`), { params: Promise.resolve({ org: a1.slug }) })).rejects.toMatchObject(forbidden);
    // Actions on the school's people and banks are refused, and nothing is written.
    const before = await db().prisma.person.count({ where: { organizationId: a1.id } });
    const create = await call(createPerson, as(methodist), { org: a1.slug, kind: "TEACHER", lastName: "Чужой", firstName: "Методист" });
    expect(create).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const update = await call(addMentee, as(methodist), { org: a1.slug, personId: directorA1Person, category: "GROWTH", difficulties: [], source: "QUESTIONNAIRE" });
    expect(update).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db().prisma.person.count({ where: { organizationId: a1.id } })).toBe(before);
    // The second wall: in the office's scope the school's rows are invisible even to a direct query.
    const seen = await withDb({ organizationId: districtA.id, userId: methodist.id }, async (tx) => ({
      people: await tx.person.count({ where: { organizationId: a1.id } }),
      mentees: await tx.menteeProfile.findMany({ where: { organizationId: a1.id }, select: { difficulties: true } }),
      pairs: await tx.pair.count({ where: { organizationId: a1.id } }),
    }));
    expect(seen).toEqual({ people: 0, mentees: [], pairs: 0 });
    session.user = null;
  });
});
