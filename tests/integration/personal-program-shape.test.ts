import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/db/generated/prisma/client";
import { renderPersonalProgramDocx } from "../../lib/documents/personal-program-docx";
import { deleteMeeting, logMeeting } from "../../lib/pairs/meeting-actions";
import { deletePlannedMeeting, savePlannedMeeting } from "../../lib/pairs/meeting-schedule-actions";
import { approvePersonalProgram, programFromTemplate, savePersonalProgram, savePlanItem } from "../../lib/pairs/personal-program-actions";
import { buildPersonalProgramDocument, getPairMeetings, getPairProgram } from "../../lib/pairs/work-queries";
import { createMember, createOrganization, createPairRow, createProgramRow } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf, tenantContext } from "../setup/call";
import { day as d } from "../setup/dates";
import { docxXml } from "../setup/files";

// Issue #15 item 5: the personalized program's full shape — tasks, working mode, intermediate and final
// results, the meeting schedule (planned → held), the curator's approval, short plans for speed and
// situational mentoring (docs/decisions/028). The clock is the story's day, 04.12.2026.
const db = setupTestDatabase();
pinClock();
type ProgramInput = InputOf<typeof savePersonalProgram>;

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = { id: string; name: string; email: string };
type MentoringType = "TRADITIONAL" | "SPEED" | "SITUATIONAL" | "VIRTUAL" | "GROUP";

let school: Org;
let curator: User;
let director: User;
let mentorUser: User;
let menteeUser: User;
let programId: string;
let mentorId: string;
let seq = 0;

async function menteeEntry(prisma: PrismaClient, userId?: string) {
  seq += 1;
  const person = await prisma.person.create({
    data: { organizationId: school.id, kind: "TEACHER", lastName: `Иванова${seq}`, firstName: "Мария", middleName: "Сергеевна", position: "учитель", userId: userId ?? null },
  });
  return prisma.menteeProfile.create({
    data: { organizationId: school.id, personId: person.id, category: "YOUNG_SPECIALIST", difficulties: ["LESSON_PLANNING"], source: "QUESTIONNAIRE", status: "PAIRED", addedById: curator.id },
  });
}

async function pairOf(type: MentoringType, menteeUserId?: string) {
  const prisma = db().prisma;
  const m = await menteeEntry(prisma, menteeUserId);
  const pair = await createPairRow(prisma, { organizationId: school.id, programId, mentorId, menteeIds: [m.id], type, status: "APPROVED", proposedById: curator.id, decidedAt: d("2026-09-20") });
  return { id: pair.id, menteeId: m.id };
}

const program = (pairId: string, extra: Partial<ProgramInput> = {}): ProgramInput => ({
  org: school.slug,
  pairId,
  startsOn: "2026-10-01",
  endsOn: "2027-05-31",
  direction: "Адаптация молодого педагога",
  goals: "Успешная адаптация педагога.",
  tasks: "1. Освоить планирование уроков.\n2. Выстроить работу с родителями.",
  workingMode: "MIXED",
  difficulties: ["LESSON_PLANNING"],
  intermediateResults: "Разработаны технологические карты уроков.",
  expectedResults: "Проведён открытый урок.",
  achievedResults: "",
  ...extra,
});
const programOf = (pairId: string) => db().prisma.personalProgram.findFirstOrThrow({ where: { pairId }, include: { plannedMeetings: true, items: true } });

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { name: "МБОУ «СОШ № 20»" });
  curator = await createMember(prisma, school.id, ["CURATOR"], { name: "Смирнова Елена Петровна" });
  director = await createMember(prisma, school.id, ["DIRECTOR"], { name: "Петров Иван Иванович" });
  mentorUser = await createMember(prisma, school.id, ["MENTOR"]);
  menteeUser = await createMember(prisma, school.id, ["MENTEE"]);
  programId = (await createProgramRow(prisma, school.id, { academicYear: 2026, title: "Программа наставничества", audience: "BOTH", stage: 6, curatorId: curator.id })).id;
  const person = await prisma.person.create({
    data: { organizationId: school.id, kind: "TEACHER", lastName: "Кузнецова", firstName: "Ольга", middleName: "Игоревна", position: "учитель", userId: mentorUser.id },
  });
  mentorId = (await prisma.mentorProfile.create({ data: { organizationId: school.id, personId: person.id, status: "APPROVED", capacity: 10, addedById: curator.id } })).id;
});

