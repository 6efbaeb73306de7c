import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { loadSchoolFigures, schoolTables, type SchoolFigures } from "../../lib/monitoring/school";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { day } from "../setup/dates";

const db = setupTestDatabase();
const TODAY = new Date(Date.UTC(2026, 10, 20));

let schoolId: string;
let programId: string;
let overdueId: string;
let otherProgramId: string;
let figures: SchoolFigures;

/**
 * A known school: 4 active teachers (2 young specialists) and 1 inactive, 5 students, 1 external
 * specialist; the banks; pairs in every state; the roadmap; satisfaction questionnaires and indicators.
 */
beforeAll(async () => {
  const prisma = db().prisma;
  const school = await createOrganization(prisma, { name: "МБОУ «СОШ № 5»" });
  schoolId = school.id;
  const curator = await createMember(prisma, school.id, ["CURATOR"]);
  const program = await createProgramRow(prisma, school.id, { academicYear: 2026, title: "Программа 2026/2027", audience: "BOTH", stage: 5 });
  programId = program.id;

  const person = (lastName: string, kind: "TEACHER" | "STUDENT" | "EXTERNAL", extra: { experienceYears?: number; active?: boolean; externalOrganization?: string } = {}) =>
    createPersonRow(prisma, school.id, { kind, lastName, firstName: "Имя", ...extra });
  const [t1, t2, t3, t4, t5] = [
    await person("Молодая", "TEACHER", { experienceYears: 1 }),
    await person("Начинающий", "TEACHER", { experienceYears: 2 }),
    await person("Опытная", "TEACHER", { experienceYears: 25 }),
    await person("Средний", "TEACHER", { experienceYears: 10 }),
    await person("Ушедшая", "TEACHER", { experienceYears: 1, active: false }),
  ];
  const [s1, s2, s3, s4, s5] = [await person("Ученик1", "STUDENT"), await person("Ученик2", "STUDENT"), await person("Ученик3", "STUDENT"), await person("Ученик4", "STUDENT"), await person("Ученик5", "STUDENT")];
  const e1 = await person("Партнёр", "EXTERNAL", { externalOrganization: "ООО «Агрохолдинг»" });
  void s5;

  const mentee = (personId: string, category: "YOUNG_SPECIALIST" | "LOW_RESULTS" | "GIFTED", status: "WAITING" | "PAIRED" | "LEFT") =>
    prisma.menteeProfile.create({ data: { organizationId: school.id, personId, category, difficulties: [], source: "QUESTIONNAIRE", status, addedById: curator.id } });
  const [mT1, mT2, mS1, , mS3] = [
    await mentee(t1.id, "YOUNG_SPECIALIST", "PAIRED"),
    await mentee(t2.id, "YOUNG_SPECIALIST", "WAITING"),
    await mentee(s1.id, "LOW_RESULTS", "PAIRED"),
    await mentee(s2.id, "GIFTED", "LEFT"),
    await mentee(s3.id, "GIFTED", "PAIRED"),
    await mentee(t5.id, "YOUNG_SPECIALIST", "WAITING"), // inactive person: not counted
  ];
  const mentor = (personId: string, status: "CANDIDATE" | "APPROVED") => prisma.mentorProfile.create({ data: { organizationId: school.id, personId, status, addedById: curator.id } });
  const [rT3, , rS4, rE1] = [await mentor(t3.id, "APPROVED"), await mentor(t4.id, "CANDIDATE"), await mentor(s4.id, "APPROVED"), await mentor(e1.id, "APPROVED")];

  const pair = (mentorId: string, menteeId: string, form: "TEACHER_TEACHER" | "STUDENT_STUDENT" | "EMPLOYER_PUPIL", type: "TRADITIONAL" | "SHORT_TERM", status: "APPROVED" | "ACTIVE" | "COMPLETED" | "REJECTED") =>
    createPairRow(prisma, { organizationId: school.id, programId: program.id, mentorId, menteeIds: [menteeId], form, type, status, proposedById: curator.id });
  await pair(rT3.id, mT1.id, "TEACHER_TEACHER", "TRADITIONAL", "ACTIVE");
  await pair(rS4.id, mS1.id, "STUDENT_STUDENT", "TRADITIONAL", "COMPLETED");
  await pair(rE1.id, mS3.id, "EMPLOYER_PUPIL", "SHORT_TERM", "APPROVED");
  await pair(rT3.id, mT2.id, "TEACHER_TEACHER", "TRADITIONAL", "REJECTED");

  const activity = (stage: number, title: string, status: "PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELLED", dueEnd: string) =>
    prisma.roadmapActivity.create({ data: { organizationId: school.id, programId: program.id, academicYear: 2026, stage, title, dueText: "срок", dueEnd: day(dueEnd), status } });
  await activity(1, "Положение", "DONE", "2026-09-30");
  overdueId = (await activity(1, "Информирование родителей", "PLANNED", "2026-09-30")).id;
  await activity(1, "Отменённое", "CANCELLED", "2026-09-30");
  await activity(2, "Банк наставляемых", "IN_PROGRESS", "2026-12-31");

  const scale = { min: 1, max: 5, minLabel: "", maxLabel: "" };
  const questions = [
    { id: "q1", type: "scale", text: "Удовлетворены ли вы встречами?", required: true, scale, maps: "satisfaction" },
    { id: "q2", type: "scale", text: "Удовлетворены ли вы результатом?", required: true, scale, maps: "satisfaction" },
    { id: "c", type: "text", text: "Комментарий", required: false },
  ];
  const survey = async (kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR", closedAt: Date, answers: Record<string, number>[], status: "OPEN" | "CLOSED" = "CLOSED") => {
    const q = await prisma.questionnaire.create({ data: { organizationId: school.id, programId: program.id, kind, title: kind, questions, status, closedAt, createdById: curator.id } });
    const people = [t1, s1, s3];
    for (const [i, a] of answers.entries()) {
      await prisma.surveyRecipient.create({ data: { organizationId: school.id, questionnaireId: q.id, personId: people[i]!.id, answers: a, answeredAt: closedAt } });
    }
  };
  await survey("SATISFACTION_MENTEE", day("2026-05-01"), [{ q1: 1, q2: 1 }]); // older: not the one shown
  await survey("SATISFACTION_MENTEE", day("2026-11-15"), [{ q1: 5, q2: 3 }, { q1: 4, q2: 2 }]); // 2 of 4 answers satisfied
  await survey("SATISFACTION_MENTOR", day("2026-11-16"), [{ q1: 5, q2: 5 }], "OPEN"); // still open: not counted

  const indicator = (kind: "STUDENT_MENTEES_SHARE" | "YOUNG_SPECIALISTS_SHARE" | "MENTEE_SATISFACTION" | "MENTOR_SATISFACTION", target: number, actualValue: number | null, position: number) =>
    prisma.programIndicator.create({ data: { organizationId: school.id, programId: program.id, kind, title: kind, targets: { "2026": target, "2027": 99 }, actualValue, position } });
  await indicator("STUDENT_MENTEES_SHARE", 30, null, 1);
  await indicator("YOUNG_SPECIALISTS_SHARE", 70, 60, 2);
  await indicator("MENTEE_SATISFACTION", 65, null, 3);
  await indicator("MENTOR_SATISFACTION", 65, 70, 4);

  // Another school's data must not leak in.
  const other = await createOrganization(prisma);
  const otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
  otherProgramId = (await createProgramRow(prisma, other.id, { academicYear: 2026, title: "Чужая", audience: "BOTH" })).id;
  const op = await createPersonRow(prisma, other.id, { kind: "TEACHER", lastName: "Чужой", firstName: "Имя", experienceYears: 1 });
  await prisma.menteeProfile.create({ data: { organizationId: other.id, personId: op.id, category: "YOUNG_SPECIALIST", difficulties: [], source: "QUESTIONNAIRE", addedById: otherCurator.id } });

  figures = (await withDb({ organizationId: school.id }, (tx) => loadSchoolFigures(tx, school.id, program.id, TODAY)))!;
});

