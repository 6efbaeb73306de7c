import { createHash, randomBytes } from "node:crypto";

// One-time survey links, like invitations: the token appears once in the link handed to the person;
// the database keeps only its SHA-256.

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

export function newSurveyToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSurveyToken(token) };
}

export function hashSurveyToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedSurveyToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

export function surveyPath(token: string): string {
  return `/q/${token}`;
}
