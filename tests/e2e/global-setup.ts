import { startOidcProvider } from "./oidc-provider";

/**
 * Before any test: the local OpenID Connect provider the app's single sign-on points at (the app's
 * webServer gets OIDC_* in playwright.config.ts). It stops when the run ends.
 */
export default async function globalSetup() {
  const stop = await startOidcProvider(Number(process.env.E2E_PORT ?? 3100));
  return stop;
}
