import { describe, expect, it } from "vitest";
import { organizationToday, readPage, type TenantContext } from "../../lib/auth/tenant";
import type { AppRole } from "../../lib/auth/roles";
import { loadHome } from "../../lib/home/queries";
import { seedDemo } from "../../prisma/seed";
import { tenantContext } from "../setup/call";
import { createPersonRow } from "../factories";
import { setupTestDatabase } from "../setup/database";

// Issue #19 item 3: the home page says what to do next, per role, from the organization's real state. Each
// figure is checked against the rows that make it, and moves when the rows do.
const db = setupTestDatabase();
const DAY = 86_400_000;

async function contextOf(slug: string, role: AppRole, userId?: string): Promise<TenantContext> {
  const prisma = db().prisma;
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug } });
  const user = userId
    ? await prisma.user.findUniqueOrThrow({ where: { id: userId } })
    : (await prisma.membership.findFirstOrThrow({ where: { organizationId: org.id, role }, include: { user: true } })).user;
  return tenantContext(org, user, [role]);
}

const home = (ctx: TenantContext) => readPage(ctx, (read) => loadHome(read));

describe("home page: what to do next (issue #19 item 3)", () => {
  it("the director sees what waits for a signature; each count moves with its rows; the curator sees the stage and the roadmap", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const director = await contextOf("sosh-20", "DIRECTOR");
    const org = director.organization.id;

    const before = await home(director);
    expect(before.approvals).not.toBeNull();
    expect(before.approvals!.acts).toBe(await prisma.localAct.count({ where: { organizationId: org, status: "REGISTERED" } }));
    expect(before.approvals!.mentees).toBe(await prisma.menteeProfile.count({ where: { organizationId: org, approvedAt: null, status: { not: "LEFT" } } }));
    expect(before.approvals!.openSurveys).toBeNull(); // the director does not run surveys
    expect(before.myPairs).toBeNull();
    expect(before.district).toBeNull();

    const registrar = await prisma.membership.findFirstOrThrow({ where: { organizationId: org, role: "CURATOR" } });
    await prisma.localAct.create({ data: { organizationId: org, kind: "OTHER", title: "Об утверждении плана", registeredById: registrar.userId } });
    const person = await createPersonRow(prisma, org, { kind: "TEACHER", lastName: "Проверкина", firstName: "Анна" });
    const mentor = await prisma.mentorProfile.create({ data: { organizationId: org, personId: person.id, addedById: registrar.userId } });
    const untrained = (await home(director)).approvals!;
    expect(untrained.acts).toBe(before.approvals!.acts! + 1);
    expect(untrained.mentors).toBe(before.approvals!.mentors); // not trained yet: not approvable
    await prisma.mentorTraining.create({ data: { organizationId: org, mentorId: mentor.id, kind: "SESSION", title: "Установочная сессия", finishedOn: organizationToday(director) } });
    expect((await home(director)).approvals!.mentors).toBe(before.approvals!.mentors! + 1);

    // The curator: stage 2 of the demo with its unmet condition, overdue and due-soon activities by date.
    const curator = await contextOf("sosh-20", "CURATOR");
    const today = organizationToday(curator);
    const program = await prisma.mentoringProgram.findFirstOrThrow({ where: { organizationId: org }, orderBy: { academicYear: "desc" } });
    // Three activities already done (they count nowhere); two are reopened with dates around today.
    const [late, soon, doneLate] = await prisma.roadmapActivity.findMany({ where: { organizationId: org, programId: program.id, status: "DONE" }, orderBy: [{ stage: "asc" }, { position: "asc" }], take: 3 });
    const start = (await home(curator)).program!;
    await prisma.roadmapActivity.update({ where: { id: late!.id }, data: { status: "PLANNED", recurrence: "ONCE", dueEnd: new Date(today.getTime() - 400 * DAY) } });
    await prisma.roadmapActivity.update({ where: { id: soon!.id }, data: { status: "IN_PROGRESS", recurrence: "ONCE", dueEnd: new Date(today.getTime() + 3 * DAY) } });
    await prisma.roadmapActivity.update({ where: { id: doneLate!.id }, data: { recurrence: "ONCE", dueEnd: new Date(today.getTime() - 3 * DAY) } });
    const seen = await home(curator);
    expect(seen.program).not.toBeNull();
    expect(seen.program!.stage).toBe(program.stage);
    expect(seen.program!.overdue!.count).toBe(start.overdue!.count + 1);
    expect(seen.program!.dueSoon!.count).toBe(start.dueSoon!.count + 1);
    expect(seen.program!.overdue!.shown[0]!.id).toBe(late!.id); // the longest overdue comes first
    expect(seen.program!.overdue!.shown.map((a) => a.id)).not.toContain(doneLate!.id);
    expect(seen.program!.overdue!.shown.map((a) => a.id)).not.toContain(soon!.id);
    expect(seen.approvals!.acts).toBeNull(); // the curator registers acts, the director approves them
    expect(seen.parentName).toBe((await prisma.organization.findUniqueOrThrow({ where: { id: director.organization.parentId! } })).name);

    expect(seen.approvals!.openSurveys).toBe(await prisma.questionnaire.count({ where: { organizationId: org, status: "OPEN" } }));

    // Surveys sent to the curator's own card: open ones wait, answered, closed and past-date ones do not.
    const card = await createPersonRow(prisma, org, { kind: "TEACHER", lastName: "Орлова", firstName: "Татьяна", userId: curator.user.id });
    const survey = async (title: string, status: "OPEN" | "CLOSED", closesOn: Date | null, answered = false) => {
      const q = await prisma.questionnaire.create({ data: { organizationId: org, kind: "CUSTOM", title, questions: [], status, closesOn, createdById: curator.user.id } });
      await prisma.surveyRecipient.create({ data: { organizationId: org, questionnaireId: q.id, personId: card.id, answeredAt: answered ? new Date(today.getTime()) : null } });
    };
    await survey("Открытая анкета", "OPEN", new Date(today.getTime() + 5 * DAY));
    await survey("Закрывается сегодня", "OPEN", today);
    await survey("Срок прошёл", "OPEN", new Date(today.getTime() - DAY));
    await survey("Уже отвечена", "OPEN", null, true);
    await survey("Закрытая", "CLOSED", null);
    expect((await home(curator)).mySurveys!.map((s) => s.title)).toEqual(["Закрывается сегодня", "Открытая анкета"]);
  });

  it("a mentor linked to a person sees the pair with its next planned meeting and the link target; the methodist the schools that lag", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const school = await prisma.organization.findUniqueOrThrow({ where: { slug: "kovalevskaya-oosh" } });
    // Тарасов's pair: the other one's mentor card has the demo account, which the last test reads.
    const pair = await prisma.pair.findFirstOrThrow({ where: { organizationId: school.id, status: "ACTIVE", mentor: { person: { lastName: "Тарасов" } } }, include: { mentor: true, personalProgram: true } });
    const user = await prisma.user.create({ data: { email: "home-mentor@example.test", name: "Наставник Проверочный", passwordHash: "not-used" } });
    await prisma.membership.create({ data: { organizationId: school.id, userId: user.id, role: "MENTOR" } });
    await prisma.person.update({ where: { id: pair.mentor.personId }, data: { userId: user.id } });
    const mentor = await contextOf("kovalevskaya-oosh", "MENTOR", user.id);
    const today = organizationToday(mentor);
    const plannedOn = new Date(today.getTime() + 2 * DAY);
    await prisma.plannedMeeting.create({ data: { organizationId: school.id, personalProgramId: pair.personalProgram!.id, plannedOn, kind: "REGULAR", topic: "Разбор открытого урока" } });
    await prisma.plannedMeeting.create({ data: { organizationId: school.id, personalProgramId: pair.personalProgram!.id, plannedOn: new Date(today.getTime() - 2 * DAY), kind: "REGULAR", topic: "Пропущенная" } });

    const seen = await home(mentor);
    expect(seen.program).toBeNull(); // a mentor does not run the program
    expect(seen.approvals).toBeNull();
    expect(seen.myPairs!.linked).toBe(true);
    const mine = seen.myPairs!.pairs.find((p) => p.id === pair.id);
    expect(mine).toMatchObject({ role: "mentor", nextMeeting: { plannedOn, topic: "Разбор открытого урока" } });
    expect(seen.myPairs!.pairs.every((p) => p.role === "mentor")).toBe(true);

    const methodist = await contextOf("levokumsky", "METHODIST");
    const district = (await home(methodist)).district!;
    expect(district.schools).toBeGreaterThan(0);
    // The count is of every lagging school; the list shows the first ten (the demo district has more).
    expect(district.lagging.length).toBe(Math.min(district.laggingCount, 10));
    expect(district.lagging.every((s) => s.lagging && s.reasons.length > 0)).toBe(true);
    // A school without a program this year lags (the demo has two).
    const withoutProgram = district.lagging.filter((s) => s.program === null).map((s) => s.shortName);
    expect(withoutProgram.length).toBeGreaterThan(0);
  });

  it("the demo mentor and mentee of Ковалевская ООШ are linked to their working pair (issue #19 item 5)", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
    const mentor = await contextOf("kovalevskaya-oosh", "MENTOR", await userId("mentor@kovalevskaya.demo"));
    const mentee = await contextOf("kovalevskaya-oosh", "MENTEE", await userId("mentee@kovalevskaya.demo"));
    const asMentor = (await home(mentor)).myPairs!;
    const asMentee = (await home(mentee)).myPairs!;
    expect(asMentor.linked).toBe(true);
    expect(asMentor.pairs.map((p) => [p.role, p.others, p.status])).toEqual([["mentor", ["Королёва Анастасия Сергеевна"], "ACTIVE"]]);
    expect(asMentee.pairs.map((p) => [p.role, p.others, p.status])).toEqual([["mentee", ["Мельникова Ольга Ивановна"], "ACTIVE"]]);
    expect(asMentor.pairs[0]!.id).toBe(asMentee.pairs[0]!.id);
    expect(asMentor.pairs[0]!.lastMeetingOn).not.toBeNull(); // the seed's first three meetings
    // The final meeting is planned for 31 May: the next meeting until that day, none after it.
    const finalOn = (await prisma.plannedMeeting.findFirstOrThrow({ where: { kind: "FINAL", personalProgram: { pairId: asMentor.pairs[0]!.id } } })).plannedOn;
    const today = organizationToday(mentor);
    expect(asMentor.pairs[0]!.nextMeeting?.plannedOn ?? null).toEqual(finalOn >= today ? finalOn : null);
  });
});
