import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { now } from "../../lib/clock";
import { withDb } from "../../lib/db";
import { STALE_AFTER_MS } from "../../lib/domain/tasks";
import { startPeopleImport, startReport } from "../../lib/tasks/actions";
import { TASK_HANDLERS } from "../../lib/tasks/handlers";
import { downloadTaskFile, findTask, listTasks } from "../../lib/tasks/queries";
import { purgeExpiredTasks, runDueTasks } from "../../lib/tasks/runner";
import type { TaskHandlers } from "../../lib/tasks/work";
import { createMember, createOrganization } from "../factories";
import { as, call, callOk, tenantContext } from "../setup/call";
import { setupTestDatabase } from "../setup/database";
import { csvFile as csv, distinctSurname } from "../setup/files";
import { peopleCount } from "../setup/rows";

// Background tasks (decision 057): the people import and the annual report started by an action, run by the runner,
// their progress, failures, the pickup after a restart, who sees them, and the tenant wall around their table.

const db = setupTestDatabase();

let school: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
let curator: { id: string };
let psychologist: { id: string };
let director: { id: string };
let mentor: { id: string };
let otherCurator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma, { shortName: "СОШ № 7" });
  other = await createOrganization(prisma);
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  psychologist = await createMember(prisma, school.id, ["PSYCHOLOGIST"]);
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  mentor = await createMember(prisma, school.id, ["MENTOR"]);
  otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
});

const people = (n: number) => csv(`Фамилия;Имя;Должность\n${Array.from({ length: n }, (_, i) => `${distinctSurname(i, "Тест")};Анна;Учитель`).join("\n")}\n`, `people-${n}.csv`);
const task = (id: string) => db().prisma.backgroundTask.findUniqueOrThrow({ where: { id } });

describe("the people import as a task", () => {
  it("is refused as a value to a role without people.manage and to another school, storing nothing", async () => {
    const before = await db().prisma.backgroundTask.count();
    expect(await call(startPeopleImport, as(mentor), { org: school.slug, file: people(3) })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(startPeopleImport, as(otherCurator), { org: school.slug, file: people(3) })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const tooLarge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "list.csv", { type: "text/csv" });
    expect(await call(startPeopleImport, as(curator), { org: school.slug, file: tooLarge })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Файл больше 5 МБ: разделите список на несколько файлов." } });
    expect(await call(startPeopleImport, as(curator), { org: school.slug, file: people(3), encoding: "koi8-r" as never })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await db().prisma.backgroundTask.count()).toBe(before);
  });

  it("stores the file, then writes 2,500 people in one run: progress by phase, the report, the audit, the file dropped", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const { taskId } = await callOk(startPeopleImport, as(curator), { org: school.slug, file: people(2500), expected: 2500 });
    const queued = await task(taskId);
    expect(queued).toMatchObject({ state: "QUEUED", kind: "PEOPLE_IMPORT", startedById: curator.id, progressTotal: 2500, attempts: 0 });
    expect(queued.inputData?.byteLength).toBeGreaterThan(2500 * 10);
    expect(await peopleCount(db().prisma, school.id)).toBe(before);

    // The handler as it runs, watched: each phase written to the row before the next transaction, the writing live.
    const seen: string[] = [];
    const rows: string[] = [];
    const watched: TaskHandlers = {
      ...TASK_HANDLERS,
      PEOPLE_IMPORT: (work) =>
        TASK_HANDLERS.PEOPLE_IMPORT({
          ...work,
          progress: async (stage, done, total) => {
            await work.progress(stage, done, total);
            const row = await task(taskId);
            rows.push(`${row.state} ${row.stage} ${row.progressDone}/${row.progressTotal}`);
          },
          progressLive: (stage, done, total) => {
            seen.push(`${stage} ${done}/${total}`);
            work.progressLive(stage, done, total);
          },
        }),
    };
    expect(await runDueTasks({ handlers: watched })).toBeGreaterThanOrEqual(1);
    expect(rows).toEqual(["RUNNING checking 0/2500", "RUNNING writing 0/2500"]);
    expect(seen).toEqual(["writing 1000/2500", "writing 2000/2500", "writing 2500/2500"]);

    const ended = await task(taskId);
    expect(ended).toMatchObject({ state: "DONE", attempts: 1, inputData: null, outcome: { key: "peopleImported", values: { created: 2500, skipped: 0 } } });
    expect(ended.finishedAt!.getTime()).toBeLessThanOrEqual(now().getTime());
    expect(ended.expiresAt!.getTime() - ended.finishedAt!.getTime()).toBe(7 * 86_400_000);
    expect(await peopleCount(db().prisma, school.id)).toBe(before + 2500);
    const audit = await db().prisma.auditEvent.findMany({ where: { organizationId: school.id, action: { in: ["tasks.peopleImport", "people.import"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["tasks.peopleImport", curator.id], ["people.import", curator.id]]);
    expect(audit[1]!.data).toMatchObject({ rows: 2500, created: 2500, skippedDuplicates: 0, taskId });

    const view = await findTask(tenantContext(school, curator, ["CURATOR"]), taskId);
    expect(view).toMatchObject({ state: "DONE", percent: 100, file: null, outcome: { key: "peopleImported" } });
    // 16 s measured on PGlite on a 2-core machine at load 8: a timeout with room (timing is the benchmarks' job).
  }, 120_000);

  it("the same file again: a task that skips every duplicate and writes no one", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const { taskId } = await callOk(startPeopleImport, as(curator), { org: school.slug, file: people(50) });
    await runDueTasks();
    expect(await task(taskId)).toMatchObject({ state: "DONE", outcome: { values: { created: 0, skipped: 50 } } });
    expect(await peopleCount(db().prisma, school.id)).toBe(before);
  });

  it("a file that is no list fails with the reader's message", async () => {
    const { taskId } = await callOk(startPeopleImport, as(curator), { org: school.slug, file: new File([new TextEncoder().encode("%PDF-1.4 …")], "list.pdf", { type: "application/pdf" }) });
    await runDueTasks();
    const failed = await task(taskId);
    expect(failed.state).toBe("FAILED");
    expect((failed.outcome as { key: string }).key).toMatch(/^peopleImport/);
  });

  it("a file with row errors fails with the preview's message and its rows, writing nothing", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const { taskId } = await callOk(startPeopleImport, as(curator), { org: school.slug, file: csv("Фамилия;Имя;Дата рождения\nИванова;Мария;31.02.1990\nПетрова;Анна;01.01.1990\n") });
    await runDueTasks();
    const failed = await task(taskId);
    expect(failed).toMatchObject({ state: "FAILED", inputData: null, outcome: { key: "peopleImportHasErrors", values: { count: 1, rows: 1 } } });
    expect((failed.outcome as { details: string[] }).details[0]).toMatch(/^2: Дата рождения — /);
    expect(await peopleCount(db().prisma, school.id)).toBe(before);
  });

  it("an error inside the work fails the task with a general message; the writes roll back", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const { taskId } = await callOk(startPeopleImport, as(curator), { org: school.slug, file: people(30) });
    const broken: TaskHandlers = {
      ...TASK_HANDLERS,
      PEOPLE_IMPORT: (work) =>
        TASK_HANDLERS.PEOPLE_IMPORT({
          ...work,
          completeIn: async () => {
            throw new Error("disk full");
          },
        }),
    };
    await runDueTasks({ handlers: broken });
    expect(await task(taskId)).toMatchObject({ state: "FAILED", outcome: { key: "taskFailed" } });
    expect(await peopleCount(db().prisma, school.id)).toBe(before);
  });

  it("fails when whoever started it lost the right before it ran", async () => {
    const leaver = await createMember(db().prisma, school.id, ["CURATOR"]);
    const { taskId } = await callOk(startPeopleImport, as(leaver), { org: school.slug, file: people(5) });
    await db().prisma.membership.deleteMany({ where: { userId: leaver.id, organizationId: school.id } });
    await runDueTasks();
    expect(await task(taskId)).toMatchObject({ state: "FAILED", outcome: { key: "taskForbidden" } });
  });
});

