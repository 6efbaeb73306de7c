import { now } from "../../lib/clock";
import { beforeAll, describe, expect, it } from "vitest";
import { hashInvitationToken } from "../../lib/members/tokens";
import { acceptInvitation, acceptInvitationSignedIn, changePassword, inviteDirector, inviteMember, removeMembership, revokeInvitation } from "../../lib/members/actions";
import { verifyPassword } from "../../lib/auth/password";
import { openSession } from "../../lib/auth/sessions";
import { createMember, createOrganization, createUser, TEST_PASSWORD } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf } from "../setup/call";

const db = setupTestDatabase();
const tokenOf = (path: string) => path.split("/").pop()!;

let district: { id: string; slug: string };
let otherDistrict: { id: string; slug: string };
let schoolA: { id: string; slug: string };
let schoolB: { id: string; slug: string };
let farSchool: { id: string; slug: string };
let directorA: { id: string };
let directorB: { id: string };
let curatorA: { id: string };
let head: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  otherDistrict = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  schoolA = await createOrganization(prisma, { parentId: district.id });
  schoolB = await createOrganization(prisma, { parentId: district.id });
  farSchool = await createOrganization(prisma, { parentId: otherDistrict.id });
  directorA = await createMember(prisma, schoolA.id, ["DIRECTOR"]);
  directorB = await createMember(prisma, schoolB.id, ["DIRECTOR"]);
  curatorA = await createMember(prisma, schoolA.id, ["CURATOR"]);
  head = await createMember(prisma, district.id, ["MUNICIPAL_HEAD"]);
});

async function snapshot() {
  const p = db().prisma;
  return { invitations: await p.invitation.count(), memberships: await p.membership.count(), audit: await p.auditEvent.count(), users: await p.user.count() };
}