describe("program length by type of mentoring", () => {
  it("accepts a speed pair's one-day short plan and refuses a month and a day, naming the bounds of speed mentoring", async () => {
    const speed = await pairOf("SPEED");
    const long = await call(savePersonalProgram, as(mentorUser), program(speed.id, { startsOn: "2026-11-10", endsOn: "2026-12-11" }));
    expect(long).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { endsOn: ["Срок слишком длинный: для скоростного наставничества программа длится от одного дня до 1 месяца."] } },
    });
    expect(await db().prisma.personalProgram.count({ where: { pairId: speed.id } })).toBe(0);
    const oneDay = await call(savePersonalProgram, as(mentorUser), program(speed.id, { startsOn: "2026-11-10", endsOn: "2026-11-10" }));
    expect(oneDay).toMatchObject({ ok: true, data: { created: true } });
    expect(await programOf(speed.id)).toMatchObject({ startsOn: d("2026-11-10"), endsOn: d("2026-11-10"), workingMode: "MIXED", status: "DRAFT", version: 1 });
  });

  it("still refuses a traditional pair's program under 3 months", async () => {
    const traditional = await pairOf("TRADITIONAL");
    const res = await call(savePersonalProgram, as(mentorUser), program(traditional.id, { startsOn: "2026-11-10", endsOn: "2026-11-10" }));
    expect(res).toMatchObject({ ok: false, error: { fieldErrors: { endsOn: ["Дата окончания должна быть позже даты начала."] } } });
    const twoMonths = await call(savePersonalProgram, as(mentorUser), program(traditional.id, { startsOn: "2026-10-01", endsOn: "2026-12-01" }));
    expect(twoMonths).toMatchObject({
      ok: false,
      error: { fieldErrors: { endsOn: ["Срок слишком короткий: для традиционного наставничества программа длится от 3 месяцев до 12 месяцев."] } },
    });
    expect(await db().prisma.personalProgram.count({ where: { pairId: traditional.id } })).toBe(0);
  });

  it("accepts a situational pair's two-month plan", async () => {
    const situational = await pairOf("SITUATIONAL");
    expect(await call(savePersonalProgram, as(mentorUser), program(situational.id, { startsOn: "2026-10-01", endsOn: "2026-12-01" }))).toMatchObject({ ok: true });
  });
});

describe("templates fill the program's whole shape", () => {
  it("a virtual pair's template: tasks, remote mode, intermediate results, its meeting schedule", async () => {
    const virtual = await pairOf("VIRTUAL");
    const res = await call(programFromTemplate, as(curator), { org: school.slug, pairId: virtual.id, startsOn: "2026-10-01", endsOn: "2027-05-31" });
    expect(res).toMatchObject({ ok: true, data: { items: 8, meetings: 5 } });
    const saved = await programOf(virtual.id);
    expect(saved.workingMode).toBe("REMOTE");
    expect(saved.tasks).toContain("1. ");
    expect(saved.intermediateResults).toBeTruthy();
    expect(saved.plannedMeetings.map((m) => m.kind).sort()).toEqual(["FINAL", "INTRO", "PLANNING", "REGULAR", "REGULAR"]);
    expect(saved.plannedMeetings.find((m) => m.kind === "FINAL")!.plannedOn).toEqual(d("2027-05-31"));
  });

  it("a speed pair gets the short plan without dates: two weeks from today, one meeting", async () => {
    const speed = await pairOf("SPEED");
    const res = await call(programFromTemplate, as(curator), { org: school.slug, pairId: speed.id });
    expect(res).toMatchObject({ ok: true, data: { template: "Краткий план (скоростное, ситуационное наставничество)", items: 3, meetings: 1 } });
    const saved = await programOf(speed.id);
    expect(saved).toMatchObject({ startsOn: d("2026-12-04"), endsOn: d("2026-12-18"), workingMode: "IN_PERSON" });
  });
});

