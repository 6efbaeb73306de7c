import { redirect } from "next/navigation";
import { cache } from "react";
import { withDb } from "../db";

export type SessionUser = { id: string; name: string; email: string; locale: "ru" | "en" };

/**
 * The signed-in user, read from the database on every request: a deleted user or a session issued
 * before the last password change counts as signed out.
 */
// Cached per request: the layout and the page both ask.
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  const { auth } = await import("./auth");
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const version = (session as { sessionVersion?: number }).sessionVersion;
  const user = await withDb({ userId: id }, (tx) =>
    tx.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, locale: true, sessionVersion: true } }),
  );
  if (!user || user.sessionVersion !== version) return null;
  return { id: user.id, name: user.name, email: user.email, locale: user.locale };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login?reason=session");
  return user;
}
