import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { requestClientAddress } from "../http/client-address";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";
import { LoginInput } from "./schemas";
import { openSession } from "./sessions";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
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
  ],
});
