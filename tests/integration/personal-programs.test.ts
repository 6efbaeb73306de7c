import { now } from "../../lib/clock";
import { todayIn } from "../../lib/domain/local-date";
import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import type { PrismaClient } from "../../lib/db/generated/prisma/client";
import { renderPersonalProgramDocx } from "../../lib/documents/personal-program-docx";
import { pairAccess } from "../../lib/pairs/access";
import { deleteMeeting, logMeeting } from "../../lib/pairs/meeting-actions";
import { deletePlanItem, programFromTemplate, savePersonalProgram, savePlanItem } from "../../lib/pairs/personal-program-actions";
import { buildPersonalProgramDocument, getPairMeetings, getPairProgram, myPairs, pairProgress } from "../../lib/pairs/work-queries";
import { createMember, createOrganization, createPairRow, createProgramRow } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf, tenantContext } from "../setup/call";
import { day as d } from "../setup/dates";
import { docxXml } from "../setup/files";

const db = setupTestDatabase();
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();
type ProgramInput = InputOf<typeof savePersonalProgram>;
const iso = (date: Date) => date.toISOString().slice(0, 10);

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = { id: string; name: string; email: string };

let school: Org;
let other: Org;
let curator: User;
let director: User;
let psychologist: User;
let mentorUser: User;
let menteeUser: User;
let otherMentorUser: User;
let strangerMentee: User;
let otherCurator: User;
let programId: string;
let otherProgramId: string;

let seq = 0;
async function person(prisma: PrismaClient, organizationId: string, input: { userId?: string; kind?: "TEACHER" | "STUDENT"; grade?: string; position?: string } = {}) {
  seq += 1;
  return prisma.person.create({
    data: {
      organizationId,
      kind: input.kind ?? "TEACHER",
      lastName: `Фамилия${seq}`,
      firstName: "Анна",
      middleName: "Петровна",
      position: input.position ?? (input.kind === "STUDENT" ? null : "учитель математики"),
      grade: input.grade ?? null,
      userId: input.userId ?? null,
    },
  });
}

async function mentee(prisma: PrismaClient, organizationId: string, difficulties: string[], userId?: string) {
  const p = await person(prisma, organizationId, { userId });
  const entry = await prisma.menteeProfile.create({
    data: { organizationId, personId: p.id, category: "YOUNG_SPECIALIST", difficulties, source: "QUESTIONNAIRE", status: "PAIRED", addedById: curator.id },
  });
  return { ...entry, person: p };
}

async function mentor(prisma: PrismaClient, organizationId: string, userId?: string) {
  const p = await person(prisma, organizationId, { userId, position: "учитель высшей категории" });
  const entry = await prisma.mentorProfile.create({ data: { organizationId, personId: p.id, status: "APPROVED", capacity: 3, addedById: curator.id } });
  return { ...entry, person: p };
}

async function pair(
  prisma: PrismaClient,
  input: { organizationId?: string; program?: string; mentorId: string; menteeIds: string[]; status?: "PROPOSED" | "APPROVED" | "ACTIVE" | "COMPLETED"; form?: "TEACHER_TEACHER" | "TEACHER_STUDENT"; decidedAt?: Date },
) {
  return createPairRow(prisma, {
    organizationId: input.organizationId ?? school.id,
    programId: input.program ?? programId,
    mentorId: input.mentorId,
    menteeIds: input.menteeIds,
    form: input.form,
    type: input.menteeIds.length > 1 ? "GROUP" : "TRADITIONAL",
    status: input.status ?? "APPROVED",
    proposedById: curator.id,
    decidedAt: input.status === "PROPOSED" ? null : (input.decidedAt ?? d("2026-09-20")),
  });
}

