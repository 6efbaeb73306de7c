import type { Server } from "node:http";

/**
 * A local OpenID Connect provider for the e2e suite (docs/decisions/021): the `oidc-provider` package
 * (the certified Node implementation) on loopback, one confidential client — the app — and an account store of
 * test people. Its development login page takes any password; the login names the person. Started by
 * tests/e2e/global-setup.ts before any test; Auth.js in the app reads its discovery document lazily, at
 * the first «Войти через …».
 */

export const OIDC_CLIENT_ID = "nastavnik-e2e";
export const OIDC_CLIENT_SECRET = "e2e-client-secret-not-for-production-0123456789";
export const OIDC_NAME = "Войти через региональный портал";

/** The provider's port: E2E_OIDC_PORT, else 4 above the app's e2e port. */
export function oidcPort(appPort: number): number {
  return Number(process.env.E2E_OIDC_PORT ?? appPort + 4);
}
export const oidcIssuer = (appPort: number) => `http://127.0.0.1:${oidcPort(appPort)}`;

type TestPerson = { email: string; email_verified: boolean; family_name: string; given_name: string; middle_name?: string };

/** The people the provider knows, by login (their subject, `sub`). Their e-mails are what the app matches. */
export const OIDC_PEOPLE: Record<string, TestPerson> = {
  // A demo account (prisma/seed.ts), written in another case at the provider.
  kuznetsova: { email: "Psychologist@SOSH20.demo", email_verified: true, family_name: "Кузнецова", given_name: "Анна", middle_name: "Игоревна" },
  // Another demo account: its journey runs without JavaScript.
  orlova: { email: "curator@sosh20.demo", email_verified: true, family_name: "Орлова", given_name: "Татьяна", middle_name: "Сергеевна" },
  // A third, for the tampered return path.
  volkov: { email: "mentor@sosh20.demo", email_verified: true, family_name: "Волков", given_name: "Сергей", middle_name: "Николаевич" },
  // Only a pending invitation (oidc.spec.ts creates it as the director of СОШ № 14).
  sergeev: { email: "sergeev.sso@sosh14.test", email_verified: true, family_name: "Сергеев", given_name: "Павел", middle_name: "Олегович" },
  // Known to the provider, unknown to the app.
  stranger: { email: "stranger@elsewhere.test", email_verified: true, family_name: "Чужой", given_name: "Иван" },
  // An address the provider never confirmed — the director's own address of a demo school.
  unverified: { email: "director@ds1.demo", email_verified: false, family_name: "Лебедева", given_name: "Марина" },
};

/** Starts the provider on 127.0.0.1; resolves with a function that stops it. */
export async function startOidcProvider(appPort: number): Promise<() => Promise<void>> {
  const { default: Provider } = await import("oidc-provider");
  const issuer = oidcIssuer(appPort);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`http://localhost:${appPort}/api/auth/callback/oidc`, `http://127.0.0.1:${appPort}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "family_name", "given_name", "middle_name"] },
    async findAccount(_ctx, id) {
      const person = OIDC_PEOPLE[id];
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...person, name: `${person.given_name} ${person.family_name}` };
        },
      };
    },
    // The development login page (any password) and consent page: enough for a test, never for production.
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789abcdef"] },
    pkce: { required: () => true },
  });
  // The provider warns that development interactions and keys are for development: that is the point here.
  provider.on("server_error", (_ctx: unknown, error: Error) => console.error("[oidc-provider]", error));
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(oidcPort(appPort), "127.0.0.1", () => resolve(s));
  });
  return () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
