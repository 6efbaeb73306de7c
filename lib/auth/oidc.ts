import "server-only";
import { now } from "../clock";
import { withDb, type Tx } from "../db";
import { isRefusal } from "../actions/result";
import { claimInvitation } from "../members/accept";
import { isAccountLocked } from "./credentials";
import { openSession } from "./sessions";

/**
 * Single sign-on through the region's OpenID Connect provider (docs/decisions/021). Auth.js runs the
 * protocol (discovery, PKCE, state, nonce, the ID token's checks); this module decides who the person is.
 * It never creates an account without a reason: the provider's e-mail must be verified, and then
 *   (a) an identity (issuer, subject) already bound names its user;
 *   (b) otherwise an account with that e-mail gets the identity bound;
 *   (c) otherwise a pending invitation to that e-mail creates the account (no usable password: the person
 *       signs in through the provider, or sets one with «Забыли пароль?») and is accepted, like a link;
 *   (d) otherwise the sign-in is refused.
 * A locked account (the sign-in limit, lib/auth/credentials.ts) stays refused. A success is recorded as a
 * successful sign-in (LoginAttempt) and opens a server-side session like the password form does.
 */

export type OidcRefusal = "unverified" | "notFound" | "locked" | "identityMismatch" | "invalidClaims";

export type OidcMatch =
  | { ok: true; user: { id: string; email: string; name: string }; via: "identity" | "email" | "invitation"; organizationSlug: string | null }
  | { ok: false; reason: OidcRefusal };

export type OidcSignIn =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string; via: "identity" | "email" | "invitation"; organizationSlug: string | null }
  | { ok: false; reason: OidcRefusal };

/** Stored instead of a password hash for an account created through the provider: no password matches it. */
export const NO_PASSWORD_HASH = "!sso-no-password";

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The account name from the claims: «Фамилия Имя Отчество» when the parts are given, else `name`, else the login. */
export function nameFromClaims(claims: Record<string, unknown>, email: string): string {
  const parts = [str(claims.family_name), str(claims.given_name), str(claims.middle_name)].filter(Boolean);
  const name = (parts.length >= 2 ? parts.join(" ") : null) ?? str(claims.name) ?? str(claims.preferred_username) ?? email.split("@")[0]!;
  return name.replace(/\s+/g, " ").slice(0, 200);
}

/** Rolls the transaction back when an invitation was taken by someone else at the same moment. */
class InvitationRace extends Error {}

/** Who the provider's person is in this application, inside one transaction; writes the identity and, for (c), the account. */
export async function matchOidcAccount(tx: Tx, input: { issuer: string; claims: Record<string, unknown> }): Promise<OidcMatch> {
  const subject = str(input.claims.sub);
  const rawEmail = str(input.claims.email);
  if (!subject || subject.length > 255 || !rawEmail || rawEmail.length > 254 || !rawEmail.includes("@")) return { ok: false, reason: "invalidClaims" };
  if (input.claims.email_verified !== true) return { ok: false, reason: "unverified" };
  const email = rawEmail.toLowerCase();
  const userSelect = { id: true, email: true, name: true } as const;

  // (a) The identity is the stable key: the e-mail at the provider may change, the subject does not.
  const bound = await tx.externalIdentity.findUnique({
    where: { issuer_subject: { issuer: input.issuer, subject } },
    select: { user: { select: userSelect } },
  });
  if (bound) {
    if (await isAccountLocked(tx, bound.user.email)) return { ok: false, reason: "locked" };
    return { ok: true, user: bound.user, via: "identity", organizationSlug: null };
  }

  // (b) An account with the verified e-mail (addresses are stored in lower case; compared regardless of case).
  const existing = await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: userSelect });
  if (existing) {
    // Another identity of the same provider already holds this account: the address moved to another
    // person at the provider, or two people share it. Neither may take over the account.
    const other = await tx.externalIdentity.findFirst({ where: { userId: existing.id, issuer: input.issuer }, select: { id: true } });
    if (other) return { ok: false, reason: "identityMismatch" };
    if (await isAccountLocked(tx, existing.email)) return { ok: false, reason: "locked" };
    await tx.externalIdentity.create({ data: { userId: existing.id, issuer: input.issuer, subject, createdAt: now() } });
    return { ok: true, user: existing, via: "email", organizationSlug: null };
  }

  // (c) A pending invitation to the address: readable before sign-in only through this setting (RLS policy
  // invitation_by_email_read, migration 20261205013000_oidc_invitation_by_email).
  await tx.$queryRaw`SELECT set_config('app.invitation_email', ${email}, true)`;
  const at = now();
  const invitations = await tx.invitation.findMany({
    where: { email: { equals: email, mode: "insensitive" }, acceptedAt: null, revokedAt: null, expiresAt: { gt: at } },
    include: { organization: { select: { slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  await tx.$queryRaw`SELECT set_config('app.invitation_email', '', true)`;
  if (invitations.length === 0) return { ok: false, reason: "notFound" };

  const user = await tx.user.create({
    data: { email, name: nameFromClaims(input.claims, email), passwordHash: NO_PASSWORD_HASH, createdAt: at },
    select: userSelect,
  });
  await tx.externalIdentity.create({ data: { userId: user.id, issuer: input.issuer, subject, createdAt: at } });
  // Every invitation addressed to the verified e-mail is accepted, each by the one acceptance path of links.
  for (const invitation of invitations) {
    const claimed = await claimInvitation(tx, invitation, user.id, invitation.tokenHash);
    if (isRefusal(claimed)) throw new InvitationRace();
  }
  return { ok: true, user, via: "invitation", organizationSlug: invitations[0]!.organization.slug };
}

/** The whole sign-in: match, refuse a locked account, record the success, open the server-side session. */
export async function signInWithOidc(input: { issuer: string; claims: Record<string, unknown>; ip: string }): Promise<OidcSignIn> {
  let match: OidcMatch;
  try {
    match = await withDb({}, async (tx) => {
      const found = await matchOidcAccount(tx, input);
      if (!found.ok) return found;
      await tx.loginAttempt.create({ data: { email: found.user.email, ip: input.ip, success: true, createdAt: now() } });
      return found;
    });
  } catch (error) {
    if (error instanceof InvitationRace) return { ok: false, reason: "notFound" };
    throw error;
  }
  if (!match.ok) return match;
  return { ...match, sessionId: await openSession(match.user.id) };
}
