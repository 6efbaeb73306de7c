import { beforeAll, describe, expect, it } from "vitest";
import { advanceStage, approveAct, attachActFile, createProgram, importRoadmap, passGateAnyway, registerAct, returnToStage, saveActivity, setActivityStatus } from "../../lib/programs/actions";
import { previewRoadmapImport } from "../../lib/programs/import-actions";
import { SCHOOL_ROADMAP } from "../../lib/programs/templates";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk } from "../setup/call";
import { createProgramOf, type ProgramOptions } from "../setup/factories";

const db = setupTestDatabase();

let school: { id: string; slug: string };
let other: { id: string; slug: string };
let director: { id: string };
let curator: { id: string };
let mentor: { id: string };
let otherDirector: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  const district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  school = await createOrganization(prisma, { parentId: district.id });
  other = await createOrganization(prisma, { parentId: district.id });
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  mentor = await createMember(prisma, school.id, ["MENTOR"]);
  otherDirector = await createMember(prisma, other.id, ["DIRECTOR"]);
});

const newProgram = (year: number, template: ProgramOptions["template"] = "school") => createProgramOf({ slug: school.slug, curator }, { year, template });

async function finishStageOne(programId: string) {
  for (const [kind, number] of [["REGULATION", "70-од"], ["ROADMAP_APPROVAL", "71-од"], ["CURATOR_APPOINTMENT", "72-од"]] as const) {
    const { actId } = await callOk(registerAct, as(curator), { org: school.slug, programId, kind, number, date: "2026-09-01", title: `Приказ ${number}` });
    await callOk(approveAct, as(director), { org: school.slug, actId });
  }
  const activities = await db().prisma.roadmapActivity.findMany({ where: { programId, stage: 1 } });
  for (const a of activities) {
    await callOk(setActivityStatus, as(curator), { org: school.slug, activityId: a.id, status: "DONE", evidence: "Протокол педсовета № 1" });
  }
}

