"use server";

import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { isRefusal, refuse } from "../actions/result";
import { setDbScope, type Tx } from "../db";
import { invitableRoles } from "../auth/permissions";
import { hashPassword, verifyPassword } from "../auth/password";
import type { AppRole } from "../auth/roles";
import { invitationExpiry, invitationState, isWellFormedInvitationToken } from "../domain/invitation";
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  InviteDirectorInput,
  InviteMemberInput,
  Password,
  RemoveMembershipInput,
  RevokeInvitationInput,
  SetLocaleInput,
} from "./schemas";
import { hashInvitationToken, invitationPath, newInvitationToken } from "./tokens";

async function createInvitation(tx: Tx, args: { organizationId: string; email: string; role: AppRole; invitedById: string }) {
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
  return { invitationId: invitation.id, path: invitationPath(token), email: args.email };
}

export const inviteMember = defineAction({
  name: "members.invite",
  scope: "tenant",
  permission: "members.invite",
  input: InviteMemberInput,
  async run({ input, tx, ctx }) {
    if (!invitableRoles(ctx.roles).includes(input.role)) return refuse("FORBIDDEN", "roleNotInvitable", { role: "roleNotInvitable" });
    const created = await createInvitation(tx, {
      organizationId: ctx.organization.id,
      email: input.email,
      role: input.role,
      invitedById: ctx.user.id,
    });
    if (isRefusal(created)) return created;
    return done(created, { targetType: "Invitation", targetId: created.invitationId, data: { email: input.email, role: input.role } });
  },
});

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
  permission: "district.inviteDirector",
  input: InviteDirectorInput,
  async run({ input, tx, ctx }) {
    const school = await tx.organization.findFirst({
      where: { id: input.schoolId, parentId: ctx.organization.id, kind: "SCHOOL" },
      select: { id: true, name: true },
    });
    if (!school) return refuse("NOT_FOUND", "notInDistrict", { schoolId: "notInDistrict" });
    // The invitation belongs to the school: write it inside the school's scope, audit it there too.
    await setDbScope(tx, { organizationId: school.id, userId: ctx.user.id });
    const created = await createInvitation(tx, { organizationId: school.id, email: input.email, role: "DIRECTOR", invitedById: ctx.user.id });
    if (isRefusal(created)) return created;
    await tx.auditEvent.create({
      data: {
        organizationId: school.id,
        actorId: ctx.user.id,
        action: "district.inviteDirector",
        targetType: "Invitation",
        targetId: created.invitationId,
        data: { email: input.email, role: "DIRECTOR", by: ctx.organization.name },
      },
    });
    return done(created, { targetType: "Organization", targetId: school.id, data: { email: input.email, school: school.name } });
  },
});

/** Accepting an invitation: new account (name + password) or an existing one (its password). */
export const acceptInvitation = defineAction({
  name: "invitation.accept",
  scope: "public",
  input: AcceptInvitationInput,
  async run({ input, tx }) {
    if (!isWellFormedInvitationToken(input.token)) return refuse("NOT_FOUND", "invalidInvitation");
    const tokenHash = hashInvitationToken(input.token);
    await setDbScope(tx, { invitationTokenHash: tokenHash });
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, organizationId: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, organization: { select: { slug: true } } },
    });
    if (!invitation || invitationState(invitation, now()) !== "pending") return refuse("CONFLICT", "invalidInvitation");

    let user = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true, passwordHash: true } });
    if (user) {
      if (!(await verifyPassword(user.passwordHash, input.password))) return refuse("VALIDATION", "validation", { password: "wrongPassword" });
    } else {
      const name = input.name ?? "";
      const password = Password.safeParse(input.password);
      const fieldErrors: Record<string, string> = {};
      if (name.length < 3) fieldErrors.name = "nameTooShort";
      if (!password.success) fieldErrors.password = password.error.issues[0]?.message ?? "passwordTooShort";
      else if (input.password !== input.passwordRepeat) fieldErrors.passwordRepeat = "passwordsDiffer";
      if (Object.keys(fieldErrors).length > 0) return refuse("VALIDATION", "validation", fieldErrors);
      user = await tx.user.create({
        data: { email: invitation.email, name, passwordHash: await hashPassword(input.password) },
        select: { id: true, passwordHash: true },
      });
    }

    await setDbScope(tx, { organizationId: invitation.organizationId, userId: user.id, invitationTokenHash: tokenHash });
    // Single use even when two people race with the same link: only one update matches.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now(), acceptedById: user.id },
    });
    if (claimed.count !== 1) return refuse("CONFLICT", "invalidInvitation");
    await tx.membership.upsert({
      where: { organizationId_userId_role: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role } },
      create: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
      update: {},
    });
    await tx.auditEvent.create({
      data: {
        organizationId: invitation.organizationId,
        actorId: user.id,
        action: "invitation.accept",
        targetType: "Invitation",
        targetId: invitation.id,
        data: { role: invitation.role },
      },
    });
    return done({ email: invitation.email, organizationSlug: invitation.organization.slug });
  },
});

export const changePassword = defineAction({
  name: "account.changePassword",
  scope: "user",
  input: ChangePasswordInput,
  async run({ input, tx, ctx }) {
    const current = await tx.user.findUnique({ where: { id: ctx.user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(current?.passwordHash, input.currentPassword))) {
      return refuse("VALIDATION", "validation", { currentPassword: "wrongPassword" });
    }
    // A new session version signs out every session issued before the change.
    await tx.user.update({
      where: { id: ctx.user.id },
      data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
    });
    return done({ email: ctx.user.email });
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
