import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { now } from "../../lib/clock";
import { checkCredentials, LOGIN_MAX_FAILURES } from "../../lib/auth/credentials";
import { nameFromClaims, NO_PASSWORD_HASH, signInWithOidc } from "../../lib/auth/oidc";
import { liveSessionWhere } from "../../lib/auth/sessions";
import { createMember, createOrganization, createUser } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, type InputOf } from "../setup/call";
import { inviteMember, revokeInvitation } from "../../lib/members/actions";

// Single sign-on (docs/decisions/021): who the provider's person is here. Matching by a verified e-mail
// to an identity already bound, an account, or a pending invitation — never an account without a reason.
// The browser journeys against a real provider are in tests/e2e/oidc.spec.ts.
const db = setupTestDatabase();

const ISSUER = "https://sso.region.test/realms/education";
let counter = 0;
const uniq = () => `${Date.now().toString(36)}${++counter}`;
const claimsOf = (email: string, extra: Record<string, unknown> = {}) => ({ sub: `sub-${uniq()}`, email, email_verified: true, ...extra });
const signIn = (claims: Record<string, unknown>, ip = "10.9.0.1") => signInWithOidc({ issuer: ISSUER, claims, ip });

const identitiesOf = (userId: string) => db().prisma.externalIdentity.findMany({ where: { userId }, select: { issuer: true, subject: true } });
const isLive = (userId: string, sessionId: string) =>
  withDb({ userId }, async (tx) => (await tx.userSession.count({ where: liveSessionWhere(userId, sessionId) })) === 1);
const successes = (email: string) => db().prisma.loginAttempt.count({ where: { email, success: true } });

let org: { id: string; slug: string };
let director: { id: string };
beforeAll(async () => {
  org = await createOrganization(db().prisma);
  director = await createMember(db().prisma, org.id, ["DIRECTOR"]);
});

async function invite(email: string, role: InputOf<typeof inviteMember>["role"] = "MENTOR", organization = org, by = director) {
  const res = await call(inviteMember, as(by), { org: organization.slug, email, role });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.invitationId;
}

describe("refusals: nothing is created", () => {
  it("an e-mail the provider has not verified is refused, whatever the account (false, the string \"true\", missing)", async () => {
    const user = await createUser(db().prisma, { email: `unverified-${uniq()}@school.test` });
    for (const email_verified of [false, "true", undefined]) {
      const res = await signIn(claimsOf(user.email, { email_verified }));
      expect(res).toEqual({ ok: false, reason: "unverified" });
    }
    expect(await identitiesOf(user.id)).toEqual([]);
    expect(await successes(user.email)).toBe(0);
  });

  it("claims without a subject or an e-mail are refused", async () => {
    expect(await signIn({ email: "x@school.test", email_verified: true })).toEqual({ ok: false, reason: "invalidClaims" });
    expect(await signIn({ sub: "s-1", email_verified: true })).toEqual({ ok: false, reason: "invalidClaims" });
    expect(await signIn({ sub: "s-2", email: "not-an-address", email_verified: true })).toEqual({ ok: false, reason: "invalidClaims" });
  });

  it("(d) no account and no pending invitation: refused; other people's, expired and revoked invitations do not count", async () => {
    const email = `nobody-${uniq()}@school.test`;
    await invite(`someone-else-${uniq()}@school.test`);
    const revoked = await invite(email);
    await call(revokeInvitation, as(director), { org: org.slug, invitationId: revoked });
    const expired = await invite(email, "CURATOR");
    await db().prisma.invitation.update({ where: { id: expired }, data: { expiresAt: new Date(now().getTime() - 1000) } });

    const usersBefore = await db().prisma.user.count();
    const res = await signIn(claimsOf(email));
    expect(res).toEqual({ ok: false, reason: "notFound" });
    expect(await db().prisma.user.count()).toBe(usersBefore);
    expect(await db().prisma.user.findFirst({ where: { email } })).toBeNull();
    expect(await db().prisma.externalIdentity.count({ where: { issuer: ISSUER, user: { email } } })).toBe(0);
  });
});

