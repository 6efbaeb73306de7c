import type { AddressInfo } from "node:net";
import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { now } from "../../lib/clock";
import { withDb } from "../../lib/db";
import "../../lib/letters/actions";
import { getOfficeLetter, getOfficeLetterPage, getSchoolLetter, listOfficeLetters, listSchoolLetters } from "../../lib/letters/queries";
import { generateReminders } from "../../lib/reminders/generate";
import { createSmtpTransport } from "../../lib/reminders/mailer";
import { sendDueEmails } from "../../lib/reminders/send";
import { reminderText } from "../../lib/reminders/text";
import { createOrganization, createTwoDistricts } from "../factories";
import { letterText, startSmtpSink, type ReceivedLetter } from "../setup/mail";
import { setupTestDatabase } from "../setup/database";
import { acknowledgeLetter, markLetterRead, remindLetter, sendLetter } from "../../lib/letters/actions";
import { as, call, callOk, tenantContext } from "../setup/call";

// Information letters (issue #16 item 2, decision 047): the office writes to all or chosen schools of its
// own, a school's director reads (recorded on opening) and acknowledges, the office sees «1 из 2» and
// reminds the rest through the reminders cycle and its mail. The letter is shared by two organizations:
// both walls are tested — an unaddressed school sees nothing, a school never sees another's acknowledgement.
const db = setupTestDatabase();

type Org = Awaited<ReturnType<typeof createOrganization>>;
let muni: Org, otherMuni: Org, s1: Org, s2: Org, s3: Org, foreign: Org;
let methodist: { id: string }, d1: { id: string; email: string }, d2: { id: string; email: string }, d3: { id: string }, curator1: { id: string };
let sink: SMTPServer;
const received: ReceivedLetter[] = [];

const counts = async () => {
  const p = db().prisma;
  return [await p.infoLetter.count(), await p.infoLetterRecipient.count(), await p.infoLetterFile.count()];
};

beforeAll(async () => {
  const prisma = db().prisma;
  const world = await createTwoDistricts(prisma);
  ({ office: muni, otherOffice: otherMuni, foreign, methodist, curator: curator1 } = world);
  [s1, s2, s3] = world.schools;
  [d1, d2, d3] = world.directors;
  sink = await startSmtpSink(0, (letter) => received.push(letter));
});
afterAll(() => new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve())));

let letterId: string;