describe("school figures on a known setup", () => {
  it("roadmap: by stage without the cancelled, with the overdue listed", () => {
    expect(figures.roadmap.stages.slice(0, 3)).toEqual([
      { stage: 1, total: 2, done: 1, open: 1, overdue: 1, percent: 50 },
      { stage: 2, total: 1, done: 0, open: 1, overdue: 0, percent: 0 },
      { stage: 3, total: 0, done: 0, open: 0, overdue: 0, percent: null },
    ]);
    expect(figures.roadmap.total).toEqual({ stage: 0, total: 3, done: 1, open: 2, overdue: 1, percent: 33.3 });
    expect(figures.roadmap.overdue).toEqual([{ id: overdueId, stage: 1, title: "Информирование родителей", dueText: "срок", dueEnd: day("2026-09-30"), responsible: null }]);
  });

  it("banks: counts by category and by status, active people only", () => {
    expect(figures.banks).toEqual({
      menteesByCategory: [
        { key: "YOUNG_SPECIALIST", count: 2 },
        { key: "LOW_RESULTS", count: 1 },
        { key: "GIFTED", count: 1 },
      ],
      menteesByStatus: [
        { key: "WAITING", count: 1 },
        { key: "PAIRED", count: 3 },
        { key: "LEFT", count: 1 },
      ],
      mentorsByStatus: [
        { key: "CANDIDATE", count: 1 },
        { key: "TRAINED", count: 0 },
        { key: "APPROVED", count: 3 },
        { key: "LEFT", count: 0 },
      ],
      menteesInBank: 4,
      mentorsApproved: 3,
    });
  });

  it("pairs: by form and type without the rejected, by every status", () => {
    expect(figures.pairs).toEqual({
      total: 3,
      byForm: [
        { key: "TEACHER_TEACHER", count: 1 },
        { key: "STUDENT_STUDENT", count: 1 },
        { key: "EMPLOYER_PUPIL", count: 1 },
      ],
      byType: [
        { key: "TRADITIONAL", count: 2 },
        { key: "SHORT_TERM", count: 1 },
      ],
      byStatus: [
        { key: "APPROVED", count: 1 },
        { key: "ACTIVE", count: 1 },
        { key: "COMPLETED", count: 1 },
        { key: "REJECTED", count: 1 },
      ],
    });
  });

  it("coverage: exact counts and shares", () => {
    expect(figures.coverage).toEqual({
      teachers: 4,
      teachersInvolved: 2,
      youngSpecialists: 2,
      youngSpecialistsCovered: 1,
      students: 5,
      studentMentees: 2,
      studentMentors: 1,
      shares: { teachersInvolved: 50, youngSpecialistsCovered: 50, studentMentees: 40, studentMentors: 20 },
    });
    expect(figures.partnerOrganizations).toBe(1);
    // The register of partners (decision 061) is empty here: the free-text organization of the external mentor is not one.
    expect(figures.partnerShare).toEqual({ partners: 0, providing: 0, share: null });
  });

  it("satisfaction: the indicator when entered, else the latest closed questionnaire", () => {
    expect(figures.satisfaction.mentees).toMatchObject({ value: 50, indicator: null, computed: 50, respondents: 2, closedAt: day("2026-11-15") });
    expect(figures.satisfaction.mentors).toMatchObject({ value: 70, indicator: 70, computed: null, respondents: 0, questionnaireId: null });
  });

  it("indicators: the year's target against the actual", () => {
    expect(figures.indicators.map((i) => [i.kind, i.target, i.entered, i.computed, i.actual, i.state])).toEqual([
      ["STUDENT_MENTEES_SHARE", 30, null, 40, 40, "met"],
      ["YOUNG_SPECIALISTS_SHARE", 70, 60, 50, 60, "below"],
      ["MENTEE_SATISFACTION", 65, null, 50, 50, "below"],
      ["MENTOR_SATISFACTION", 65, 70, null, 70, "met"],
    ]);
  });

  it("the tables carry the same figures, each row linking to its list", () => {
    const tables = schoolTables(figures, "ru");
    expect(tables.coverage.rows).toEqual([
      ["Педагоги, вовлечённые в наставничество", 2, 4, 50],
      ["Молодые специалисты (стаж до 3 лет) в роли наставляемого", 1, 2, 50],
      ["Обучающиеся в роли наставляемого", 2, 5, 40],
      ["Обучающиеся в роли наставника", 1, 5, 20],
      ["Организации-партнёры, предоставившие наставников", 0, 0, "—"],
    ]);
    expect(tables.coverage.links).toEqual(["/pairs", "/mentees", "/pairs", "/pairs", "/mentors"]);
    expect(tables.roadmap.rows.at(-1)).toEqual(["Все этапы", 3, 1, 2, 1, 33.3]);
    expect(tables.roadmap.links[0]).toBe("/program/roadmap?year=2026&stage=1");
    expect(tables.overdue.links).toEqual(["/program/roadmap?year=2026&stage=1"]);
    expect(tables.bankStatuses.rows[0]).toEqual(["Наставляемые", "Ждёт наставника", 1]);
    expect(tables.pairsByStatus.rows).toContainEqual(["Утверждена приказом", 1]);
    expect(tables.satisfaction.links[0]).toMatch(/^\/surveys\/[0-9a-f-]{36}$/);
    expect(tables.indicators.rows[1]).toEqual(["YOUNG_SPECIALISTS_SHARE", "%", 70, 60, 50, "Ниже плана"]);
    expect(schoolTables(figures, "en").indicators.columns[2]!.header).toBe("Target");
  });

  it("answers only for the organization's own program", async () => {
    expect(await withDb({ organizationId: schoolId }, (tx) => loadSchoolFigures(tx, schoolId, otherProgramId, TODAY))).toBeNull();
    expect(programId).toBeTruthy();
  });
});
