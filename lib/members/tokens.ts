import { createHash, randomBytes } from "node:crypto";

/** A fresh invitation token (shown once in the link) and its SHA-256, which is all the database keeps. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
