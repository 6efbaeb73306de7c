import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { now } from "../../lib/clock";
import { withDb } from "../../lib/db";
import { MAX_EMAIL_ATTEMPTS } from "../../lib/domain/reminders";
import { acceptInvitation, inviteMember } from "../../lib/members/actions";
import { inviteMany, resendInvitation } from "../../lib/members/invite-actions";
import type { ResendResult } from "../../lib/members/invite-actions";
import { letterSettings, sendInvitationLetters } from "../../lib/members/invitation-letters";
import { findInvitationByToken, listPendingInvitations } from "../../lib/members/queries";
import type { OutgoingEmail } from "../../lib/reminders/mailer";
import { runReminderCycle } from "../../lib/reminders/scheduler";
import { myPairs } from "../../lib/pairs/work-queries";
import { seedDemo } from "../../prisma/seed";
import { createMember, createOrganization, createPersonRow } from "../factories";
import { createStaffedSchool, type Staffed } from "../setup/factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf, tenantContext } from "../setup/call";
import { fakeTransport as fakeMailTransport } from "../setup/mail";

// Accounts at scale (issue #13 item 4): the bulk invitation from the people list, the invitation letters
// (issued at send time, SENT / FAILED and retried by the scheduler, or waiting in the outbox without SMTP),
// and the person's card linked to the account on acceptance.
const db = setupTestDatabase();
const silent = () => {};
const APP_URL = "https://nastavnik.example.ru";

/** A fake mail transport: keeps the letters, or fails with the given error. */
const fakeTransport = (fail?: () => Error) =>
  fakeMailTransport({
    behaviour: () => {
      if (fail) throw fail();
    },
  });

const tokenOf = (letter: OutgoingEmail) => {
  const m = /https:\/\/nastavnik\.example\.ru\/invite\/([A-Za-z0-9_-]{43})/.exec(letter.text);
  expect(m, `a link in the letter to ${letter.to}`).toBeTruthy();
  return m![1]!;
};

let seq = 0;
/** A person of the school with an e-mail address (invitations go to it), a teacher «Учитель» unless told. */
const person = (s: Staffed, kind: "TEACHER" | "STUDENT", data: { email?: string | null; position?: string; lastName?: string; active?: boolean } = {}) =>
  createPersonRow(db().prisma, s.id, {
    kind,
    lastName: data.lastName ?? `Иванова${++seq}`,
    firstName: "Мария",
    position: data.position ?? (kind === "TEACHER" ? "Учитель" : null),
    email: data.email === undefined ? `person-${seq}-${s.slug}@example.test` : data.email,
    active: data.active ?? true,
  });
const school = () => createStaffedSchool(db().prisma, { directorName: "Смирнова Елена Петровна", curatorName: "Орлова Татьяна Сергеевна" });

