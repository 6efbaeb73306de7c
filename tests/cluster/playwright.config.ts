import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";
import { suiteServer } from "../setup/suite-server";

// The two-instance run (npm run test:e2e:cluster, part of npm test): the main journeys — sign-in with
// its lock-out, the banks and the pairs with the director's order — go through a round-robin proxy in
// front of two app instances on one PostgreSQL (tests/cluster/serve.ts), so consecutive requests of a
// page, a form and a download land on different instances. Then cluster.spec.ts checks what the
// proxy and the mail sink saw: both instances served, sessions and lock-outs hold across them, and
// each reminder e-mail left once.
const port = Number(process.env.CLUSTER_PORT ?? 3150);

export default defineConfig({
  ...base,
  // The main suite's global setup starts the local OIDC provider its server is configured with; not this one's.
  globalSetup: undefined,
  testDir: "..",
  fullyParallel: true,
  workers: 2,
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  projects: [
    { name: "journeys", testMatch: [/e2e[\\/]sign-in\.spec\.ts$/, /e2e[\\/]sessions\.spec\.ts$/, /e2e[\\/]banks\.spec\.ts$/] },
    { name: "cluster", testMatch: /cluster[\\/]cluster\.spec\.ts$/, dependencies: ["journeys"] },
  ],
  webServer: suiteServer("tests/cluster/serve.ts", port),
});