describe("after a restart", () => {
  const stale = () => new Date(now().getTime() - STALE_AFTER_MS - 60_000);

  it("a running task whose heartbeat stopped runs again once; one cut off twice fails saying so; a live one is left alone", async () => {
    const before = await peopleCount(db().prisma, school.id);
    const started = await callOk(startPeopleImport, as(curator), { org: school.slug, file: csv(`Фамилия;Имя\nПерезапусков;Иван\n`, "restart.csv") });
    const twice = await callOk(startPeopleImport, as(curator), { org: school.slug, file: csv(`Фамилия;Имя\nДважды;Пётр\n`, "twice.csv") });
    const live = await callOk(startPeopleImport, as(curator), { org: school.slug, file: csv(`Фамилия;Имя\nЖивой;Олег\n`, "live.csv") });
    // What a process that died mid-work leaves: RUNNING with an old heartbeat (and one attempt, or both, spent).
    await db().prisma.backgroundTask.update({ where: { id: started.taskId }, data: { state: "RUNNING", attempts: 1, heartbeatAt: stale(), stage: "writing" } });
    await db().prisma.backgroundTask.update({ where: { id: twice.taskId }, data: { state: "RUNNING", attempts: 2, heartbeatAt: stale(), stage: "writing" } });
    await db().prisma.backgroundTask.update({ where: { id: live.taskId }, data: { state: "RUNNING", attempts: 1, heartbeatAt: now(), stage: "writing" } });

    await runDueTasks();
    expect(await task(started.taskId)).toMatchObject({ state: "DONE", attempts: 2, outcome: { values: { created: 1 } } });
    expect(await task(twice.taskId)).toMatchObject({ state: "FAILED", attempts: 2, inputData: null, outcome: { key: "taskCutOff" } });
    expect(await task(live.taskId)).toMatchObject({ state: "RUNNING", attempts: 1 });
    expect(await peopleCount(db().prisma, school.id)).toBe(before + 1);
    // Its process is gone too, later: then it is taken up as well.
    await runDueTasks({ now: () => new Date(now().getTime() + STALE_AFTER_MS + 60_000) });
    expect(await task(live.taskId)).toMatchObject({ state: "DONE", attempts: 2 });
    expect(await peopleCount(db().prisma, school.id)).toBe(before + 2);
  });

  it("expired results are purged with their files; others stay", async () => {
    const { taskId } = await callOk(startReport, as(director), { org: school.slug, format: "xlsx" });
    await runDueTasks();
    const kept = await db().prisma.backgroundTask.count({ where: { organizationId: school.id } });
    await db().prisma.backgroundTask.update({ where: { id: taskId }, data: { expiresAt: new Date(now().getTime() - 1000) } });
    expect(await purgeExpiredTasks(now())).toBe(1);
    expect(await db().prisma.backgroundTask.count({ where: { organizationId: school.id } })).toBe(kept - 1);
  });
});

