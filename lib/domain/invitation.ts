// Pure rules of invitations: validity window and state. No I/O.
import { isWellFormedOneTimeToken } from "./one-time-token";

export const INVITATION_TTL_DAYS = 7;

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export function isWellFormedInvitationToken(token: unknown): token is string {
  return isWellFormedOneTimeToken(token);
}
