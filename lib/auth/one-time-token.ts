import { createHash, randomBytes } from "node:crypto";

// One-time links (invitations, survey links, password resets): 32 random bytes in the link, shown once;
// the database keeps only their SHA-256. The shape check is lib/domain/one-time-token.ts.

export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