describe("matching", () => {
  it("(b) an account with the verified e-mail gets the identity bound and a live session; (a) the next time the identity names it", async () => {
    const user = await createUser(db().prisma, { email: `anna-${uniq()}@school.test` });
    const claims = claimsOf(user.email);
    const first = await signIn(claims);
    expect(first).toMatchObject({ ok: true, via: "email", user: { id: user.id, email: user.email } });
    expect(await identitiesOf(user.id)).toEqual([{ issuer: ISSUER, subject: claims.sub }]);
    expect(await isLive(user.id, first.ok ? first.sessionId : "")).toBe(true);
    expect(await successes(user.email)).toBe(1);

    const second = await signIn(claims);
    expect(second).toMatchObject({ ok: true, via: "identity", user: { id: user.id } });
    expect(await identitiesOf(user.id)).toHaveLength(1);
    expect(await successes(user.email)).toBe(2);
  });

  it("an e-mail differing in case matches the account (and is not stored twice)", async () => {
    const user = await createUser(db().prisma, { email: `boris-${uniq()}@school.test` });
    const shouting = user.email.replace(/^b/, "B").replace("@school.test", "@SCHOOL.Test");
    const res = await signIn(claimsOf(shouting));
    expect(res).toMatchObject({ ok: true, via: "email", user: { id: user.id, email: user.email } });
    expect(await db().prisma.user.count({ where: { email: { equals: user.email, mode: "insensitive" } } })).toBe(1);
  });

  it("(a) a subject bound to one user signs that user in, even when the provider's e-mail now names another account", async () => {
    const bound = await createUser(db().prisma, { email: `vera-${uniq()}@school.test` });
    const other = await createUser(db().prisma, { email: `galina-${uniq()}@school.test` });
    const claims = claimsOf(bound.email);
    await signIn(claims);
    const res = await signIn({ ...claims, email: other.email });
    expect(res).toMatchObject({ ok: true, via: "identity", user: { id: bound.id } });
    expect(await identitiesOf(other.id)).toEqual([]);
    expect(await successes(other.email)).toBe(0);
  });

  it("an account already bound to another subject of the provider is not taken over by a new subject with its e-mail", async () => {
    const user = await createUser(db().prisma, { email: `dina-${uniq()}@school.test` });
    const original = claimsOf(user.email);
    await signIn(original);
    const impostor = claimsOf(user.email); // a new subject at the provider now carries the address
    expect(await signIn(impostor)).toEqual({ ok: false, reason: "identityMismatch" });
    expect(await identitiesOf(user.id)).toEqual([{ issuer: ISSUER, subject: original.sub }]);
    // The same subject at another provider is another identity and may be bound.
    const elsewhere = await signInWithOidc({ issuer: "https://other.test", claims: impostor, ip: "10.9.0.1" });
    expect(elsewhere).toMatchObject({ ok: true, via: "email", user: { id: user.id } });
  });

  it("a locked account (the sign-in limit) stays refused through the provider, and nothing is bound", async () => {
    const user = await createUser(db().prisma, { email: `egor-${uniq()}@school.test` });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await checkCredentials({ email: user.email, password: "wrong-password", ip: `10.8.0.${i}` });
    expect(await signIn(claimsOf(user.email))).toEqual({ ok: false, reason: "locked" });
    expect(await identitiesOf(user.id)).toEqual([]);
    expect(await db().prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("(c) a pending invitation creates the account — name from the claims, no usable password — and accepts it, with the role", async () => {
    const email = `sergeev-${uniq()}@school.test`;
    const invitationId = await invite(email, "CURATOR");
    const otherOrg = await createOrganization(db().prisma);
    const otherDirector = await createMember(db().prisma, otherOrg.id, ["DIRECTOR"]);
    const secondId = await invite(email.toUpperCase(), "MENTOR", otherOrg, otherDirector);

    const claims = claimsOf(email.replace(/^s/, "S"), { family_name: "Сергеев", given_name: "Павел", middle_name: "Олегович", name: "Pavel Sergeev" });
    const res = await signIn(claims);
    expect(res).toMatchObject({ ok: true, via: "invitation", organizationSlug: org.slug, user: { email, name: "Сергеев Павел Олегович" } });
    if (!res.ok) return;
    const user = await db().prisma.user.findUniqueOrThrow({ where: { id: res.user.id } });
    expect(user.passwordHash).toBe(NO_PASSWORD_HASH);
    expect(await checkCredentials({ email, password: NO_PASSWORD_HASH, ip: "10.7.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await identitiesOf(user.id)).toEqual([{ issuer: ISSUER, subject: claims.sub }]);
    const memberships = await db().prisma.membership.findMany({ where: { userId: user.id }, select: { organizationId: true, role: true } });
    expect(memberships).toEqual(expect.arrayContaining([{ organizationId: org.id, role: "CURATOR" }, { organizationId: otherOrg.id, role: "MENTOR" }]));
    expect(memberships).toHaveLength(2);
    for (const id of [invitationId, secondId]) {
      const invitation = await db().prisma.invitation.findUniqueOrThrow({ where: { id } });
      expect(invitation.acceptedById).toBe(user.id);
      expect(invitation.acceptedAt).not.toBeNull();
    }
    const audit = await db().prisma.auditEvent.findMany({ where: { action: "invitation.accept", actorId: user.id }, select: { organizationId: true, targetId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ organizationId: org.id, targetId: invitationId }, { organizationId: otherOrg.id, targetId: secondId }]));
    expect(await isLive(user.id, res.sessionId)).toBe(true);
    expect(await successes(email)).toBe(1);

    // The invitation is used: the next sign-in finds the identity, and no second account appears.
    const again = await signIn(claims);
    expect(again).toMatchObject({ ok: true, via: "identity", user: { id: user.id } });
    expect(await db().prisma.user.count({ where: { email } })).toBe(1);
  });

  it("the account's name: «Фамилия Имя Отчество» from the parts, else `name`, else the login", () => {
    expect(nameFromClaims({ family_name: "Иванова", given_name: "Мария", name: "Maria Ivanova" }, "m@x.test")).toBe("Иванова Мария");
    expect(nameFromClaims({ name: "  Мария   Иванова " }, "m@x.test")).toBe("Мария Иванова");
    expect(nameFromClaims({ preferred_username: "mivanova" }, "m@x.test")).toBe("mivanova");
    expect(nameFromClaims({}, "maria.ivanova@x.test")).toBe("maria.ivanova");
  });
});
