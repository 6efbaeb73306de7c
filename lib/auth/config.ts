import type { NextAuthConfig } from "next-auth";

// The part of the auth configuration that needs no database.
export const PUBLIC_PATHS = [/^\/login$/, /^\/forgot-password$/, /^\/reset-password\//, /^\/invite\//, /^\/q\//, /^\/s\//, /^\/api\/(auth|health|metrics|v1)(\/|$)/];

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/** The id of the single sign-on provider (docs/decisions/021): its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** Why a single sign-on was refused: the login page shows the message of `sso.errors.<reason>`. */
export const OIDC_ERRORS = ["unverified", "notFound", "locked", "identityMismatch", "invalidClaims", "failed"] as const;
export type OidcError = (typeof OIDC_ERRORS)[number];

/** Where a refused single sign-on lands: the login page with the reason. */
export function oidcErrorPath(reason: OidcError): string {
  return `/login?sso=${reason}`;
}

/** The reason named by the login page's address; Auth.js's own errors (?error=…) are a failed sign-on. */
export function oidcErrorOf(params: { sso?: string | string[]; error?: string | string[] }): OidcError | null {
  const sso = typeof params.sso === "string" ? params.sso : null;
  if (sso && (OIDC_ERRORS as readonly string[]).includes(sso)) return sso as OidcError;
  return typeof params.error === "string" && params.error ? "failed" : null;
}

export const authConfig = {
  // Auth.js's own errors (a provider that did not answer, a cancelled or tampered callback) come back
  // to the login page as ?error=…, which it words as a failed single sign-on.
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
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
