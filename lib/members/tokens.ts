import { hashOneTimeToken, newOneTimeToken } from "../auth/one-time-token";

/** A fresh invitation token (shown once in the link) and its SHA-256, which is all the database keeps. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  return newOneTimeToken();
}

export function hashInvitationToken(token: string): string {
  return hashOneTimeToken(token);
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
