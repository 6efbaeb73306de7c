import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";
import { LoginInput } from "./schemas";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = LoginInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await checkCredentials({ ...parsed.data, ip: await clientAddress() });
        if (!result.ok) throw result.reason === "rate_limited" ? new TooManyAttempts() : new InvalidCredentials();
        const { id, email, name, sessionVersion } = result.user;
        return { id, email, name, sessionVersion };
      },
    }),
  ],
});
