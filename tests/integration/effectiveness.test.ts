import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { templateQuestions } from "../../lib/domain/questionnaire-templates";
import { produceReport } from "../../lib/monitoring/report";
import { loadSchoolFigures, type SchoolFigures } from "../../lib/monitoring/school";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { loadSchoolFacts } from "../../lib/campaigns/facts";
import { computeIndicator } from "../../lib/domain/monitoring-indicators";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { tenantContext } from "../setup/call";
import { setupTestDatabase } from "../setup/database";
import { day } from "../setup/dates";

// Issue #16 item 4: the program's effectiveness on the school dashboard and in its report — personalized programs and
// their plan items, meetings per pair, before/after growth, cases, awards, the site section and the key acts.

const db = setupTestDatabase();
const TODAY = new Date(Date.UTC(2027, 4, 20));

type Org = Awaited<ReturnType<typeof createOrganization>>;
let school: Org;
let director: { id: string };
let programId: string;
let figures: SchoolFigures;

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { name: "СОШ № 3", shortName: "СОШ № 3" });
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  const curator = await createMember(prisma, school.id, ["CURATOR"]);
  programId = (await createProgramRow(prisma, school.id, { academicYear: 2026, title: "Программа", audience: "TEACHERS", stage: 7 })).id;
  const person = (lastName: string) => createPersonRow(prisma, school.id, { kind: "TEACHER", lastName, firstName: "Имя" });
  const people = await Promise.all(["Наставник1", "Наставник2", "Наставник3", "Молодой1", "Молодой2", "Молодой3"].map(person));
  const mentor = (i: number) => prisma.mentorProfile.create({ data: { organizationId: school.id, personId: people[i]!.id, status: "APPROVED", addedById: curator.id } });
  const mentee = (i: number) => prisma.menteeProfile.create({ data: { organizationId: school.id, personId: people[i]!.id, category: "YOUNG_SPECIALIST", difficulties: [], source: "QUESTIONNAIRE", addedById: curator.id } });

  const pairWith = async (i: number, status: "ACTIVE" | "COMPLETED" | "PROPOSED", plan: { status: "APPROVED" | "DRAFT"; items: ("PLANNED" | "DONE" | "CANCELLED")[] }, meetings: number) => {
    const pair = await createPairRow(prisma, { organizationId: school.id, programId, mentorId: (await mentor(i)).id, menteeIds: [(await mentee(i + 3)).id], status, proposedById: curator.id });
    const personal = await prisma.personalProgram.create({
      data: { organizationId: school.id, pairId: pair.id, startsOn: day("2026-10-01"), endsOn: day("2027-05-31"), direction: "Адаптация", goals: "Цели", expectedResults: "Результаты", status: plan.status },
    });
    await prisma.planItem.createMany({ data: plan.items.map((s, n) => ({ organizationId: school.id, personalProgramId: personal.id, title: `Пункт ${n + 1}`, dueOn: day("2027-03-01"), status: s, position: n })) });
    for (let n = 0; n < meetings; n++) await prisma.meeting.create({ data: { organizationId: school.id, pairId: pair.id, kind: "REGULAR", heldOn: day(`2026-11-${10 + n}`), attendeeIds: [], planItemIds: [], loggedById: curator.id } });
  };
  await pairWith(0, "ACTIVE", { status: "APPROVED", items: ["DONE", "DONE", "PLANNED", "CANCELLED"] }, 3);
  await pairWith(1, "COMPLETED", { status: "DRAFT", items: ["DONE"] }, 2);
  await pairWith(2, "PROPOSED", { status: "DRAFT", items: ["PLANNED", "PLANNED"] }, 0); // not approved by order: not counted

  await prisma.award.createMany({ data: [0, 3].map((i) => ({ organizationId: school.id, programId, personId: people[i]!.id, kind: "LETTER_OF_THANKS" as const, title: "Благодарность", awardedOn: day("2027-05-15"), createdById: curator.id })) });
  await prisma.bestPractice.create({ data: { organizationId: school.id, programId, kind: "CASE", title: "Кейс пары", summary: "Как пара работала", authorId: curator.id } });
  await prisma.localAct.create({ data: { organizationId: school.id, programId, kind: "MODEL_INTRODUCTION", title: "О внедрении целевой модели наставничества", status: "APPROVED", registeredById: curator.id } });
  await prisma.localAct.create({ data: { organizationId: school.id, programId, kind: "INCENTIVE_REGULATION", title: "Положение о стимулировании", registeredById: curator.id } }); // registered, not approved
  await prisma.publicSection.create({ data: { organizationId: school.id, publishedAt: day("2026-10-01") } });

  const survey = async (kind: "ASSESSMENT_BEFORE" | "ASSESSMENT_AFTER", answers: Record<string, number>[], comparedWithId?: string) => {
    const q = await prisma.questionnaire.create({ data: { organizationId: school.id, programId, kind, title: kind, questions: templateQuestions(kind), status: "CLOSED", closedAt: day(kind === "ASSESSMENT_BEFORE" ? "2026-10-01" : "2027-05-10"), comparedWithId, createdById: curator.id } });
    for (const [n, a] of answers.entries()) await prisma.surveyRecipient.create({ data: { organizationId: school.id, questionnaireId: q.id, personId: people[n + 3]!.id, answers: a, answeredAt: day("2027-05-01") } });
    return q.id;
  };
  const before = await survey("ASSESSMENT_BEFORE", [{ confidence: 2, methods: 3 }, { confidence: 3, methods: 3 }]);
  await survey("ASSESSMENT_AFTER", [{ confidence: 4, methods: 3 }, { confidence: 4, methods: 4 }], before);

  figures = (await withDb({ organizationId: school.id }, (tx) => loadSchoolFigures(tx, school.id, programId, TODAY)))!;
});

