import "server-only";
import type { TenantContext, TenantOrganization } from "../auth/tenant";
import { now } from "../clock";
import { withDb } from "../db";
import type { AppLocale } from "../i18n/config";
import { apiError } from "./respond";
import { API_RATE_PER_MINUTE, type ApiScope } from "./scopes";
import { bearerToken, parseApiToken } from "./tokens";

// Who calls the API (decision 045): the bearer token, looked up by its hash in the scope of the
// organization its text names (RLS applies), counted against the per-minute rate and marked used — in one
// statement, so the limit and the last use hold across app instances. Then the scope and the organization of
// the address: 401 for a missing, malformed, unknown or revoked token; 429 over the rate; 403 for a token
// without the scope or of another organization.

export type ApiToken = { id: string; name: string; scopes: string[] };
export type ApiCaller = { token: ApiToken; organization: TenantOrganization };

type Counted = { id: string; name: string; scopes: string[]; window_count: number; retry_after: number };

const ORG_SELECT = { id: true, slug: true, name: true, shortName: true, kind: true, schoolKind: true, address: true, parentId: true, timeZone: true, archivedAt: true } as const;

async function countRequest(organizationId: string, tokenHash: string): Promise<{ token: Counted; organization: TenantOrganization } | null> {
  const at = now();
  const iso = at.toISOString();
  const windowEnds = new Date(at.getTime() - 60_000).toISOString();
  return withDb({ organizationId }, async (tx) => {
    const rows = await tx.$queryRaw<Counted[]>`
      UPDATE "ApiToken" SET
        "lastUsedAt" = (${iso}::timestamptz AT TIME ZONE 'UTC'),
        "windowCount" = CASE WHEN "windowStart" IS NULL OR "windowStart" <= (${windowEnds}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE "windowCount" + 1 END,
        "windowStart" = CASE WHEN "windowStart" IS NULL OR "windowStart" <= (${windowEnds}::timestamptz AT TIME ZONE 'UTC') THEN (${iso}::timestamptz AT TIME ZONE 'UTC') ELSE "windowStart" END
      WHERE "tokenHash" = ${tokenHash} AND "organizationId" = ${organizationId}::uuid AND "revokedAt" IS NULL
      RETURNING id::text AS id, name, scopes, "windowCount" AS window_count,
        GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + interval '60 seconds' - (${iso}::timestamptz AT TIME ZONE 'UTC')))))::int AS retry_after`;
    const token = rows[0];
    if (!token) return null;
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: ORG_SELECT });
    return organization ? { token, organization } : null;
  });
}

/** The caller of a request, or the refusal to answer with. */
export async function authenticateApi(request: Request, locale: AppLocale): Promise<{ ok: true; caller: ApiCaller } | { ok: false; response: Response }> {
  const text = bearerToken(request.headers.get("authorization"));
  if (!text) return { ok: false, response: apiError(locale, "UNAUTHENTICATED", "apiTokenMissing", { headers: { "www-authenticate": "Bearer" } }) };
  const parsed = parseApiToken(text);
  const found = parsed ? await countRequest(parsed.organizationId, parsed.tokenHash) : null;
  if (!found) return { ok: false, response: apiError(locale, "UNAUTHENTICATED", "apiTokenInvalid", { headers: { "www-authenticate": 'Bearer error="invalid_token"' } }) };
  if (found.token.window_count > API_RATE_PER_MINUTE) {
    const seconds = Math.max(1, Number(found.token.retry_after));
    return { ok: false, response: apiError(locale, "RATE_LIMITED", "apiRateLimited", { values: { seconds }, headers: { "retry-after": String(seconds) } }) };
  }
  const { id, name, scopes } = found.token;
  return { ok: true, caller: { token: { id, name, scopes }, organization: found.organization } };
}

/** 403 unless the token holds the scope. */
export function requireScope(caller: ApiCaller, scope: ApiScope, locale: AppLocale): Response | null {
  return caller.token.scopes.includes(scope) ? null : apiError(locale, "FORBIDDEN", "apiScopeMissing", { values: { scope } });
}

/** 403 for another organization than the token's (what exists elsewhere is not told). */
export function otherOrganization(locale: AppLocale): Response {
  return apiError(locale, "FORBIDDEN", "apiOtherOrganization");
}

/**
 * The read context of a token: its organization, no roles, and the token's id in place of a user (it names no
 * user, so the user-scoped policies show nothing). Queries read through readPage/readTenant with it (RLS applies).
 */
export function apiReadContext(caller: ApiCaller): TenantContext {
  return { user: { id: caller.token.id, name: caller.token.name, email: "", locale: "ru" }, organization: caller.organization, roles: [] };
}
