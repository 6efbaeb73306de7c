import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { templateQuestions } from "../../lib/domain/questionnaire-templates";
import { produceReport } from "../../lib/monitoring/report";
import { loadProgramSwot, swotLineRu, type ProgramSwot } from "../../lib/monitoring/swot";
import { saveSwot } from "../../lib/monitoring/swot-actions";
import { createMember, createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { as, call, tenantContext } from "../setup/call";
import { setupTestDatabase } from "../setup/database";
import { day } from "../setup/dates";

// Issue #16 item 5, decision 049: the program's SWOT per form of mentoring from its closed questionnaires and its
// pairs, the curator's own lines, and the table in the school's annual report.

const db = setupTestDatabase();
const TODAY = new Date(Date.UTC(2026, 10, 20));

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = Awaited<ReturnType<typeof createMember>>;
let school: Org;
let curator: User;
let director: User;
let mentorUser: User;
let programId: string;
let swot: ProgramSwot;

const load = () => withDb({ organizationId: school.id }, (tx) => loadProgramSwot(tx, school.id, programId, TODAY));
const notesInDb = async () => (await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId }, select: { swotNotes: true } })).swotNotes;

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { name: "МБОУ «СОШ № 9»" });
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  mentorUser = await createMember(prisma, school.id, ["MENTOR"]);
  programId = (await createProgramRow(prisma, school.id, { academicYear: 2026, title: "Программа 2026/2027", audience: "BOTH", stage: 6 })).id;

  const person = (lastName: string, kind: "TEACHER" | "STUDENT") => createPersonRow(prisma, school.id, { kind, lastName, firstName: "Имя" });
  const [t1, t2, t3, t4, s1, s2, e1] = [
    await person("Молодая", "TEACHER"),
    await person("Новый", "TEACHER"),
    await person("Опытная", "TEACHER"),
    await person("Методист", "TEACHER"),
    await person("Ученик", "STUDENT"),
    await person("Старшеклассник", "STUDENT"),
    await person("Инженер", "TEACHER"),
  ];
  const mentee = (personId: string) => prisma.menteeProfile.create({ data: { organizationId: school.id, personId, category: "YOUNG_SPECIALIST", difficulties: [], source: "QUESTIONNAIRE", status: "PAIRED", addedById: curator.id } });
  const mentor = (personId: string) => prisma.mentorProfile.create({ data: { organizationId: school.id, personId, status: "APPROVED", addedById: curator.id } });
  const pair = async (mentorPerson: string, menteePerson: string, form: "TEACHER_TEACHER" | "STUDENT_STUDENT" | "EMPLOYER_PUPIL", status: "ACTIVE" | "COMPLETED" | "DISSOLVED" | "PROPOSED") =>
    createPairRow(prisma, { organizationId: school.id, programId, mentorId: (await mentor(mentorPerson)).id, menteeIds: [(await mentee(menteePerson)).id], form, status, startsOn: day("2026-09-15"), proposedById: curator.id });
  const working = await pair(t3.id, t1.id, "TEACHER_TEACHER", "ACTIVE");
  await prisma.meeting.create({ data: { organizationId: school.id, pairId: working.id, kind: "REGULAR", heldOn: day("2026-09-20"), attendeeIds: [], planItemIds: [], loggedById: curator.id } });
  await pair(t4.id, t2.id, "TEACHER_TEACHER", "COMPLETED");
  await pair(s2.id, s1.id, "STUDENT_STUDENT", "DISSOLVED");
  await pair(e1.id, s2.id, "EMPLOYER_PUPIL", "PROPOSED"); // a proposal says nothing of how the program runs

  const survey = async (kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR" | "ASSESSMENT_BEFORE" | "ASSESSMENT_AFTER", answers: [string, Record<string, unknown> | null][], extra: { comparedWithId?: string; closedAt?: string } = {}) => {
    const q = await prisma.questionnaire.create({
      data: { organizationId: school.id, programId, kind, title: kind, questions: templateQuestions(kind), status: "CLOSED", closedAt: day(extra.closedAt ?? "2026-11-10"), comparedWithId: extra.comparedWithId, createdById: curator.id },
    });
    for (const [personId, a] of answers) {
      await prisma.surveyRecipient.create({ data: { organizationId: school.id, questionnaireId: q.id, personId, ...(a ? { answers: a as object, answeredAt: day("2026-11-05") } : {}) } });
    }
    return q.id;
  };
  // An older mentee questionnaire, all low: the latest closed one is used.
  await survey("SATISFACTION_MENTEE", [[t1.id, { overall: 1, meetings: 1, communication: 1, organization: 1, help: 1 }]], { closedAt: "2026-05-01" });
  await survey("SATISFACTION_MENTEE", [
    [t1.id, { overall: 5, meetings: 5, communication: 5, organization: 2, help: 4, becomeMentor: "yes", suggestions: "Больше открытых уроков" }],
    [t2.id, { overall: 4, meetings: 4, communication: 4, organization: 2, help: 3 }],
    [s1.id, { overall: 2, meetings: 2, communication: 3, organization: 3, help: 2 }],
  ]);
  await survey("SATISFACTION_MENTOR", [
    [t3.id, { overall: 4, interaction: 5, support: 2, organization: 4, growth: 4, continue: "yes" }],
    [t4.id, null], // asked, did not answer
    [s2.id, { overall: 3, interaction: 3, support: 3, organization: 3, growth: 3, continue: "no" }],
  ]);
  const before = await survey("ASSESSMENT_BEFORE", [[t1.id, { confidence: 2, methods: 3 }]], { closedAt: "2026-09-30" });
  await survey("ASSESSMENT_AFTER", [[t1.id, { confidence: 4, methods: 3 }]], { comparedWithId: before });

  swot = (await load())!;
});