describe("the curator's approval", () => {
  it("approves the version read; progress keeps it; a plan change returns it to the draft; approving again", async () => {
    const prisma = db().prisma;
    const p = await pairOf("TRADITIONAL");
    await call(programFromTemplate, as(mentorUser), { org: school.slug, pairId: p.id, startsOn: "2026-10-01", endsOn: "2027-05-31" });
    const v1 = await programOf(p.id);

    // The mentor writes the program but does not approve it; the curator approves only the version read.
    expect(await call(approvePersonalProgram, as(mentorUser), { org: school.slug, pairId: p.id, version: v1.version })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(approvePersonalProgram, as(curator), { org: school.slug, pairId: p.id, version: v1.version + 1 })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Программа изменилась, пока вы её читали: обновите страницу и проверьте её перед согласованием." },
    });
    expect((await programOf(p.id)).status).toBe("DRAFT");
    expect((await getPairProgram(tenantContext(school, mentorUser, ["MENTOR"]), p.id))!.canApprove).toBe(false);
    expect((await getPairProgram(tenantContext(school, curator, ["CURATOR"]), p.id))!.canApprove).toBe(true);

    expect(await call(approvePersonalProgram, as(curator), { org: school.slug, pairId: p.id, version: v1.version })).toMatchObject({ ok: true });
    const approved = await programOf(p.id);
    expect(approved).toMatchObject({ status: "APPROVED", approvedVersion: v1.version, approvedById: curator.id });
    expect(approved.approvedAt).toBeInstanceOf(Date);
    expect(await call(approvePersonalProgram, as(curator), { org: school.slug, pairId: p.id, version: v1.version })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    // Progress does not touch the approval: an item marked done, the achieved results written.
    const item = approved.items[0]!;
    const done = await call(savePlanItem, as(mentorUser), {
      org: school.slug, pairId: p.id, itemId: item.id, title: item.title, dueOn: item.dueOn.toISOString().slice(0, 10), status: "DONE", result: "Выполнено.",
    });
    expect(done).toMatchObject({ ok: true, data: { returnedToDraft: false } });
    const plan = {
      startsOn: "2026-10-01", endsOn: "2027-05-31", direction: approved.direction, goals: approved.goals, tasks: approved.tasks!, workingMode: approved.workingMode!,
      difficulties: approved.difficulties, intermediateResults: approved.intermediateResults!, expectedResults: approved.expectedResults,
    };
    expect(await call(savePersonalProgram, as(mentorUser), { org: school.slug, pairId: p.id, ...plan, achievedResults: "Уроки спланированы." })).toMatchObject({
      ok: true,
      data: { returnedToDraft: false },
    });
    expect(await programOf(p.id)).toMatchObject({ status: "APPROVED", version: v1.version });

    // A change of the plan: a draft again, a new version; the last approval stays on record.
    expect(await call(savePersonalProgram, as(mentorUser), { org: school.slug, pairId: p.id, ...plan, tasks: "1. Новая задача." })).toMatchObject({
      ok: true,
      data: { returnedToDraft: true },
    });
    const draft = await programOf(p.id);
    expect(draft).toMatchObject({ status: "DRAFT", version: v1.version + 1, approvedVersion: v1.version, approvedById: curator.id, tasks: "1. Новая задача." });

    // The director approves the new version; a planned meeting added afterwards returns it to the draft too.
    expect(await call(approvePersonalProgram, as(director), { org: school.slug, pairId: p.id, version: draft.version })).toMatchObject({ ok: true });
    expect(await programOf(p.id)).toMatchObject({ status: "APPROVED", approvedById: director.id, approvedVersion: draft.version });
    const planned = await call(savePlannedMeeting, as(mentorUser), { org: school.slug, pairId: p.id, plannedOn: "2027-02-10", kind: "REGULAR", topic: "Открытый урок" });
    expect(planned).toMatchObject({ ok: true, data: { returnedToDraft: true } });
    expect(await programOf(p.id)).toMatchObject({ status: "DRAFT", version: draft.version + 1 });
    expect(await prisma.auditEvent.count({ where: { action: "personalPrograms.approve", targetId: draft.id } })).toBe(2);
  });

  it("prints the approval in force in the .docx with the new sections", async () => {
    const p = await pairOf("TRADITIONAL");
    await call(savePersonalProgram, as(mentorUser), program(p.id));
    await call(savePlanItem, as(mentorUser), { org: school.slug, pairId: p.id, title: "Посещение уроков наставника", dueOn: "2026-10-15", status: "PLANNED" });
    await call(savePlannedMeeting, as(mentorUser), { org: school.slug, pairId: p.id, plannedOn: "2026-10-02", kind: "INTRO", topic: "Знакомство" });
    const { version } = await programOf(p.id);
    expect(await call(approvePersonalProgram, as(curator), { org: school.slug, pairId: p.id, version })).toMatchObject({ ok: true });
    const doc = await buildPersonalProgramDocument(tenantContext(school, curator, ["CURATOR"]), p.id);
    expect(doc).toMatchObject({ workingMode: "Смешанно", approval: { by: "Е.П. Смирнова" } });
    const xml = await docxXml(await renderPersonalProgramDocx(doc!));
    for (const text of ["Форма работы", "Смешанно", "Задачи:", "1. Освоить планирование уроков.", "5. График встреч", "Знакомство", "6. Промежуточные результаты", "Разработаны технологические карты уроков.", "7. Итоговые (ожидаемые) результаты", "СОГЛАСОВАНО", "Е.П. Смирнова"]) {
      expect(xml).toContain(text);
    }
  });
});

