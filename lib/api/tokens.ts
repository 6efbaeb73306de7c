import "server-only";
import { randomBytes } from "node:crypto";
import { hashOneTimeToken } from "../auth/one-time-token";

// An API token's text: "nst_" + the organization's id (32 hex digits) + "_" + 32 random bytes (base64url).
// The organization's id in the text lets the API look the token up inside that organization's row-level
// security scope (no wider policy); only the SHA-256 of the whole text is stored (decision 045).

const TOKEN = /^nst_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newApiToken(organizationId: string): { token: string; tokenHash: string } {
  const token = `nst_${organizationId.replace(/-/g, "")}_${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashOneTimeToken(token) };
}

/** The organization a token's text names and the hash to look it up by; null for a malformed text. */
export function parseApiToken(token: string): { organizationId: string; tokenHash: string } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const hex = m[1]!;
  const organizationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { organizationId, tokenHash: hashOneTimeToken(token) };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1]! : null;
}
