import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "../../lib/clock";
import { withDb } from "../../lib/db";
import { consolidatedXlsx } from "../../lib/campaigns/consolidation";
import { addCampaignIndicator, closeCampaign, createCampaign, removeCampaignIndicator, reopenCampaignAnswer, returnCampaignAnswer } from "../../lib/campaigns/office-actions";
import { getOfficeCampaign, getSchoolCampaign, listSchoolCampaigns } from "../../lib/campaigns/queries";
import { attachCampaignEvidence, confirmCampaignAnswer, saveCampaignAnswers } from "../../lib/campaigns/school-actions";
import { formIndicators, shippedForm } from "../../lib/domain/monitoring-forms";
import { readStoredValues as readStored } from "../../lib/domain/monitoring-indicators";
import { createMember, createOrganization, createTwoDistricts } from "../factories";
import { call, callOk, tenantContext } from "../setup/call";
import { pinClock, STORY_NOW } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";

// Monitoring campaigns (issue #16 item 3, decision 048): the methodist starts a campaign from a shipped
// form; schools see it pre-filled from their own data, correct a value with a comment, attach evidence and
// submit; the head confirms; the methodist returns a form, reopens the window for a late school, closes the
// campaign and exports the consolidated table. The answer is shared by two organizations: both walls tested.
const db = setupTestDatabase();
pinClock();

type Org = Awaited<ReturnType<typeof createOrganization>>;
let muni: Org, otherMuni: Org, s1: Org, s2: Org, s3: Org, foreign: Org;
let methodist: { id: string }, otherMethodist: { id: string }, d1: { id: string }, d2: { id: string }, d3: { id: string }, curator1: { id: string }, dForeign: { id: string };
let campaignId: string;
const municipal = shippedForm("municipal")!;
const lines = formIndicators(municipal);

const counts = async () => {
  const p = db().prisma;
  return [await p.monitoringCampaign.count(), await p.monitoringIndicator.count(), await p.monitoringSubmission.count(), await p.monitoringEvidence.count()];
};
const submission = (schoolId: string) => db().prisma.monitoringSubmission.findFirst({ where: { organizationId: schoolId } });
const indicatorIds = async () => db().prisma.monitoringIndicator.findMany({ where: { campaignId }, orderBy: { position: "asc" }, select: { id: true, libraryKey: true, answerType: true, title: true } });

/** Answers for every non-file line: what the app computed, or a plain value for the office's own questions. */
async function fullAnswers(schoolCtx: ReturnType<typeof tenantContext>) {
  const form = (await getSchoolCampaign(schoolCtx, campaignId))!;
  const answers: Record<string, string> = {};
  for (const l of form.lines) {
    if (l.answerType === "FILE") continue;
    answers[l.id] = l.computed ?? (l.answerType === "YES_NO" ? "yes" : l.answerType === "LINK" ? "https://school.example/nastavnichestvo" : l.answerType === "TEXT" ? "Наставник-методист провёл серию открытых уроков." : "2");
  }
  return answers;
}

beforeAll(async () => {
  const prisma = db().prisma;
  const world = await createTwoDistricts(prisma);
  ({ office: muni, otherOffice: otherMuni, foreign, methodist, curator: curator1 } = world);
  [s1, s2, s3] = world.schools;
  [d1, d2, d3] = world.directors;
  ({ otherMethodist, foreignDirector: dForeign } = world);
  // School 1 has approved its Положение and published its site section: the form says so before anyone types.
  await prisma.localAct.create({ data: { organizationId: s1.id, kind: "REGULATION", title: "Положение о наставничестве", date: new Date("2026-09-10T00:00:00Z"), registeredById: d1.id } });
  await prisma.publicSection.create({ data: { organizationId: s1.id, publishedAt: new Date("2026-10-01T09:00:00Z") } });
});
afterAll(() => setClock(STORY_NOW));

