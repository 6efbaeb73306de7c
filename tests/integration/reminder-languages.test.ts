import { describe, expect, it } from "vitest";
import { listNotifications, listOutbox } from "../../lib/reminders/queries";
import { runReminderCycle } from "../../lib/reminders/scheduler";
import { createPairRow, createPersonRow, createProgramRow } from "../factories";
import { addStaff, createStaffedSchool } from "../setup/factories";
import { setupTestDatabase } from "../setup/database";
import { tenantContext } from "../setup/call";
import { fakeTransport } from "../setup/mail";
import { silent } from "../setup/reminders";

// Issue #18 item 4: a reminder is stored as its message's values and worded when read — the notifications page in
// the reader's language, the e-mail in the recipient account's (User.locale) — while a reminder stored with its
// Russian sentences before the migration 20261207060000 still shows them.

const db = setupTestDatabase();

const NOW = new Date("2026-11-25T09:00:00Z");

/** A school with a pair waiting for approval: each of its two heads — one reading English, one Russian — is reminded. */
async function schoolWithProposedPair() {
  const prisma = db().prisma;
  const { curator, director, ...org } = await createStaffedSchool(prisma);
  const english = await prisma.user.update({ where: { id: director.id }, data: { locale: "en" } });
  const russian = await addStaff(prisma, org, ["DIRECTOR"]);
  const program = await createProgramRow(prisma, org.id, { academicYear: 2026, title: "Программа наставничества", audience: "TEACHERS", stage: 6, curatorId: curator.id });
  const mentorPerson = await createPersonRow(prisma, org.id, { lastName: "Иванова", firstName: "Мария" });
  const menteePerson = await createPersonRow(prisma, org.id, { lastName: "Петров", firstName: "Олег" });
  const mentor = await prisma.mentorProfile.create({ data: { organizationId: org.id, personId: mentorPerson.id, status: "APPROVED", capacity: 3, addedById: curator.id } });
  const mentee = await prisma.menteeProfile.create({ data: { organizationId: org.id, personId: menteePerson.id, category: "YOUNG_SPECIALIST", source: "QUESTIONNAIRE", addedById: curator.id } });
  await createPairRow(prisma, { organizationId: org.id, programId: program.id, mentorId: mentor.id, proposedById: curator.id, status: "PROPOSED", menteeIds: [mentee.id] });
  return { org, curator, english, russian };
}

describe("reminders in the reader's language", () => {
  it("stores values, not sentences; the page words the same reminder in English or Russian, and each letter goes out in its account's language", async () => {
    const { org, curator, english, russian } = await schoolWithProposedPair();
    expect(await runReminderCycle(NOW, { organizationIds: [org.id], transport: null, log: silent })).toMatchObject({ created: 2, errors: 0 });
    const rows = await db().prisma.reminder.findMany({ where: { organizationId: org.id } });
    for (const r of rows) expect(r).toMatchObject({ kind: "PAIR_APPROVAL", title: null, body: null, values: { mentor: expect.stringContaining("Иванова Мария"), mentees: [expect.stringContaining("Петров Олег")] } });

    // The same stored reminder, read in English and in Russian.
    const ctx = tenantContext(org, english, ["DIRECTOR"]);
    const [inEnglish] = (await listNotifications(ctx, "en")).items;
    expect(inEnglish).toMatchObject({ title: "A mentoring pair awaits approval" });
    expect(inEnglish!.body).toMatch(/^A mentoring pair has been proposed \(mentor Иванова Мария.*, mentee: Петров Олег.*\)\. Approve it by the order securing the pairs, or reject it\.$/);
    const [inRussian] = (await listNotifications(ctx, "ru")).items;
    expect(inRussian!.id).toBe(inEnglish!.id);
    expect(inRussian).toMatchObject({ title: "Наставническая пара ждёт утверждения" });
    expect(inRussian!.body).toMatch(/^Предложена наставническая пара \(наставник Иванова Мария.*, наставляемый: Петров Олег.*\)\. Утвердите её приказом о закреплении пар или отклоните\.$/);
    // The outbox words the subjects in its reader's language too.
    expect((await listOutbox(tenantContext(org, curator, ["CURATOR"]), "en")).items.map((m) => m.subject)).toEqual(["A mentoring pair awaits approval", "A mentoring pair awaits approval"]);

    const transport = fakeTransport();
    expect(await runReminderCycle(new Date(NOW.getTime() + 60_000), { organizationIds: [org.id], transport, appUrl: "https://nastavnik.example.ru", log: silent })).toMatchObject({ sent: 2, failed: 0 });
    const letterTo = (email: string) => transport.sent.find((m) => m.to === email)!;
    expect(letterTo(english.email)).toMatchObject({ subject: "A mentoring pair awaits approval" });
    expect(letterTo(english.email).text).toContain(`Open in Nastavnik: https://nastavnik.example.ru/${org.slug}/pairs#inbox\n\nThis letter was sent automatically; there is no need to reply.`);
    expect(letterTo(russian.email)).toMatchObject({ subject: "Наставническая пара ждёт утверждения" });
    expect(letterTo(russian.email).text).toContain(`Открыть в приложении «Наставник»: https://nastavnik.example.ru/${org.slug}/pairs#inbox\n\nЭто письмо отправлено автоматически, отвечать на него не нужно.`);
  });

  it("shows a reminder stored with its sentences before the migration as it was, in the app and in the letter", async () => {
    const { org, english } = await schoolWithProposedPair();
    await db().prisma.reminder.create({
      data: { organizationId: org.id, userId: english.id, kind: "PAIR_APPROVAL", dedupeKey: `legacy:${org.id}`, title: "Старое напоминание", body: "Его текст.", link: null, emailTo: english.email, emailStatus: "QUEUED" },
    });
    expect((await listNotifications(tenantContext(org, english, ["DIRECTOR"]), "en")).items).toEqual([expect.objectContaining({ title: "Старое напоминание", body: "Его текст." })]);
    const transport = fakeTransport();
    await runReminderCycle(NOW, { organizationIds: [org.id], transport, log: silent });
    expect(transport.sent.find((m) => m.subject === "Старое напоминание")).toMatchObject({ to: english.email, text: "Его текст." });
  });
});