describe("members.invite", () => {
  it("a director invites a curator: invitation stored by token hash, audit written", async () => {
    const res = await call(inviteMember, as(directorA), { org: schoolA.slug, email: "  New.Curator@Example.test ", role: "CURATOR" });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const invitation = await db().prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(tokenOf(res.data.path!)) } });
    expect(invitation).toMatchObject({ organizationId: schoolA.id, email: "new.curator@example.test", role: "CURATOR", invitedById: directorA.id });
    const audit = await db().prisma.auditEvent.findFirstOrThrow({ where: { targetId: invitation.id } });
    expect(audit).toMatchObject({ organizationId: schoolA.id, actorId: directorA.id, action: "members.invite" });
  });

  it("a director of school B cannot invite into school A, and nothing is written", async () => {
    const before = await snapshot();
    const res = await call(inviteMember, as(directorB), { org: schoolA.slug, email: "x@example.test", role: "MENTOR" });
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Недостаточно прав для этого действия." } });
    expect(await snapshot()).toEqual(before);
  });

  it("an unknown organization is not found", async () => {
    const res = await call(inviteMember, as(directorA), { org: "no-such-school", email: "x@example.test", role: "MENTOR" });
    expect(res).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("a curator may invite mentors but not a director", async () => {
    const before = await snapshot();
    const refused = await call(inviteMember, as(curatorA), { org: schoolA.slug, email: "boss@example.test", role: "DIRECTOR" });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Вы не можете приглашать участников в этой роли." } });
    expect(await snapshot()).toEqual(before);
    const allowed = await call(inviteMember, as(curatorA), { org: schoolA.slug, email: "mentor@example.test", role: "MENTOR" });
    expect(allowed.ok).toBe(true);
  });

  it.each([
    [{ email: "not-an-email", role: "MENTOR" }, "email", "Введите адрес электронной почты, например ivanova@school.ru."],
    [{ email: "a@example.test", role: "ADMIN" }, "role", "Заполните это поле."],
    [{ email: "a".repeat(300) + "@example.test", role: "MENTOR" }, "email", "Введите адрес электронной почты, например ivanova@school.ru."],
    [{ email: { $ne: 1 }, role: "MENTOR" }, "email", undefined],
  ])("hostile input %j gets a Russian field message and changes nothing", async (input, field, message) => {
    const before = await snapshot();
    // Hostile values are outside the input type on purpose (`as never`).
    const res = await call(inviteMember, as(directorA), { org: schoolA.slug, ...input } as never);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("VALIDATION");
    expect(res.error.message).toBe("Проверьте правильность заполнения полей.");
    expect(res.error.fieldErrors?.[field]?.[0]).toBeTruthy();
    if (message) expect(res.error.fieldErrors?.[field]?.[0]).toBe(message);
    expect(await snapshot()).toEqual(before);
  });

  it("org given as a non-string is treated as unknown", async () => {
    const res = await call(inviteMember, as(directorA), { org: { slug: schoolA.slug } as never, email: "a@example.test", role: "MENTOR" });
    expect(res).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("without a session nothing runs", async () => {
    const res = await call(inviteMember, null, { org: schoolA.slug, email: "a@example.test", role: "MENTOR" });
    expect(res).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("inviting someone who already holds the role is a conflict", async () => {
    const user = await createMember(db().prisma, schoolA.id, ["MENTOR"]);
    const res = await call(inviteMember, as(directorA), { org: schoolA.slug, email: user.email, role: "MENTOR" });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("cross-tenant ids", () => {
  it("school B cannot revoke school A's invitation by passing its id", async () => {
    const created = await call(inviteMember, as(directorA), { org: schoolA.slug, email: "victim@example.test", role: "MENTOR" });
    if (!created.ok) throw new Error("setup");
    const res = await call(revokeInvitation, as(directorB), { org: schoolB.slug, invitationId: created.data.invitationId });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const inv = await db().prisma.invitation.findUniqueOrThrow({ where: { id: created.data.invitationId } });
    expect(inv.revokedAt).toBeNull();
    const own = await call(revokeInvitation, as(directorA), { org: schoolA.slug, invitationId: created.data.invitationId });
    expect(own.ok).toBe(true);
    expect((await db().prisma.invitation.findUniqueOrThrow({ where: { id: created.data.invitationId } })).revokedAt).not.toBeNull();
  });

  it("school B cannot remove a member of school A by passing the membership id", async () => {
    const membership = await db().prisma.membership.findFirstOrThrow({ where: { organizationId: schoolA.id, userId: curatorA.id } });
    const res = await call(removeMembership, as(directorB), { org: schoolB.slug, membershipId: membership.id });
    expect(res).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db().prisma.membership.count({ where: { id: membership.id } })).toBe(1);
  });
});

describe("members.remove", () => {
  it("the only director keeps the role", async () => {
    const membership = await db().prisma.membership.findFirstOrThrow({ where: { organizationId: schoolA.id, userId: directorA.id } });
    const res = await call(removeMembership, as(directorA), { org: schoolA.slug, membershipId: membership.id });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Нельзя снять роль с единственного руководителя организации." } });
    expect(await db().prisma.membership.count({ where: { id: membership.id } })).toBe(1);
  });

  it("a removed role stops working on the very next call", async () => {
    const prisma = db().prisma;
    const curator = await createMember(prisma, schoolA.id, ["CURATOR"]);
    expect((await call(inviteMember, as(curator), { org: schoolA.slug, email: "m1@example.test", role: "MENTEE" })).ok).toBe(true);
    const membership = await prisma.membership.findFirstOrThrow({ where: { organizationId: schoolA.id, userId: curator.id } });
    const removed = await call(removeMembership, as(directorA), { org: schoolA.slug, membershipId: membership.id });
    expect(removed.ok).toBe(true);
    const after = await call(inviteMember, as(curator), { org: schoolA.slug, email: "m2@example.test", role: "MENTEE" });
    expect(after).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await prisma.invitation.count({ where: { email: "m2@example.test" } })).toBe(0);
  });
});

describe("district.inviteDirector", () => {
  it("the municipal head invites a director into a school of the district", async () => {
    const res = await call(inviteDirector, as(head), { org: district.slug, schoolId: schoolB.id, email: "newhead@example.test" });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const inv = await db().prisma.invitation.findUniqueOrThrow({ where: { id: res.data.invitationId } });
    expect(inv).toMatchObject({ organizationId: schoolB.id, role: "DIRECTOR" });
    const audits = await db().prisma.auditEvent.findMany({ where: { action: "district.inviteDirector" }, select: { organizationId: true } });
    expect(new Set(audits.map((a) => a.organizationId))).toEqual(new Set([district.id, schoolB.id]));
  });

  it("a school of another district is refused and nothing is written", async () => {
    const before = await snapshot();
    const res = await call(inviteDirector, as(head), { org: district.slug, schoolId: farSchool.id, email: "x@example.test" });
    expect(res).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "Эта организация не относится к вашему округу." } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("invitation.accept", () => {
  async function invite(email: string, role: InputOf<typeof inviteMember>["role"] = "MENTOR") {
    const res = await call(inviteMember, as(directorA), { org: schoolA.slug, email, role });
    if (!res.ok) throw new Error(res.error.message);
    return { token: tokenOf(res.data.path!), id: res.data.invitationId! };
  }

  it("creates the account and the membership, once", async () => {
    const { token, id } = await invite("fresh@example.test");
    const res = await call(acceptInvitation, null, { token, name: "Петрова Мария Ивановна", password: "long-password-1", passwordRepeat: "long-password-1" });
    expect(res).toMatchObject({ ok: true, data: { email: "fresh@example.test", organizationSlug: schoolA.slug } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: "fresh@example.test" } });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await db().prisma.membership.count({ where: { userId: user.id, organizationId: schoolA.id, role: "MENTOR" } })).toBe(1);
    expect((await db().prisma.invitation.findUniqueOrThrow({ where: { id } })).acceptedById).toBe(user.id);

    const before = await snapshot();
    const again = await call(acceptInvitation, null, { token, name: "Кто-то Другой", password: "long-password-2", passwordRepeat: "long-password-2" });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Приглашение недействительно." } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses malformed, unknown, expired and revoked links without writing", async () => {
    const expired = await invite("late@example.test");
    await db().prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(now().getTime() - 1000) } });
    const revoked = await invite("revoked@example.test");
    await db().prisma.invitation.update({ where: { id: revoked.id }, data: { revokedAt: now() } });
    const before = await snapshot();
    for (const token of ["short", "a".repeat(43), expired.token, revoked.token]) {
      const res = await call(acceptInvitation, null, { token, name: "Иванов Иван", password: "long-password-1", passwordRepeat: "long-password-1" });
      expect(res.ok).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a new account needs a name and matching passwords of 10+ characters", async () => {
    const { token } = await invite("weak@example.test");
    const before = await snapshot();
    const res = await call(acceptInvitation, null, { token, name: "", password: "short", passwordRepeat: "short" });
    expect(res).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { name: ["Укажите фамилию и имя."], password: ["Пароль должен быть не короче 10 символов."] } },
    });
    const differ = await call(acceptInvitation, null, { token, name: "Иванов Иван", password: "long-password-1", passwordRepeat: "long-password-2" });
    expect(differ).toMatchObject({ ok: false, error: { fieldErrors: { passwordRepeat: ["Пароли не совпадают."] } } });
    expect(await snapshot()).toEqual(before);
  });

  it("an existing account is never asked for its password through the link: it accepts signed in", async () => {
    const existing = await createUser(db().prisma, { email: "teacher@example.test" });
    const stranger = await createUser(db().prisma, { email: "stranger@example.test" });
    const { token } = await invite("teacher@example.test", "MENTEE");
    const before = await snapshot();
    // Before the fix this checked the password with no limit: an oracle for any curator who invites an address.
    for (const password of ["wrong-password", TEST_PASSWORD]) {
      const res = await call(acceptInvitation, null, { token, password });
      expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Для этого адреса уже есть учётная запись: войдите в неё, чтобы принять приглашение." } });
    }
    expect(await snapshot()).toEqual(before);
    expect(await db().prisma.loginAttempt.count({ where: { email: "teacher@example.test" } })).toBe(0);

    const foreign = await call(acceptInvitationSignedIn, as(stranger), { token });
    expect(foreign).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Войдите под адресом, на который выписано приглашение." } });
    expect(await snapshot()).toEqual(before);

    const right = await call(acceptInvitationSignedIn, as(existing), { token });
    expect(right).toMatchObject({ ok: true, data: { organizationSlug: schoolA.slug } });
    expect(await db().prisma.membership.count({ where: { userId: existing.id, organizationId: schoolA.id, role: "MENTEE" } })).toBe(1);
    const again = await call(acceptInvitationSignedIn, as(existing), { token });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("account.changePassword", () => {
  it("checks the current password, stores the new hash and ends older sessions", async () => {
    const user = await createUser(db().prisma);
    const older = await openSession(user.id);
    const wrong = await call(changePassword, as(user), { currentPassword: "nope", newPassword: "brand-new-pass", newPasswordRepeat: "brand-new-pass" });
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { currentPassword: ["Неверный пароль."] } } });
    const short = await call(changePassword, as(user), { currentPassword: TEST_PASSWORD, newPassword: "short", newPasswordRepeat: "short" });
    expect(short).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const res = await call(changePassword, as(user), { currentPassword: TEST_PASSWORD, newPassword: "brand-new-pass", newPasswordRepeat: "brand-new-pass" });
    expect(res.ok).toBe(true);
    const after = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await db().prisma.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await db().prisma.userSession.findUniqueOrThrow({ where: { id: older } })).revokedAt).not.toBeNull();
    expect(await verifyPassword(after.passwordHash, "brand-new-pass")).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
  });
});