describe("the program's SWOT per form (decision 049)", () => {
  it("has a table per form of the pairs that worked, none for a mere proposal", () => {
    expect(swot.forms.map((f) => [f.form, f.pairs, f.answered, f.asked])).toEqual([
      ["TEACHER_TEACHER", 2, 4, 5],
      ["STUDENT_STUDENT", 1, 2, 2],
    ]);
    expect(swot.sources).toEqual({ mentees: day("2026-11-10"), mentors: day("2026-11-10"), assessment: day("2026-11-10") });
  });

  it("counts each person's answers under the forms of their pairs", () => {
    const tt = swot.forms[0]!;
    expect(tt.computed.strengths.map(swotLineRu)).toEqual([
      "«Насколько вы удовлетворены участием в программе наставничества в целом»: высоко оценили 100 % наставляемых (средняя оценка 4,5 из 5)",
      "«Насколько полезными для вас были встречи с наставником»: высоко оценили 100 % наставляемых (средняя оценка 4,5 из 5)",
      "«Насколько комфортным было общение с наставником»: высоко оценили 100 % наставляемых (средняя оценка 4,5 из 5)",
      "«Насколько вы удовлетворены участием в программе наставничества в целом»: высоко оценили 100 % наставников (средняя оценка 4,0 из 5)",
      "«Насколько вы удовлетворены взаимодействием с наставляемым»: высоко оценили 100 % наставников (средняя оценка 5,0 из 5)",
      "«Насколько вы удовлетворены организацией программы (график, формат встреч)»: высоко оценили 100 % наставников (средняя оценка 4,0 из 5)",
      "«Насколько участие в программе было полезно для вашего профессионального развития»: высоко оценили 100 % наставников (средняя оценка 4,0 из 5)",
      "Рост по критерию «Оцените вашу уверенность в профессиональной (учебной) деятельности»: 2,0 → 4,0 (до и после программы)",
    ]);
    expect(tt.computed.weaknesses.map(swotLineRu)).toEqual([
      "«Насколько вы удовлетворены организацией программы (график, формат встреч)»: высоко оценили лишь 0 % наставляемых (средняя оценка 2,0 из 5)",
      "«Насколько достаточной была методическая поддержка куратора»: высоко оценили лишь 0 % наставников (средняя оценка 2,0 из 5)",
      "Нет роста по критерию «Оцените ваше владение методиками, приёмами, способами работы (учёбы)»: 3,0 → 3,0 (до и после программы)",
    ]);
    expect(tt.computed.opportunities.map(swotLineRu)).toEqual([
      "1 из 2 наставляемых хотели бы стать наставниками — резерв базы наставников",
      "1 из 1 наставников готовы продолжить работу наставником",
      "1 из 2 пар завершили программу — их опыт можно представить как лучшие практики",
    ]);
    // The working pair last met on 20 September: silent for two months by 20 November.
    expect(tt.computed.threats.map(swotLineRu)).toEqual(["Без встреч больше четырёх недель — 1 из 2 пар"]);
    expect(tt.suggestions).toEqual(["Больше открытых уроков"]);

    const ss = swot.forms[1]!;
    expect(ss.computed.strengths.map(swotLineRu)).toEqual([]);
    expect(ss.computed.weaknesses).toHaveLength(10);
    expect(ss.computed.threats.map(swotLineRu)).toEqual([
      "1 из 1 наставников не готовы продолжить — риск нехватки наставников в следующем году",
      "1 из 1 пар расформированы до завершения программы",
    ]);
  });
});