describe("starting a campaign", () => {
  const base = { formKey: "municipal", title: "Мониторинг наставничества 2026/2027", opensOn: "2026-12-01", closesOn: "2026-12-15" };
  it("refuses an unknown form, a window in the past or upside down, and a school — nothing written", async () => {
    expect(await call(createCampaign, methodist.id, { org: muni.slug, ...base, formKey: "none" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { formKey: ["Выберите форму из списка."] } } });
    expect(await call(createCampaign, methodist.id, { org: muni.slug, ...base, opensOn: "2026-11-01", closesOn: "2026-11-30" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { closesOn: ["Срок приёма форм уже прошёл: укажите дату окончания не раньше сегодняшней."] } },
    });
    expect(await call(createCampaign, methodist.id, { org: muni.slug, ...base, opensOn: "2026-12-20", closesOn: "2026-12-10" })).toMatchObject({ ok: false, error: { fieldErrors: { closesOn: ["Дата окончания приёма раньше даты начала."] } } });
    expect(await call(createCampaign, d1.id, { org: s1.slug, ...base })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await counts()).toEqual([0, 0, 0, 0]);
  });

  it("creates the campaign with the shipped form's lines; the form can be edited until a school submits", async () => {
    const created = await callOk(createCampaign, methodist.id, { org: muni.slug, ...base });
    campaignId = String(created.campaignId);
    expect(created.indicators).toBe(lines.length);
    const added = await callOk(addCampaignIndicator, methodist.id, { org: muni.slug, campaignId, title: "Число педагогов, прошедших курсы для наставников", answerType: "NUMBER" });
    expect(await call(addCampaignIndicator, methodist.id, { org: muni.slug, campaignId, libraryKey: "no.such" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(addCampaignIndicator, methodist.id, { org: muni.slug, campaignId, title: "Без типа" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await callOk(removeCampaignIndicator, methodist.id, { org: muni.slug, campaignId, indicatorId: String(added.indicatorId) });
    expect((await indicatorIds()).length).toBe(lines.length);
    // Another office cannot touch it.
    expect(await call(addCampaignIndicator, otherMethodist.id, { org: otherMuni.slug, campaignId, libraryKey: "cases.count" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("a school answers", () => {
  it("sees the campaign pre-filled from its own data; a school of another district sees nothing", async () => {
    const ctx1 = tenantContext(s1, curator1, ["CURATOR"]);
    const form = (await getSchoolCampaign(ctx1, campaignId))!;
    const byKey = new Map(form.lines.map((l) => [l.libraryKey, l]));
    expect(byKey.get("act.regulation")?.computed).toBe("yes");
    expect(byKey.get("act.roadmap")?.computed).toBe("no");
    expect(byKey.get("site.section")?.computed).toBe("yes");
    expect(byKey.get("pairs.byOrder")?.computed).toBe("0");
    expect(form.editable).toBe(true);
    expect((await listSchoolCampaigns(tenantContext(s1, d1, ["DIRECTOR"]))).map((c) => c.status)).toEqual(["NOT_STARTED"]);
    expect(await getSchoolCampaign(tenantContext(foreign, dForeign, ["DIRECTOR"]), campaignId)).toBeNull();
    expect(await listSchoolCampaigns(tenantContext(foreign, dForeign, ["DIRECTOR"]))).toEqual([]);
    expect(await call(saveCampaignAnswers, dForeign.id, { org: foreign.slug, campaignId, answers: {} })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("refuses a changed computed value without a comment and a malformed answer — nothing written", async () => {
    const ids = await indicatorIds();
    const pairs = ids.find((l) => l.libraryKey === "pairs.byOrder")!;
    const link = ids.find((l) => l.answerType === "LINK")!;
    const refused = await call(saveCampaignAnswers, curator1.id, { org: s1.slug, campaignId, answers: { [pairs.id]: "3" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Значение отличается от рассчитанного по данным школы: объясните изменение в комментарии." } });
    expect(await call(saveCampaignAnswers, curator1.id, { org: s1.slug, campaignId, answers: { [link.id]: "school site" } })).toMatchObject({
      ok: false,
      error: { fieldErrors: { [`answers.${link.id}`]: ["Введите ссылку, начинающуюся с http:// или https://."] } },
    });
    expect(await submission(s1.id)).toBeNull();
  });

  it("saves a correction with its comment, refuses an incomplete submission, then submits with the evidence file", async () => {
    const ids = await indicatorIds();
    const pairs = ids.find((l) => l.libraryKey === "pairs.byOrder")!;
    const file = ids.find((l) => l.answerType === "FILE")!;
    const answers = await fullAnswers(tenantContext(s1, curator1, ["CURATOR"]));
    answers[pairs.id] = "3";
    const comment = "Три пары закреплены приказом от 01.12.2026 № 45, в приложение ещё не внесены.";
    await callOk(saveCampaignAnswers, curator1.id, { org: s1.slug, campaignId, answers, comments: { [pairs.id]: comment } });
    expect((await submission(s1.id))?.status).toBe("DRAFT");
    const incomplete = await call(saveCampaignAnswers, curator1.id, { org: s1.slug, campaignId, intent: "submit" });
    expect(incomplete).toMatchObject({ ok: false, error: { message: "Заполните все показатели перед отправкой.", details: [file.title] } });
    expect((await submission(s1.id))?.submittedAt).toBeNull();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "справка.pdf", { type: "application/pdf" });
    expect(await call(attachCampaignEvidence, curator1.id, { org: s1.slug, campaignId, indicatorId: file.id, file: big })).toMatchObject({ ok: false, error: { message: "Файл больше 10 МБ." } });
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 аналитическая справка")], "справка.pdf", { type: "application/pdf" });
    await callOk(attachCampaignEvidence, curator1.id, { org: s1.slug, campaignId, indicatorId: file.id, file: pdf });
    expect(await callOk(saveCampaignAnswers, curator1.id, { org: s1.slug, campaignId, intent: "submit" })).toMatchObject({ status: "SUBMITTED" });
    const row = (await submission(s1.id))!;
    expect(row.status).toBe("SUBMITTED");
    expect((row.values as Record<string, { value: string; computed: string; comment: string }>)[pairs.id]).toEqual({ computed: "0", value: "3", comment });
    // Sent: locked for the school until the office returns it; the form is now frozen for the office.
    expect(await call(saveCampaignAnswers, curator1.id, { org: s1.slug, campaignId, answers })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(addCampaignIndicator, methodist.id, { org: muni.slug, campaignId, libraryKey: "cases.count" })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Форму уже заполнили школы: изменить её нельзя." } });
  });

  it("a pre-filled line sent as shown follows the school's data when it changed while the form was open", async () => {
    const pairs = (await indicatorIds()).find((l) => l.libraryKey === "pairs.byOrder")!;
    // Shown as 5 when the form was opened; the data now says 0; the director did not touch the line.
    await callOk(saveCampaignAnswers, d2.id, { org: s2.slug, campaignId, answers: { [pairs.id]: "5" }, shown: { [pairs.id]: "5" } });
    expect((readStored((await submission(s2.id))!.values))[pairs.id]).toEqual({ computed: "0", value: "0", comment: null });
    // Typed over the shown value: a correction, refused without a comment.
    expect(await call(saveCampaignAnswers, d2.id, { org: s2.slug, campaignId, answers: { [pairs.id]: "4" }, shown: { [pairs.id]: "5" } })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("the head confirms once; a curator cannot", async () => {
    expect(await call(confirmCampaignAnswer, curator1.id, { org: s1.slug, campaignId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await callOk(confirmCampaignAnswer, d1.id, { org: s1.slug, campaignId });
    expect(await call(confirmCampaignAnswer, d1.id, { org: s1.slug, campaignId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await submission(s1.id))?.status).toBe("CONFIRMED");
  });
});

describe("the office follows, returns, reopens and closes", () => {
  it("returns school 2's form with a comment; school 2 corrects and resubmits", async () => {
    const ctx2 = tenantContext(s2, d2, ["DIRECTOR"]);
    const ids = await indicatorIds();
    const file = ids.find((l) => l.answerType === "FILE")!;
    expect(await call(returnCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: s2.id, comment: "Уточните число наставников" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await callOk(attachCampaignEvidence, d2.id, { org: s2.slug, campaignId, indicatorId: file.id, file: new File([new Uint8Array([1, 2, 3])], "справка.docx") });
    await callOk(saveCampaignAnswers, d2.id, { org: s2.slug, campaignId, intent: "submit", answers: await fullAnswers(ctx2) });
    expect(await call(returnCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: s2.id, comment: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(returnCampaignAnswer, otherMethodist.id, { org: otherMuni.slug, campaignId, schoolId: s2.id, comment: "Чужой отдел" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await callOk(returnCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: s2.id, comment: "Уточните число наставников" });
    const returned = (await submission(s2.id))!;
    expect(returned).toMatchObject({ status: "RETURNED", returnComment: "Уточните число наставников", returnedById: methodist.id });
    expect((await getSchoolCampaign(ctx2, campaignId))?.editable).toBe(true);
    const mentors = ids.find((l) => l.libraryKey === "bank.mentors")!;
    await callOk(saveCampaignAnswers, d2.id, { org: s2.slug, campaignId, intent: "submit", answers: { [mentors.id]: "1" }, comments: { [mentors.id]: "Наставник из школы-партнёра" } });
    expect((await submission(s2.id))?.status).toBe("SUBMITTED");
  });

  it("after the window a school is refused with the date until the methodist reopens it", async () => {
    setClock("2026-12-16T10:00:00+03:00");
    const ctx3 = tenantContext(s3, d3, ["DIRECTOR"]);
    const late = await call(saveCampaignAnswers, d3.id, { org: s3.slug, campaignId, answers: {} });
    expect(late).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Приём форм закончился 15.12.2026. Если нужно сдать позже, попросите методиста открыть приём для школы." } });
    expect(await submission(s3.id)).toBeNull();
    expect(await call(reopenCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: s3.id, until: "2026-12-10" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(reopenCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: foreign.id, until: "2026-12-20" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await callOk(reopenCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: s3.id, until: "2026-12-18" });
    const file = (await indicatorIds()).find((l) => l.answerType === "FILE")!;
    await callOk(attachCampaignEvidence, d3.id, { org: s3.slug, campaignId, indicatorId: file.id, file: new File([new Uint8Array([7])], "справка.pdf", { type: "application/pdf" }) });
    await callOk(saveCampaignAnswers, d3.id, { org: s3.slug, campaignId, intent: "submit", answers: await fullAnswers(ctx3) });
    expect((await submission(s3.id))?.status).toBe("SUBMITTED");
  });

  it("consolidates a row per school and a column per indicator with the schools' values", async () => {
    const data = (await getOfficeCampaign(tenantContext(muni, methodist, ["METHODIST"]), campaignId))!;
    expect(data.schools.map((s) => [s.name, s.status])).toEqual([["СОШ №1", "CONFIRMED"], ["СОШ №2", "SUBMITTED"], ["СОШ №3", "SUBMITTED"]]);
    const file = await consolidatedXlsx(data, "ru");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.bytes) as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(4)).toEqual(data.campaign.indicators.map((i) => i.title));
    const ids = await indicatorIds();
    const col = (key: string) => 5 + ids.findIndex((l) => l.libraryKey === key);
    expect(sheet.getRow(2).getCell(1).value).toBe("СОШ №1");
    expect(sheet.getRow(2).getCell(col("pairs.byOrder")).value).toBe(3);
    expect(sheet.getRow(2).getCell(col("act.regulation")).value).toBe("да");
    expect(sheet.getRow(3).getCell(col("act.regulation")).value).toBe("нет");
    expect(sheet.getRow(3).getCell(col("bank.mentors")).value).toBe(1);
    expect(sheet.rowCount).toBe(4);
    const corrections = book.worksheets[1]!;
    expect(corrections.rowCount).toBe(3);
    expect(corrections.getRow(2).values).toEqual([undefined, "СОШ №1", ids.find((l) => l.libraryKey === "pairs.byOrder")!.title, 0, 3, "Три пары закреплены приказом от 01.12.2026 № 45, в приложение ещё не внесены."]);
  });

  it("closes the campaign once; nothing can be changed after", async () => {
    await callOk(closeCampaign, methodist.id, { org: muni.slug, campaignId });
    expect(await call(closeCampaign, methodist.id, { org: muni.slug, campaignId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(returnCampaignAnswer, methodist.id, { org: muni.slug, campaignId, schoolId: s3.id, comment: "Поздно" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(confirmCampaignAnswer, d2.id, { org: s2.slug, campaignId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("a region's campaign", () => {
  it("reaches the schools of its municipalities, and its table names each school's municipality", async () => {
    const prisma = db().prisma;
    setClock(STORY_NOW);
    const region = await createOrganization(prisma, { kind: "REGION", name: "Министерство образования края" });
    const m1 = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования Северного округа", parentId: region.id });
    const school = await createOrganization(prisma, { parentId: m1.id, name: "СОШ №7" });
    const regional = await createMember(prisma, region.id, ["METHODIST"]);
    const head = await createMember(prisma, school.id, ["DIRECTOR"]);
    const created = await callOk(createCampaign, regional.id, { org: region.slug, formKey: "teachers2021", title: "Краевой мониторинг", opensOn: "2026-12-01", closesOn: "2026-12-20" });
    const regionCampaign = String(created.campaignId);
    const schoolCtx = tenantContext(school, head, ["DIRECTOR"]);
    expect((await listSchoolCampaigns(schoolCtx)).map((c) => c.title)).toEqual(["Краевой мониторинг"]);
    const form = (await getSchoolCampaign(schoolCtx, regionCampaign))!;
    const answers = Object.fromEntries(form.lines.map((l) => [l.id, l.computed ?? (l.answerType === "YES_NO" ? "no" : "0")]));
    await callOk(saveCampaignAnswers, head.id, { org: school.slug, campaignId: regionCampaign, intent: "submit", answers });
    const data = (await getOfficeCampaign(tenantContext(region, regional, ["METHODIST"]), regionCampaign))!;
    expect(data.schools.map((r) => [r.municipality, r.name, r.status])).toEqual([["Отдел образования Северного округа", "СОШ №7", "SUBMITTED"]]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await consolidatedXlsx(data, "ru")).bytes) as never);
    expect((book.worksheets[0]!.getRow(2).values as unknown[]).slice(1, 3)).toEqual(["Отдел образования Северного округа", "СОШ №7"]);
    // The municipality in between neither sees the region's campaign rows as its own nor the school's answer.
    expect(await withDb({ organizationId: m1.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "MonitoringSubmission"`)).toEqual([]);
  });
});

describe("both walls of the shared answer", () => {
  it("a school reads only its own answer and cannot write the office's columns; the office cannot write the school's", async () => {
    const seen = await withDb({ organizationId: s2.id }, (tx) => tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "MonitoringSubmission"`);
    expect(seen.map((r) => r.organizationId)).toEqual([s2.id]);
    expect(await withDb({ organizationId: s2.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "MonitoringEvidence" WHERE "organizationId" <> ${s2.id}::uuid`)).toEqual([]);
    await expect(withDb({ organizationId: s2.id }, (tx) => tx.$executeRaw`UPDATE "MonitoringSubmission" SET "returnComment" = 'сам себе' WHERE "organizationId" = ${s2.id}::uuid`)).rejects.toThrow(/permission denied/i);
    await expect(withDb({ organizationId: s2.id }, (tx) => tx.$executeRaw`INSERT INTO "MonitoringSubmission" (id, "organizationId", "officeId", "campaignId", "updatedAt") VALUES (gen_random_uuid(), ${s2.id}::uuid, ${otherMuni.id}::uuid, ${campaignId}::uuid, now())`)).rejects.toThrow();
    // The office sees every school's row but updates none directly.
    const office = await withDb({ organizationId: muni.id }, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "MonitoringSubmission"`);
    expect(office[0]!.n).toBe(3);
    expect(await withDb({ organizationId: muni.id }, (tx) => tx.$executeRaw`UPDATE "MonitoringSubmission" SET status = 'DRAFT'`)).toBe(0);
    // Another office sees nothing, and its decision function changes nothing.
    expect(await withDb({ organizationId: otherMuni.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "MonitoringSubmission"`)).toEqual([]);
    expect(await withDb({ organizationId: otherMuni.id }, (tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "MonitoringCampaign"`)).toEqual([]);
    const [none] = await withDb({ organizationId: otherMuni.id }, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT monitoring_office_decision(${campaignId}::uuid, ${s1.id}::uuid, 'RETURN', 'x', NULL, NULL, now()::timestamp) AS n`);
    expect(none!.n).toBe(0);
  });
});