describe("the program's effectiveness", () => {
  it("counts the pairs approved by order: programs approved, plan items done, meetings per pair; cases, awards, the section and the approved acts", () => {
    expect({ ...figures.effectiveness, growth: undefined }).toEqual({
      pairs: 2,
      approvedPrograms: 1,
      planItems: 4, // 3 of the working pair without the cancelled one, 1 of the completed pair
      planItemsDone: 3,
      planItemsDoneShare: 75,
      meetings: 5,
      meetingsPerPair: 2.5,
      growth: undefined,
      cases: 1,
      awards: 2,
      siteSectionPublished: true,
      introductionOrderApproved: true,
      incentiveRegulationApproved: false,
    });
  });

  it("the district figures count the same (district_school_figures(), decision 053)", async () => {
    const [own] = await withDb({ organizationId: school.id }, (tx) => loadDistrictFigures(tx, school.id, 2026, TODAY));
    expect(own!.results).toMatchObject({
      pairsWorked: 2,
      programsApproved: 1,
      planItems: 4,
      planItemsDone: 3,
      meetings: 5,
      cases: 1,
      awards: 2,
      sitePublished: true,
      introductionOrder: true,
      incentiveRegulation: false,
      growthCriteria: 2,
      growthCriteriaUp: 2,
    });
    // The year before has no program: nothing of this year counts there, and a section published later was not there.
    await db().prisma.publicSection.update({ where: { organizationId: school.id }, data: { publishedAt: day("2027-09-02") } });
    const [later] = await withDb({ organizationId: school.id }, (tx) => loadDistrictFigures(tx, school.id, 2026, TODAY));
    await db().prisma.publicSection.update({ where: { organizationId: school.id }, data: { publishedAt: day("2026-10-01") } });
    expect(later!.results.sitePublished).toBe(false);
    const [before] = await withDb({ organizationId: school.id }, (tx) => loadDistrictFigures(tx, school.id, 2025, TODAY));
    expect(before!.results).toMatchObject({ pairsWorked: 0, planItems: 0, meetings: 0, cases: 0, awards: 0, introductionOrder: false });
  });

  it("pre-fills a campaign's growth, plans and programs from the same data", async () => {
    const facts = (await withDb({ organizationId: school.id }, (tx) => loadSchoolFacts(tx, school.id, 2026, TODAY)))!;
    expect(facts.growth.map((g) => g.change)).toEqual([1.5, 0.5]);
    expect(["growth.criteriaUp", "programs.planDone", "programs.personalApproved"].map((k) => computeIndicator(k, facts))).toEqual(["100", "75", "1"]);
  });

  it("the district's growth by criterion follows the school's rules: a fall, answers typed as text, a side unanswered", async () => {
    const prisma = db().prisma;
    const after = await prisma.questionnaire.findFirstOrThrow({ where: { organizationId: school.id, kind: "ASSESSMENT_AFTER" }, include: { recipients: true } });
    const saved = after.recipients.map((r) => ({ id: r.id, answers: r.answers as Record<string, number> }));
    const compare = async () => {
      const facts = (await withDb({ organizationId: school.id }, (tx) => loadSchoolFacts(tx, school.id, 2026, TODAY)))!;
      const [own] = await withDb({ organizationId: school.id }, (tx) => loadDistrictFigures(tx, school.id, 2026, TODAY));
      const ts = { growthCriteria: facts.growth.length, growthCriteriaUp: facts.growth.filter((g) => g.change !== null && g.change > 0).length };
      expect({ growthCriteria: own!.results.growthCriteria, growthCriteriaUp: own!.results.growthCriteriaUp }).toEqual(ts);
      return ts;
    };
    try {
      // «methods» falls (3 → 2.5), «confidence» typed as text still counts (2.5 → 4).
      await prisma.surveyRecipient.update({ where: { id: saved[0]!.id }, data: { answers: { confidence: "4", methods: 2 } } });
      await prisma.surveyRecipient.update({ where: { id: saved[1]!.id }, data: { answers: { confidence: "4", methods: 3 } } });
      expect(await compare()).toEqual({ growthCriteria: 2, growthCriteriaUp: 1 });
      // Equal means are no growth; an «после» nobody answered about «methods» does not compare it.
      await prisma.surveyRecipient.update({ where: { id: saved[0]!.id }, data: { answers: { confidence: 2, note: "x" } } });
      await prisma.surveyRecipient.update({ where: { id: saved[1]!.id }, data: { answers: { confidence: 3, methods: "много" } } });
      expect(await compare()).toEqual({ growthCriteria: 1, growthCriteriaUp: 0 });
    } finally {
      for (const r of saved) await prisma.surveyRecipient.update({ where: { id: r.id }, data: { answers: r.answers } });
    }
  });

  it("gives the growth by criterion from the latest closed «после» against its «до»", () => {
    expect(figures.effectiveness.growth.map((g) => [g.questionId, g.before, g.after, g.change])).toEqual([
      ["confidence", 2.5, 4, 1.5],
      ["methods", 3, 3.5, 0.5],
    ]);
  });

  it("and the school's report carries them", async () => {
    const model = await produceReport(tenantContext(school, director, ["DIRECTOR"]), 2026, TODAY);
    const rows = (key: string) => model.sections.find((s) => s.key === key)!.table!.rows;
    expect(rows("program")).toEqual(expect.arrayContaining([
      ["Приказ о внедрении целевой модели утверждён", "да"],
      ["Положение о стимулировании наставников утверждено", "нет"],
      ["Раздел о наставничестве на сайте опубликован", "да"],
    ]));
    expect(rows("pairs").slice(-7)).toEqual([
      ["Персонализированных программ утверждено", 1],
      ["Пунктов планов выполнено / всего", "3 / 4"],
      ["Выполнение планов, %", 75],
      ["Встреч проведено", 5],
      ["Встреч на пару", 2.5],
      ["Кейсов (лучших практик)", 1],
      ["Поощрений", 2],
    ]);
    expect(rows("satisfaction").slice(-2)).toEqual([
      ["Рост: Оцените вашу уверенность в профессиональной (учебной) деятельности", "2,5 → 4"],
      ["Рост: Оцените ваше владение методиками, приёмами, способами работы (учёбы)", "3 → 3,5"],
    ]);
  });
});