describe("sending", () => {
  it("refuses a school that is not the office's, an empty address list, a file over the limit — nothing written", async () => {
    const base = { org: muni.slug, subject: "О проведении семинара", body: "Просим направить кураторов на семинар." };
    expect(await call(sendLetter, as(methodist), { ...base, schoolIds: [s1.id, foreign.id] })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", message: "Письмо можно отправить только школам своего округа." },
    });
    expect(await call(sendLetter, as(methodist), { ...base, schoolIds: [] })).toMatchObject({ ok: false, error: { fieldErrors: { schoolIds: ["Выберите школы или отметьте «Всем школам»."] } } });
    expect(await call(sendLetter, as(methodist), { ...base, subject: "", schoolIds: [s1.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "приложение.pdf", { type: "application/pdf" });
    expect(await call(sendLetter, as(methodist), { ...base, schoolIds: [s1.id], file: big })).toMatchObject({ ok: false, error: { message: "Файл больше 10 МБ." } });
    // A school sends no letters.
    expect(await call(sendLetter, as(d1), { ...base, org: s1.slug, toAll: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await counts()).toEqual([0, 0, 0]);
  });

  it("sends to two chosen schools with a file, and to all three", async () => {
    const file = new File([new TextEncoder().encode("%PDF-1.4 программа семинара")], "программа.pdf", { type: "application/pdf" });
    const sent = await callOk(sendLetter, as(methodist), { org: muni.slug, subject: "О проведении семинара", body: "Просим направить кураторов на семинар.", schoolIds: [s1.id, s2.id], file });
    letterId = String(sent.letterId);
    expect(sent.schools).toBe(2);
    expect(await callOk(sendLetter, as(methodist), { org: muni.slug, subject: "О сроках отчёта", body: "Отчёт — до 25 мая.", toAll: "on" })).toMatchObject({ schools: 3 });
    expect(await counts()).toEqual([2, 5, 1]);
  });
});

describe("the two walls of a shared letter", () => {
  it("an unaddressed school sees neither the letter nor its file nor its addressees — even without the application's filter", async () => {
    expect((await listSchoolLetters(tenantContext(s3, d3, ["DIRECTOR"]))).map((l) => l.subject)).toEqual(["О сроках отчёта"]);
    expect(await getSchoolLetter(tenantContext(s3, d3, ["DIRECTOR"]), letterId)).toBeNull();
    const raw = await withDb({ organizationId: s3.id }, async (tx) => [
      await tx.$queryRaw<unknown[]>`SELECT id FROM "InfoLetter" WHERE id = ${letterId}::uuid`,
      await tx.$queryRaw<unknown[]>`SELECT id FROM "InfoLetterFile" WHERE "letterId" = ${letterId}::uuid`,
      await tx.$queryRaw<unknown[]>`SELECT id FROM "InfoLetterRecipient" WHERE "letterId" = ${letterId}::uuid`,
    ]);
    expect(raw).toEqual([[], [], []]);
    expect(await call(acknowledgeLetter, as(d3), { org: s3.slug, letterId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("an addressed school reads the letter and only its own addressee row; it cannot touch another school's, add one, or re-address its own", async () => {
    const rows = await withDb({ organizationId: s1.id }, (tx) => tx.infoLetterRecipient.findMany({ where: { letterId }, select: { organizationId: true } }));
    expect(rows).toEqual([{ organizationId: s1.id }]);
    expect(await withDb({ organizationId: s1.id }, (tx) => tx.infoLetter.count({ where: { id: letterId } }))).toBe(1);
    const updated = await withDb({ organizationId: s1.id }, (tx) => tx.$executeRaw`UPDATE "InfoLetterRecipient" SET "acknowledgedAt" = now() WHERE "organizationId" = ${s2.id}::uuid`);
    expect(updated).toBe(0);
    await expect(withDb({ organizationId: s1.id }, (tx) => tx.$executeRaw`INSERT INTO "InfoLetterRecipient" (id, "organizationId", "officeId", "letterId") VALUES (gen_random_uuid(), ${s1.id}::uuid, ${muni.id}::uuid, ${letterId}::uuid)`)).rejects.toThrow();
    await expect(withDb({ organizationId: s1.id }, (tx) => tx.$executeRaw`UPDATE "InfoLetterRecipient" SET "officeId" = ${otherMuni.id}::uuid WHERE "organizationId" = ${s1.id}::uuid`)).rejects.toThrow(/permission denied/i);
    // Another office cannot address the office's schools, nor read its letters.
    await expect(withDb({ organizationId: otherMuni.id }, (tx) => tx.$executeRaw`INSERT INTO "InfoLetterRecipient" (id, "organizationId", "officeId", "letterId") VALUES (gen_random_uuid(), ${s1.id}::uuid, ${otherMuni.id}::uuid, ${letterId}::uuid)`)).rejects.toThrow();
    expect(await withDb({ organizationId: otherMuni.id }, (tx) => tx.infoLetter.count())).toBe(0);
    expect(await db().prisma.infoLetterRecipient.count({ where: { acknowledgedAt: { not: null } } })).toBe(0);
  });
});

describe("read, acknowledge, «1 из 2», remind", () => {
  it("the director's opening records the read once; acknowledging twice is refused, the first stands", async () => {
    expect(await call(markLetterRead, as(curator1), { org: s1.slug, letterId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await callOk(markLetterRead, as(d1), { org: s1.slug, letterId });
    const first = await db().prisma.infoLetterRecipient.findFirstOrThrow({ where: { organizationId: s1.id, letterId } });
    expect(first.readAt).not.toBeNull();
    await callOk(markLetterRead, as(d1), { org: s1.slug, letterId });
    expect((await db().prisma.infoLetterRecipient.findFirstOrThrow({ where: { organizationId: s1.id, letterId } })).readAt).toEqual(first.readAt);

    await callOk(acknowledgeLetter, as(d1), { org: s1.slug, letterId });
    const acknowledged = await db().prisma.infoLetterRecipient.findFirstOrThrow({ where: { organizationId: s1.id, letterId } });
    expect(acknowledged).toMatchObject({ acknowledgedById: d1.id });
    expect(await call(acknowledgeLetter, as(d1), { org: s1.slug, letterId })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Ознакомление с письмом уже подтверждено." } });
    expect((await db().prisma.infoLetterRecipient.findFirstOrThrow({ where: { organizationId: s1.id, letterId } })).acknowledgedAt).toEqual(acknowledged.acknowledgedAt);
  });

  it("the methodist sees 1 of 2 read and acknowledged, per school", async () => {
    const office = tenantContext(muni, methodist, ["METHODIST"]);
    expect((await listOfficeLetters(office)).find((l) => l.id === letterId)).toMatchObject({ addressed: 2, read: 1, acknowledged: 1 });
    const letter = await getOfficeLetter(office, letterId);
    expect(letter?.schools.map((s) => [s.name, Boolean(s.readAt), Boolean(s.acknowledgedAt)])).toEqual([
      ["СОШ №1", true, true],
      ["СОШ №2", false, false],
    ]);
    expect(letter?.files.map((f) => f.fileName)).toEqual(["программа.pdf"]);
    // A page of the addressed schools (issue #19): those that have not acknowledged, by name, one a page; the counts
    // are over all of them.
    expect(await getOfficeLetterPage(office, letterId, { state: "unacknowledged" })).toMatchObject({ counts: { total: 2, read: 1, acknowledged: 1 }, list: { total: 1, rows: [{ name: "СОШ №2" }] } });
    expect((await getOfficeLetterPage(office, letterId, { q: "№1" }))!.list.rows.map((s) => s.name)).toEqual(["СОШ №1"]);
    expect((await getOfficeLetterPage(office, letterId, { page: 2 }, 1))!.list).toMatchObject({ page: 2, pages: 2, rows: [{ name: "СОШ №2" }] });
    expect(await getOfficeLetterPage(tenantContext(otherMuni, methodist, ["METHODIST"]), letterId, {})).toBeNull();
    // The school sees its own state of the letter.
    expect(await getSchoolLetter(tenantContext(s1, d1, ["DIRECTOR"]), letterId)).toMatchObject({ from: "Отдел образования округа", files: [{ fileName: "программа.pdf" }] });
  });

  it("reminding the rest: the next reminders cycle notifies s2's director and mails them; s1 gets nothing", async () => {
    await callOk(remindLetter, as(methodist), { org: muni.slug, letterId });
    const at = now();
    for (const s of [s1, s2]) await withDb({ organizationId: s.id }, (tx) => generateReminders(tx, { id: s.id, slug: s.slug, timeZone: s.timeZone }, at));
    const reminders = await db().prisma.reminder.findMany({ where: { kind: "LETTER_UNACKNOWLEDGED" }, select: { organizationId: true, userId: true, kind: true, values: true, title: true, body: true, link: true } });
    // As the director reads it in Russian (stored as values, worded when read).
    expect(reminders.map((r) => ({ organizationId: r.organizationId, userId: r.userId, title: reminderText(r, "ru").title, link: r.link }))).toEqual([
      { organizationId: s2.id, userId: d2.id, title: "Подтвердите ознакомление с письмом «О проведении семинара»", link: `/${s2.slug}/letters/${letterId}` },
    ]);
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`, from: "nastavnik@example.test" });
    const outcome = await sendDueEmails({ run: (fn) => withDb({ organizationId: s2.id }, fn), organizationId: s2.id, now: new Date(at.getTime() + 1000), transport, appUrl: "https://nastavnik.example.ru" });
    transport.close?.();
    expect(outcome.sent).toBe(1);
    const mail = received.find((l) => l.to.includes(d2.email));
    expect(mail && letterText(mail.raw)).toContain("напоминает: подтвердите ознакомление с информационным письмом «О проведении семинара»");
  });

  it("once every school acknowledged, there is nobody to remind", async () => {
    await callOk(acknowledgeLetter, as(d2), { org: s2.slug, letterId });
    expect(await call(remindLetter, as(methodist), { org: muni.slug, letterId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(remindLetter, as(methodist), { org: otherMuni.slug, letterId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
