"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done, runsAction } from "../actions/action";
import { isRefusal, refuse } from "../actions/result";
import { setDbScope, type Tx } from "../db";
import { invitableRoles } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { revokeAllSessions } from "../auth/sessions";
import type { AppRole } from "../auth/roles";
import { invitationExpiry, isWellFormedInvitationToken } from "../domain/invitation";
import {
  AcceptInvitationInput,
  AcceptInvitationSignedInInput,
  ChangePasswordInput,
  InviteDirectorInput,
  InviteMemberInput,
  Password,
  RemoveMembershipInput,
  RevokeInvitationInput,
  SetLocaleInput,
  SignOutEverywhereInput,
} from "./schemas";
import { letterSettings, sendInvitationLettersAfterResponse } from "./invitation-letters";
import { claimInvitation, findPendingInvitation } from "./accept";
import { hashInvitationToken, invitationPath, newInvitationToken } from "./tokens";

async function createInvitation(
  tx: Tx,
  args: { organizationId: string; email: string; role: AppRole; invitedById: string; emailStatus?: "NONE" | "QUEUED" },
) {
  const alreadyMember = await tx.membership.findFirst({
    where: { organizationId: args.organizationId, role: args.role, user: { email: args.email } },
    select: { id: true },
  });
  if (alreadyMember) return refuse("CONFLICT", "alreadyMember", { email: "alreadyMember" });
  const { token, tokenHash } = newInvitationToken();
  const invitation = await tx.invitation.create({
    data: { ...args, tokenHash, expiresAt: invitationExpiry(now()) },
    select: { id: true },
  });
  return { invitationId: invitation.id, path: invitationPath(token), email: args.email, organizationId: args.organizationId };
}

const inviteMemberAction = defineAction({
  name: "members.invite",
  scope: "tenant",
  idempotent: true,
  permission: "members.invite",
  input: InviteMemberInput,
  async run({ input, tx, ctx }) {
    if (!invitableRoles(ctx.roles).includes(input.role)) return refuse("FORBIDDEN", "roleNotInvitable", { role: "roleNotInvitable" });
    // With SMTP the letter carries the same link the form shows (sent after the commit); without, the link only.
    const mailed = letterSettings() !== null;
    const created = await createInvitation(tx, {
      organizationId: ctx.organization.id,
      email: input.email,
      role: input.role,
      invitedById: ctx.user.id,
      emailStatus: mailed ? "QUEUED" : "NONE",
    });
    if (isRefusal(created)) return created;
    return done({ ...created, mailed }, { targetType: "Invitation", targetId: created.invitationId, data: { email: input.email, role: input.role } });
  },
});

/** «Пригласить»: the link is shown; with SMTP the letter with the same link leaves after the commit. */
export async function inviteMember(input: Parameters<typeof inviteMemberAction>[0]) {
  const result = await inviteMemberAction(input);
  if (result.ok && result.data.mailed) {
    const token = result.data.path.slice(result.data.path.lastIndexOf("/") + 1);
    await sendInvitationLettersAfterResponse([{ organizationId: result.data.organizationId, ids: [result.data.invitationId], tokens: new Map([[result.data.invitationId, token]]) }]);
  }
  return result;
}
runsAction(inviteMember, inviteMemberAction);

export const revokeInvitation = defineAction({
  name: "invitations.revoke",
  scope: "tenant",
  permission: "invitations.revoke",
  input: RevokeInvitationInput,
  async run({ input, tx, ctx }) {
    const revoked = await tx.invitation.updateMany({
      where: { id: input.invitationId, organizationId: ctx.organization.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now() },
    });
    if (revoked.count !== 1) return refuse("CONFLICT", "invitationNotPending");
    return done({ invitationId: input.invitationId }, { targetType: "Invitation", targetId: input.invitationId });
  },
});

export const removeMembership = defineAction({
  name: "members.remove",
  scope: "tenant",
  permission: "members.remove",
  input: RemoveMembershipInput,
  async run({ input, tx, ctx }) {
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, organizationId: ctx.organization.id },
      select: { id: true, role: true, userId: true },
    });
    if (!membership) return refuse("NOT_FOUND", "notFound");
    if (membership.role === "DIRECTOR" || membership.role === "MUNICIPAL_HEAD") {
      const holders = await tx.membership.count({ where: { organizationId: ctx.organization.id, role: membership.role } });
      if (holders <= 1) return refuse("CONFLICT", "lastDirector");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    return done(
      { membershipId: membership.id },
      { targetType: "Membership", targetId: membership.id, data: { role: membership.role, userId: membership.userId } },
    );
  },
});