const validProgram = (pairId: string, extra: Partial<ProgramInput> = {}): ProgramInput => ({
  org: school.slug,
  pairId,
  startsOn: "2026-10-01",
  endsOn: "2027-05-31",
  direction: "Адаптация молодого педагога",
  goals: "Освоить планирование уроков и работу с родителями.",
  workingMode: "IN_PERSON",
  difficulties: ["LESSON_PLANNING"],
  expectedResults: "Проведён открытый урок.",
  achievedResults: "",
  ...extra,
});

// Pair A: mentorUser mentors menteeUser (approved, one mentee). Pair B: another mentor with another mentee.
let pairA: { id: string };
let pairB: { id: string };
let menteeA: Awaited<ReturnType<typeof mentee>>;
let menteeB: Awaited<ReturnType<typeof mentee>>;
let mentorA: Awaited<ReturnType<typeof mentor>>;

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { name: "МБОУ «СОШ № 20»" });
  other = await createOrganization(prisma);
  curator = await createMember(prisma, school.id, ["CURATOR"], { name: "Смирнова Елена Петровна" });
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  psychologist = await createMember(prisma, school.id, ["PSYCHOLOGIST"]);
  mentorUser = await createMember(prisma, school.id, ["MENTOR"]);
  menteeUser = await createMember(prisma, school.id, ["MENTEE"]);
  otherMentorUser = await createMember(prisma, school.id, ["MENTOR"]);
  strangerMentee = await createMember(prisma, school.id, ["MENTEE"]);
  otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
  programId = (await createProgramRow(prisma, school.id, { academicYear: 2026, title: "Программа наставничества", audience: "BOTH", stage: 5, curatorId: curator.id })).id;
  otherProgramId = (await createProgramRow(prisma, other.id, { academicYear: 2026, title: "Программа", audience: "BOTH", stage: 5 })).id;

  mentorA = await mentor(prisma, school.id, mentorUser.id);
  menteeA = await mentee(prisma, school.id, ["LESSON_PLANNING", "PARENTS"], menteeUser.id);
  pairA = await pair(prisma, { mentorId: mentorA.id, menteeIds: [menteeA.id] });
  const mentorB = await mentor(prisma, school.id, otherMentorUser.id);
  menteeB = await mentee(prisma, school.id, ["DIGITAL"]);
  pairB = await pair(prisma, { mentorId: mentorB.id, menteeIds: [menteeB.id] });
});

const programsOf = (pairId: string) => db().prisma.personalProgram.findMany({ where: { pairId }, include: { items: true } });
const audits = (action: string) => db().prisma.auditEvent.count({ where: { action } });