describe("the meeting schedule: planned meetings become held ones", () => {
  it("logging a meeting of a planned day and kind holds it — linked, not duplicated; overdue ones are shown", async () => {
    const prisma = db().prisma;
    const p = await pairOf("TRADITIONAL", menteeUser.id);
    await call(savePersonalProgram, as(mentorUser), program(p.id));
    const plan = (input: Omit<InputOf<typeof savePlannedMeeting>, "org" | "pairId">) => call(savePlannedMeeting, as(mentorUser), { org: school.slug, pairId: p.id, ...input });
    expect(await plan({ plannedOn: "2027-06-01", kind: "REGULAR", topic: "После срока" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { plannedOn: ["Дата встречи графика должна быть в пределах срока программы."] } },
    });
    expect(await plan({ plannedOn: "2026-10-05", kind: "GROUP_FINAL", topic: "Группа" })).toMatchObject({ ok: false, error: { fieldErrors: { kind: [expect.stringContaining("только в группе")] } } });
    const intro = await plan({ plannedOn: "2026-10-05", kind: "INTRO", topic: "Знакомство" });
    const planning = await plan({ plannedOn: "2026-10-12", kind: "PLANNING", topic: "Планирование" });
    const regular = await plan({ plannedOn: "2026-11-16", kind: "REGULAR", topic: "Анализ уроков" });
    await plan({ plannedOn: "2027-05-31", kind: "FINAL", topic: "Итоги" });
    const ids = [intro, planning, regular].map((r) => (r.ok ? r.data.plannedMeetingId : ""));

    // The mentee logs the intro of the planned day without choosing: it holds the planned one.
    const log = (input: Omit<InputOf<typeof logMeeting>, "org" | "pairId">) =>
      call(logMeeting, as(menteeUser), { org: school.slug, pairId: p.id, attendeeIds: [p.menteeId], notes: "", planItemIds: [], ...input });
    const first = await log({ kind: "INTRO", heldOn: "2026-10-05" });
    expect(first).toMatchObject({ ok: true, data: { plannedMeetingId: ids[0] } });
    const meetingId = first.ok ? first.data.meetingId : "";
    expect(await prisma.plannedMeeting.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ meetingId });
    expect(await prisma.meeting.count({ where: { pairId: p.id } })).toBe(1);
    expect(await prisma.plannedMeeting.count({ where: { personalProgram: { pairId: p.id } } })).toBe(4);

    // A held planned meeting is not held twice, nor changed; another kind does not hold the planning one.
    expect(await log({ kind: "INTRO", heldOn: "2026-10-06", plannedMeetingId: ids[0] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { plannedMeetingId: ["Эта запланированная встреча уже отмечена проведённой."] } },
    });
    expect(await log({ kind: "REGULAR", heldOn: "2026-10-13", plannedMeetingId: ids[1] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { plannedMeetingId: [expect.stringContaining("Вид встречи не совпадает")] } },
    });
    expect(await plan({ plannedMeetingId: ids[0]!, plannedOn: "2026-10-06", kind: "INTRO", topic: "Изменено" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(deletePlannedMeeting, as(mentorUser), { org: school.slug, pairId: p.id, plannedMeetingId: ids[0]! })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await prisma.meeting.count({ where: { pairId: p.id } })).toBe(1);

    // The planning meeting held a day late, chosen explicitly: it is held on that day.
    expect(await log({ kind: "PLANNING", heldOn: "2026-10-13", plannedMeetingId: ids[1] })).toMatchObject({ ok: true, data: { plannedMeetingId: ids[1] } });
    // A meeting with no planned one of its day and kind is off the schedule.
    expect(await log({ kind: "REGULAR", heldOn: "2026-11-02" })).toMatchObject({ ok: true, data: { plannedMeetingId: null } });

    // As of 04.12.2026: intro and planning held, the regular one of 16.11 overdue, the final one planned.
    const page = await getPairMeetings(tenantContext(school, curator, ["CURATOR"]), p.id);
    expect(page!.schedule.summary).toEqual({ HELD: 2, OVERDUE: 1, PLANNED: 1 });
    expect(page!.schedule.meetings.map((m) => [m.topic, m.state, m.heldOn])).toEqual([
      ["Знакомство", "HELD", d("2026-10-05")],
      ["Планирование", "HELD", d("2026-10-13")],
      ["Анализ уроков", "OVERDUE", null],
      ["Итоги", "PLANNED", null],
    ]);

    // Deleting the logged intro makes the planned one open again (overdue by now).
    expect(await call(deleteMeeting, as(curator), { org: school.slug, meetingId })).toMatchObject({ ok: true });
    expect(await prisma.plannedMeeting.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ meetingId: null });
    expect((await getPairMeetings(tenantContext(school, curator, ["CURATOR"]), p.id))!.schedule.summary).toEqual({ HELD: 1, OVERDUE: 2, PLANNED: 1 });
  });

  it("refuses to shorten the period past a planned meeting not yet held", async () => {
    const p = await pairOf("TRADITIONAL");
    await call(savePersonalProgram, as(mentorUser), program(p.id));
    await call(savePlannedMeeting, as(mentorUser), { org: school.slug, pairId: p.id, plannedOn: "2027-05-20", kind: "FINAL", topic: "Итоги" });
    expect(await call(savePersonalProgram, as(mentorUser), program(p.id, { endsOn: "2027-04-30" }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { endsOn: ["Некоторые запланированные встречи графика выходят за новые сроки: сначала перенесите их."] } },
    });
    expect((await programOf(p.id)).endsOn).toEqual(d("2027-05-31"));
  });
});
