import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";
import { suiteServer } from "../setup/suite-server";
import { GOLIVE } from "./ports";

// The go-live journey (npm run test:e2e:golive, part of npm test): an empty PostgreSQL database → `npm run
// setup` → one production instance (tests/golive/serve.ts; the production build of the main e2e run is
// reused) → the steps of golive.spec.ts, in order.
export default defineConfig({
  ...base,
  // The main suite's global setup starts the local OIDC provider its server is configured with; not this one's.
  globalSetup: undefined,
  testDir: ".",
  testMatch: /golive\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, baseURL: `http://localhost:${GOLIVE.port}` },
  webServer: suiteServer("tests/golive/serve.ts", GOLIVE.port),
});
