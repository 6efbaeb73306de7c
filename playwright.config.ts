import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./tests/e2e/chromium";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME, oidcIssuer } from "./tests/e2e/oidc-provider";

// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against the
// production build served by `npm start` on a fresh embedded database.
const port = Number(process.env.E2E_PORT ?? 3100);
// Single sign-on is on for the whole suite: every spec (sign-in, sessions, security headers…) runs with the
// button on the login page, against the local provider global-setup.ts starts (docs/decisions/021).
process.env.E2E_OIDC_ISSUER = oidcIssuer(port); // for the specs (security.spec.ts: form-action)
// /api/metrics answers the bearer METRICS_TOKEN only (docs/operations.md); metrics.spec.ts reads it with this one.
// LOG_LEVEL=warn: the server's JSON access log (a line per request) would bury the suite's own output.
process.env.E2E_METRICS_TOKEN ??= "e2e-metrics-token-0123456789abcdef0123456789";
const oidcEnv = `OIDC_ISSUER=${oidcIssuer(port)} OIDC_CLIENT_ID=${OIDC_CLIENT_ID} OIDC_CLIENT_SECRET=${OIDC_CLIENT_SECRET} OIDC_NAME="${OIDC_NAME}"`;

export default defineConfig({
  testDir: "tests/e2e",
  // screens.spec.ts crawls every page of every demo role at two widths (≈ 10 min on two workers): it runs with
  // `npm run test:e2e:screens` (E2E_SCREENS=1), not inside `npm test`, whose time CI budgets.
  testIgnore: process.env.E2E_SCREENS ? [] : [/screens\.spec\.ts$/],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  globalSetup: "./tests/e2e/global-setup.ts",
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "ru-RU",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  // TRUSTED_PROXIES: the browsers of the suite stand for many people behind a reverse proxy on loopback
  // (each context sends its own X-Forwarded-For, see newVisitor), so one test's failed sign-ins never
  // lock another's address. Only 127.0.0.1 and ::1 are trusted: sessions.spec.ts connects from
  // 127.0.0.2 to prove a forged header from anywhere else is ignored.
  webServer: {
    command: `rm -rf .data/e2e && REMINDERS_DISABLED=1 TRUSTED_PROXIES=127.0.0.1,::1 PGLITE_DIR=.data/e2e/pglite LOG_LEVEL=warn METRICS_TOKEN=${process.env.E2E_METRICS_TOKEN} ${oidcEnv} PORT=${port} npm start`,
    url: `http://localhost:${port}/api/health`,
    // Includes the production build: 20–40 s on a quiet 2-core machine, minutes on a busy one.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
