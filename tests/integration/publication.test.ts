import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, addDays, isoDate, todayIn } from "../../lib/domain/local-date";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addMentee } from "../../lib/banks/actions";
import { recordConsent, revokeConsent } from "../../lib/people/actions";
import { deleteNews, saveNews, setActPublished, setNewsPublished, setPublicSection } from "../../lib/publication/actions";
import { GET as lowVisionSwitch } from "../../app/s/[slug]/low-vision/route";
import { findPublicSchool, loadPublicNews, loadPublicSection, loadPublicSectionHead, loadPublishedActFile, loadPublishedPracticeFile } from "../../lib/publication/public";
import { loadPublicationAdmin } from "../../lib/publication/queries";
import { translator } from "../../lib/i18n/translator";
import { createMember, createOrganization, createPairRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk, tenantContext } from "../setup/call";
import { createConsent, createConsentedPerson, createMentor, createSchoolWithMentor, type ConsentPurpose, type PersonOptions } from "../setup/factories";

const db = setupTestDatabase();

const isoDay = (offsetDays = 0) => isoDate(addDays(todayIn(DEFAULT_TIME_ZONE, now()), offsetDays));

type School = Awaited<ReturnType<typeof createSchoolWithMentor>>;


const ru = translator("ru");

/** A teacher «<lastName> Имя Отчество» with one consent a month old per list of purposes (publication: name, position, subjects, competencies). */
async function person(s: School, lastName: string, purposes: ConsentPurpose[][], extra: PersonOptions = {}) {
  const personId = await createConsentedPerson(s, { lastName, firstName: "Имя", middleName: "Отчество", ...extra, purposes: [] });
  const consentIds: string[] = [];
  for (const p of purposes) {
    const publicFields = p.includes("PUBLICATION") ? (["NAME", "POSITION", "SUBJECTS", "COMPETENCIES"] as const) : undefined;
    consentIds.push(await createConsent(s, personId, p, { givenAt: isoDay(-30), publicFields: publicFields && [...publicFields] }));
  }
  return { personId, consentIds };
}

/** Such a teacher of mathematics in the mentor bank; trained ten days ago and approved unless told (no duties consent). */
async function mentor(s: School, lastName: string, purposes: ConsentPurpose[][], approve = true) {
  const p = await person(s, lastName, purposes, { position: "Учитель математики", email: `mentor-${Math.random().toString(36).slice(2, 8)}@example.test`, phone: "+7 900 111-22-33" });
  await db().prisma.person.update({ where: { id: p.personId }, data: { subjects: ["Математика"] } });
  const { mentorId } = await createMentor(s, { personId: p.personId, competencies: ["DISCIPLINE", "METHODS"], capacity: "2", dutiesGivenAt: null, training: approve ? { finishedOn: isoDay(-10) } : null, approve });
  return { ...p, mentorId };
}

const PROCESSING: ConsentPurpose[] = ["BANK", "PAIRS"];
const PUBLICATION: ConsentPurpose[] = ["PUBLICATION"];

async function act(s: School, data: { kind?: string; status?: "REGISTERED" | "APPROVED"; title: string; publishedOnSite?: boolean; file?: boolean }) {
  const bytes = Buffer.from(`%PDF-1.4 ${data.title}`);
  return db().prisma.localAct.create({
    data: {
      organizationId: s.id,
      programId: s.programId,
      kind: (data.kind ?? "REGULATION") as "REGULATION",
      number: "45-од",
      date: new Date(`${isoDay(-20)}T00:00:00Z`),
      title: data.title,
      status: data.status ?? "APPROVED",
      registeredById: s.director.id,
      publishedOnSite: data.publishedOnSite ?? false,
      ...(data.file === false ? {} : { fileName: `${data.title}.pdf`, fileType: "application/pdf", fileSize: bytes.length, fileData: bytes }),
    },
  });
}

async function practice(s: School, title: string, flags: { publishedOnSite: boolean; sharedWithDistrict?: boolean }) {
  return db().prisma.bestPractice.create({
    data: {
      organizationId: s.id,
      kind: "CASE",
      title,
      summary: `Кратко: ${title}`,
      body: `Подробно: ${title}`,
      tags: [],
      fileName: `${title}.docx`,
      fileType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      fileData: Buffer.from(title),
      sharedWithDistrict: flags.sharedWithDistrict ?? false,
      publishedOnSite: flags.publishedOnSite,
      authorId: s.curator.id,
    },
  });
}

