import { cache } from "react";
import { wallClockMs } from "../clock";
import { withDb, type Tx } from "../db";
import { envVariable } from "../env";
import { liveSessionWhere } from "./sessions";

export type SessionUser = { id: string; name: string; email: string; locale: "ru" | "en" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PLAIN_SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/** The secrets Auth.js encrypts the cookie with: AUTH_SECRET_1…3 (rotation) first, then AUTH_SECRET — as Auth.js orders them. */
export function sessionSecrets(): string[] {
  const secrets = (["AUTH_SECRET_3", "AUTH_SECRET_2", "AUTH_SECRET_1", "AUTH_SECRET"] as const).map((name) => envVariable(name));
  return secrets.filter((s): s is string => !!s);
}

type Claims = { uid: unknown; sid: unknown; exp: number };
/**
 * Cookies decrypted lately, by cookie name and value. A value decrypts to the same claims every time, so a
 * signed-in browser's next request costs no cryptography (key derivation, thumbprint and decryption took
 * ≈ 6 % of a page's CPU, issue #14); the expiry is checked on every use. Only values that decrypted are kept,
 * so made-up cookies cannot fill it; the oldest entry goes first.
 */
const decrypted = new Map<string, Claims>();
const DECRYPTED_MAX = 10_000;
const CLOCK_TOLERANCE_SECONDS = 15; // as Auth.js's decode

/**
 * The ids the session cookie carries, if it decrypts and names a session (cached per request).
 * Only the cookie is decrypted here — Auth.js's `auth()` also re-encrypts it for a refreshed cookie a server
 * component cannot set. The checks are Auth.js's own (`getToken` reads the cookie, chunked or not, and `decode`
 * uses its name as the key's salt and checks the expiry); an `Authorization` header is not read — only the
 * cookie signs in. Revocation is checked by the caller against the server-side session (findSessionUser).
 */
export const getSessionIds = cache(async function getSessionIds(): Promise<{ userId: string; sessionId: string } | null> {
  const [{ cookies }, { decode, getToken }] = await Promise.all([import("next/headers"), import("next-auth/jwt")]);
  const jar = (await cookies()).getAll();
  const secret = sessionSecrets();
  if (!secret.length) return null;
  // The secure name when the site is served over HTTPS (only an HTTPS page can set it), the plain one otherwise.
  const secureCookie = jar.some((c) => c.name === SECURE_SESSION_COOKIE || c.name.startsWith(`${SECURE_SESSION_COOKIE}.`));
  const salt = secureCookie ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
  const cookie = jar.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  const token = await getToken({ req: { headers: new Headers({ cookie }) }, secret, secureCookie, raw: true });
  if (!token) return null;
  const key = `${salt}\n${token}`;
  let claims = decrypted.get(key);
  if (!claims) {
    const payload = await decode({ token, secret, salt }).catch(() => null);
    if (!payload || typeof payload.exp !== "number") return null;
    claims = { uid: payload.uid, sid: payload.sid, exp: payload.exp };
    if (decrypted.size >= DECRYPTED_MAX) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(key, claims);
  }
  // The real clock, as Auth.js's own check: the cookie's expiry was set by it, not by the app's (test) clock.
  if (claims.exp + CLOCK_TOLERANCE_SECONDS < wallClockMs() / 1000) {
    decrypted.delete(key);
    return null;
  }
  const { uid: userId, sid: sessionId } = claims;
  if (typeof userId !== "string" || typeof sessionId !== "string" || !UUID.test(userId) || !UUID.test(sessionId)) return null;
  return { userId, sessionId };
});

/**
 * The signed-in user, read from the database on every request together with their session: a deleted
 * user, or a session signed out, revoked on all devices, ended by a password change or expired, counts as
 * signed out — on every instance, whatever copy of the cookie is replayed (decision 012).
 */
/** The user of a live session, inside the caller's transaction (null when signed out, revoked or expired). */
export async function findSessionUser(tx: Tx, ids: { userId: string; sessionId: string }): Promise<SessionUser | null> {
  const session = await tx.userSession.findFirst({
    where: liveSessionWhere(ids.userId, ids.sessionId),
    select: { user: { select: { id: true, name: true, email: true, locale: true } } },
  });
  return session?.user ?? null;
}

// Cached per request. Pages of an organization get the user from the request context instead (lib/auth/tenant.ts).
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  const ids = await getSessionIds();
  if (!ids) return null;
  return withDb({ userId: ids.userId }, (tx) => findSessionUser(tx, ids));
});
