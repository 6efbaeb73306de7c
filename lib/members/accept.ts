import "server-only";
import { now } from "../clock";
import { done } from "../actions/action";
import { refuse } from "../actions/result";
import { setDbScope, type Tx } from "../db";
import type { AppRole } from "../auth/roles";
import { invitationState, isWellFormedInvitationToken } from "../domain/invitation";
import { linkPersonOnAccept } from "./link-person";

// Accepting an invitation: the one path of links (lib/members/actions.ts) and of single sign-on
// (lib/auth/oidc.ts). A plain module, not a "use server" one: these take a transaction, never browser input.

export type PendingInvitation = { id: string; organizationId: string; email: string; role: AppRole; personId: string | null; organization: { slug: string } };

/** The pending invitation of a token, looked up in the token's own RLS scope; null when not usable. */
export async function findPendingInvitation(tx: Tx, token: string, tokenHash: string, scope: { userId?: string }): Promise<PendingInvitation | null> {
  if (!isWellFormedInvitationToken(token)) return null;
  await setDbScope(tx, { invitationTokenHash: tokenHash, userId: scope.userId ?? null });
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, organizationId: true, email: true, role: true, personId: true, acceptedAt: true, revokedAt: true, expiresAt: true, organization: { select: { slug: true } } },
  });
  return invitation && invitationState(invitation, now()) === "pending" ? invitation : null;
}

/** Claims the invitation for the user (single use even under a race), adds the role, writes the audit record. */
export async function claimInvitation(tx: Tx, invitation: PendingInvitation, userId: string, tokenHash: string) {
  await setDbScope(tx, { organizationId: invitation.organizationId, userId, invitationTokenHash: tokenHash });
  // Single use even when two people race with the same link: only one update matches.
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: now(), acceptedById: userId },
  });
  if (claimed.count !== 1) return refuse("CONFLICT", "invalidInvitation");
  await tx.membership.upsert({
    where: { organizationId_userId_role: { organizationId: invitation.organizationId, userId, role: invitation.role } },
    create: { organizationId: invitation.organizationId, userId, role: invitation.role },
    update: {},
  });
  // The account joins the person's card (the invitation's, or the one card with this address): the mentor
  // then sees their pairs in «Моё наставничество». A card linked to another account is left as it is.
  const link = await linkPersonOnAccept(tx, invitation, userId);
  await tx.auditEvent.create({
    data: {
      organizationId: invitation.organizationId,
      actorId: userId,
      action: "invitation.accept",
      targetType: "Invitation",
      targetId: invitation.id,
      data: { role: invitation.role, ...link },
    },
  });
  return done({ email: invitation.email, organizationSlug: invitation.organization.slug });
}

