import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { oidcSettings } from "../env";
import { requestClientAddress } from "../http/client-address";
import { authConfig, OIDC_PROVIDER_ID, oidcErrorPath } from "./config";
import { checkCredentials } from "./credentials";
import { signInWithOidc } from "./oidc";
import { getLogger } from "../observability/logger";
import { LoginInput } from "./schemas";
import { openSession } from "./sessions";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const oidc = oidcSettings();

/**
 * The region's OpenID Connect provider (docs/decisions/021), only when OIDC_* are set. Auth.js's own OIDC
 * support: discovery from the issuer, authorization code with PKCE, state and nonce. The claims come from
 * the userinfo endpoint (`idToken: false`): providers put `email` and `email_verified` there whatever they
 * put in the ID token (Auth.js still requires and checks the ID token, and that its subject matches).
 */
function oidcProvider(settings: NonNullable<typeof oidc>): OIDCConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name ?? "OpenID Connect",
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    authorization: { params: { scope: "openid email profile" } },
    // The provider's subject is not our user id: signIn (below) finds the account and replaces it.
    profile: (claims) => ({ id: String(claims.sub ?? ""), email: typeof claims.email === "string" ? claims.email : null, name: typeof claims.name === "string" ? claims.name : null }),
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // Auth.js writes to the server's JSON log (here, not in config.ts, which proxy.ts loads). A wrong password
  // is an expected refusal (counted in LoginAttempt), not a server error: no line for it. Every other Auth.js
  // error is logged by name and message — never the credentials or the request.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      const cause = error.cause instanceof Error ? error.cause.message : undefined;
      // Auth.js's own errors carry their kind in `type` (the class name is minified in the build).
      const kind = (error as { type?: string }).type ?? error.name;
      getLogger().error({ component: "auth", error: `${kind}: ${error.message}`, cause }, "Auth.js error");
    },
    warn(code) {
      getLogger().warn({ component: "auth", code }, "Auth.js warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = LoginInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await checkCredentials({ ...parsed.data, ip: await requestClientAddress() });
        if (!result.ok) throw result.reason === "rate_limited" ? new TooManyAttempts() : new InvalidCredentials();
        const { id, email, name } = result.user;
        // The server-side session the cookie will name (lib/auth/sessions.ts).
        return { id, email, name, sessionId: await openSession(id) };
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    ...authConfig.callbacks,
    /**
     * A provider's person becomes one of our accounts here (lib/auth/oidc.ts), or is sent back to the
     * login page with the reason. On success the user object Auth.js passes on to the `jwt` callback
     * (the same object) is given our user id and the new server-side session, as `authorize` does for
     * the password form.
     */
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!oidc || !profile) return oidcErrorPath("invalidClaims");
      const result = await signInWithOidc({ issuer: oidc.issuer, claims: profile as Record<string, unknown>, ip: await requestClientAddress() });
      if (!result.ok) return oidcErrorPath(result.reason);
      Object.assign(user, { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId });
      return true;
    },
  },
});