// One school with everything the section can show, and a neighbour school of the same district.
let a: School;
let b: School;
let shown: Awaited<ReturnType<typeof mentor>>;
let hidden: Awaited<ReturnType<typeof mentor>>;
let candidate: Awaited<ReturnType<typeof mentor>>;
// The ids of the world's rows, by what each stands for.
const acts = {} as Record<"published" | "approvedHidden" | "registered" | "pairsOrder", string>;
const practices: Record<string, string> = {};
const news = {} as Record<"draft" | "published" | "future", string>;

beforeAll(async () => {
  const prisma = db().prisma;
  const district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  a = await createSchoolWithMentor(db().prisma, { parentId: district.id, audience: "TEACHERS" });
  b = await createSchoolWithMentor(db().prisma, { parentId: district.id, audience: "TEACHERS" });

  shown = await mentor(a, "Публикуемова", [PROCESSING, PUBLICATION]);
  hidden = await mentor(a, "Скрытов", [PROCESSING]);
  candidate = await mentor(a, "Кандидатова", [PROCESSING, PUBLICATION], false);
  // A mentee who even consented to publication: still never on the public page.
  const mentee = await person(a, "Секретова", [PROCESSING, PUBLICATION]);
  const { menteeId } = await callOk(addMentee, as(a.curator), { org: a.slug, personId: mentee.personId, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], request: "Секретный запрос наставляемой", source: "QUESTIONNAIRE" });
  const pair = await createPairRow(prisma, { organizationId: a.id, programId: a.programId, mentorId: shown.mentorId, menteeIds: [menteeId], status: "ACTIVE", proposedById: a.curator.id });
  await prisma.personalProgram.create({
    data: { organizationId: a.id, pairId: pair.id, startsOn: todayIn(DEFAULT_TIME_ZONE, now()), endsOn: addDays(todayIn(DEFAULT_TIME_ZONE, now()), 180), direction: "Дисциплина", goals: "Цели Секретовой", difficulties: [], expectedResults: "Результаты" },
  });
  // A proposed pair is not counted.
  await prisma.pair.create({ data: { organizationId: a.id, programId: a.programId, mentorId: hidden.mentorId, form: "TEACHER_TEACHER", type: "TRADITIONAL", status: "PROPOSED", proposedById: a.curator.id } });

  acts.published = (await act(a, { title: "Положение о наставничестве" })).id;
  acts.approvedHidden = (await act(a, { title: "Приказ о назначении куратора", kind: "CURATOR_APPOINTMENT" })).id;
  // Rows the action would never produce, forced in: the loader must still leave them out.
  acts.registered = (await act(a, { title: "Проект положения", status: "REGISTERED", publishedOnSite: true })).id;
  acts.pairsOrder = (await act(a, { title: "О закреплении наставнических пар", kind: "PAIRS_ORDER", publishedOnSite: true })).id;

  practices.published = (await practice(a, "Кейс молодого педагога", { publishedOnSite: true })).id;
  practices.internal = (await practice(a, "Внутренний материал", { publishedOnSite: false, sharedWithDistrict: true })).id;
  practices.neighbour = (await practice(b, "Кейс соседней школы", { publishedOnSite: true, sharedWithDistrict: true })).id;

  news.published = (await callOk(saveNews, as(a.curator), { org: a.slug, title: "Закреплены пары", body: "Текст новости о парах.", publishedAt: isoDay(-1) })).newsId;
  news.draft = (await callOk(saveNews, as(a.curator), { org: a.slug, title: "Черновик новости", body: "Ещё не готово.", publishedAt: "" })).newsId;
  news.future = (await callOk(saveNews, as(a.director), { org: a.slug, title: "Анонс: итоговая встреча", body: "Скоро.", publishedAt: isoDay(10) })).newsId;
});

