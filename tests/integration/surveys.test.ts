import { addDays, DEFAULT_TIME_ZONE, todayIn } from "../../lib/domain/local-date";
import { now } from "../../lib/clock";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import type { Question } from "../../lib/domain/questionnaires";
import { addSurveyRecipients, answerSurvey, answerSurveyByLink, closeSurvey, createSurvey, openSurvey, reissueSurveyLink, removeSurveyRecipient, updateSurveyQuestions } from "../../lib/surveys/actions";
import { findSurveyByToken, getSurvey, listMySurveys } from "../../lib/surveys/queries";
import { createMember, createOrganization, createProgramRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk, type InputOf, tenantContext } from "../setup/call";

const db = setupTestDatabase();
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
type SurveyInput = InputOf<typeof createSurvey>;
const tokenOf = (path: string) => path.replace(/^\/q\//, "");

type Org = Awaited<ReturnType<typeof createOrganization>>;
let school: Org;
let other: Org;
let curator: { id: string; name: string; email: string };
let director: { id: string; name: string; email: string };
let menteeUser: { id: string; name: string; email: string };
let otherCurator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { name: "МБОУ «Средняя школа № 7»" });
  other = await createOrganization(prisma);
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  menteeUser = await createMember(prisma, school.id, ["MENTEE"]);
  otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
});

/** A person of a school, with a consent covering the given purposes (none: no consent at all). */
async function person(input: { lastName: string; firstName?: string; kind?: "TEACHER" | "STUDENT"; purposes?: ("BANK" | "SURVEYS" | "PAIRS")[]; userId?: string; orgId?: string }) {
  const prisma = db().prisma;
  const organizationId = input.orgId ?? school.id;
  const p = await prisma.person.create({
    data: { organizationId, kind: input.kind ?? "TEACHER", lastName: input.lastName, firstName: input.firstName ?? "Анна", userId: input.userId ?? null },
  });
  if (input.purposes?.length) {
    await prisma.consent.create({
      data: { organizationId, personId: p.id, purposes: input.purposes, givenBy: "SUBJECT", givenAt: addDays(todayIn(DEFAULT_TIME_ZONE, now()), -30), recordedById: curator.id },
    });
  }
  return p;
}

const create = (kind: SurveyInput["kind"], extra: Partial<SurveyInput> = {}) => callOk(createSurvey, as(curator), { org: school.slug, kind, ...extra });

async function addAndOpen(questionnaireId: string, personIds: string[]) {
  await callOk(addSurveyRecipients, as(curator), { org: school.slug, questionnaireId, personIds });
  return (await callOk(openSurvey, as(curator), { org: school.slug, questionnaireId })).links;
}

describe("creating questionnaires from templates", () => {
  it("copies the template's questions into a draft", async () => {
    const { questionnaireId } = await create("MENTEE_NEEDS", { audience: "TEACHERS", closesOn: "2099-12-20" });
    const row = await db().prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } });
    expect(row).toMatchObject({ organizationId: school.id, kind: "MENTEE_NEEDS", status: "DRAFT", title: "Анкета наставляемого", createdById: curator.id });
    expect(row.closesOn?.toISOString().slice(0, 10)).toBe("2099-12-20");
    const questions = row.questions as Question[];
    expect(questions.find((q) => q.maps === "category")?.options?.[0]).toEqual({ value: "YOUNG_SPECIALIST", label: "Молодой педагог (стаж до 3 лет)" });
  });

  it("refuses a preference questionnaire while the mentor bank is empty, then offers the trained mentors", async () => {
    const before = await db().prisma.questionnaire.count();
    const res = await call(createSurvey, as(curator), { org: school.slug, kind: "PREFERENCE" });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("В банке наставников нет обученных или утверждённых наставников") } });
    expect(await db().prisma.questionnaire.count()).toBe(before);

    const prisma = db().prisma;
    const trained = await person({ lastName: "Соколова", firstName: "Мария", purposes: ["BANK"] });
    const candidate = await person({ lastName: "Кузнецов", firstName: "Олег", purposes: ["BANK"] });
    const mentor = await prisma.mentorProfile.create({ data: { organizationId: school.id, personId: trained.id, status: "TRAINED", addedById: curator.id } });
    await prisma.mentorProfile.create({ data: { organizationId: school.id, personId: candidate.id, status: "CANDIDATE", addedById: curator.id } });
    const { questionnaireId } = await create("PREFERENCE");
    const questions = (await prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } })).questions as Question[];
    expect(questions.filter((q) => q.type === "single").map((q) => q.options)).toEqual([
      [{ value: mentor.id, label: "Соколова Мария" }],
      [{ value: mentor.id, label: "Соколова Мария" }],
      [{ value: mentor.id, label: "Соколова Мария" }],
    ]);
  });

  it("refuses a closing date in the past and a program of another school", async () => {
    expect(await call(createSurvey, as(curator), { org: school.slug, kind: "MENTOR_PROFILE", closesOn: "2020-01-01" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { closesOn: ["Дата окончания анкетирования уже прошла: укажите сегодняшнюю или более позднюю."] } },
    });
    const foreign = await createProgramRow(db().prisma, other.id, { academicYear: 2026, title: "Чужая", audience: "TEACHERS" });
    expect(await call(createSurvey, as(curator), { org: school.slug, kind: "MENTOR_PROFILE", programId: foreign.id })).toMatchObject({ ok: false, error: { fieldErrors: { programId: ["Запись не найдена."] } } });
  });
});