describe("the curator's own lines", () => {
  const input = (extra: Record<string, string> = {}) => ({ org: school.slug, programId, form: "TEACHER_TEACHER" as const, strengths: "", weaknesses: "", opportunities: "", threats: "", ...extra });

  it("are refused whole when a line is too long, there are too many, or the form has no pair that worked", async () => {
    const tooLong = await call(saveSwot, as(curator), input({ strengths: "Сплочённый коллектив", threats: "я".repeat(301) }));
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.fieldErrors?.threats).toEqual(["Строка длиннее 300 символов — сократите её или разделите на две."]);
    const tooMany = await call(saveSwot, as(curator), input({ weaknesses: Array.from({ length: 21 }, (_, i) => `Пункт ${i + 1}`).join("\n") }));
    expect(!tooMany.ok && tooMany.error.fieldErrors?.weaknesses).toEqual(["Не больше 20 строк в одном поле."]);
    const proposalOnly = await call(saveSwot, as(curator), { ...input({ strengths: "x" }), form: "EMPLOYER_PUPIL" });
    expect(!proposalOnly.ok && proposalOnly.error.message).toBe("В программе нет пар этой формы наставничества, утверждённых приказом.");
    const mentor = await call(saveSwot, as(mentorUser), input({ strengths: "x" }));
    expect(!mentor.ok && mentor.error.code).toBe("FORBIDDEN");
    expect(await notesInDb()).toBeNull();
  });

  it("are stored per form, follow the computed lines, and reach the school's report", async () => {
    const saved = await call(saveSwot, as(curator), input({ strengths: "— Сплочённый коллектив\n\n• Поддержка директора", threats: "Уход молодых педагогов в другие школы" }));
    expect(saved.ok).toBe(true);
    expect(await notesInDb()).toEqual({ TEACHER_TEACHER: { strengths: ["Сплочённый коллектив", "Поддержка директора"], weaknesses: [], opportunities: [], threats: ["Уход молодых педагогов в другие школы"] } });
    const tt = (await load())!.forms[0]!;
    expect(tt.table.strengths.slice(-2)).toEqual(["Сплочённый коллектив", "Поддержка директора"]);
    expect(tt.table.threats).toEqual(["Без встреч больше четырёх недель — 1 из 2 пар", "Уход молодых педагогов в другие школы"]);
    const audit = await db().prisma.auditEvent.findFirst({ where: { organizationId: school.id, action: "monitoring.saveSwot" }, select: { targetId: true, data: true } });
    expect(audit).toEqual({ targetId: programId, data: { form: "TEACHER_TEACHER", lines: { strengths: 2, weaknesses: 0, opportunities: 0, threats: 1 } } });

    const report = await produceReport(tenantContext(school, director, ["DIRECTOR"]), 2026, TODAY);
    const section = report.sections.find((s) => s.key === "swot")!;
    expect(section.title).toBe("7. Оценка качества реализации программы (SWOT-анализ)");
    expect(section.table!.header).toEqual(["Форма наставничества", "Сильные стороны", "Слабые стороны", "Возможности", "Угрозы"]);
    expect(section.table!.rows.map((r) => r[0])).toEqual(["Учитель – учитель", "Ученик – ученик"]);
    expect(section.table!.rows[0]![4]).toBe("• Без встреч больше четырёх недель — 1 из 2 пар\n• Уход молодых педагогов в другие школы");
    expect(report.sections.map((s) => s.title.split(".")[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
  });

  it("cannot be changed once the program is completed, nor by another school", async () => {
    const other = await createOrganization(db().prisma);
    const stranger = await createMember(db().prisma, other.id, ["CURATOR"]);
    const foreign = await call(saveSwot, as(stranger), { ...input({ strengths: "чужое" }), org: other.slug });
    expect(!foreign.ok && foreign.error.code).toBe("NOT_FOUND");
    await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { status: "COMPLETED", completedAt: TODAY } });
    const late = await call(saveSwot, as(curator), input({ strengths: "поздно" }));
    expect(!late.ok && late.error.code).toBe("CONFLICT");
    expect(((await notesInDb()) as { TEACHER_TEACHER: { strengths: string[] } }).TEACHER_TEACHER.strengths).toEqual(["Сплочённый коллектив", "Поддержка директора"]);
  });
});
