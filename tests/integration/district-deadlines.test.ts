import { describe, expect, it, beforeAll } from "vitest";
import { setClock } from "../../lib/clock";
import { withDb } from "../../lib/db";
import "../../lib/deadlines/actions";
import { getDeadlineMarkFile, getOfficeDeadline, getOfficeDeadlinePage, listOfficeDeadlines, listSchoolDeadlines } from "../../lib/deadlines/queries";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { produceReport } from "../../lib/monitoring/report";
import { generateReminders } from "../../lib/reminders/generate";
import { reminderText } from "../../lib/reminders/text";
import { createMember, createOrganization, createProgramRow } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createDeadline, deleteDeadline, markDeadlineDone, updateDeadline } from "../../lib/deadlines/actions";
import { as, call, callOk, tenantContext } from "../setup/call";
import type { z } from "zod";
import type { CreateDeadlineInput } from "../../lib/deadlines/schemas";
import { day } from "../setup/dates";

// District deadlines (issue #16 item 1, decision 047): the office sets them, a region's cascade to the
// schools of its municipalities, done is computed from what the school did and when (in its zone), the
// dashboard's and the report's «с опозданием на N дней», the reminders; bad input refused, nothing written.
const db = setupTestDatabase();
pinClock();
const YEAR = 2026;

type Org = Awaited<ReturnType<typeof createOrganization>>;
let region: Org, muni: Org, otherMuni: Org, s1: Org, s2: Org, s3: Org;
let methodist: { id: string }, regionHead: { id: string }, director1: { id: string }, director2: { id: string }, director3: { id: string };

// Deliberately bad values (a stage of 9, a condition that does not exist) are typed `as never` where a test sends them.
const deadline = (over: Partial<z.input<typeof CreateDeadlineInput>> = {}): z.input<typeof CreateDeadlineInput> => ({ org: muni.slug, academicYear: String(YEAR), title: "Утвердить положение о наставничестве", stage: "1", dueStart: "", dueEnd: "2026-10-01", condition: "ACT", actKind: "REGULATION", ...over });
const count = () => db().prisma.districtDeadline.count();

beforeAll(async () => {
  const prisma = db().prisma;
  region = await createOrganization(prisma, { kind: "REGION", name: "Министерство образования края" });
  muni = await createOrganization(prisma, { kind: "MUNICIPALITY", parentId: region.id, name: "Отдел образования округа" });
  otherMuni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования другого округа" });
  s1 = await createOrganization(prisma, { parentId: muni.id, name: "СОШ №1" });
  s2 = await createOrganization(prisma, { parentId: muni.id, name: "СОШ №2" });
  s3 = await createOrganization(prisma, { parentId: otherMuni.id, name: "СОШ №3" });
  methodist = await createMember(prisma, muni.id, ["METHODIST"]);
  regionHead = await createMember(prisma, region.id, ["MUNICIPAL_HEAD"]);
  director1 = await createMember(prisma, s1.id, ["DIRECTOR"]);
  director2 = await createMember(prisma, s2.id, ["DIRECTOR"]);
  director3 = await createMember(prisma, s3.id, ["DIRECTOR"]);
  for (const s of [s1, s2, s3]) await createProgramRow(prisma, s.id, { academicYear: YEAR, title: "Программа", audience: "BOTH", stage: 2 });
});