describe("recipients and opening", () => {
  it("refuses people without a consent to surveys, with their names and reasons, and writes nothing", async () => {
    const { questionnaireId } = await create("MENTOR_PROFILE");
    const ok = await person({ lastName: "Волкова", purposes: ["SURVEYS"] });
    const bankOnly = await person({ lastName: "Морозов", firstName: "Илья", purposes: ["BANK"] });
    const inactive = await person({ lastName: "Лебедева", purposes: ["SURVEYS"] });
    await db().prisma.person.update({ where: { id: inactive.id }, data: { active: false } });
    const res = await call(addSurveyRecipients, as(curator), { org: school.slug, questionnaireId, personIds: [ok.id, bankOnly.id, inactive.id] });
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        message: "Анкету нельзя отправить этим людям:",
        details: [
          "Лебедева Анна: Человек выведен из активной работы.",
          "Морозов Илья: Нельзя обрабатывать персональные данные: нет согласия на цель «участие в анкетировании и мониторинге».",
        ],
      },
    });
    expect(await db().prisma.surveyRecipient.count({ where: { questionnaireId } })).toBe(0);
    const added = await call(addSurveyRecipients, as(curator), { org: school.slug, questionnaireId, personIds: [ok.id] });
    expect(added).toMatchObject({ ok: true, data: { added: 1, skipped: 0, links: [] } });
    expect(await call(addSurveyRecipients, as(curator), { org: school.slug, questionnaireId, personIds: [ok.id] })).toMatchObject({ ok: true, data: { added: 0, skipped: 1 } });
    expect(await db().prisma.surveyRecipient.count({ where: { questionnaireId } })).toBe(1);
  });

  it("opens with one-time links for people without an account; only the hashes are stored", async () => {
    const { questionnaireId } = await create("MENTOR_PROFILE");
    expect(await call(openSurvey, as(curator), { org: school.slug, questionnaireId })).toMatchObject({ ok: false, error: { message: "Добавьте хотя бы одного адресата, прежде чем отправлять анкету." } });
    const paper = await person({ lastName: "Новиков", firstName: "Пётр", purposes: ["SURVEYS"] });
    const member = await person({ lastName: "Фёдорова", purposes: ["SURVEYS"], userId: menteeUser.id });
    const links = await addAndOpen(questionnaireId, [paper.id, member.id]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ name: "Новиков Пётр", path: expect.stringMatching(/^\/q\/[A-Za-z0-9_-]{43}$/) });
    const rows = await db().prisma.surveyRecipient.findMany({ where: { questionnaireId }, include: { person: true } });
    const paperRow = rows.find((r) => r.personId === paper.id)!;
    const memberRow = rows.find((r) => r.personId === member.id)!;
    expect(paperRow.tokenHash).toBe(sha256(tokenOf(links[0]!.path)));
    expect(paperRow.linkExpiresAt!.getTime()).toBeGreaterThan(now().getTime() + 13 * 86_400_000);
    expect(memberRow.tokenHash).toBeNull();
    // The token itself is nowhere in the database, not even in the audit log.
    const dump = JSON.stringify(await db().prisma.auditEvent.findMany({ where: { organizationId: school.id } })) + JSON.stringify(rows);
    expect(dump).not.toContain(tokenOf(links[0]!.path));
    expect(await db().prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } })).toMatchObject({ status: "OPEN" });
    // Questions of an open questionnaire stay as they are.
    const q = await db().prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } });
    expect(await call(updateSurveyQuestions, as(curator), { org: school.slug, questionnaireId, title: "Другое", questions: q.questions as Question[] })).toMatchObject({
      ok: false,
      error: { message: "Анкета уже отправлена: вопросы и состав можно менять только у черновика." },
    });
  });

  it("edits the questions of a draft with the four types, and refuses broken ones", async () => {
    const { questionnaireId } = await create("CUSTOM");
    const questions = [
      { id: "a", type: "single", text: "Ваш стаж?", required: true, options: [{ value: "0", label: "до 3 лет" }, { value: "3", label: "больше 3 лет" }] },
      { id: "b", type: "multiple", text: "Что интересно?", required: false, options: [{ value: "x", label: "ИКТ" }, { value: "y", label: "Олимпиады" }] },
      { id: "c", type: "scale", text: "Насколько трудно?", required: "on", scale: { min: "1", max: "5", minLabel: "легко", maxLabel: "трудно" }, options: [] },
      { id: "d", type: "text", text: "Комментарий", required: false, scale: { min: 1, max: 5 } },
    ];
    const res = await call(updateSurveyQuestions, as(curator), { org: school.slug, questionnaireId, title: "Анкета для молодых педагогов", questions });
    expect(res.ok).toBe(true);
    const row = await db().prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } });
    expect(row.title).toBe("Анкета для молодых педагогов");
    expect(row.questions).toEqual([
      questions[0],
      questions[1],
      { id: "c", type: "scale", text: "Насколько трудно?", required: true, scale: { min: 1, max: 5, minLabel: "легко", maxLabel: "трудно" } },
      { id: "d", type: "text", text: "Комментарий", required: false },
    ]);
    const broken = await call(updateSurveyQuestions, as(curator), {
      org: school.slug,
      questionnaireId,
      title: "Сломанная",
      questions: [{ id: "a", type: "single", text: "Один вариант", required: true, options: [{ value: "1", label: "Да" }] }],
    });
    expect(broken).toMatchObject({ ok: false, error: { message: "Анкету нельзя сохранить или отправить: исправьте вопросы.", details: ["Вопрос 1: нужно не меньше двух вариантов ответа."] } });
    expect((await db().prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } })).title).toBe("Анкета для молодых педагогов");
  });
});

