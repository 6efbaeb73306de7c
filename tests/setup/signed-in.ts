// Pages and route handlers read the signed-in user through lib/auth/session. Tests that call them replace that
// module with `signedInSessionModule` (vi.mock) and sign in by setting `signedIn.user`: a real live session row
// is opened for the user, since the request context reads the session, the user and the memberships together.
export type SignedInUser = { id: string; name: string; email: string; locale: "ru" | "en" };

export const signedIn: { user: SignedInUser | null; sessionIds: Record<string, string> } = { user: null, sessionIds: {} };

export const signedInSessionModule = {
  getSessionIds: async () => {
    const user = signedIn.user;
    if (!user) return null;
    const { openSession } = await import("../../lib/auth/sessions");
    signedIn.sessionIds[user.id] ??= await openSession(user.id);
    return { userId: user.id, sessionId: signedIn.sessionIds[user.id]! };
  },
  findSessionUser: async () => signedIn.user,
  getSessionUser: async () => signedIn.user,
};
