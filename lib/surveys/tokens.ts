import "server-only";
import { hashOneTimeToken, newOneTimeToken } from "../auth/one-time-token";
import { isWellFormedOneTimeToken } from "../domain/one-time-token";

// One-time survey links, like invitations (lib/auth/one-time-token.ts): the token appears once in the
// link handed to the person; the database keeps only its SHA-256.

export function newSurveyToken(): { token: string; tokenHash: string } {
  return newOneTimeToken();
}

export function hashSurveyToken(token: string): string {
  return hashOneTimeToken(token);
}

export function isWellFormedSurveyToken(token: unknown): token is string {
  return isWellFormedOneTimeToken(token);
}

export function surveyPath(token: string): string {
  return `/q/${token}`;
}