const saved = { SMTP_URL: process.env.SMTP_URL, SMTP_HOST: process.env.SMTP_HOST, APP_URL: process.env.APP_URL };
beforeAll(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_HOST;
  process.env.APP_URL = APP_URL;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("members.inviteMany", () => {
  it("invites the selected people with their roles, QUEUED and linked to their cards, in the organization's RLS scope", async () => {
    const s = await school();
    const t1 = await person(s, "TEACHER");
    const t2 = await person(s, "TEACHER");
    const st = await person(s, "STUDENT");
    const res = await call(inviteMany, as(s.curator), {
      org: s.slug,
      invitations: [
        { personId: t1.id, role: "MENTOR" },
        { personId: t2.id, role: "MENTEE" },
        { personId: st.id, role: "MENTEE" },
      ],
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.refused).toEqual([]);
    expect(res.data.mailed).toBe(false);
    expect(res.data.created.map((c) => [c.personId, c.role, c.email])).toEqual([
      [t1.id, "MENTOR", t1.email],
      [t2.id, "MENTEE", t2.email],
      [st.id, "MENTEE", st.email],
    ]);
    const rows = await db().prisma.invitation.findMany({ where: { organizationId: s.id }, orderBy: { email: "asc" } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.emailStatus === "QUEUED" && r.invitedById === s.curator.id && r.personId !== null && r.emailAttempts === 0)).toBe(true);
    // Visible in the school's own scope, invisible from another school's.
    const other = await createOrganization(db().prisma);
    expect(await withDb({ organizationId: s.id }, (tx) => tx.invitation.count())).toBe(3);
    expect(await withDb({ organizationId: other.id }, (tx) => tx.invitation.count())).toBe(0);
    const audit = await db().prisma.auditEvent.findFirst({ where: { organizationId: s.id, action: "members.inviteMany" } });
    expect(audit?.data).toMatchObject({ created: 3 });
  });

  it("refuses people one by one with their reasons and offers the pending invitation for a resend", async () => {
    const s = await school();
    const ok = await person(s, "TEACHER");
    const noEmail = await person(s, "TEACHER", { email: null });
    const shared = await person(s, "TEACHER", { email: "shared@example.test" });
    await person(s, "STUDENT", { email: "Shared@Example.test" });
    const inactive = await person(s, "TEACHER", { active: false });
    const member = await person(s, "TEACHER");
    const memberUser = await createMember(db().prisma, s.id, ["MENTOR"], { email: member.email! });
    const invited = await person(s, "TEACHER");
    const first = await call(inviteMany, as(s.curator), { org: s.slug, invitations: [{ personId: invited.id, role: "MENTOR" }] });
    expect(first.ok).toBe(true);
    const res = await call(inviteMany, as(s.curator), {
      org: s.slug,
      invitations: [ok, noEmail, shared, inactive, member, invited].map((p) => ({ personId: p.id, role: "MENTOR" as const })),
    });
    expect(res.ok).toBe(true);
    if (!res.ok || !first.ok) return;
    expect(res.data.created.map((c) => c.personId)).toEqual([ok.id]);
    expect(res.data.refused.map((r) => [r.personId, r.reason])).toEqual([
      [noEmail.id, "noEmail"],
      [shared.id, "emailUsedByAnother"],
      [inactive.id, "personInactive"],
      [member.id, "alreadyMember"],
      [invited.id, "alreadyInvited"],
    ]);
    expect(res.data.refused.find((r) => r.reason === "alreadyInvited")?.invitationId).toBe(first.data.created[0]!.invitationId);
    expect(memberUser.email).toBe(member.email);
    expect(await db().prisma.invitation.count({ where: { organizationId: s.id } })).toBe(2);
  });

  it("writes nothing when the whole request is invalid: a role the inviter may not hand out, another school's person, too many, duplicates", async () => {
    const s = await school();
    const b = await school();
    const mine = await person(s, "TEACHER");
    const theirs = await person(b, "TEACHER");
    const refusals: InputOf<typeof inviteMany>["invitations"][] = [
      // A curator may not hand out the psychologist's role.
      [{ personId: mine.id, role: "PSYCHOLOGIST" }],
      // A person of another school: not found here, nothing written (not even the valid row).
      [{ personId: mine.id, role: "MENTOR" }, { personId: theirs.id, role: "MENTOR" }],
      [{ personId: mine.id, role: "MENTOR" }, { personId: mine.id, role: "MENTEE" }],
      Array.from({ length: 201 }, () => ({ personId: crypto.randomUUID(), role: "MENTOR" })),
      [],
    ];
    const codes = [];
    for (const invitations of refusals) {
      const res = await call(inviteMany, as(s.curator), { org: s.slug, invitations });
      expect(res.ok).toBe(false);
      if (!res.ok) codes.push(res.error.code);
    }
    expect(codes).toEqual(["FORBIDDEN", "NOT_FOUND", "VALIDATION", "VALIDATION", "VALIDATION"]);
    expect(await db().prisma.invitation.count({ where: { organizationId: { in: [s.id, b.id] } } })).toBe(0);
    // The other school's curator cannot invite this school's people either.
    const cross = await call(inviteMany, as(b.curator), { org: b.slug, invitations: [{ personId: mine.id, role: "MENTOR" }] });
    expect(cross).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const foreign = await call(inviteMany, as(b.curator), { org: s.slug, invitations: [{ personId: mine.id, role: "MENTOR" }] });
    expect(foreign.ok).toBe(false);
    expect(await db().prisma.invitation.count({ where: { personId: mine.id } })).toBe(0);
  });

  it("creates no duplicates when the same form is submitted again with its idempotency key", async () => {
    const s = await school();
    const people = [await person(s, "TEACHER"), await person(s, "TEACHER")];
    const input = { org: s.slug, invitations: people.map((p) => ({ personId: p.id, role: "MENTOR" as const })), idempotencyKey: "bulk-invite-key-0001" };
    const [a, b] = [await call(inviteMany, as(s.director), input), await call(inviteMany, as(s.director), input)];
    expect(a.ok && b.ok).toBe(true);
    expect(b).toEqual(a);
    expect(await db().prisma.invitation.count({ where: { organizationId: s.id } })).toBe(2);
    expect(await db().prisma.auditEvent.count({ where: { organizationId: s.id, action: "members.inviteMany" } })).toBe(1);
  });
});

describe("invitation letters", () => {
  it("without SMTP: letters stay QUEUED and the outbox lists them; «Показать ссылку» issues a working link, the old one stops working", async () => {
    const s = await school();
    const p = await person(s, "TEACHER");
    const res = await call(inviteMany, as(s.curator), { org: s.slug, invitations: [{ personId: p.id, role: "MENTOR" }] });
    if (!res.ok) throw new Error(res.error.message);
    const summary = await runReminderCycle(now(), { organizationIds: [s.id], transport: null, log: silent });
    expect(summary.invitationsSent).toBe(0);
    const listed = await listPendingInvitations(tenantContext(s, s.curator, ["CURATOR"]));
    expect(listed).toEqual([expect.objectContaining({ email: p.email, emailStatus: "QUEUED", person: expect.objectContaining({ id: p.id }) })]);

    const id = res.data.created[0]!.invitationId;
    const first = await call(resendInvitation, as(s.curator), { org: s.slug, invitationId: id, deliver: "link" });
    const second = await call(resendInvitation, as(s.curator), { org: s.slug, invitationId: id, deliver: "link" });
    if (!first.ok || !second.ok) throw new Error("resend refused");
    const token = (r: ResendResult) => r.path!.slice("/invite/".length);
    expect((await findInvitationByToken(token(first.data))).state).toBe("notFound");
    expect(await findInvitationByToken(token(second.data))).toMatchObject({ state: "pending", email: p.email, role: "MENTOR" });
    expect(second.data.mailed).toBe(false);
  });

  it("QUEUED → SENT with a link that works (and the previous one not); a failure → FAILED with lastError, retried by the scheduler after its backoff", async () => {
    const s = await school();
    const [p1, p2] = [await person(s, "TEACHER"), await person(s, "STUDENT")];
    const res = await call(inviteMany, as(s.curator), {
      org: s.slug,
      invitations: [
        { personId: p1.id, role: "MENTOR" },
        { personId: p2.id, role: "MENTEE" },
      ],
    });
    if (!res.ok) throw new Error(res.error.message);
    const [i1, i2] = res.data.created.map((c) => c.invitationId) as [string, string];
    // The link handed out by hand before the letter: the letter issues a new one.
    const shown = await call(resendInvitation, as(s.curator), { org: s.slug, invitationId: i1, deliver: "link" });
    if (!shown.ok) throw new Error(shown.error.message);
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      const again = await call(resendInvitation, as(s.curator), { org: s.slug, invitationId: i1, deliver: "email" });
      expect(again).toMatchObject({ ok: true, data: { mailed: true, path: null } });
    } finally {
      delete process.env.SMTP_URL;
    }

    const start = now();
    const failing = fakeTransport(() => Object.assign(new Error("550 mailbox unavailable"), { code: "EENVELOPE", responseCode: 550 }));
    const failed = await runReminderCycle(start, { organizationIds: [s.id], transport: failing, appUrl: APP_URL, log: silent });
    expect(failed).toMatchObject({ invitationsSent: 0, invitationsFailed: 2 });
    const afterFailure = await db().prisma.invitation.findMany({ where: { organizationId: s.id } });
    expect(afterFailure.every((r) => r.emailStatus === "FAILED" && r.emailAttempts === 1 && /550 mailbox unavailable/.test(r.lastError ?? "") && r.nextAttemptAt)).toBe(true);

    // Not yet due (backoff of a minute), then retried and sent.
    const mail = fakeTransport();
    expect((await runReminderCycle(new Date(start.getTime() + 30_000), { organizationIds: [s.id], transport: mail, appUrl: APP_URL, log: silent })).invitationsSent).toBe(0);
    const sent = await runReminderCycle(new Date(start.getTime() + 2 * 60_000), { organizationIds: [s.id], transport: mail, appUrl: APP_URL, log: silent });
    expect(sent).toMatchObject({ invitationsSent: 2, invitationsFailed: 0 });
    expect(mail.sent.map((l) => l.to).sort()).toEqual([p1.email, p2.email].sort());
    const letter = mail.sent.find((l) => l.to === p1.email)!;
    expect(letter.subject).toContain("Приглашение");
    expect(letter.text).toContain("Орлова Татьяна Сергеевна приглашает вас");
    expect(letter.text).toContain("Ваша роль: Наставник");
    expect(letter.text).toMatch(/Ссылка действует до \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    expect(await findInvitationByToken(tokenOf(letter))).toMatchObject({ state: "pending", email: p1.email });
    expect((await findInvitationByToken(shown.data.path!.slice("/invite/".length))).state).toBe("notFound");
    const rows = await db().prisma.invitation.findMany({ where: { id: { in: [i1, i2] } } });
    expect(rows.every((r) => r.emailStatus === "SENT" && r.sentAt && r.lastError === null && r.emailAttempts === 2)).toBe(true);
    // Sent letters are not sent again.
    expect((await runReminderCycle(new Date(start.getTime() + 60 * 60_000), { organizationIds: [s.id], transport: mail, appUrl: APP_URL, log: silent })).invitationsSent).toBe(0);
  });

  it("two senders at once (two app instances) send each letter exactly once", async () => {
    const s = await school();
    const people = [await person(s, "TEACHER"), await person(s, "TEACHER"), await person(s, "TEACHER")];
    const res = await call(inviteMany, as(s.director), { org: s.slug, invitations: people.map((p) => ({ personId: p.id, role: "MENTOR" as const })) });
    if (!res.ok) throw new Error(res.error.message);
    const mail = fakeTransport();
    const at = now();
    await Promise.all([
      runReminderCycle(at, { organizationIds: [s.id], transport: mail, appUrl: APP_URL, log: silent }),
      runReminderCycle(at, { organizationIds: [s.id], transport: mail, appUrl: APP_URL, log: silent }),
    ]);
    expect(mail.sent.map((l) => l.to).sort()).toEqual(people.map((p) => p.email).sort());
    for (const letter of mail.sent) expect((await findInvitationByToken(tokenOf(letter))).state).toBe("pending");
  });

  it("with SMTP, «Пригласить» shows the link and the letter after the commit carries the same link", async () => {
    const s = await school();
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    let created;
    try {
      created = await call(inviteMember, as(s.director), { org: s.slug, email: "single@example.test", role: "CURATOR" });
    } finally {
      delete process.env.SMTP_URL;
    }
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.mailed).toBe(true);
    expect((await db().prisma.invitation.findUniqueOrThrow({ where: { id: created.data.invitationId } })).emailStatus).toBe("QUEUED");
    const token = created.data.path.slice("/invite/".length);
    const mail = fakeTransport();
    await sendInvitationLetters({
      run: (fn) => withDb({ organizationId: s.id }, fn),
      organizationId: s.id,
      now: now(),
      transport: mail,
      appUrl: APP_URL,
      ids: [created.data.invitationId],
      tokens: new Map([[created.data.invitationId, token]]),
    });
    expect(mail.sent).toHaveLength(1);
    expect(tokenOf(mail.sent[0]!)).toBe(token);
    expect(mail.sent[0]!.text).toContain("Ваша роль: Куратор");
  });

  it("letters need both SMTP and the app's address (APP_URL): a relative link in an e-mail leads nowhere", () => {
    expect(letterSettings({ SMTP_URL: "smtp://mail.example.ru:587" })).toBeNull();
    expect(letterSettings({ APP_URL })).toBeNull();
    expect(letterSettings({ SMTP_URL: "smtp://mail.example.ru:587", APP_URL })).toMatchObject({ appUrl: APP_URL });
  });

  it("gives up after the last attempt: FAILED with no next attempt", async () => {
    const s = await school();
    const p = await person(s, "TEACHER");
    const res = await call(inviteMany, as(s.curator), { org: s.slug, invitations: [{ personId: p.id, role: "MENTOR" }] });
    if (!res.ok) throw new Error(res.error.message);
    await db().prisma.invitation.updateMany({ where: { organizationId: s.id }, data: { emailAttempts: MAX_EMAIL_ATTEMPTS - 1 } });
    const failing = fakeTransport(() => Object.assign(new Error("550 no such user"), { code: "EENVELOPE" }));
    await runReminderCycle(now(), { organizationIds: [s.id], transport: failing, appUrl: APP_URL, log: silent });
    const row = await db().prisma.invitation.findFirstOrThrow({ where: { organizationId: s.id } });
    expect(row).toMatchObject({ emailStatus: "FAILED", emailAttempts: MAX_EMAIL_ATTEMPTS, nextAttemptAt: null });
    const later = await runReminderCycle(new Date(now().getTime() + 24 * 3600_000), { organizationIds: [s.id], transport: fakeTransport(), appUrl: APP_URL, log: silent });
    expect(later.invitationsSent).toBe(0);
  });

  it("a curator may not reissue a director's invitation link", async () => {
    const s = await school();
    const created = await call(inviteMember, as(s.director), { org: s.slug, email: "future-psychologist@example.test", role: "PSYCHOLOGIST" });
    if (!created.ok) throw new Error(created.error.message);
    const res = await call(resendInvitation, as(s.curator), { org: s.slug, invitationId: created.data.invitationId, deliver: "link" });
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("acceptance links the account to the person's card", () => {
  it("a mentor invited from the people list accepts and sees their pairs in «Моё наставничество»", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "kovalevskaya-oosh" } });
    const director = await prisma.user.findUniqueOrThrow({ where: { email: "director@kovalevskaya.demo" } });
    // Тарасов, the mentor of the second pair (the first pair's mentor has the demo account mentor@kovalevskaya.demo).
    const tarasov = await prisma.person.findFirstOrThrow({ where: { organizationId: org.id, lastName: "Тарасов" } });
    await prisma.person.update({ where: { id: tarasov.id }, data: { email: "tarasov@kovalevskaya.example" } });
    const res = await call(inviteMany, as(director), { org: org.slug, invitations: [{ personId: tarasov.id, role: "MENTOR" }] });
    if (!res.ok) throw new Error(res.error.message);
    const link = await call(resendInvitation, as(director), { org: org.slug, invitationId: res.data.created[0]!.invitationId, deliver: "link" });
    if (!link.ok) throw new Error(link.error.message);
    const accepted = await call(acceptInvitation, null, {
      token: link.data.path!.slice("/invite/".length),
      name: "Тарасов Игорь Петрович",
      password: "mentor-password-1",
      passwordRepeat: "mentor-password-1",
    });
    expect(accepted).toMatchObject({ ok: true, data: { organizationSlug: org.slug } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "tarasov@kovalevskaya.example" } });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: tarasov.id } })).userId).toBe(user.id);
    const mine = await myPairs(tenantContext(org, user, ["MENTOR"]));
    expect(mine.linked).toBe(true);
    expect(mine.pairs).toEqual([expect.objectContaining({ role: "mentor", status: "ACTIVE", others: ["Фёдорова Марина Алексеевна"] })]);
    const audit = await prisma.auditEvent.findFirst({ where: { organizationId: org.id, action: "invitation.accept" } });
    expect(audit?.data).toMatchObject({ role: "MENTOR", linkedPersonId: tarasov.id });
  });

  it("links an older invitation (no person) to the only card with the address; never relinks a card linked to another account", async () => {
    const s = await school();
    const p = await person(s, "TEACHER", { email: "older@example.test" });
    const inv = await call(inviteMember, as(s.director), { org: s.slug, email: "older@example.test", role: "MENTOR" });
    if (!inv.ok) throw new Error(inv.error.message);
    const accepted = await call(acceptInvitation, null, { token: inv.data.path.slice("/invite/".length), name: "Старшая Учительница", password: "older-password-1", passwordRepeat: "older-password-1" });
    expect(accepted.ok).toBe(true);
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: "older@example.test" } });
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id: p.id } })).userId).toBe(user.id);

    // A card already linked to someone else stays theirs; the acceptance says why in the audit.
    const q = await person(s, "TEACHER", { email: "taken@example.test" });
    const owner = await createMember(db().prisma, s.id, ["MENTEE"], { email: "owner@example.test" });
    await db().prisma.person.update({ where: { id: q.id }, data: { userId: owner.id } });
    const res = await call(inviteMany, as(s.director), { org: s.slug, invitations: [{ personId: q.id, role: "MENTOR" }] });
    if (!res.ok) throw new Error(res.error.message);
    const link = await call(resendInvitation, as(s.director), { org: s.slug, invitationId: res.data.created[0]!.invitationId, deliver: "link" });
    if (!link.ok) throw new Error(link.error.message);
    const second = await call(acceptInvitation, null, { token: link.data.path!.slice("/invite/".length), name: "Другой Человек", password: "taken-password-1", passwordRepeat: "taken-password-1" });
    expect(second.ok).toBe(true);
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id: q.id } })).userId).toBe(owner.id);
    const audit = await db().prisma.auditEvent.findFirst({ where: { organizationId: s.id, action: "invitation.accept", targetId: res.data.created[0]!.invitationId } });
    expect(audit?.data).toMatchObject({ linkSkipped: "personLinkedToAnother", personId: q.id });
  });
});