describe("the office's deadlines: bad input refused with a Russian message, nothing written", () => {
  it("no title, a period that ends before it starts, a wrong stage, an act deadline without its kind", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "  " }, "Заполните это поле."],
      [{ dueStart: "2026-10-05", dueEnd: "2026-10-01" }, "Начало периода позже его окончания."],
      [{ dueEnd: "2026-13-40" }, "Введите дату в формате ДД.ММ.ГГГГ."],
      [{ stage: "9" }, "Выберите этап от 1 до 7."],
      [{ stage: "этап" }, "Выберите этап от 1 до 7."],
      [{ actKind: "" }, "Выберите вид акта, регистрация которого означает выполнение."],
    ];
    for (const [over, message] of cases) {
      const res = await call(createDeadline, as(methodist), deadline(over));
      expect(res.ok, JSON.stringify(over)).toBe(false);
      if (!res.ok) expect([res.error.message, ...Object.values(res.error.fieldErrors ?? {}).flat()].join(" "), JSON.stringify(over)).toContain(message);
    }
    expect(await count()).toBe(0);
  });

  it("a school cannot set deadlines; a deadline outside the academic year is saved with a warning", async () => {
    expect(await call(createDeadline, as(director1), deadline({ org: s1.slug }))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const outside = await callOk(createDeadline, as(methodist), deadline({ title: "Летняя школа кураторов", dueEnd: "2027-09-10", condition: "MARKED", actKind: "" }));
    expect(outside.warning).toBe("deadlineOutsideYear");
    const rows = await listOfficeDeadlines(tenantContext(muni, methodist, ["METHODIST"]), YEAR);
    expect(rows.find((r) => r.id === outside.deadlineId)).toMatchObject({ outsideYear: true, schools: 2, done: 0 });
    await callOk(deleteDeadline, as(methodist), { org: muni.slug, deadlineId: outside.deadlineId });
    expect(await count()).toBe(0);
  });
});