describe("the personalized program", () => {
  it("refuses a period shorter than 3 months or longer than 12 at the end date, and writes nothing", async () => {
    const before = await audits("personalPrograms.save");
    const short = await call(savePersonalProgram, as(mentorUser), validProgram(pairA.id, { endsOn: "2026-12-01" }));
    expect(short).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { endsOn: ["Срок слишком короткий: для традиционного наставничества программа длится от 3 месяцев до 12 месяцев."] } } });
    const long = await call(savePersonalProgram, as(mentorUser), validProgram(pairA.id, { endsOn: "2027-11-01" }));
    expect(long).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { endsOn: ["Срок слишком длинный: для традиционного наставничества программа длится от 3 месяцев до 12 месяцев."] } } });
    expect(await programsOf(pairA.id)).toHaveLength(0);
    expect(await audits("personalPrograms.save")).toBe(before);
  });

  it("refuses a difficulty the pair's mentees do not have", async () => {
    const res = await call(savePersonalProgram, as(mentorUser), validProgram(pairA.id, { difficulties: ["LESSON_PLANNING", "DIGITAL"] }));
    expect(res).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { difficulties: [expect.stringContaining("записанные у наставляемых этой пары")] } } });
    expect(await programsOf(pairA.id)).toHaveLength(0);
  });

  it("saves a valid program with its difficulties, once per pair, and the mentor updates it", async () => {
    const res = await call(savePersonalProgram, as(mentorUser), validProgram(pairA.id, { difficulties: ["LESSON_PLANNING", "PARENTS"] }));
    expect(res).toMatchObject({ ok: true, data: { created: true } });
    const [saved] = await programsOf(pairA.id);
    expect(saved).toMatchObject({
      organizationId: school.id,
      startsOn: d("2026-10-01"),
      endsOn: d("2027-05-31"),
      difficulties: ["LESSON_PLANNING", "PARENTS"],
      direction: "Адаптация молодого педагога",
      achievedResults: null,
    });
    const upd = await call(savePersonalProgram, as(mentorUser), validProgram(pairA.id, { achievedResults: "Уроки спланированы на четверть." }));
    expect(upd).toMatchObject({ ok: true, data: { created: false } });
    const after = await programsOf(pairA.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: saved!.id, difficulties: ["LESSON_PLANNING"], achievedResults: "Уроки спланированы на четверть." });
    expect(await db().prisma.auditEvent.count({ where: { action: "personalPrograms.save", targetId: saved!.id, actorId: mentorUser.id } })).toBe(2);
  });

  it("keeps plan items inside the period and asks a result of a done item", async () => {
    const outside = await call(savePlanItem, as(mentorUser), { org: school.slug, pairId: pairA.id, title: "Открытый урок", dueOn: "2027-06-15", status: "PLANNED" });
    expect(outside).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { dueOn: ["Срок мероприятия должен быть в пределах срока программы."] } } });
    const noResult = await call(savePlanItem, as(mentorUser), { org: school.slug, pairId: pairA.id, title: "Посещение уроков наставника", dueOn: "2026-10-20", status: "DONE", result: "" });
    expect(noResult).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { result: ["Опишите результат выполненного мероприятия."] } } });
    expect((await programsOf(pairA.id))[0]!.items).toHaveLength(0);

    const added = await call(savePlanItem, as(mentorUser), { org: school.slug, pairId: pairA.id, title: "Посещение уроков наставника", dueOn: "2026-10-20" });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const done = await call(savePlanItem, as(curator), {
      org: school.slug, pairId: pairA.id, itemId: added.data.itemId, title: "Посещение уроков наставника", dueOn: "2026-10-20", status: "DONE", result: "Посещено 4 урока, составлен анализ",
    });
    expect(done.ok).toBe(true);
    expect(await db().prisma.planItem.findUniqueOrThrow({ where: { id: added.data.itemId } })).toMatchObject({ status: "DONE", result: "Посещено 4 урока, составлен анализ", dueOn: d("2026-10-20"), position: 0 });

    // Shortening the program past an item is refused.
    const shorter = await call(savePersonalProgram, as(mentorUser), validProgram(pairA.id, { startsOn: "2026-10-25", endsOn: "2027-05-31" }));
    expect(shorter).toMatchObject({ ok: false, error: { fieldErrors: { endsOn: [expect.stringContaining("выходят за новые сроки")] } } });
    expect((await programsOf(pairA.id))[0]!.startsOn).toEqual(d("2026-10-01"));
  });

  it("is NOT_FOUND for the mentor of another pair, and nothing changes", async () => {
    const before = await programsOf(pairA.id);
    const save = await call(savePersonalProgram, as(otherMentorUser), validProgram(pairA.id, { goals: "Чужая программа" }));
    expect(save).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const item = await call(savePlanItem, as(otherMentorUser), { org: school.slug, pairId: pairA.id, title: "Чужое", dueOn: "2026-11-01" });
    expect(item).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const meeting = await call(logMeeting, as(otherMentorUser), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-10-05", attendeeIds: [menteeA.id] });
    expect(meeting).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // A mentee of no pair learns nothing either.
    expect(await call(logMeeting, as(strangerMentee), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-10-05", attendeeIds: [menteeA.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await programsOf(pairA.id)).toEqual(before);
    expect(await db().prisma.meeting.count({ where: { pairId: pairA.id } })).toBe(0);
    expect(await getPairProgram(tenantContext(school, otherMentorUser, ["MENTOR"]), pairA.id)).toBeNull();
  });

  it("lets the mentee and the director read the program but not edit it", async () => {
    const res = await call(savePersonalProgram, as(menteeUser), validProgram(pairA.id, { goals: "Изменено наставляемым" }));
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(savePlanItem, as(director), { org: school.slug, pairId: pairA.id, title: "От директора", dueOn: "2026-11-01" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await programsOf(pairA.id))[0]!.goals).toBe("Освоить планирование уроков и работу с родителями.");

    const asMentee = await getPairProgram(tenantContext(school, menteeUser, ["MENTEE"]), pairA.id);
    expect(asMentee).toMatchObject({ as: "mentee", canEdit: false, difficultyOptions: [] });
    expect(asMentee?.program?.items).toHaveLength(1);
    const asDirector = await getPairProgram(tenantContext(school, director, ["DIRECTOR"]), pairA.id);
    expect(asDirector).toMatchObject({ as: "staff", canEdit: false });
    const asMentor = await getPairProgram(tenantContext(school, mentorUser, ["MENTOR"]), pairA.id);
    expect(asMentor).toMatchObject({ as: "mentor", canEdit: true, difficultyOptions: ["LESSON_PLANNING", "PARENTS"] });
  });

  it("is written only after approval and read-only once the pair is completed", async () => {
    const prisma = db().prisma;
    const m = await mentee(prisma, school.id, ["METHODS"]);
    const proposed = await pair(prisma, { mentorId: mentorA.id, menteeIds: [m.id], status: "PROPOSED" });
    expect(await call(savePersonalProgram, as(curator), validProgram(proposed.id, { difficulties: [] }))).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Программу составляют после утверждения пары приказом." },
    });
    // The mentor does not even see a pair that is only proposed.
    expect(await call(savePersonalProgram, as(mentorUser), validProgram(proposed.id, { difficulties: [] }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const completed = await pair(prisma, { mentorId: mentorA.id, menteeIds: [m.id], status: "COMPLETED" });
    expect(await call(savePersonalProgram, as(mentorUser), validProgram(completed.id, { difficulties: [] }))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(logMeeting, as(mentorUser), { org: school.slug, pairId: completed.id, kind: "REGULAR", heldOn: "2026-11-02", attendeeIds: [m.id] })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await prisma.personalProgram.count({ where: { pairId: { in: [proposed.id, completed.id] } } })).toBe(0);
    expect(await prisma.meeting.count({ where: { pairId: completed.id } })).toBe(0);
  });

  it("fills an empty program from the template for the pair's form, once", async () => {
    const res = await call(programFromTemplate, as(psychologist), { org: school.slug, pairId: pairB.id, startsOn: "2026-10-01", endsOn: "2027-05-31" });
    expect(res).toMatchObject({ ok: true, data: { items: 8, template: "Адаптация молодого педагога" } });
    const [program] = await programsOf(pairB.id);
    expect(program).toMatchObject({ startsOn: d("2026-10-01"), endsOn: d("2027-05-31"), difficulties: ["DIGITAL"] });
    const items = [...program!.items].sort((a, b) => a.position - b.position);
    expect(items).toHaveLength(8);
    expect(items[0]!.title).toContain("нормативной базой");
    expect(items.at(-1)).toMatchObject({ dueOn: d("2027-05-31"), status: "PLANNED" });
    expect(items.every((i) => i.dueOn >= d("2026-10-01") && i.dueOn <= d("2027-05-31"))).toBe(true);
    expect(await call(programFromTemplate, as(psychologist), { org: school.slug, pairId: pairB.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await programsOf(pairB.id))[0]!.items).toHaveLength(8);

    // A too short period for a new program is refused at the end date.
    const prisma = db().prisma;
    const m = await mentee(prisma, school.id, []);
    const fresh = await pair(prisma, { mentorId: mentorA.id, menteeIds: [m.id], form: "TEACHER_STUDENT" });
    expect(await call(programFromTemplate, as(curator), { org: school.slug, pairId: fresh.id, startsOn: "2026-10-01", endsOn: "2026-11-01" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { endsOn: ["Срок слишком короткий: для традиционного наставничества программа длится от 3 месяцев до 12 месяцев."] } },
    });
    expect(await prisma.personalProgram.count({ where: { pairId: fresh.id } })).toBe(0);
    const students = await call(programFromTemplate, as(curator), { org: school.slug, pairId: fresh.id, startsOn: "2026-10-01", endsOn: "" });
    expect(students).toMatchObject({ ok: true, data: { template: "Повышение образовательных результатов" } });
    expect(await prisma.personalProgram.findFirstOrThrow({ where: { pairId: fresh.id } })).toMatchObject({ endsOn: d("2027-07-01") });
  });
});

describe("meetings", () => {
  it("refuses a date in the future or outside the program at the date field, and writes nothing", async () => {
    const tomorrow = iso(new Date(now().getTime() + 2 * 24 * 3600 * 1000));
    const future = await call(logMeeting, as(menteeUser), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: tomorrow, attendeeIds: [menteeA.id] });
    expect(future).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { heldOn: ["Встречу отмечают после того, как она прошла: дата не может быть в будущем."] } } });
    const before = await call(logMeeting, as(menteeUser), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-09-25", attendeeIds: [menteeA.id] });
    expect(before).toMatchObject({ ok: false, error: { fieldErrors: { heldOn: ["Дата встречи выходит за сроки персонализированной программы."] } } });
    expect(await db().prisma.meeting.count({ where: { pairId: pairA.id } })).toBe(0);
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pairA.id } })).toMatchObject({ status: "APPROVED", version: 1 });
  });

  it("refuses attendees and plan items of another pair", async () => {
    const itemB = (await programsOf(pairB.id))[0]!.items[0]!;
    const wrongMentee = await call(logMeeting, as(mentorUser), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-10-05", attendeeIds: [menteeB.id] });
    expect(wrongMentee).toMatchObject({ ok: false, error: { fieldErrors: { attendeeIds: ["Отмечать можно только наставляемых этой пары."] } } });
    const wrongItem = await call(logMeeting, as(mentorUser), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-10-05", attendeeIds: [menteeA.id], planItemIds: [itemB.id] });
    expect(wrongItem).toMatchObject({ ok: false, error: { fieldErrors: { planItemIds: ["Можно выбрать только мероприятия программы этой пары."] } } });
    const nobody = await call(logMeeting, as(mentorUser), { org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-10-05" });
    expect(nobody).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { attendeeIds: ["Отметьте, кто из наставляемых присутствовал."] } } });
    expect(await db().prisma.meeting.count({ where: { pairId: pairA.id } })).toBe(0);
  });

  it("a mentee logs the first meeting, which starts the pair; later ones do not bump it again", async () => {
    const item = (await programsOf(pairA.id))[0]!.items[0]!;
    const first = await call(logMeeting, as(menteeUser), {
      org: school.slug, pairId: pairA.id, kind: "INTRO", heldOn: "2026-10-05", attendeeIds: menteeA.id, notes: "Познакомились, обсудили ожидания", planItemIds: [item.id],
    });
    expect(first).toMatchObject({ ok: true, data: { pairStarted: true } });
    if (!first.ok) return;
    expect(await db().prisma.meeting.findUniqueOrThrow({ where: { id: first.data.meetingId } })).toMatchObject({
      organizationId: school.id, kind: "INTRO", heldOn: d("2026-10-05"), attendeeIds: [menteeA.id], planItemIds: [item.id], loggedById: menteeUser.id, notes: "Познакомились, обсудили ожидания",
    });
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pairA.id } })).toMatchObject({ status: "ACTIVE", version: 2 });
    // Covering an item marks nothing by itself.
    expect(await db().prisma.planItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "DONE" });

    const second = await call(logMeeting, as(mentorUser), { org: school.slug, pairId: pairA.id, kind: "PLANNING", heldOn: "2026-10-12", attendeeIds: [menteeA.id] });
    expect(second).toMatchObject({ ok: true, data: { pairStarted: false } });
    expect(await db().prisma.pair.findUniqueOrThrow({ where: { id: pairA.id } })).toMatchObject({ status: "ACTIVE", version: 2 });
    expect(await db().prisma.auditEvent.count({ where: { action: "meetings.log", targetId: first.data.meetingId } })).toBe(1);
  });

  it("holds a final group meeting only in a group", async () => {
    const single = await call(logMeeting, as(mentorUser), { org: school.slug, pairId: pairA.id, kind: "GROUP_FINAL", heldOn: "2026-11-20", attendeeIds: [menteeA.id] });
    expect(single).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { kind: [expect.stringContaining("только в группе")] } } });
    expect(await db().prisma.meeting.count({ where: { pairId: pairA.id, kind: "GROUP_FINAL" } })).toBe(0);

    const prisma = db().prisma;
    const a = await mentee(prisma, school.id, []);
    const b = await mentee(prisma, school.id, []);
    const group = await pair(prisma, { mentorId: mentorA.id, menteeIds: [a.id, b.id], status: "ACTIVE" });
    const ok = await call(logMeeting, as(mentorUser), { org: school.slug, pairId: group.id, kind: "GROUP_FINAL", heldOn: "2026-11-20", attendeeIds: [a.id, b.id] });
    expect(ok.ok).toBe(true);
    expect(await prisma.meeting.findFirstOrThrow({ where: { pairId: group.id } })).toMatchObject({ kind: "GROUP_FINAL", attendeeIds: expect.arrayContaining([a.id, b.id]) });
  });

  it("deletes one's own record within a day; the curator deletes any; a covered plan item is not deleted", async () => {
    const prisma = db().prisma;
    const [intro, planning] = await prisma.meeting.findMany({ where: { pairId: pairA.id }, orderBy: { heldOn: "asc" } });
    // The mentee may not delete the mentor's record.
    expect(await call(deleteMeeting, as(menteeUser), { org: school.slug, meetingId: planning!.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // A covered plan item stays.
    expect(await call(deletePlanItem, as(mentorUser), { org: school.slug, pairId: pairA.id, itemId: intro!.planItemIds[0]! })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await prisma.planItem.count({ where: { id: intro!.planItemIds[0] } })).toBe(1);
    // Two days later the mentee's own record is the curator's to delete.
    await prisma.meeting.update({ where: { id: intro!.id }, data: { createdAt: new Date(now().getTime() - 2 * 24 * 3600 * 1000) } });
    expect(await call(deleteMeeting, as(menteeUser), { org: school.slug, meetingId: intro!.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(deleteMeeting, as(mentorUser), { org: school.slug, meetingId: planning!.id })).toMatchObject({ ok: true });
    expect(await call(deleteMeeting, as(curator), { org: school.slug, meetingId: intro!.id })).toMatchObject({ ok: true });
    expect(await prisma.meeting.count({ where: { pairId: pairA.id } })).toBe(0);
    // Uncovered now: the item may go.
    expect(await call(deletePlanItem, as(mentorUser), { org: school.slug, pairId: pairA.id, itemId: intro!.planItemIds[0]! })).toMatchObject({ ok: true });
    expect(await prisma.planItem.count({ where: { id: intro!.planItemIds[0] } })).toBe(0);
    // The pair stays active.
    expect(await prisma.pair.findUniqueOrThrow({ where: { id: pairA.id } })).toMatchObject({ status: "ACTIVE" });
  });
});

describe("progress, my pairs, the document", () => {
  it("pairProgress counts the program, items, meetings, the final one and inactivity", async () => {
    const prisma = db().prisma;
    const m = await mentee(prisma, school.id, []);
    const busy = await pair(prisma, { mentorId: mentorA.id, menteeIds: [m.id], status: "ACTIVE", decidedAt: d("2026-09-15") });
    const idle = await pair(prisma, { mentorId: mentorA.id, menteeIds: [m.id], status: "APPROVED", decidedAt: d("2026-09-15") });
    const program = await prisma.personalProgram.create({
      data: { organizationId: school.id, pairId: busy.id, startsOn: d("2026-09-20"), endsOn: d("2027-05-31"), direction: "Д", goals: "Ц", difficulties: [], expectedResults: "Р" },
    });
    await prisma.planItem.createMany({
      data: [
        { title: "1", dueOn: d("2026-10-01"), status: "DONE" as const, result: "ok" },
        { title: "2", dueOn: d("2026-10-15"), status: "DONE" as const, result: "ok" },
        { title: "3", dueOn: d("2026-12-01"), status: "PLANNED" as const },
        { title: "4", dueOn: d("2026-12-15"), status: "CANCELLED" as const },
      ].map((item) => ({ ...item, organizationId: school.id, personalProgramId: program.id })),
    });
    for (const [kind, heldOn] of [["INTRO", "2026-09-25"], ["REGULAR", "2026-11-20"], ["FINAL", "2026-11-10"]] as const) {
      await prisma.meeting.create({ data: { organizationId: school.id, pairId: busy.id, kind, heldOn: d(heldOn), attendeeIds: [m.id], planItemIds: [], loggedById: mentorUser.id } });
    }
    const now = d("2026-11-25");
    const progress = await withDb({ organizationId: school.id }, (tx) => pairProgress(tx, school.id, [busy.id, idle.id, pairB.id, "not-a-uuid", "00000000-0000-4000-8000-000000000000"], now));
    expect(progress.get(busy.id)).toEqual({ hasProgram: true, itemsDone: 2, itemsTotal: 3, meetings: 3, lastMeetingOn: d("2026-11-20"), hasFinal: true, inactive: false });
    expect(progress.get(idle.id)).toEqual({ hasProgram: false, itemsDone: 0, itemsTotal: 0, meetings: 0, lastMeetingOn: null, hasFinal: false, inactive: true });
    expect(progress.get(pairB.id)).toMatchObject({ hasProgram: true, itemsDone: 0, itemsTotal: 8, meetings: 0 });
    expect([...progress.keys()].sort()).toEqual([busy.id, idle.id, pairB.id].sort());
    // Four weeks after the last meeting the busy pair is flagged too.
    expect((await withDb({ organizationId: school.id }, (tx) => pairProgress(tx, school.id, [busy.id], d("2026-12-20")))).get(busy.id)?.inactive).toBe(true);
  });

  it("myPairs shows a participant their approved pairs with the other party; an unlinked account learns why it sees nothing", async () => {
    const mine = await myPairs(tenantContext(school, mentorUser, ["MENTOR"]));
    expect(mine.linked).toBe(true);
    const a = mine.pairs.find((p) => p.id === pairA.id);
    expect(a).toMatchObject({ role: "mentor", status: "ACTIVE", others: [`${menteeA.person.lastName} Анна Петровна`] });
    expect(mine.pairs.every((p) => p.status !== "PROPOSED")).toBe(true);
    expect(mine.pairs.some((p) => p.id === pairB.id)).toBe(false);
    const asMentee = await myPairs(tenantContext(school, menteeUser, ["MENTEE"]));
    expect(asMentee.pairs).toEqual([expect.objectContaining({ id: pairA.id, role: "mentee", others: [`${mentorA.person.lastName} Анна Петровна`] })]);
    expect(await myPairs(tenantContext(school, strangerMentee, ["MENTEE"]))).toEqual({ linked: false, pairs: [] });

    const meetings = await getPairMeetings(tenantContext(school, menteeUser, ["MENTEE"]), pairA.id);
    expect(meetings).toMatchObject({ as: "mentee", canLog: true });
  });

  it("renders the program as a .docx with the participants, the plan and the signature lines", async () => {
    const doc = await buildPersonalProgramDocument(tenantContext(school, director, ["DIRECTOR"]), pairB.id);
    expect(doc).toMatchObject({ organizationName: "МБОУ «СОШ № 20»", form: "Учитель – учитель", difficulties: ["Цифровые инструменты, ИКТ"], signatures: { curator: "Е.П. Смирнова" } });
    expect(doc!.items).toHaveLength(8);
    const bytes = await renderPersonalProgramDocx(doc!);
    const xml = await docxXml(bytes);
    for (const text of ["Персонализированная программа наставничества", "План мероприятий", "СОГЛАСОВАНО", "Куратор программы наставничества", "Е.П. Смирнова", "Наставник", doc!.mentor.name, "Цифровые инструменты, ИКТ", "31.05.2027"]) {
      expect(xml).toContain(text);
    }
    // No program yet: no document.
    expect(await buildPersonalProgramDocument(tenantContext(school, director, ["DIRECTOR"]), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("tenant walls", () => {
  it("another school's curator gets nothing, and RLS hides the rows from another tenant scope", async () => {
    const prisma = db().prisma;
    const counts = async () => [await prisma.personalProgram.count(), await prisma.planItem.count(), await prisma.meeting.count(), await prisma.auditEvent.count()];
    const before = await counts();
    // Into school A with school B's membership: refused before any lookup.
    expect(await call(savePersonalProgram, as(otherCurator), validProgram(pairB.id))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // School A's pair named in school B's own organization: not found.
    expect(await call(savePersonalProgram, as(otherCurator), { ...validProgram(pairB.id), org: other.slug })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(logMeeting, as(otherCurator), { org: other.slug, pairId: pairB.id, kind: "REGULAR", heldOn: "2026-11-02", attendeeIds: [menteeB.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const meeting = await prisma.meeting.create({ data: { organizationId: school.id, pairId: pairB.id, kind: "INTRO", heldOn: d("2026-10-03"), attendeeIds: [menteeB.id], planItemIds: [], loggedById: curator.id } });
    expect(await call(deleteMeeting, as(otherCurator), { org: other.slug, meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.meeting.count({ where: { id: meeting.id } })).toBe(1);
    expect(await getPairProgram(tenantContext(other, otherCurator, ["CURATOR"]), pairB.id)).toBeNull();
    expect((await counts()).slice(0, 2)).toEqual(before.slice(0, 2));

    // RLS on its own: in school B's scope, even a query without the application's filter sees nothing.
    const seen = await withDb({ organizationId: other.id }, async (tx) => ({
      pairs: await tx.pair.count(),
      programs: await tx.personalProgram.count(),
      items: await tx.planItem.count(),
      meetings: await tx.meeting.count(),
      access: await pairAccess(tx, { user: { id: otherCurator.id }, organization: { id: school.id }, roles: ["CURATOR"] }, pairB.id),
      progress: (await pairProgress(tx, school.id, [pairB.id], todayIn(school.timeZone, now()))).size,
    }));
    expect(seen).toEqual({ pairs: 0, programs: 0, items: 0, meetings: 0, access: null, progress: 0 });
    // And writing into school A's rows from school B's scope fails in the database itself.
    await expect(
      withDb({ organizationId: other.id }, (tx) =>
        tx.meeting.create({ data: { organizationId: school.id, pairId: pairB.id, kind: "REGULAR", heldOn: d("2026-11-01"), attendeeIds: [], planItemIds: [], loggedById: otherCurator.id } }),
      ),
    ).rejects.toThrow();
    expect(await prisma.meeting.count({ where: { pairId: pairB.id } })).toBe(1);
    void otherProgramId;
  });
});