describe("answering by a one-time link", () => {
  let questionnaireId: string;
  let links: { recipientId: string; path: string }[];
  let people: { id: string }[];
  const good = { competencies: ["METHODS", "DIGITAL"], achievements: "Победитель конкурса «Учитель года — 2024»", capacity: "3" };

  beforeAll(async () => {
    questionnaireId = (await create("MENTOR_PROFILE")).questionnaireId;
    people = [await person({ lastName: "Андреева", purposes: ["SURVEYS"] }), await person({ lastName: "Борисов", purposes: ["SURVEYS"] }), await person({ lastName: "Васильева", purposes: ["SURVEYS"] })];
    links = await addAndOpen(questionnaireId, people.map((p) => p.id));
  });

  it("shows the school and the questionnaire, and nothing about people", async () => {
    const seen = await findSurveyByToken(tokenOf(links[0]!.path));
    expect(seen).toMatchObject({ state: "valid", organizationName: "МБОУ «Средняя школа № 7»", title: "Анкета наставника" });
    expect(JSON.stringify(seen)).not.toMatch(/Андреева|Борисов/);
    expect(await findSurveyByToken("A".repeat(43))).toEqual({ state: "unknown" });
    expect(await findSurveyByToken("short")).toEqual({ state: "unknown" });
  });

  it("refuses wrong answers with an error per question and keeps the link", async () => {
    const res = await call(answerSurveyByLink, null, { token: tokenOf(links[0]!.path), answers: { competencies: ["NOPE"], capacity: 9 } });
    expect(res).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { competencies: ["Выберите вариант из предложенных."], capacity: ["Выберите одно из значений шкалы."] } },
    });
    expect(await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: links[0]!.recipientId } })).toMatchObject({ answers: null, answeredAt: null, linkUsedAt: null });
  });

  it("stores the answers once; the same link again is refused and changes nothing", async () => {
    const token = tokenOf(links[0]!.path);
    const auditBefore = await db().prisma.auditEvent.count({ where: { action: "surveys.answerByLink" } });
    expect(await call(answerSurveyByLink, null, { token, answers: good })).toEqual({ ok: true, data: { answered: true } });
    const row = await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: links[0]!.recipientId } });
    expect(row.answers).toEqual({ competencies: ["METHODS", "DIGITAL"], achievements: "Победитель конкурса «Учитель года — 2024»", capacity: 3 });
    expect(row.linkUsedAt).not.toBeNull();
    expect(row.answeredAt).not.toBeNull();
    expect(await db().prisma.auditEvent.count({ where: { action: "surveys.answerByLink", organizationId: school.id, targetId: row.id } })).toBe(auditBefore + 1);

    const again = await call(answerSurveyByLink, null, { token, answers: { competencies: ["STRESS"], capacity: 1 } });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Ссылка уже использована: ответы по ней уже отправлены." } });
    expect((await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: row.id } })).answers).toEqual(row.answers);
    expect(await findSurveyByToken(token)).toEqual({ state: "used", organizationName: school.name });
  });

  it("refuses an expired link", async () => {
    await db().prisma.surveyRecipient.update({ where: { id: links[1]!.recipientId }, data: { linkExpiresAt: new Date(now().getTime() - 1000) } });
    const res = await call(answerSurveyByLink, null, { token: tokenOf(links[1]!.path), answers: good });
    expect(res).toMatchObject({ ok: false, error: { message: "Срок действия ссылки истёк. Попросите у куратора новую ссылку." } });
    expect((await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: links[1]!.recipientId } })).answeredAt).toBeNull();
  });

  it("a reissued link works and the old one is dead", async () => {
    const res = await call(reissueSurveyLink, as(curator), { org: school.slug, recipientId: links[1]!.recipientId });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.link.path).not.toBe(links[1]!.path);
    expect(await call(answerSurveyByLink, null, { token: tokenOf(links[1]!.path), answers: good })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(answerSurveyByLink, null, { token: tokenOf(res.data.link.path), answers: good })).toMatchObject({ ok: true });
    expect(await call(reissueSurveyLink, as(curator), { org: school.slug, recipientId: links[0]!.recipientId })).toMatchObject({
      ok: false,
      error: { message: "Человек уже ответил на анкету: новая ссылка не нужна." },
    });
  });

  it("refuses a link after the questionnaire closed, and answers stay frozen", async () => {
    const closed = await call(closeSurvey, as(curator), { org: school.slug, questionnaireId });
    expect(closed).toMatchObject({ ok: true, data: { satisfaction: null, indicatorId: null } });
    expect(await call(answerSurveyByLink, null, { token: tokenOf(links[2]!.path), answers: good })).toMatchObject({
      ok: false,
      error: { message: "Анкетирование завершено: ответы больше не принимаются и не изменяются." },
    });
    expect(await findSurveyByToken(tokenOf(links[2]!.path))).toEqual({ state: "closed", organizationName: school.name });
    expect((await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: links[2]!.recipientId } })).answers).toBeNull();
  });

  it("the curator sees what the answers give the mentor bank; the director sees no individual answers", async () => {
    const full = await getSurvey(tenantContext(school, curator, ["CURATOR"]), questionnaireId, { individual: true });
    const first = full!.recipients.find((r) => r.id === links[0]!.recipientId)!;
    expect(first.bank).toEqual({ kind: "mentor", entry: { competencies: ["METHODS", "DIGITAL"], achievements: "Победитель конкурса «Учитель года — 2024»", capacity: 3 }, inBank: false });
    const capacity = full!.aggregates.find((a) => a.questionId === "capacity");
    expect(capacity).toMatchObject({ type: "scale", respondents: 2, mean: 3 });
    const limited = await getSurvey(tenantContext(school, director, ["DIRECTOR"]), questionnaireId, { individual: false });
    expect(limited!.recipients.every((r) => r.answers === null && r.bank === null)).toBe(true);
    expect(limited!.recipients.filter((r) => r.answeredAt).length).toBe(2);
  });
});

