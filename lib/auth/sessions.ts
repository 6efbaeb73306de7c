import { now } from "../clock";
import { withDb, type Tx } from "../db";
import { SESSION_MAX_AGE_SECONDS } from "./config";

/**
 * Server-side sessions (decision 012). The encrypted cookie carries the user id and a session id; the
 * session lives as a UserSession row, checked on every request together with the user (one query,
 * see getSessionUser). Revoking the row ends the session on every instance at once, whatever happens to
 * copies of the cookie. Rows are written here only, each in the owner's RLS scope.
 */

/** Opens a session for a user who has just proved their password; also drops their long-expired rows. */
export async function openSession(userId: string, at: Date = now()): Promise<string> {
  return withDb({ userId }, async (tx) => {
    await tx.userSession.deleteMany({ where: { userId, expiresAt: { lt: at } } });
    const session = await tx.userSession.create({
      data: { userId, createdAt: at, expiresAt: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
      select: { id: true },
    });
    return session.id;
  });
}

/** Ends one session (sign-out). A session id of another user matches nothing (and RLS hides it). */
export async function revokeSession(userId: string, sessionId: string, at: Date = now()): Promise<void> {
  await withDb({ userId }, (tx) => tx.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: at } }));
}

/** Ends every session of the user (sign-out on all devices, password change), inside the caller's transaction. */
export async function revokeAllSessions(tx: Tx, userId: string, at: Date = now()): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
  return count;
}

/** The where-clause of a session that still counts: this user's, not revoked, not expired. */
export function liveSessionWhere(userId: string, sessionId: string, at: Date = now()) {
  return { id: sessionId, userId, revokedAt: null, expiresAt: { gt: at } };
}