describe("programs.create", () => {
  it("lays the template's roadmap onto the academic year, September → June, with the passport indicators", async () => {
    const programId = await newProgram(2026);
    const program = await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId }, include: { activities: true, indicators: true } });
    expect(program).toMatchObject({ stage: 1, status: "ACTIVE", title: "Программа наставничества на 2026/2027 учебный год", curatorId: curator.id });
    expect(program.activities).toHaveLength(SCHOOL_ROADMAP.reduce((n, s) => n + s.activities.length, 0));
    const dated = program.activities.filter((a) => a.dueEnd);
    const ends = dated.map((a) => a.dueEnd!.toISOString().slice(0, 10)).sort();
    expect(ends[0]! >= "2026-09-01").toBe(true);
    expect(ends[ends.length - 1]! <= "2027-06-30").toBe(true);
    const ind = program.indicators.find((i) => i.kind === "STUDENT_MENTEES_SHARE");
    expect(ind?.targets).toEqual({ "2026": 10, "2027": 30, "2028": 50, "2029": 70 });
    const audit = await db().prisma.auditEvent.findFirst({ where: { action: "programs.create", targetId: programId } });
    expect(audit?.organizationId).toBe(school.id);
  });

  it("refuses a second program for the same year, a mentor, and another school", async () => {
    const before = await db().prisma.mentoringProgram.count();
    expect(await call(createProgram, as(curator), { org: school.slug, academicYear: 2026, audience: "BOTH", template: "school" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Программа на этот учебный год уже есть." },
    });
    expect(await call(createProgram, as(mentor), { org: school.slug, academicYear: 2030, audience: "BOTH", template: "school" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(createProgram, as(otherDirector), { org: school.slug, academicYear: 2031, audience: "BOTH", template: "school" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(createProgram, as(curator), { org: school.slug, academicYear: "две тысячи", audience: "BOTH", template: "school" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { academicYear: ["Выберите учебный год."] } },
    });
    expect(await db().prisma.mentoringProgram.count()).toBe(before);
  });
});

describe("the stage gate", () => {
  it("refuses to advance with the unmet conditions listed and changes nothing", async () => {
    const programId = await newProgram(2027);
    const res = await call(advanceStage, as(curator), { org: school.slug, programId, expectedStage: 1 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toBe("Нельзя перейти к следующему этапу: условия завершения этапа 1 не выполнены.");
    expect(res.error.details).toEqual([
      "Положение о наставничестве не утверждено руководителем.",
      "Дорожная карта не утверждена приказом руководителя.",
      "Нет утверждённого приказа о назначении куратора.",
      expect.stringMatching(/^Не выполнены мероприятия этапа \(5\): /),
    ]);
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).stage).toBe(1);
    expect(await db().prisma.stageTransition.count({ where: { programId } })).toBe(0);
  });

  it("advances when stage 1 is done, logs it, then stops at stage 2 while the mentee bank is empty", async () => {
    const programId = await newProgram(2028);
    await finishStageOne(programId);
    const res = await call(advanceStage, as(curator), { org: school.slug, programId, expectedStage: 1 });
    expect(res).toMatchObject({ ok: true, data: { stage: 2 } });
    expect(await db().prisma.stageTransition.findFirst({ where: { programId } })).toMatchObject({ kind: "ADVANCE", fromStage: 1, toStage: 2, actorId: curator.id });
    const again = await call(advanceStage, as(curator), { org: school.slug, programId, expectedStage: 2 });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!again.ok) expect(again.error.details?.[0]).toContain("Нет ни одного наставляемого с записанными запросами");
  });

  it("of two advances racing from the same stage, one wins and the other sees the new stage", async () => {
    const programId = await newProgram(2029);
    await finishStageOne(programId);
    const [a, b] = await Promise.all([
      call(advanceStage, as(curator), { org: school.slug, programId, expectedStage: 1 }),
      call(advanceStage, as(director), { org: school.slug, programId, expectedStage: 1 }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Этап программы уже изменён: сейчас этап 2. Обновите страницу." } });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).stage).toBe(2);
    expect(await db().prisma.stageTransition.count({ where: { programId } })).toBe(1);
  });

  it("only the director passes a gate anyway or returns, and only with a written reason", async () => {
    const programId = await newProgram(2030);
    expect(await call(passGateAnyway, as(curator), { org: school.slug, programId, expectedStage: 1, reason: "Очень нужно перейти дальше" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(passGateAnyway, as(director), { org: school.slug, programId, expectedStage: 1, reason: "" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { reason: ["Опишите причину решения (не короче 10 символов)."] } },
    });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).stage).toBe(1);

    const pass = await call(passGateAnyway, as(director), { org: school.slug, programId, expectedStage: 1, reason: "Положение утверждено на бумаге, скан позже" });
    expect(pass).toMatchObject({ ok: true, data: { stage: 2 } });
    const log = await db().prisma.stageTransition.findFirstOrThrow({ where: { programId, kind: "OVERRIDE" } });
    expect(log.reason).toBe("Положение утверждено на бумаге, скан позже");
    expect(log.unmetConditions).toEqual(expect.arrayContaining(["Положение о наставничестве не утверждено руководителем."]));

    expect(await call(returnToStage, as(director), { org: school.slug, programId, expectedStage: 2, toStage: 2, reason: "Проверка возврата" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const back = await call(returnToStage, as(director), { org: school.slug, programId, expectedStage: 2, toStage: 1, reason: "Нужно переутвердить положение" });
    expect(back).toMatchObject({ ok: true, data: { stage: 1 } });
    expect(await db().prisma.stageTransition.count({ where: { programId, kind: "RETURN", reason: "Нужно переутвердить положение" } })).toBe(1);
  });

  it("a completed program is read-only", async () => {
    const programId = await newProgram(2031);
    await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { stage: 7 } });
    const done = await call(passGateAnyway, as(director), { org: school.slug, programId, expectedStage: 7, reason: "Итоги подведены на педсовете" });
    expect(done).toMatchObject({ ok: true, data: { completed: true } });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).status).toBe("COMPLETED");
    const edit = await call(saveActivity, as(curator), { org: school.slug, programId, stage: 7, title: "Ещё", dueText: "май", responsibleText: "Куратор" });
    expect(edit).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Программа завершена: её данные доступны только для чтения." } });
  });
});

describe("roadmap and acts", () => {
  it("saves an activity, warning when it is due outside the academic year", async () => {
    const programId = await newProgram(2032);
    const inside = await call(saveActivity, as(curator), { org: school.slug, programId, stage: 2, title: "Анкетирование", dueText: "октябрь 2032", responsibleText: "Педагог-психолог" });
    expect(inside).toMatchObject({ ok: true, data: { outsideAcademicYear: false } });
    const outside = await call(saveActivity, as(curator), { org: school.slug, programId, stage: 2, title: "Старое", dueText: "15.09.2030", responsibleUserId: mentor.id });
    expect(outside).toMatchObject({ ok: true, data: { outsideAcademicYear: true } });
    if (!outside.ok) return;
    const row = await db().prisma.roadmapActivity.findUniqueOrThrow({ where: { id: outside.data.activityId } });
    expect(row.dueEnd?.toISOString().slice(0, 10)).toBe("2030-09-15");
    expect(await call(saveActivity, as(curator), { org: school.slug, programId, stage: 2, title: "Без ответственного", dueText: "май" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { responsibleText: ["Укажите ответственного: сотрудника или должность."] } },
    });
    expect(await call(saveActivity, as(curator), { org: school.slug, programId, stage: 2, title: "Чужой", dueText: "май", responsibleUserId: otherDirector.id })).toMatchObject({
      ok: false,
      error: { fieldErrors: { responsibleUserId: ["Выберите сотрудника этой организации."] } },
    });
  });

  it("marks done only with evidence", async () => {
    const programId = await newProgram(2033);
    const activity = await db().prisma.roadmapActivity.findFirstOrThrow({ where: { programId } });
    expect(await call(setActivityStatus, as(curator), { org: school.slug, activityId: activity.id, status: "DONE" })).toMatchObject({ ok: false, error: { fieldErrors: { evidence: [expect.any(String)] } } });
    expect(await call(setActivityStatus, as(mentor), { org: school.slug, activityId: activity.id, status: "DONE", evidence: "x" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(setActivityStatus, as(otherDirector), { org: other.slug, activityId: activity.id, status: "DONE", evidence: "x" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db().prisma.roadmapActivity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe("PLANNED");
  });

  it("only the director approves acts, each once, and only with number and date", async () => {
    const reg = await call(registerAct, as(curator), { org: school.slug, kind: "REGULATION", title: "Положение о наставничестве" });
    if (!reg.ok) throw new Error("setup");
    expect(await call(approveAct, as(curator), { org: school.slug, actId: reg.data.actId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(approveAct, as(director), { org: school.slug, actId: reg.data.actId })).toMatchObject({ ok: false, error: { message: "Чтобы утвердить акт, укажите его номер и дату." } });
    const numbered = await call(registerAct, as(curator), { org: school.slug, kind: "REGULATION", number: "12", date: "2026-09-02", title: "Положение" });
    if (!numbered.ok) throw new Error("setup");
    expect((await call(approveAct, as(director), { org: school.slug, actId: numbered.data.actId })).ok).toBe(true);
    expect(await call(approveAct, as(director), { org: school.slug, actId: numbered.data.actId })).toMatchObject({ ok: false, error: { message: "Акт уже утверждён." } });
    expect(await call(approveAct, as(otherDirector), { org: other.slug, actId: reg.data.actId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("imports all rows or none", async () => {
    const programId = await newProgram(2034, "empty");
    const good = { stage: 2, title: "Анкетирование", due: "Сентябрь 2021", responsible: "Психолог", result: "" };
    const bad = await call(importRoadmap, as(curator), { org: school.slug, programId, activities: [good, { ...good, stage: 9 }] });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(importRoadmap, as(curator), { org: school.slug, programId, activities: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await db().prisma.roadmapActivity.count({ where: { programId } })).toBe(0);
    const ok = await call(importRoadmap, as(curator), { org: school.slug, programId, activities: [good, { ...good, stage: 3, title: "Банк наставников", due: "до 15.09.2022г." }] });
    expect(ok).toMatchObject({ ok: true, data: { imported: 2 } });
    const rows = await db().prisma.roadmapActivity.findMany({ where: { programId }, orderBy: { stage: "asc" } });
    expect(rows.map((r) => [r.stage, r.title, r.dueEnd?.toISOString().slice(0, 10)])).toEqual([
      [2, "Анкетирование", "2034-09-30"],
      [3, "Банк наставников", "2034-09-15"],
    ]);
  });
});

describe("roadmap import preview", () => {
  it("reads a seed roadmap pasted as text, writing nothing", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile("tests/fixtures/roadmaps/004-sosh-14.txt", "utf8");
    const before = await db().prisma.auditEvent.count();
    const res = await call(previewRoadmapImport, as(curator), { org: school.slug, text });
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.data.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await db().prisma.auditEvent.count()).toBe(before);
  });

  it("says clearly when a file is unreadable or empty", async () => {
    const garbage = new File([new Uint8Array([0, 1, 2, 3, 0, 255])], "карта.bin");
    const unreadable = await call(previewRoadmapImport, as(curator), { org: school.slug, file: garbage });
    expect(unreadable).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "В документе не найдено ни одного мероприятия дорожной карты." } });
    const brokenDocx = new File([new TextEncoder().encode("PK not really a zip")], "карта.docx");
    const docx = await call(previewRoadmapImport, as(curator), { org: school.slug, file: brokenDocx });
    expect(docx.ok).toBe(false);
    if (!docx.ok) expect(docx.error.details?.join(" ")).toMatch(/Не удалось прочитать файл/);
    const empty = await call(previewRoadmapImport, as(curator), { org: school.slug, text: "   " });
    expect(empty).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Не удалось прочитать файл: загрузите .docx или текстовую таблицу." } });
    expect(await call(previewRoadmapImport, as(mentor), { org: school.slug, text: "x" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("district deadlines and row-level security of the program tables", () => {
  it("a school reads its district office's deadlines for schools, and nothing else of the office or of other schools", async () => {
    const prisma = db().prisma;
    const district = await prisma.organization.findUniqueOrThrow({ where: { id: (await prisma.organization.findUniqueOrThrow({ where: { id: school.id } })).parentId! } });
    const head = await createMember(prisma, district.id, ["MUNICIPAL_HEAD"]);
    const created = await call(createProgram, as(head), { org: district.slug, academicYear: 2026, audience: "TEACHERS", template: "municipal" });
    if (!created.ok) throw new Error(created.error.message);
    const farDistrict = await createOrganization(prisma, { kind: "MUNICIPALITY" });
    const farSchool = await createOrganization(prisma, { parentId: farDistrict.id });

    const { withDb } = await import("../../lib/db");
    const seen = await withDb({ organizationId: school.id }, (tx) => tx.roadmapActivity.findMany({ where: { organizationId: district.id }, select: { forSchools: true, title: true } }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((a) => a.forSchools)).toBe(true);
    expect(seen.map((a) => a.title)).toContain("Формирование банка наставников и наставляемых на уровне образовательной организации");
    const far = await withDb({ organizationId: farSchool.id }, (tx) => tx.roadmapActivity.count({ where: { organizationId: district.id } }));
    expect(far).toBe(0);
    // Read only: a school cannot change the district's rows.
    const changed = await withDb({ organizationId: school.id }, (tx) => tx.roadmapActivity.updateMany({ where: { organizationId: district.id }, data: { title: "взлом" } }));
    expect(changed.count).toBe(0);
  });

  it("inside school B's scope, school A's program rows are invisible and unwritable", async () => {
    const { withDb } = await import("../../lib/db");
    const prisma = db().prisma;
    expect(await prisma.mentoringProgram.count({ where: { organizationId: school.id } })).toBeGreaterThan(0);
    const asOther = <T>(fn: Parameters<typeof withDb<T>>[1]) => withDb({ organizationId: other.id }, fn);
    for (const table of ["MentoringProgram", "ProgramIndicator", "RoadmapActivity", "LocalAct", "StageTransition"]) {
      const rows = await asOther((tx) => tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "organizationId" = $1::uuid`, school.id));
      expect(rows[0]?.n, table).toBe(0);
    }
    await expect(
      asOther((tx) => tx.mentoringProgram.create({ data: { organizationId: school.id, academicYear: 2099, title: "чужая", audience: "BOTH" } })),
    ).rejects.toThrow();
    const program = await prisma.mentoringProgram.findFirstOrThrow({ where: { organizationId: school.id } });
    const moved = await asOther((tx) => tx.mentoringProgram.updateMany({ where: { id: program.id }, data: { stage: 7 } }));
    expect(moved.count).toBe(0);
    await expect(asOther((tx) => tx.$executeRawUnsafe(`DELETE FROM "StageTransition"`))).rejects.toThrow(/permission denied/i);
  });
});

describe("acts.attachFile", () => {
  it("keeps the signed act's file, refusing wrong types and other schools", async () => {
    const reg = await call(registerAct, as(curator), { org: school.slug, kind: "OTHER", number: "7", date: "2026-09-03", title: "Приказ о поощрении наставников" });
    if (!reg.ok) throw new Error("setup");
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 скан приказа")], "приказ-7.pdf", { type: "application/pdf" });
    expect(await call(attachActFile, as(curator), { org: school.slug, actId: reg.data.actId, file: pdf })).toMatchObject({ ok: true });
    const stored = await db().prisma.localAct.findUniqueOrThrow({ where: { id: reg.data.actId } });
    expect(stored).toMatchObject({ fileName: "приказ-7.pdf", fileType: "application/pdf", fileSize: pdf.size });
    expect(Buffer.from(stored.fileData!).toString("utf8")).toBe("%PDF-1.4 скан приказа");

    const exe = new File([new Uint8Array([77, 90])], "virus.exe", { type: "application/x-msdownload" });
    expect(await call(attachActFile, as(curator), { org: school.slug, actId: reg.data.actId, file: exe })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { file: ["Загрузите PDF, JPEG, PNG или документ Word."] } },
    });
    expect(await call(attachActFile, as(otherDirector), { org: other.slug, actId: reg.data.actId, file: pdf })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db().prisma.localAct.findUniqueOrThrow({ where: { id: reg.data.actId } })).fileName).toBe("приказ-7.pdf");
  });
});