describe("an unpublished section", () => {
  it("is 404 for visitors (the loaders return null), and shows to a preview only", async () => {
    expect(await loadPublicSection(a.slug)).toBeNull();
    expect(await loadPublicSectionHead(a.slug)).toBeNull();
    expect(await loadPublicNews(a.slug, news.published!)).toBeNull();
    expect(await loadPublishedActFile(a.slug, acts.published!)).toBeNull();
    // Texts saved while unpublished stay unpublished.
    await callOk(setPublicSection, as(a.curator), { org: a.slug, intro: "О наставничестве в школе.", contacts: "Куратор: тел. 2-11-11" });
    expect(await loadPublicSection(a.slug)).toBeNull();
    expect(await db().prisma.publicSection.findUniqueOrThrow({ where: { organizationId: a.id } })).toMatchObject({ publishedAt: null, intro: "О наставничестве в школе." });
    const preview = await loadPublicSection(a.slug, { preview: true });
    expect(preview?.section).toMatchObject({ published: false, intro: "О наставничестве в школе." });
  });

  it("is 404 for unknown slugs and for organizations that are not schools", async () => {
    const prisma = db().prisma;
    const office = await createOrganization(prisma, { kind: "MUNICIPALITY" });
    await prisma.publicSection.create({ data: { organizationId: office.id, publishedAt: now(), intro: "Офис" } });
    expect(await findPublicSchool(office.slug)).toBeNull();
    expect(await loadPublicSection(office.slug)).toBeNull();
    expect(await loadPublicSection("no-such-school")).toBeNull();
    expect(await loadPublicSection("../etc")).toBeNull();
    // The action refuses a section for an office too.
    const head = await createMember(prisma, office.id, ["DIRECTOR"]);
    const res = await call(setPublicSection, as(head), { org: office.slug, published: true });
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Раздел «Наставничество» ведут только образовательные организации." } });
  });
});