describe("answering in the app", () => {
  it("a member answers the questionnaire sent to their person, edits it, and cannot after closing", async () => {
    const { questionnaireId } = await create("MENTEE_NEEDS", { audience: "TEACHERS" });
    const own = await person({ lastName: "Григорьева", purposes: ["SURVEYS"], userId: menteeUser.id });
    const someoneElse = await person({ lastName: "Дмитриев", purposes: ["SURVEYS"] });
    const links = await addAndOpen(questionnaireId, [own.id, someoneElse.id]);
    expect(links.map((l) => l.name)).toEqual(["Дмитриев Анна"]);
    const rows = await db().prisma.surveyRecipient.findMany({ where: { questionnaireId } });
    const mine = rows.find((r) => r.personId === own.id)!;
    const theirs = rows.find((r) => r.personId === someoneElse.id)!;

    const mySurveys = await listMySurveys(tenantContext(school, menteeUser, ["MENTEE"]));
    expect(mySurveys.map((s) => s.id)).toContain(mine.id);
    expect(mySurveys.map((s) => s.id)).not.toContain(theirs.id);

    const answer = (recipientId: string, answers: Record<string, unknown>) => call(answerSurvey, as(menteeUser), { org: school.slug, recipientId, answers });
    expect(await answer(theirs.id, { category: "NEW_PLACE", difficulties: ["PARENTS"] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await answer(mine.id, { category: "YOUNG_SPECIALIST" })).toMatchObject({ ok: false, error: { fieldErrors: { difficulties: ["Ответьте на этот вопрос."] } } });
    expect(await answer(mine.id, { category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE", "PARENTS"], request: "Как провести родительское собрание" })).toMatchObject({ ok: true, data: { edited: false } });
    expect(await answer(mine.id, { category: "YOUNG_SPECIALIST", difficulties: ["PARENTS"], request: "" })).toMatchObject({ ok: true, data: { edited: true } });
    expect((await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: mine.id } })).answers).toEqual({ category: "YOUNG_SPECIALIST", difficulties: ["PARENTS"] });
    expect((await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: theirs.id } })).answers).toBeNull();

    // The director sees who answered and the counts, but not the free-text requests of a needs questionnaire.
    const forDirector = await getSurvey(tenantContext(school, director, ["DIRECTOR"]), questionnaireId, { individual: false });
    expect(forDirector!.textsHidden).toBe(true);
    expect(forDirector!.aggregates.find((a) => a.questionId === "difficulties")).toMatchObject({ respondents: 1, options: expect.arrayContaining([{ value: "PARENTS", label: "Работа с родителями", count: 1, percent: 100 }]) });
    const forCurator = await getSurvey(tenantContext(school, curator, ["CURATOR"]), questionnaireId, { individual: true });
    expect(forCurator!.recipients.find((r) => r.id === mine.id)!.bank).toEqual({ kind: "mentee", entry: { category: "YOUNG_SPECIALIST", difficulties: ["PARENTS"], request: null }, inBank: false });

    expect(await call(closeSurvey, as(curator), { org: school.slug, questionnaireId })).toMatchObject({ ok: true });
    expect(await answer(mine.id, { category: "NEW_PLACE", difficulties: ["STRESS"] })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Анкетирование завершено: ответы больше не принимаются и не изменяются." },
    });
    expect((await db().prisma.surveyRecipient.findUniqueOrThrow({ where: { id: mine.id } })).answers).toEqual({ category: "YOUNG_SPECIALIST", difficulties: ["PARENTS"] });
  });
});

