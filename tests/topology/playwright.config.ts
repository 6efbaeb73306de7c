import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";
import { suiteServer } from "../setup/suite-server";
import { ports } from "./config";

// The region topology (npm run test:topology, part of npm test): nginx → two production instances → PgBouncer in
// transaction mode → a PostgreSQL primary, with a streaming replica for the district dashboards — all built by
// tests/topology/serve.ts on throwaway clusters and loopback ports (TOPOLOGY_PORT, TOPOLOGY_PG_PORT move them).
// The methodist's and the curator's journeys run through nginx; then topology.spec.ts checks the path the
// requests took, reads the dashboards on the replica, stops it, and switches the primary over to it.
export default defineConfig({
  ...base,
  globalSetup: undefined,
  testDir: "..",
  fullyParallel: true,
  workers: 2,
  use: { ...base.use, baseURL: `http://localhost:${ports.nginx}` },
  projects: [
    {
      name: "journeys",
      testMatch: [/e2e[\\/]monitoring\.spec\.ts$/, /e2e[\\/]program\.spec\.ts$/],
      grep: /a methodist sees every demo school|a curator creates this year's program/,
    },
    { name: "topology", testMatch: /topology[\\/]topology\.spec\.ts$/, dependencies: ["journeys"], fullyParallel: false },
  ],
  webServer: suiteServer("tests/topology/serve.ts", ports.nginx, 30_000),
});