describe("the annual report as a task", () => {
  it("is produced as .xlsx, kept, listed to those who may produce it and downloaded with an audit record", async () => {
    expect(await call(startReport, as(mentor), { org: school.slug, format: "docx" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(startReport, as(director), { org: school.slug, format: "odt" as never })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const reportsBefore = await db().prisma.auditEvent.count({ where: { organizationId: school.id, action: "monitoring.report", actorId: director.id } });
    const { taskId } = await callOk(startReport, as(director), { org: school.slug, year: "2026", format: "xlsx" });
    expect(await task(taskId)).toMatchObject({ state: "QUEUED", params: { year: 2026, format: "xlsx" } });
    await runDueTasks();
    const ended = await task(taskId);
    expect(ended).toMatchObject({ state: "DONE", outcome: { key: "reportReady", values: { year: "2026/2027" } }, resultType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(ended.resultName).toBe(`Аналитическая справка 2026-2027 — ${school.name}.xlsx`);
    expect(await db().prisma.auditEvent.count({ where: { organizationId: school.id, action: "monitoring.report", actorId: director.id } })).toBe(reportsBefore + 1);

    const asDirector = tenantContext(school, director, ["DIRECTOR"]);
    const file = await downloadTaskFile(asDirector, { taskId });
    if (!file.ok) throw new Error(file.code);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.value.data) as never);
    expect(book.worksheets[0]!.getCell("A1").text).toBe("Аналитическая справка за 2026/2027 учебный год");
    expect(book.worksheets[0]!.getColumn(1).values.map(String)).toContain("АНАЛИТИЧЕСКАЯ СПРАВКА");
    expect(await db().prisma.auditEvent.count({ where: { organizationId: school.id, action: "tasks.download", targetId: taskId } })).toBe(1);

    // The psychologist imports people but produces no report: the report is not in their list and not theirs to download.
    const asPsychologist = tenantContext(school, psychologist, ["PSYCHOLOGIST"]);
    const theirs = await listTasks(asPsychologist);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((t) => t.kind === "PEOPLE_IMPORT")).toBe(true);
    expect(await findTask(asPsychologist, taskId)).toBeNull();
    expect(await downloadTaskFile(asPsychologist, { taskId })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await listTasks(asDirector)).find((t) => t.id === taskId)).toMatchObject({ state: "DONE", percent: 100, file: { bytes: ended.resultData!.byteLength } });
  });
});

describe("the tenant wall around the tasks", () => {
  it("another school's member sees none of them, by query or by row-level security, and can change none", async () => {
    const mine = await callOk(startReport, as(otherCurator), { org: other.slug, format: "xlsx" });
    const schoolTask = await db().prisma.backgroundTask.findFirstOrThrow({ where: { organizationId: school.id } });
    const asOther = tenantContext(other, otherCurator, ["CURATOR"]);
    expect((await listTasks(asOther)).map((t) => t.id)).toEqual([mine.taskId]);
    expect(await findTask(asOther, schoolTask.id)).toBeNull();
    expect(await downloadTaskFile(asOther, { taskId: schoolTask.id })).toEqual({ ok: false, code: "NOT_FOUND" });
    // The second wall: inside the other school's transaction, with no filter at all.
    const seen = await withDb({ organizationId: other.id }, (tx) => tx.backgroundTask.findMany({ select: { organizationId: true } }));
    expect(new Set(seen.map((t) => t.organizationId))).toEqual(new Set([other.id]));
    const changed = await withDb({ organizationId: other.id }, (tx) => tx.backgroundTask.updateMany({ where: { id: schoolTask.id }, data: { state: "FAILED" } }));
    expect(changed.count).toBe(0);
    await expect(withDb({ organizationId: other.id }, (tx) => tx.backgroundTask.create({ data: { organizationId: school.id, kind: "ANALYTICAL_REPORT", params: {} } }))).rejects.toThrow();
    expect((await task(schoolTask.id)).state).toBe(schoolTask.state);
  });
});