describe("publication actions", () => {
  it("are refused for a mentor and for another school's staff, and nothing is written", async () => {
    const prisma = db().prisma;
    const outsider = await createMember(prisma, b.id, ["DIRECTOR", "CURATOR"]);
    const counts = async () => [
      await prisma.publicSection.count({ where: { publishedAt: { not: null } } }),
      await prisma.news.count(),
      await prisma.localAct.count({ where: { publishedOnSite: true } }),
      await prisma.auditEvent.count(),
    ];
    const before = await counts();
    // Each attempt as a given user, named for the failure message.
    const attempts: [string, (actor: { id: string }) => Promise<unknown>][] = [
      ["publication.setSection", (actor) => call(setPublicSection, as(actor), { org: a.slug, published: true, intro: "Чужой текст" })],
      ["publication.setAct", (actor) => call(setActPublished, as(actor), { org: a.slug, actId: acts.approvedHidden, published: true })],
      ["news.save", (actor) => call(saveNews, as(actor), { org: a.slug, title: "Чужая новость", body: "Текст", publishedAt: isoDay() })],
      ["news.setPublished", (actor) => call(setNewsPublished, as(actor), { org: a.slug, newsId: news.draft, published: true })],
      ["news.delete", (actor) => call(deleteNews, as(actor), { org: a.slug, newsId: news.published })],
    ];
    for (const [name, attempt] of attempts) {
      expect(await attempt(a.mentorUser), `${name} by a mentor`).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await attempt(outsider), `${name} from school B`).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    // School B's staff naming school A's rows from their own school find nothing.
    expect(await call(setActPublished, as(outsider), { org: b.slug, actId: acts.approvedHidden, published: true })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(deleteNews, as(outsider), { org: b.slug, newsId: news.published })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(saveNews, as(outsider), { org: b.slug, newsId: news.published, title: "Подмена", body: "Текст" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await counts()).toEqual(before);
    expect(await prisma.news.findUniqueOrThrow({ where: { id: news.published } })).toMatchObject({ title: "Закреплены пары" });
  });

  it("publish only approved acts, never the pairs order", async () => {
    const notApproved = await act(a, { title: "Ещё не утверждён", status: "REGISTERED" });
    expect(await call(setActPublished, as(a.curator), { org: a.slug, actId: notApproved.id, published: true })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Опубликовать на сайте можно только локальный акт, утверждённый руководителем." },
    });
    const order = await act(a, { title: "Приказ 2-НП", kind: "PAIRS_ORDER" });
    expect(await call(setActPublished, as(a.director), { org: a.slug, actId: order.id, published: true })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.localAct.count({ where: { id: { in: [notApproved.id, order.id] }, publishedOnSite: true } })).toBe(0);
    await callOk(setActPublished, as(a.curator), { org: a.slug, actId: acts.published, published: true });
    expect((await db().prisma.localAct.findUniqueOrThrow({ where: { id: acts.published } })).publishedOnSite).toBe(true);
    // Cleaned up so that the section's lists below are exact.
    await db().prisma.localAct.deleteMany({ where: { id: { in: [notApproved.id, order.id] } } });
  });

  it("publish the section and keep its first publication date; write an audit record", async () => {
    const first = await callOk(setPublicSection, as(a.director), { org: a.slug, published: "true" });
    const again = await callOk(setPublicSection, as(a.curator), { org: a.slug, published: true, contacts: "Куратор программы: kurator@school.example" });
    expect(again.publishedAt).toEqual(first.publishedAt);
    expect(await db().prisma.auditEvent.count({ where: { organizationId: a.id, action: "publication.setSection" } })).toBe(3);
    expect(await call(setPublicSection, as(a.curator), { org: a.slug })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

describe("the published section", () => {
  it("shows only published acts, news and practices, and programs as counts", async () => {
    const data = await loadPublicSection(a.slug);
    expect(data).not.toBeNull();
    if (!data) return;
    expect(data.section).toMatchObject({ published: true, intro: "О наставничестве в школе.", contacts: "Куратор программы: kurator@school.example" });
    expect(data.documents.map((d) => d.id)).toEqual([acts.published]);
    expect(data.documents[0]!.file).toMatchObject({ name: "Положение о наставничестве.pdf" });
    expect(data.news.map((n) => n.id)).toEqual([news.published]);
    expect(data.practices.map((p) => p.id)).toEqual([practices.published]);
    expect(data.programs).toEqual([
      expect.objectContaining({ id: a.programId, academicYear: 2026, stage: 1, pairs: 1, mentors: 1, personalPrograms: 1 }),
    ]);
    // The page words the stage by its number (stages.title…).
    expect(ru(`stages.title${data.programs[0]!.stage}` as "stages.title1")).toBe("Подготовка условий для запуска программы наставничества");
    expect((await loadPublicNews(a.slug, news.published!))?.news.title).toBe("Закреплены пары");
    expect(await loadPublicNews(a.slug, news.draft!)).toBeNull();
    expect(await loadPublicNews(a.slug, news.future!)).toBeNull();
    expect(await loadPublicNews(b.slug, news.published!)).toBeNull();
  });

  it("lists a mentor with a publication consent, not one with only bank and pairs consents, nor a candidate", async () => {
    const data = (await loadPublicSection(a.slug))!;
    expect(data.mentors).toEqual([
      {
        id: shown.mentorId,
        name: "Публикуемова Имя Отчество",
        position: "Учитель математики",
        subjects: ["Математика"],
        competencies: ["DISCIPLINE", "METHODS"],
      },
    ]);
    // The page words the competencies through the vocabulary.
    expect(data.mentors[0]!.competencies.map((c) => ru(`vocabulary.competency.${c}` as "vocabulary.competency.METHODS"))).toEqual([
      "Помогает с практическими приёмами ведения урока, дисциплиной",
      "Владеет современными педагогическими технологиями, готов транслировать опыт",
    ]);
    const admin = await loadPublicationAdmin(tenantContext(a, a.curator, ["CURATOR"]));
    // The reason is a key under «errors», worded here as the Russian page words it.
    const byId = new Map(admin.mentors.map((m) => [m.id, m.refusal && ru(`errors.${m.refusal.key}` as "errors.notFound", m.refusal.values as never)]));
    expect(byId.get(shown.mentorId)).toBeNull();
    expect(byId.get(hidden.mentorId)).toContain("публикация сведений на сайте организации");
    expect(byId.get(candidate.mentorId)).toBe("Наставник ещё не утверждён руководителем.");
  });

  it("shows of a mentor only the data their consent to dissemination allows (art. 10.1)", async () => {
    const partial = await mentor(a, "Частичнова", [PROCESSING]);
    // Publication without the name is refused: nothing to list a mentor by.
    const noName = await call(recordConsent, as(a.curator), { org: a.slug, personId: partial.personId, purposes: ["PUBLICATION"], givenBy: "SUBJECT", givenAt: isoDay(-5), publicFields: ["POSITION"] });
    expect(noName).toMatchObject({ ok: false, error: { fieldErrors: { publicFields: ["Отметьте хотя бы фамилию, имя, отчество: без них наставник на сайте не показывается."] } } });
    const { consentId } = await callOk(recordConsent, as(a.curator), {
      org: a.slug, personId: partial.personId, purposes: ["PUBLICATION"], givenBy: "SUBJECT", givenAt: isoDay(-5), publicFields: ["NAME", "COMPETENCIES"], publicConditions: "только раздел «Наставничество»",
    });
    expect(await db().prisma.consent.findUniqueOrThrow({ where: { id: consentId } })).toMatchObject({ publicFields: ["NAME", "COMPETENCIES"], publicConditions: "только раздел «Наставничество»" });
    const listed = (await loadPublicSection(a.slug))!.mentors.find((m) => m.id === partial.mentorId);
    expect(listed).toEqual({ id: partial.mentorId, name: "Частичнова Имя Отчество", position: null, subjects: [], competencies: expect.arrayContaining(["DISCIPLINE"]) });
    // A row forced in without the name (no action writes one): the mentor is not listed.
    await db().prisma.consent.update({ where: { id: consentId }, data: { publicFields: ["POSITION"] } });
    expect((await loadPublicSection(a.slug))!.mentors.map((m) => m.id)).not.toContain(partial.mentorId);
    await callOk(revokeConsent, as(a.curator), { org: a.slug, consentId, revokedAt: isoDay(), reason: "Конец проверки" });
  });

  it("never carries mentees, contact data or unpublished material", async () => {
    const data = await loadPublicSection(a.slug);
    const text = JSON.stringify(data);
    for (const secret of ["Секретова", "Секретный запрос", "Цели Секретовой", "Скрытов", "Кандидатова", "@example.test", "+7 900", "Черновик новости", "Анонс", "Внутренний материал", "Кейс соседней школы", "Приказ о назначении куратора", "Проект положения", "О закреплении наставнических пар"]) {
      expect(text, secret).not.toContain(secret);
    }
    const news = JSON.stringify(await loadPublicNews(a.slug, (data as NonNullable<typeof data>).news[0]!.id));
    expect(news).not.toContain("Секретова");
  });

  it("a revoked publication consent removes the mentor at once (and keeps them in the bank)", async () => {
    await callOk(revokeConsent, as(a.curator), { org: a.slug, consentId: shown.consentIds[1]!, revokedAt: isoDay(), reason: "Отозвала согласие на публикацию" });
    const data = (await loadPublicSection(a.slug))!;
    expect(data.mentors).toEqual([]);
    expect((await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: shown.mentorId } })).status).toBe("APPROVED");
  });
});

describe("files", () => {
  it("serves a published act's file only while the act and the section are published", async () => {
    const file = await loadPublishedActFile(a.slug, acts.published!);
    expect(file).toMatchObject({ name: "Положение о наставничестве.pdf", type: "application/pdf" });
    expect(Buffer.from(file!.data).toString()).toContain("%PDF-1.4");
    expect(await loadPublishedActFile(a.slug, acts.approvedHidden!)).toBeNull();
    expect(await loadPublishedActFile(a.slug, acts.registered!)).toBeNull();
    expect(await loadPublishedActFile(a.slug, acts.pairsOrder!)).toBeNull();
    expect(await loadPublishedActFile(b.slug, acts.published!)).toBeNull();
    expect(await loadPublishedActFile(a.slug, "not-a-uuid")).toBeNull();

    await callOk(setActPublished, as(a.curator), { org: a.slug, actId: acts.published, published: false });
    expect(await loadPublishedActFile(a.slug, acts.published!)).toBeNull();
    await callOk(setActPublished, as(a.curator), { org: a.slug, actId: acts.published, published: true });
    expect(await loadPublishedActFile(a.slug, acts.published!)).not.toBeNull();
  });

  it("serves only the school's own published practices' files", async () => {
    expect(await loadPublishedPracticeFile(a.slug, practices.published!)).toMatchObject({ name: "Кейс молодого педагога.docx" });
    expect(await loadPublishedPracticeFile(a.slug, practices.internal!)).toBeNull();
    // Shared with the district and published on school B's site — but not school A's.
    expect(await loadPublishedPracticeFile(a.slug, practices.neighbour!)).toBeNull();
  });
});

describe("news", () => {
  it("are edited, published, unpublished and deleted", async () => {
    await callOk(saveNews, as(a.curator), { org: a.slug, newsId: news.draft, title: "Готовая новость", body: "Теперь готово.", publishedAt: "" });
    expect((await loadPublicSection(a.slug))!.news.map((n) => n.id)).toEqual([news.published]);
    await callOk(setNewsPublished, as(a.curator), { org: a.slug, newsId: news.draft, published: true });
    await callOk(setNewsPublished, as(a.curator), { org: a.slug, newsId: news.future, published: true });
    expect(new Set((await loadPublicSection(a.slug))!.news.map((n) => n.id))).toEqual(new Set([news.published, news.draft, news.future]));
    await callOk(setNewsPublished, as(a.curator), { org: a.slug, newsId: news.future, published: false });
    expect((await db().prisma.news.findUniqueOrThrow({ where: { id: news.future } })).publishedAt).toBeNull();
    // Re-saving on the same day keeps the moment of publication.
    const before = (await db().prisma.news.findUniqueOrThrow({ where: { id: news.draft } })).publishedAt!;
    await callOk(saveNews, as(a.curator), { org: a.slug, newsId: news.draft, title: "Готовая новость", body: "Поправлено.", publishedAt: isoDate(todayIn(DEFAULT_TIME_ZONE, before)) });
    expect((await db().prisma.news.findUniqueOrThrow({ where: { id: news.draft } })).publishedAt).toEqual(before);
    await callOk(deleteNews, as(a.curator), { org: a.slug, newsId: news.draft });
    expect(await db().prisma.news.count({ where: { id: news.draft } })).toBe(0);
    expect(await call(deleteNews, as(a.curator), { org: a.slug, newsId: news.draft })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("unpublishing the section hides everything again", async () => {
    await callOk(setPublicSection, as(a.curator), { org: a.slug, published: false });
    expect(await loadPublicSection(a.slug)).toBeNull();
    expect(await loadPublicNews(a.slug, news.published!)).toBeNull();
    expect(await loadPublishedActFile(a.slug, acts.published!)).toBeNull();
    expect(await loadPublishedPracticeFile(a.slug, practices.published!)).toBeNull();
  });
});

describe("the low-vision switch", () => {
  const request = (query: string, cookie?: string) =>
    new NextRequest(`http://school.test/s/${a.slug}/low-vision?${query}`, cookie ? { headers: { cookie } } : undefined);
  const params = () => ({ params: Promise.resolve({ slug: a.slug }) });

  it("sets the cookie and goes back to a page of the same section", async () => {
    const back = `/s/${a.slug}/news/${news.published}`;
    const res = await lowVisionSwitch(request(`on=1&back=${encodeURIComponent(back)}`), params());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(back);
    expect(res.headers.get("set-cookie")).toMatch(/lowVision=1;.*Path=\/s/i);
    const larger = await lowVisionSwitch(request("size=3&theme=wb&back=/s/" + a.slug, "lowVision=1"), params());
    expect(larger.headers.get("set-cookie")).toContain("lowVision=1.wb.3");
  });

  it("turns off, and never sends the visitor elsewhere", async () => {
    const off = await lowVisionSwitch(request(`on=0&back=${encodeURIComponent("https://evil.example/")}`, "lowVision=1.wb.2"), params());
    expect(off.headers.get("location")).toBe(`/s/${a.slug}`);
    expect(off.headers.get("set-cookie")).toMatch(/lowVision=;.*Max-Age=0/i);
    for (const back of ["//evil.example", `/s/${b.slug}`, `/s/${a.slug}/../${b.slug}`, `/${a.slug}/people`]) {
      const res = await lowVisionSwitch(request(`on=1&back=${encodeURIComponent(back)}`), params());
      expect(res.headers.get("location"), back).toBe(`/s/${a.slug}`);
    }
  });
});

describe("the demo school's section", () => {
  it("is published with the consenting mentor only, documents and news, and no mentee", async () => {
    const { seedDemo } = await import("../../prisma/seed");
    await seedDemo(db().prisma);
    const data = await loadPublicSection("kovalevskaya-oosh");
    expect(data).not.toBeNull();
    if (!data) return;
    expect(data.mentors.map((m) => m.name)).toEqual(["Мельникова Ольга Ивановна"]);
    // (Other areas may add to the demo: the rest is checked loosely.)
    expect(data.documents.length).toBeGreaterThan(0);
    expect(data.news.map((n) => n.title)).toContain("Закреплены наставнические пары");
    expect(data.programs[0]?.pairs).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    for (const name of ["Тарасов", "Королёва", "Фёдорова", "Лебедев"]) expect(text, name).not.toContain(name);
    // The other demo schools have not published a section.
    expect(await loadPublicSection("sosh-20")).toBeNull();
    expect(await loadPublicSection("levokumsky")).toBeNull();
  });
});
