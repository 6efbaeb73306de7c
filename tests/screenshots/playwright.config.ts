import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The README's screenshots (`npm run screenshots`, by hand; not part of npm test): a production build on a
// fresh embedded database seeded with the demo district, each role signed in, the main screens saved to
// docs/screens/. SKIP_BUILD=1 serves the `.next` build already there instead of building (it must be current).
const port = Number(process.env.SCREENS_PORT ?? 3190);

export default defineConfig({
  ...base,
  // The main suite's global setup starts the local OIDC provider its server is configured with; not this one's.
  globalSetup: undefined,
  testDir: ".",
  testMatch: /main-screens\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: {
    cwd: path.resolve(__dirname, "..", ".."),
    command: `rm -rf .data/screenshots && REMINDERS_DISABLED=1 PGLITE_DIR=.data/screenshots/pglite LOG_LEVEL=warn PORT=${port} npm start`,
    url: `http://localhost:${port}/api/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
