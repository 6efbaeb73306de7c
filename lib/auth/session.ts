import { cache } from "react";
import { withDb, type Tx } from "../db";
import { liveSessionWhere } from "./sessions";

export type SessionUser = { id: string; name: string; email: string; locale: "ru" | "en" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids the session cookie carries, if it decrypts and names a session (cached per request). */
export const getSessionIds = cache(async function getSessionIds(): Promise<{ userId: string; sessionId: string } | null> {
  const { auth } = await import("./auth");
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = (session as { sessionId?: string } | null)?.sessionId;
  if (!userId || !sessionId || !UUID.test(userId) || !UUID.test(sessionId)) return null;
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
