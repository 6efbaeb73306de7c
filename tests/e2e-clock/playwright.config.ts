import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The e2e subset "as of" a boundary date (issue #21, decision 011): a production build served with the
// test clock — NASTAVNIK_NOW (default: 1 September 01:00 Moscow time, still 31 August in UTC) and
// NASTAVNIK_TEST_CLOCK=1, without which a production server ignores it — on its own fresh embedded database,
// seeded as of that instant. `npm run test:e2e:clock`; NASTAVNIK_NOW=… picks another instant.
export const CLOCK_NOW = process.env.NASTAVNIK_NOW ?? "2026-09-01T01:00:00+03:00";
const port = Number(process.env.E2E_CLOCK_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 1 : 3101));

// Everything but the tests and the server is the main e2e configuration's.
export default defineConfig({
  ...base,
  // The main suite's global setup starts the local OIDC provider its server is configured with; not this one's.
  globalSetup: undefined,
  testDir: ".",
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: {
    // Playwright runs the command in the config's directory unless told: without this, `rm -rf .data/e2e-clock`
    // removed nothing (npm start ran from the root and reused the last run's database) and `.next/BUILD_ID`
    // was never found, so every run rebuilt.
    cwd: path.resolve(__dirname, "..", ".."),
    // Serves the production build of the main e2e run when there is one (npm test runs that first; the
    // clock is read at run time, not built in), else builds it.
    command: `rm -rf .data/e2e-clock && { [ -f .next/BUILD_ID ] && export SKIP_BUILD=1; true; } && NASTAVNIK_TEST_CLOCK=1 NASTAVNIK_NOW=${CLOCK_NOW} REMINDERS_DISABLED=1 PGLITE_DIR=.data/e2e-clock/pglite PORT=${port} npm start`,
    url: `http://localhost:${port}/api/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
