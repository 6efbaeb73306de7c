import type { NextAuthConfig } from "next-auth";

// The part of the auth configuration that needs no database.
export const PUBLIC_PATHS = [/^\/login$/, /^\/forgot-password$/, /^\/reset-password\//, /^\/invite\//, /^\/q\//, /^\/s\//, /^\/api\/(auth|health)(\/|$)/];

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  // A wrong password is an expected refusal (counted in LoginAttempt), not a server error: no stack
  // trace in the log for it. Every other Auth.js error is still logged.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth][error] ${error.name}: ${error.message}`, error.cause ?? "");
    },
  },
  callbacks: {
    // The cookie names the user and their server-side session (lib/auth/sessions.ts); getSessionUser
    // checks that session on every request.
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      (session as { sessionId?: string }).sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