describe("done, on time or late, from what the school did", () => {
  let actDeadline: string, markDeadline: string, surveyDeadline: string;

  beforeAll(async () => {
    actDeadline = String((await callOk(createDeadline, as(methodist), deadline())).deadlineId);
    markDeadline = String((await callOk(createDeadline, as(methodist), deadline({ title: "Провести педсовет о наставничестве", stage: "1", dueStart: "2026-11-01", dueEnd: "2026-11-20", condition: "MARKED", actKind: "" }))).deadlineId);
    // The region's deadline reaches the schools of its municipalities (s1, s2), not those of another (s3).
    surveyDeadline = String((await callOk(createDeadline, as(regionHead), deadline({ org: region.slug, title: "Провести входное анкетирование", stage: "2", dueEnd: "2026-11-30", condition: "SURVEY", actKind: "" }))).deadlineId);
  });

  it("an act registered three days late is «с опозданием на 3 дня»; one on the day is on time", async () => {
    const prisma = db().prisma;
    await prisma.localAct.create({ data: { organizationId: s1.id, kind: "REGULATION", title: "Положение", date: day("2026-10-04"), registeredById: director1.id } });
    await prisma.localAct.create({ data: { organizationId: s2.id, kind: "REGULATION", title: "Положение", date: day("2026-10-01"), registeredById: director2.id } });
    const [one] = (await listSchoolDeadlines(tenantContext(s1, director1, ["DIRECTOR"]), YEAR)).filter((d) => d.deadlineId === actDeadline);
    expect(one?.timing).toEqual({ status: "late", doneOn: day("2026-10-04"), daysLate: 3 });
    const [two] = (await listSchoolDeadlines(tenantContext(s2, director2, ["DIRECTOR"]), YEAR)).filter((d) => d.deadlineId === actDeadline);
    expect(two?.timing).toEqual({ status: "onTime", doneOn: day("2026-10-01") });
  });

  it("the school's mark: needs evidence, counts the day in the school's zone (23:30 on the last day on time, 00:10 next day late); a second mark keeps the first day", async () => {
    const input = { org: s1.slug, deadlineId: markDeadline, comment: "Протокол педсовета №3", link: "" };
    expect(await call(markDeadlineDone, as(director1), { ...input, comment: "" })).toMatchObject({ ok: false, error: { message: "Подтвердите выполнение: комментарий, ссылка или файл." } });
    expect(await call(markDeadlineDone, as(director1), { ...input, link: "javascript:alert(1)" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "скан.pdf", { type: "application/pdf" });
    expect(await call(markDeadlineDone, as(director1), { ...input, file: big })).toMatchObject({ ok: false, error: { message: "Файл больше 10 МБ." } });
    expect(await call(markDeadlineDone, as(director1), { ...input, deadlineId: actDeadline })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.deadlineCompletion.count()).toBe(0);

    setClock("2026-11-20T23:30:00+03:00");
    const file = new File([new TextEncoder().encode("%PDF-1.4 протокол")], "протокол.pdf", { type: "application/pdf" });
    await callOk(markDeadlineDone, as(director1), { ...input, file });
    setClock("2026-11-21T00:10:00+03:00");
    await callOk(markDeadlineDone, as(director2), { ...input, org: s2.slug, comment: "", link: "https://school2.example.ru/news/pedsovet" });
    setClock("2026-12-04T12:00:00+03:00");
    // Marking again replaces the evidence (the file stays when none comes) and keeps the day it was done.
    const before = await db().prisma.deadlineCompletion.findFirstOrThrow({ where: { organizationId: s1.id }, select: { markedAt: true } });
    await callOk(markDeadlineDone, as(director1), { ...input, comment: "Протокол педсовета №3 от 20.11" });
    expect(await db().prisma.deadlineCompletion.findFirstOrThrow({ where: { organizationId: s1.id }, select: { markedAt: true, comment: true, fileName: true } })).toEqual({ ...before, comment: "Протокол педсовета №3 от 20.11", fileName: "протокол.pdf" });
    // A school of another municipality does not see the deadline at all.
    expect(await call(markDeadlineDone, as(director3), { ...input, org: s3.slug })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    const marks = await db().prisma.deadlineCompletion.findMany({ orderBy: { markedAt: "asc" }, select: { organizationId: true, fileName: true, fileSize: true, comment: true } });
    expect(marks).toEqual([
      { organizationId: s1.id, fileName: "протокол.pdf", fileSize: file.size, comment: "Протокол педсовета №3 от 20.11" },
      { organizationId: s2.id, fileName: null, fileSize: null, comment: null },
    ]);
    const [one] = (await listSchoolDeadlines(tenantContext(s1, director1, ["DIRECTOR"]), YEAR)).filter((d) => d.deadlineId === markDeadline);
    expect(one?.timing).toMatchObject({ status: "onTime" });
    expect(one?.mark).toMatchObject({ comment: "Протокол педсовета №3 от 20.11", fileName: "протокол.pdf" });
    const [two] = (await listSchoolDeadlines(tenantContext(s2, director2, ["DIRECTOR"]), YEAR)).filter((d) => d.deadlineId === markDeadline);
    expect(two?.timing).toMatchObject({ status: "late", daysLate: 1 });
  });

  it("the office that set the deadline reads each school's outcome and evidence (decision 054); no one else does, and it cannot change a mark", async () => {
    const office = tenantContext(muni, methodist, ["METHODIST"]);
    const found = (await getOfficeDeadline(office, markDeadline))!;
    expect(found.deadline.title).toBe("Провести педсовет о наставничестве");
    expect(found.rows.map((r) => [r.name, r.timing?.status, r.mark?.comment ?? null, r.mark?.link ?? null, r.mark?.fileName ?? null])).toEqual([
      ["СОШ №1", "onTime", "Протокол педсовета №3 от 20.11", null, "протокол.pdf"],
      ["СОШ №2", "late", null, "https://school2.example.ru/news/pedsovet", null],
    ]);
    const file = await getDeadlineMarkFile(office, markDeadline, s1.id);
    expect([file?.fileName, new TextDecoder().decode(file!.fileData!)]).toEqual(["протокол.pdf", "%PDF-1.4 протокол"]);
    expect(await getDeadlineMarkFile(office, markDeadline, s2.id)).toBeNull();
    // Another municipality, the region above (not its deadline), a school: no mark of these schools.
    expect(await getOfficeDeadline(tenantContext(otherMuni, methodist, ["METHODIST"]), markDeadline)).toBeNull();
    // A page of the schools (issue #19): by outcome, by name, a page past the last; another office: not found.
    expect((await getOfficeDeadlinePage(office, markDeadline, { status: "late" }))!.rows.map((r) => r.name)).toEqual(["СОШ №2"]);
    expect(await getOfficeDeadlinePage(office, markDeadline, { q: "сош №1" })).toMatchObject({ schools: 2, total: 1, rows: [{ name: "СОШ №1" }] });
    expect(await getOfficeDeadlinePage(office, markDeadline, { status: "overdue" })).toMatchObject({ total: 0, rows: [] });
    expect(await getOfficeDeadlinePage(office, markDeadline, { page: 50 }, 1)).toMatchObject({ total: 2, page: 2, pages: 2, rows: [{ name: "СОШ №2" }] });
    expect(await getOfficeDeadlinePage(tenantContext(otherMuni, methodist, ["METHODIST"]), markDeadline, {})).toBeNull();
    const seenBy = (scope: string) => withDb({ organizationId: scope }, (tx) => tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "DeadlineCompletion" ORDER BY "organizationId"`);
    expect(await seenBy(otherMuni.id)).toEqual([]);
    expect(await seenBy(region.id)).toEqual([]);
    expect((await seenBy(s2.id)).map((r) => r.organizationId)).toEqual([s2.id]);
    expect((await seenBy(muni.id)).map((r) => r.organizationId).sort()).toEqual([s1.id, s2.id].sort());
    expect(await getDeadlineMarkFile(tenantContext(otherMuni, methodist, ["METHODIST"]), markDeadline, s1.id)).toBeNull();
    // Read only: the office's UPDATE and DELETE reach no row.
    expect(await withDb({ organizationId: muni.id }, (tx) => tx.$executeRaw`UPDATE "DeadlineCompletion" SET comment = 'исправлено округом'`)).toBe(0);
    expect(await withDb({ organizationId: muni.id }, (tx) => tx.$executeRaw`DELETE FROM "DeadlineCompletion"`)).toBe(0);
    expect(await db().prisma.deadlineCompletion.count({ where: { comment: "Протокол педсовета №3 от 20.11" } })).toBe(1);
  });

  it("the region's deadline cascades: s1 closing a questionnaire is done on time, s2 is overdue, s3 never sees it", async () => {
    const q = await db().prisma.questionnaire.create({
      data: { organizationId: s1.id, kind: "MENTEE_NEEDS", title: "Входная анкета", questions: [], status: "CLOSED", closedAt: new Date("2026-11-29T10:00:00Z"), createdById: director1.id },
    });
    expect(q.id).toBeTruthy();
    const s1Rows = await listSchoolDeadlines(tenantContext(s1, director1, ["DIRECTOR"]), YEAR);
    expect(s1Rows.find((d) => d.deadlineId === surveyDeadline)).toMatchObject({ officeName: "Министерство образования края", timing: { status: "onTime" } });
    const s2Rows = await listSchoolDeadlines(tenantContext(s2, director2, ["DIRECTOR"]), YEAR);
    expect(s2Rows.find((d) => d.deadlineId === surveyDeadline)?.timing).toEqual({ status: "overdue", daysOverdue: 4 });
    expect((await listSchoolDeadlines(tenantContext(s3, director3, ["DIRECTOR"]), YEAR)).map((d) => d.deadlineId)).toEqual([]);
    // RLS, without the application's filter: s3 reads none of the offices' deadlines, s1 reads its two offices'.
    expect(await withDb({ organizationId: s3.id }, (tx) => tx.districtDeadline.count())).toBe(0);
    expect(await withDb({ organizationId: s1.id }, (tx) => tx.districtDeadline.count())).toBe(3);
    // …and cannot write one for its office.
    await expect(withDb({ organizationId: s1.id }, (tx) => tx.districtDeadline.create({ data: { organizationId: muni.id, academicYear: YEAR, title: "x", stage: 1, dueEnd: day("2026-12-01"), condition: "MARKED" } }))).rejects.toThrow();
  });

  it("the dashboard and the report say «с опозданием на 3 дня» for s1's act", async () => {
    const figures = await withDb({ organizationId: muni.id }, (tx) => loadDistrictFigures(tx, muni.id, YEAR, day("2026-12-04")));
    const one = figures.find((f) => f.schoolId === s1.id)!;
    expect(one.lateDeadlines).toEqual([{ title: "Утвердить положение о наставничестве", daysLate: 3 }]);
    expect(one).toMatchObject({ deadlinesDue: 3, deadlinesMet: 2 });
    expect(figures.find((f) => f.schoolId === s2.id)).toMatchObject({ deadlinesDue: 3, deadlinesMet: 1, lateDeadlines: [{ title: "Провести педсовет о наставничестве", daysLate: 1 }] });
    const report = await produceReport(tenantContext(muni, methodist, ["METHODIST"]), YEAR, day("2026-12-04"));
    const roadmap = report.sections.find((s) => s.key === "roadmap")!;
    expect(roadmap.table!.header).toContain("Выполнено в срок");
    const row = roadmap.table!.rows.find((r) => r[1] === "СОШ №1")!;
    expect(row.slice(4)).toEqual([2, "«Утвердить положение о наставничестве» — с опозданием на 3 дня"]);
    const school = await produceReport(tenantContext(s1, director1, ["DIRECTOR"]), YEAR, day("2026-12-04"));
    const kv = school.sections.find((s) => s.key === "roadmap")!.table!.rows;
    expect(kv).toContainEqual(expect.arrayContaining(["Выполнено с опозданием", "«Утвердить положение о наставничестве» — с опозданием на 3 дня"]));
  });

  it("reminds the school's director of an overdue deadline once", async () => {
    const s2Ctx = { id: s2.id, slug: s2.slug, timeZone: s2.timeZone };
    const at = new Date("2026-12-04T09:00:00Z");
    const first = await withDb({ organizationId: s2.id }, (tx) => generateReminders(tx, s2Ctx, at));
    expect(first).toBeGreaterThanOrEqual(1);
    const reminders = await db().prisma.reminder.findMany({ where: { organizationId: s2.id, kind: "DEADLINE_OVERDUE" }, select: { userId: true, kind: true, values: true, title: true, body: true, emailTo: true } });
    // As the director reads it in Russian (stored as values, worded when read).
    expect(reminders.map((r) => ({ userId: r.userId, title: reminderText(r, "ru").title, emailTo: r.emailTo }))).toEqual([
      { userId: director2.id, title: "Просрочен срок округа: «Провести входное анкетирование»", emailTo: expect.stringContaining("@") },
    ]);
    expect(await withDb({ organizationId: s2.id }, (tx) => generateReminders(tx, s2Ctx, at))).toBe(0);
  });

  it("editing moves the deadline and the outcome follows; another office's deadline is not found", async () => {
    await callOk(updateDeadline, as(methodist), { ...deadline({ dueEnd: "2026-10-04" }), deadlineId: actDeadline });
    const [one] = (await listSchoolDeadlines(tenantContext(s1, director1, ["DIRECTOR"]), YEAR)).filter((d) => d.deadlineId === actDeadline);
    expect(one?.timing).toMatchObject({ status: "onTime" });
    expect(await call(updateDeadline, as(methodist), { ...deadline({ org: muni.slug }), deadlineId: surveyDeadline })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db().prisma.districtDeadline.findUniqueOrThrow({ where: { id: surveyDeadline }, select: { title: true } })).toEqual({ title: "Провести входное анкетирование" });
  });
});
