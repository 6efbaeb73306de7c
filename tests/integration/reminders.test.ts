import { afterEach, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { MAX_EMAIL_ATTEMPTS } from "../../lib/domain/reminders";
import { markAllNotificationsRead, markNotificationRead, runRemindersNow } from "../../lib/reminders/actions";
import { generateReminders } from "../../lib/reminders/generate";
import type { OutgoingEmail } from "../../lib/reminders/mailer";
import { listNotifications, listOutbox } from "../../lib/reminders/queries";
import { countUnreadNotifications } from "../../lib/reminders/unread";
import { runReminderCycle, startReminderScheduler, stopReminderScheduler } from "../../lib/reminders/scheduler";
import { claimDueEmails, SMTP_NOT_CONFIGURED } from "../../lib/reminders/send";
import { reminderText } from "../../lib/reminders/text";
import { createOrganization, createPairRow, createPersonRow, createProgramRow } from "../factories";
import { addStaff, createStaffedSchool } from "../setup/factories";
import { onPostgres, setupTestDatabase } from "../setup/database";
import { as, call, tenantContext } from "../setup/call";
import { fakeTransport as fakeMailTransport } from "../setup/mail";
import { day } from "../setup/dates";
import { silent } from "../setup/reminders";

const db = setupTestDatabase();

const NOW = new Date("2026-11-25T09:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
// The badge counter as the request context runs it: in the organization's RLS scope.
const unread = (organizationId: string, userId: string) => withDb({ organizationId, userId }, (tx) => countUnreadNotifications(tx, organizationId, userId));

type User = { id: string; name: string; email: string };
type School = Awaited<ReturnType<typeof createOrganization>> & {
  curator: User;
  psychologist: User;
  directors: [User, User];
  mentorUser: User;
  menteeUser: User;
  ids: { due: string; overdue: string; activePair: string; proposedPair: string; recipient: string };
};

let n = 0;
/**
 * A school whose state calls for one reminder of each kind: an activity due in 5 days (the
 * psychologist is responsible), an overdue one with nobody responsible (the curator), a working pair
 * silent for 8 weeks (its mentor), a proposed pair (both directors), an open questionnaire the mentee
 * has not answered (the mentee).
 */
async function school(): Promise<School> {
  const prisma = db().prisma;
  const { curator, director, ...org } = await createStaffedSchool(prisma, { curatorName: "Куратор Школы" });
  const psychologist = await addStaff(prisma, org, ["PSYCHOLOGIST"]);
  const directors: [User, User] = [director, await addStaff(prisma, org, ["DIRECTOR"])];
  const mentorUser = await addStaff(prisma, org, ["MENTOR"]);
  const menteeUser = await addStaff(prisma, org, ["MENTEE"]);
  const organizationId = org.id;
  const program = await createProgramRow(prisma, organizationId, { academicYear: 2026, title: "Программа наставничества", audience: "TEACHERS", stage: 6, curatorId: curator.id });
  const activity = (title: string, dueEnd: Date, responsibleUserId: string | null) =>
    prisma.roadmapActivity.create({
      data: { organizationId, programId: program.id, academicYear: 2026, stage: 6, title, dueText: "ноябрь", dueEnd, responsibleUserId },
    });
  const due = await activity("Анкетирование удовлетворённости", day("2026-11-30"), psychologist.id);
  const overdue = await activity("Встреча-знакомство пар", day("2026-11-10"), null);
  await activity("Итоговая конференция", day("2027-05-20"), psychologist.id); // far away: nothing
  await prisma.roadmapActivity.create({
    data: { organizationId, programId: program.id, academicYear: 2026, stage: 6, title: "Готово", dueText: "ноябрь", dueEnd: day("2026-11-10"), status: "DONE" },
  });
  n += 1;
  const person = (lastName: string, userId: string | null) => createPersonRow(prisma, organizationId, { lastName: `${lastName}${n}`, userId });
  const mentorPerson = await person("Наставникова", mentorUser.id);
  const menteePerson = await person("Молодых", menteeUser.id);
  const otherMentee = await person("Новикова", null);
  const mentor = await prisma.mentorProfile.create({ data: { organizationId, personId: mentorPerson.id, status: "APPROVED", capacity: 3, addedById: curator.id } });
  const mentee = await prisma.menteeProfile.create({ data: { organizationId, personId: menteePerson.id, category: "YOUNG_SPECIALIST", source: "QUESTIONNAIRE", addedById: curator.id } });
  const mentee2 = await prisma.menteeProfile.create({ data: { organizationId, personId: otherMentee.id, category: "YOUNG_SPECIALIST", source: "QUESTIONNAIRE", addedById: curator.id } });
  const pairBase = { organizationId, programId: program.id, mentorId: mentor.id, proposedById: curator.id };
  const activePair = await createPairRow(prisma, { ...pairBase, status: "ACTIVE", decidedAt: day("2026-09-20"), decidedById: directors[0].id, menteeIds: [mentee.id] });
  await prisma.meeting.create({ data: { organizationId, pairId: activePair.id, kind: "INTRO", heldOn: day("2026-09-28"), loggedById: mentorUser.id } });
  const proposedPair = await createPairRow(prisma, { ...pairBase, status: "PROPOSED", menteeIds: [mentee2.id] });
  const questionnaire = await prisma.questionnaire.create({
    data: { organizationId, kind: "SATISFACTION_MENTEE", title: "Удовлетворённость наставляемых", questions: [], status: "OPEN", openedAt: day("2026-11-20"), createdById: curator.id },
  });
  const recipient = await prisma.surveyRecipient.create({ data: { organizationId, questionnaireId: questionnaire.id, personId: menteePerson.id } });
  await prisma.surveyRecipient.create({ data: { organizationId, questionnaireId: questionnaire.id, personId: otherMentee.id } }); // no account: nothing
  return {
    ...org,
    curator,
    psychologist,
    directors,
    mentorUser,
    menteeUser,
    ids: { due: due.id, overdue: overdue.id, activePair: activePair.id, proposedPair: proposedPair.id, recipient: recipient.id },
  };
}

const expectedReminders = (s: School) =>
  [
    [`activity-due:${s.ids.due}:2026-11-30`, s.psychologist.id],
    [`activity-overdue:${s.ids.overdue}:2026-11-10`, s.curator.id],
    [`pair-approval:${s.ids.proposedPair}:${s.directors[0].id}`, s.directors[0].id],
    [`pair-approval:${s.ids.proposedPair}:${s.directors[1].id}`, s.directors[1].id],
    [`pair-no-meeting:${s.ids.activePair}:2026-09-28:2`, s.mentorUser.id],
    [`survey-pending:${s.ids.recipient}`, s.menteeUser.id],
  ].sort();

const remindersOf = (s: School) => db().prisma.reminder.findMany({ where: { organizationId: s.id }, orderBy: { dedupeKey: "asc" } });

/** A transport that records what it sends (slowly enough for two senders to interleave). */
const fakeTransport = (behaviour?: (email: OutgoingEmail) => void) => fakeMailTransport({ behaviour, delayMs: 5 });

describe("generation", () => {
  it("creates each expected reminder once, in-app and queued for e-mail, even with two cycles at once", async () => {
    const s = await school();
    const cycles = await Promise.all([
      runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent }),
      runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent }),
    ]);
    expect(cycles.map((c) => c.errors)).toEqual([0, 0]);
    expect(cycles[0]!.created + cycles[1]!.created).toBe(6);
    const rows = await remindersOf(s);
    expect(rows.map((r) => [r.dedupeKey, r.userId])).toEqual(expectedReminders(s));
    const users = await db().prisma.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } } });
    for (const r of rows) {
      expect(r).toMatchObject({ organizationId: s.id, emailStatus: "QUEUED", emailAttempts: 0, readAt: null, sentAt: null });
      expect(r.emailTo).toBe(users.find((u) => u.id === r.userId)!.email);
      // Stored as the message's values, worded when read (a Russian reader here).
      expect(r.title).toBeNull();
      expect(reminderText(r, "ru").title).toMatch(/[А-Яа-яЁё]/);
      expect(r.link).toMatch(new RegExp(`^/${s.slug}/`));
    }
    expect(rows.find((r) => r.kind === "SURVEY_PENDING")!.link).toBe(`/${s.slug}/my-surveys/${s.ids.recipient}`);
    // The next cycle, the same state: nothing new.
    expect((await runReminderCycle(later(15), { organizationIds: [s.id], transport: null, log: silent })).created).toBe(0);
    expect(await db().prisma.reminder.count({ where: { organizationId: s.id } })).toBe(6);
  });

  it.runIf(onPostgres)("a second generator racing an uncommitted first one waits on the unique key and inserts nothing (ON CONFLICT DO NOTHING)", async () => {
    const s = await school();
    const org = { id: s.id, slug: s.slug, timeZone: s.timeZone };
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let inserted!: (count: number) => void;
    const firstInserted = new Promise<number>((r) => (inserted = r));
    const first = withDb({ organizationId: s.id }, async (tx) => {
      const count = await generateReminders(tx, org, NOW);
      inserted(count);
      await hold;
      return count;
    });
    expect(await firstInserted).toBe(6);
    // The second sees none of the first's rows yet, tries to insert them all and blocks on the index.
    const second = withDb({ organizationId: s.id }, (tx) => generateReminders(tx, org, NOW));
    // Released once the second really waits on the first's uncommitted keys — not after a fixed time, which
    // on a busy machine may pass before the second gets there (and the race would then not be tested).
    const waitingOnLocks = () =>
      db().withExecutor((ex) => ex.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`));
    await expect.poll(async () => (await waitingOnLocks())[0]!.n, { timeout: 20_000 }).toBeGreaterThan(0);
    release();
    expect(await Promise.all([first, second])).toEqual([6, 0]);
    expect(await db().prisma.reminder.count({ where: { organizationId: s.id } })).toBe(6);
  });

  it("follows the state: an answered questionnaire and a logged meeting stop those reminders, a new window brings one more", async () => {
    const s = await school();
    const prisma = db().prisma;
    await prisma.surveyRecipient.update({ where: { id: s.ids.recipient }, data: { answeredAt: NOW, answers: {} } });
    await prisma.meeting.create({ data: { organizationId: s.id, pairId: s.ids.activePair, kind: "TRIAL", heldOn: day("2026-11-20"), loggedById: s.mentorUser.id } });
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    const kinds = (await remindersOf(s)).map((r) => r.kind);
    expect(kinds).not.toContain("SURVEY_PENDING");
    expect(kinds).not.toContain("PAIR_NO_MEETING");
    // Five weeks after that meeting the pair is silent again: one reminder for the new window.
    await runReminderCycle(new Date("2026-12-26T09:00:00Z"), { organizationIds: [s.id], transport: null, log: silent });
    expect((await remindersOf(s)).filter((r) => r.kind === "PAIR_NO_MEETING").map((r) => r.dedupeKey)).toEqual([`pair-no-meeting:${s.ids.activePair}:2026-11-20:1`]);
  });

  it("is seen only in its own tenant scope (RLS)", async () => {
    const s = await school();
    const other = await createOrganization(db().prisma);
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    expect(await withDb({ organizationId: s.id }, (tx) => tx.reminder.count())).toBe(6);
    expect(await withDb({ organizationId: other.id }, (tx) => tx.reminder.count())).toBe(0);
    expect(await withDb({ organizationId: other.id }, (tx) => tx.reminder.count({ where: { organizationId: s.id } }))).toBe(0);
    // Another tenant's scope can neither claim nor change them.
    expect(await withDb({ organizationId: other.id }, (tx) => claimDueEmails(tx, s.id, later(1), 50))).toEqual([]);
    expect(await withDb({ organizationId: other.id }, (tx) => tx.reminder.updateMany({ where: { organizationId: s.id }, data: { readAt: NOW } }))).toEqual({ count: 0 });
    expect(await withDb({}, (tx) => tx.reminder.count())).toBe(0);
    expect(await db().prisma.reminder.count({ where: { organizationId: s.id, readAt: { not: null } } })).toBe(0);
    expect(await db().prisma.reminder.count({ where: { organizationId: s.id, emailAttempts: { gt: 0 } } })).toBe(0);
  });
});

describe("sending", () => {
  it("two concurrent send passes send each message exactly once", async () => {
    const s = await school();
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    const transport = fakeTransport();
    const passes = await Promise.all([
      runReminderCycle(later(1), { organizationIds: [s.id], transport, batchSize: 2, log: silent }),
      runReminderCycle(later(1), { organizationIds: [s.id], transport, batchSize: 2, log: silent }),
      runReminderCycle(later(1), { organizationIds: [s.id], transport, batchSize: 2, log: silent }),
    ]);
    expect(passes.reduce((sum, p) => sum + p.sent, 0)).toBe(6);
    expect(transport.sent).toHaveLength(6);
    const rows = await remindersOf(s);
    expect(new Set(transport.sent.map((m) => `${m.to}|${m.subject}`)).size).toBe(6);
    expect(transport.sent.map((m) => m.to).sort()).toEqual(rows.map((r) => r.emailTo).sort());
    // Each letter carries its reminder's id (the SMTP Message-ID), each id once.
    expect(transport.sent.map((m) => m.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const r of rows) expect(r).toMatchObject({ emailStatus: "SENT", emailAttempts: 1, sentAt: later(1), lastError: null, nextAttemptAt: null });
    expect(transport.sent[0]!.text).toContain(`/${s.slug}/`);
    // Nothing is sent twice by a later cycle.
    await runReminderCycle(later(30), { organizationIds: [s.id], transport, log: silent });
    expect(transport.sent).toHaveLength(6);
  });

  it.runIf(onPostgres)("a claim holds its rows: a second sender's claim skips them while the first is open (SKIP LOCKED)", async () => {
    const s = await school();
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let claimedFirst!: (ids: string[]) => void;
    const firstClaimed = new Promise<string[]>((r) => (claimedFirst = r));
    const first = withDb({ organizationId: s.id }, async (tx) => {
      const rows = await claimDueEmails(tx, s.id, later(1), 4);
      claimedFirst(rows.map((r) => r.id));
      await hold;
      return rows.map((r) => r.id);
    });
    const firstIds = await firstClaimed;
    const secondIds = (await withDb({ organizationId: s.id }, (tx) => claimDueEmails(tx, s.id, later(1), 50))).map((r) => r.id);
    release();
    await first;
    expect(firstIds).toHaveLength(4);
    expect(secondIds).toHaveLength(2);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    // Committed: the first claim's lease keeps them from a third sender too.
    expect(await withDb({ organizationId: s.id }, (tx) => claimDueEmails(tx, s.id, later(2), 50))).toEqual([]);
  });

  it("an unreachable SMTP server leaves the message queued with the error and a later attempt; the next due cycle retries", async () => {
    const s = await school();
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    const failing = await runReminderCycle(later(1), {
      organizationIds: [s.id],
      smtp: { host: "127.0.0.1", port: 1, secure: false, from: "Наставник <no-reply@example.test>" },
      log: silent,
    });
    expect(failing).toMatchObject({ errors: 0, sent: 0, failed: 6, smtpConfigured: true });
    for (const r of await remindersOf(s)) {
      expect(r).toMatchObject({ emailStatus: "QUEUED", emailAttempts: 1, sentAt: null });
      expect(r.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
      expect(r.nextAttemptAt).toEqual(later(2)); // one minute after the failed attempt
    }
    // Not due yet half a minute later; retried once due.
    const transport = fakeTransport();
    await runReminderCycle(new Date(later(1).getTime() + 30_000), { organizationIds: [s.id], transport, log: silent });
    expect(transport.sent).toHaveLength(0);
    const retry = await runReminderCycle(later(3), { organizationIds: [s.id], transport, log: silent });
    expect(retry.sent).toBe(6);
    for (const r of await remindersOf(s)) expect(r).toMatchObject({ emailStatus: "SENT", emailAttempts: 2, lastError: null, sentAt: later(3) });
  });

  it("a message the server refuses waits longer each time and is given up after the last attempt; the others still go", async () => {
    const s = await school();
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    const refusedTo = s.menteeUser.email;
    const transport = fakeTransport((email) => {
      if (email.to === refusedTo) throw Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
    });
    const first = await runReminderCycle(later(1), { organizationIds: [s.id], transport, log: silent });
    expect(first).toMatchObject({ sent: 5, failed: 1 });
    const refused = () => db().prisma.reminder.findFirstOrThrow({ where: { organizationId: s.id, emailTo: refusedTo } });
    expect(await refused()).toMatchObject({ emailStatus: "QUEUED", emailAttempts: 1, lastError: "Mailbox unavailable", nextAttemptAt: later(2) });
    await runReminderCycle(later(2), { organizationIds: [s.id], transport, log: silent });
    expect(await refused()).toMatchObject({ emailStatus: "QUEUED", emailAttempts: 2, nextAttemptAt: later(7) });
    // The last attempt.
    await db().prisma.reminder.updateMany({ where: { organizationId: s.id, emailTo: refusedTo }, data: { emailAttempts: MAX_EMAIL_ATTEMPTS - 1, nextAttemptAt: later(8) } });
    await runReminderCycle(later(8), { organizationIds: [s.id], transport, log: silent });
    expect(await refused()).toMatchObject({ emailStatus: "FAILED", emailAttempts: MAX_EMAIL_ATTEMPTS, nextAttemptAt: null, lastError: "Mailbox unavailable" });
    expect(transport.sent).toHaveLength(5);
    // The notification itself is still there for the mentee.
    expect((await listNotifications(tenantContext(s, s.menteeUser, ["MENTEE"]))).items).toHaveLength(1);
  });

  it("without SMTP nothing is sent: the outbox lists the messages as queued, «SMTP не настроен»", async () => {
    const s = await school();
    const summary = await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    expect(summary).toMatchObject({ created: 6, sent: 0, failed: 0, smtpConfigured: false });
    const outbox = await listOutbox(tenantContext(s, s.curator, ["CURATOR"]));
    expect(outbox.counts).toEqual({ QUEUED: 6, SENT: 0, FAILED: 0 });
    expect(outbox.items).toHaveLength(6);
    for (const m of outbox.items) expect(m).toMatchObject({ emailStatus: "QUEUED", emailAttempts: 0, lastError: SMTP_NOT_CONFIGURED });
    expect(outbox.items.map((m) => m.user.name)).toContain("Куратор Школы");
  });
});

describe("actions", () => {
  it("notifications.markRead marks only the user's own notification; another user's is NOT_FOUND and unchanged", async () => {
    const s = await school();
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    const mine = await db().prisma.reminder.findFirstOrThrow({ where: { organizationId: s.id, userId: s.menteeUser.id } });
    const curators = await db().prisma.reminder.findFirstOrThrow({ where: { organizationId: s.id, userId: s.curator.id } });
    expect(await unread(s.id, s.menteeUser.id)).toBe(1);

    const refused = await call(markNotificationRead, as(s.menteeUser), { org: s.slug, reminderId: curators.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "Уведомление не найдено." } });
    expect((await db().prisma.reminder.findUniqueOrThrow({ where: { id: curators.id } })).readAt).toBeNull();
    expect(await call(markNotificationRead, as(s.menteeUser), { org: s.slug, reminderId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    const res = await call(markNotificationRead, as(s.menteeUser), { org: s.slug, reminderId: mine.id });
    expect(res.ok).toBe(true);
    expect((await db().prisma.reminder.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect(await unread(s.id, s.menteeUser.id)).toBe(0);
    // Again: still fine, nothing else changes.
    expect((await call(markNotificationRead, as(s.menteeUser), { org: s.slug, reminderId: mine.id })).ok).toBe(true);
    expect(await db().prisma.reminder.count({ where: { organizationId: s.id, readAt: { not: null } } })).toBe(1);
  });

  it("notifications.markAllRead marks the user's own only, and asks for a deliberate confirm", async () => {
    const s = await school();
    await runReminderCycle(NOW, { organizationIds: [s.id], transport: null, log: silent });
    const director = s.directors[0];
    // Without the confirmation its form sends (typed `as never`: the input is deliberately incomplete).
    expect(await call(markAllNotificationsRead, as(director), { org: s.slug } as never)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(markAllNotificationsRead, as(director), { org: s.slug, confirm: "all" })).toEqual({ ok: true, data: { count: 1 } });
    const rows = await remindersOf(s);
    expect(rows.filter((r) => r.readAt).map((r) => r.userId)).toEqual([director.id]);
    const list = await listNotifications(tenantContext(s, director, ["DIRECTOR"]));
    expect(list).toMatchObject({ unread: 0, total: 1 });
    expect(list.items[0]!.title).toBe("Наставническая пара ждёт утверждения");
    // No audit records for one's own inbox.
    expect(await db().prisma.auditEvent.count({ where: { organizationId: s.id, action: { startsWith: "notifications." } } })).toBe(0);
  });

  it("reminders.runNow runs a cycle for this organization only, for those who see the outbox", async () => {
    const s = await school();
    const other = await school();
    expect(await call(runRemindersNow, as(s.mentorUser), { org: s.slug, confirm: "run" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(runRemindersNow, as(s.curator), { org: s.slug } as never)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const res = await call(runRemindersNow, as(s.curator), { org: s.slug, confirm: "run" });
    // Run at the wall clock: the due and overdue activities and the silent pair depend on the day, the
    // proposed pair and the open questionnaire do not.
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.smtpConfigured).toBe(false);
    expect(res.data.created).toBeGreaterThanOrEqual(3);
    expect(await db().prisma.reminder.count({ where: { organizationId: s.id } })).toBe(res.data.created);
    expect(await db().prisma.reminder.count({ where: { organizationId: other.id } })).toBe(0);
    expect(await db().prisma.auditEvent.findFirst({ where: { organizationId: s.id, action: "reminders.runNow" } })).toMatchObject({ actorId: s.curator.id });
    // Again: nothing new.
    expect(await call(runRemindersNow, as(s.directors[0]), { org: s.slug, confirm: "run" })).toMatchObject({ ok: true, data: { created: 0 } });
  });
});

describe("the scheduler", () => {
  afterEach(() => {
    stopReminderScheduler();
    delete process.env.REMINDERS_DISABLED;
  });

  it("starts once per process, and not at all with REMINDERS_DISABLED=1", () => {
    process.env.REMINDERS_DISABLED = "1";
    expect(startReminderScheduler(silent)).toBe(false);
    delete process.env.REMINDERS_DISABLED;
    expect(startReminderScheduler(silent)).toBe(true);
    expect(startReminderScheduler(silent)).toBe(false);
  });
});
