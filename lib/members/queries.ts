import "server-only";
import { now } from "../clock";
import { withDb } from "../db";
import type { AppRole } from "../auth/roles";
import { invitationState, isWellFormedInvitationToken } from "../domain/invitation";
import { hashInvitationToken } from "./tokens";
import { readTenant, type TenantContext } from "../auth/tenant";

export function listMembers(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.membership.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { role: "asc" }],
    }),
  );
}

const PENDING_SELECT = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  personId: true,
  emailStatus: true,
  emailAttempts: true,
  sentAt: true,
  lastError: true,
  invitedBy: { select: { name: true } },
  person: { select: { id: true, lastName: true, firstName: true, middleName: true } },
} as const;

/** Pending invitations with their letters (the members page, the outbox page), newest first. */
export function listPendingInvitations(ctx: TenantContext, take = 500) {
  return readTenant(ctx, (tx) =>
    tx.invitation.findMany({
      where: { organizationId: ctx.organization.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      select: PENDING_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take,
    }),
  );
}

/** A person's pending invitations (the person's card). */
export function listPersonInvitations(ctx: TenantContext, personId: string) {
  return readTenant(ctx, (tx) =>
    tx.invitation.findMany({
      where: { organizationId: ctx.organization.id, personId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      select: PENDING_SELECT,
      orderBy: { createdAt: "desc" },
    }),
  );
}

/** Schools of a municipality: the organization directory only, no school data. */
export function listDistrictSchools(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.organization.findMany({
      // An archived school is out of the district's lists (it stays on the registry page, marked).
      where: { parentId: ctx.organization.id, kind: "SCHOOL", archivedAt: null },
      select: { id: true, name: true, shortName: true, schoolKind: true, address: true },
      orderBy: { name: "asc" },
    }),
  );
}

export function getParentOrganization(ctx: TenantContext) {
  const parentId = ctx.organization.parentId;
  if (!parentId) return Promise.resolve(null);
  return readTenant(ctx, (tx) => tx.organization.findUnique({ where: { id: parentId }, select: { name: true } }));
}

export function listAuditEvents(ctx: TenantContext, take = 100) {
  return readTenant(ctx, (tx) =>
    tx.auditEvent.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, action: true, targetType: true, data: true, createdAt: true, actor: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take,
    }),
  );
}

/** What the invitation page shows to someone who is not signed in yet: looked up by the token hash only. */
export async function findInvitationByToken(token: string): Promise<
  | { state: "malformed" | "notFound" }
  | { state: "pending" | "accepted" | "revoked" | "expired"; email: string; role: AppRole; organizationName: string; accountExists: boolean }
> {
  if (!isWellFormedInvitationToken(token)) return { state: "malformed" };
  const tokenHash = hashInvitationToken(token);
  return withDb({ invitationTokenHash: tokenHash }, async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, organization: { select: { name: true } } },
    });
    if (!invitation) return { state: "notFound" as const };
    const account = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    return {
      state: invitationState(invitation, now()),
      email: invitation.email,
      role: invitation.role,
      organizationName: invitation.organization.name,
      accountExists: Boolean(account),
    };
  });
}