export const inviteDirector = defineAction({
  name: "district.inviteDirector",
  scope: "tenant",
  idempotent: true,
  permission: "district.inviteDirector",
  input: InviteDirectorInput,
  async run({ input, tx, ctx }) {
    const school = await tx.organization.findFirst({
      where: { id: input.schoolId, parentId: ctx.organization.id, kind: "SCHOOL" },
      select: { id: true, name: true },
    });
    if (!school) return refuse("NOT_FOUND", "notInDistrict", { schoolId: "notInDistrict" });
    // The invitation belongs to the school: write it inside the school's scope (the wrapper audits it there too).
    await setDbScope(tx, { organizationId: school.id, userId: ctx.user.id });
    const created = await createInvitation(tx, { organizationId: school.id, email: input.email, role: "DIRECTOR", invitedById: ctx.user.id });
    if (isRefusal(created)) return created;
    return done(created, {
      targetType: "Organization",
      targetId: school.id,
      data: { email: input.email, school: school.name },
      // The school's own log shows who invited its director, too.
      also: [{ organizationId: school.id, targetType: "Invitation", targetId: created.invitationId, data: { email: input.email, role: "DIRECTOR", by: ctx.organization.name } }],
    });
  },
});

/**
 * Accepting an invitation as a new person: creates the account (name + password). An invitation for an
 * address that already has an account is accepted only by that account signed in
 * (acceptInvitationSignedIn): the link never checks a password, so it cannot be used to guess one.
 */
export const acceptInvitation = defineAction({
  name: "invitation.accept",
  scope: "public",
  input: AcceptInvitationInput,
  async run({ input, tx }) {
    const tokenHash = hashInvitationToken(input.token);
    const invitation = await findPendingInvitation(tx, input.token, tokenHash, {});
    if (!invitation) return refuse(isWellFormedInvitationToken(input.token) ? "CONFLICT" : "NOT_FOUND", "invalidInvitation");
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) return refuse("CONFLICT", "invitationNeedsSignIn");

    const name = input.name ?? "";
    const password = Password.safeParse(input.password);
    const fieldErrors: Record<string, string> = {};
    if (name.length < 3) fieldErrors.name = "nameTooShort";
    if (!password.success) fieldErrors.password = password.error.issues[0]?.message ?? "passwordTooShort";
    else if (input.password !== input.passwordRepeat) fieldErrors.passwordRepeat = "passwordsDiffer";
    if (Object.keys(fieldErrors).length > 0) return refuse("VALIDATION", "validation", fieldErrors);
    const user = await tx.user.create({
      data: { email: invitation.email, name, passwordHash: await hashPassword(input.password) },
      select: { id: true },
    });
    return claimInvitation(tx, invitation, user.id, tokenHash);
  },
});

/** Accepting an invitation addressed to the signed-in user's own e-mail: no password asked, the session proves it. */
export const acceptInvitationSignedIn = defineAction({
  name: "invitation.acceptSignedIn",
  scope: "user",
  input: AcceptInvitationSignedInInput,
  async run({ input, tx, ctx }) {
    const tokenHash = hashInvitationToken(input.token);
    const invitation = await findPendingInvitation(tx, input.token, tokenHash, { userId: ctx.user.id });
    if (!invitation) return refuse(isWellFormedInvitationToken(input.token) ? "CONFLICT" : "NOT_FOUND", "invalidInvitation");
    if (invitation.email.toLowerCase() !== ctx.user.email.toLowerCase()) return refuse("FORBIDDEN", "invitationEmailMismatch");
    return claimInvitation(tx, invitation, ctx.user.id, tokenHash);
  },
});

export const changePassword = defineAction({
  name: "account.changePassword",
  scope: "user",
  input: ChangePasswordInput,
  // The current password goes through the sign-in limiter (the wrapper checks it before this body).
  reauthenticate: "currentPassword",
  async run({ input, tx, ctx }) {
    await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    // Every session of the account ends, on every device (the form signs this one in again).
    await revokeAllSessions(tx, ctx.user.id);
    return done({ email: ctx.user.email });
  },
});

/** «Выйти на всех устройствах»: every session of the account ends, this one included. */
export const signOutEverywhere = defineAction({
  name: "account.signOutEverywhere",
  scope: "user",
  input: SignOutEverywhereInput,
  async run({ tx, ctx }) {
    return done({ revoked: await revokeAllSessions(tx, ctx.user.id) });
  },
});

export const saveLocale = defineAction({
  name: "account.saveLocale",
  scope: "user",
  input: SetLocaleInput,
  async run({ input, tx, ctx }) {
    await tx.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } });
    return done({ locale: input.locale });
  },
});