describe("satisfaction feeds the passport", () => {
  it("closing a mentees' satisfaction questionnaire writes the percent into the program's indicator", async () => {
    const prisma = db().prisma;
    const program = await createProgramRow(prisma, school.id, { academicYear: 2030, title: "Программа наставничества 2030/2031", audience: "BOTH" });
    const indicator = await prisma.programIndicator.create({
      data: { organizationId: school.id, programId: program.id, kind: "MENTEE_SATISFACTION", title: "Уровень удовлетворённости наставляемых", targets: { "2030": 50 } },
    });
    const { questionnaireId } = await create("SATISFACTION_MENTEE", { programId: program.id });
    const people = await Promise.all(["Ершова", "Жукова", "Зуева", "Ильина"].map((lastName) => person({ lastName, kind: "TEACHER", purposes: ["SURVEYS"] })));
    const links = await addAndOpen(questionnaireId, people.map((p) => p.id));
    const questions = (await prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } })).questions as Question[];
    const marked = questions.filter((q) => q.maps === "satisfaction").map((q) => q.id);
    expect(marked).toHaveLength(5);
    // 5 answers each: all 5s, all 4s, all 3s → 10 of 15 at 4 or more = 66.7 %; the fourth never answers.
    for (const [i, value] of [5, 4, 3].entries()) {
      const res = await call(answerSurveyByLink, null, { token: tokenOf(links[i]!.path), answers: Object.fromEntries(marked.map((id) => [id, String(value)])) });
      expect(res.ok).toBe(true);
    }
    const survey = await getSurvey(tenantContext(school, director, ["DIRECTOR"]), questionnaireId, { individual: false });
    expect(survey!.satisfaction).toBe(66.7);
    expect(survey!.aggregates.find((a) => a.questionId === "overall")).toMatchObject({ respondents: 3, mean: 4 });

    const res = await call(closeSurvey, as(curator), { org: school.slug, questionnaireId });
    expect(res).toMatchObject({ ok: true, data: { satisfaction: 66.7, indicatorId: indicator.id } });
    const after = await prisma.programIndicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect(after).toMatchObject({ actualValue: 66.7, actualEnteredById: curator.id });
    expect(after.actualEnteredAt).not.toBeNull();
    expect(await prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } })).toMatchObject({ status: "CLOSED" });
    expect(await call(closeSurvey, as(curator), { org: school.slug, questionnaireId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("assessment before and after", () => {
  it("the «после» questionnaire repeats the «до» questions and people, and is compared with it", async () => {
    const prisma = db().prisma;
    const { questionnaireId: beforeId } = await create("ASSESSMENT_BEFORE");
    const p = await person({ lastName: "Калинина", purposes: ["SURVEYS"] });
    const [link] = await addAndOpen(beforeId, [p.id]);
    await call(answerSurveyByLink, null, { token: tokenOf(link!.path), answers: { confidence: 2, methods: 3, planning: 2, relations: 4, motivation: 3, wellbeing: 3 } });
    await call(closeSurvey, as(curator), { org: school.slug, questionnaireId: beforeId });

    expect(await call(createSurvey, as(curator), { org: school.slug, kind: "ASSESSMENT_AFTER" })).toMatchObject({ ok: false, error: { fieldErrors: { comparedWithId: expect.any(Array) } } });
    const { questionnaireId: afterId, recipientsCopied } = await create("ASSESSMENT_AFTER", { comparedWithId: beforeId });
    expect(recipientsCopied).toBe(1);
    const [beforeRow, afterRow] = await Promise.all([prisma.questionnaire.findUniqueOrThrow({ where: { id: beforeId } }), prisma.questionnaire.findUniqueOrThrow({ where: { id: afterId } })]);
    expect(afterRow.questions).toEqual(beforeRow.questions);
    expect(afterRow.comparedWithId).toBe(beforeId);
    expect(await call(updateSurveyQuestions, as(curator), { org: school.slug, questionnaireId: afterId, title: "x y z", questions: afterRow.questions as Question[] })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const opened = await call(openSurvey, as(curator), { org: school.slug, questionnaireId: afterId });
    if (!opened.ok) throw new Error(opened.error.message);
    await call(answerSurveyByLink, null, { token: tokenOf(opened.data.links[0]!.path), answers: { confidence: 4, methods: 4, planning: 3, relations: 4, motivation: 5, wellbeing: 4 } });
    const survey = await getSurvey(tenantContext(school, curator, ["CURATOR"]), afterId, { individual: true });
    expect(survey!.comparison!.rows.find((r) => r.questionId === "confidence")).toMatchObject({ before: 2, after: 4, change: 2 });
    expect(survey!.comparison!.rows.find((r) => r.questionId === "relations")).toMatchObject({ before: 4, after: 4, change: 0 });
  });
});

describe("another school", () => {
  it("cannot touch these questionnaires: the application refuses and the database shows none", async () => {
    const prisma = db().prisma;
    const { questionnaireId } = await create("SATISFACTION_MENTOR");
    const p = await person({ lastName: "Лаптева", purposes: ["SURVEYS"] });
    const [link] = await addAndOpen(questionnaireId, [p.id]);
    const recipient = await prisma.surveyRecipient.findFirstOrThrow({ where: { questionnaireId } });
    const stranger = await person({ lastName: "Чужой", purposes: ["SURVEYS"], orgId: other.id });
    const counts = async () => [await prisma.questionnaire.count(), await prisma.surveyRecipient.count(), JSON.stringify(await prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId } }))];
    const before = await counts();

    // Each attempt by the other school's curator, naming their own school or this one.
    const attempts: [string, (org: string) => Promise<unknown>][] = [
      ["surveys.close", (org) => call(closeSurvey, as(otherCurator), { org, questionnaireId })],
      ["surveys.addRecipients", (org) => call(addSurveyRecipients, as(otherCurator), { org, questionnaireId, personIds: [stranger.id] })],
      ["surveys.updateQuestions", (org) => call(updateSurveyQuestions, as(otherCurator), { org, questionnaireId, title: "Захват", questions: [{ id: "a", type: "text", text: "?", required: false }] })],
      ["surveys.reissueLink", (org) => call(reissueSurveyLink, as(otherCurator), { org, recipientId: recipient.id })],
      ["surveys.removeRecipient", (org) => call(removeSurveyRecipient, as(otherCurator), { org, recipientId: recipient.id })],
    ];
    for (const [name, attempt] of attempts) {
      expect(await attempt(other.slug), name).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expect(await attempt(school.slug), name).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    // A person of another school cannot be added here either.
    expect(await call(addSurveyRecipients, as(curator), { org: school.slug, questionnaireId, personIds: [stranger.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await counts()).toEqual(before);

    // RLS: inside the other school's scope, raw queries see none of these rows and cannot change them.
    const seen = await withDb({ organizationId: other.id }, (tx) =>
      tx.$queryRawUnsafe<{ q: number; r: number }[]>(
        `SELECT (SELECT count(*)::int FROM "Questionnaire" WHERE "organizationId" = $1::uuid) AS q, (SELECT count(*)::int FROM "SurveyRecipient" WHERE "organizationId" = $1::uuid) AS r`,
        school.id,
      ),
    );
    expect(seen[0]).toEqual({ q: 0, r: 0 });
    const changed = await withDb({ organizationId: other.id }, (tx) => tx.$executeRawUnsafe(`UPDATE "SurveyRecipient" SET "answers" = '{}'::jsonb WHERE "id" = $1::uuid`, recipient.id));
    expect(changed).toBe(0);
    // A token hash in scope shows that one row and nothing else, and no questionnaire.
    const byToken = await withDb({ surveyTokenHash: sha256(tokenOf(link!.path)) }, async (tx) => [
      await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "SurveyRecipient"`),
      await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Questionnaire"`),
    ]);
    expect(byToken[0]!.map((r) => r.id)).toEqual([recipient.id]);
    expect(byToken[1]).toEqual([]);
    expect(await withDb({ surveyTokenHash: sha256("nothing") }, (tx) => tx.$queryRawUnsafe<unknown[]>(`SELECT id FROM "SurveyRecipient"`))).toEqual([]);
  });
});
