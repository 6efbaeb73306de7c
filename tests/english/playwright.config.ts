import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";
import { ENGLISH } from "./config";

// The English crawl (npm run test:e2e:english, part of npm test; issue #18 item 4): every page of every demo role
// with the interface in English, on a server of its own (tests/english/serve.ts) whose database the spec reads.
export default defineConfig({
  ...base,
  // The main suite's global setup starts the local OIDC provider its server is configured with; not this one's.
  globalSetup: undefined,
  testDir: ".",
  testMatch: /english-ui\.spec\.ts$/,
  fullyParallel: true,
  workers: 2,
  use: { ...base.use, baseURL: `http://localhost:${ENGLISH.port}` },
  webServer: {
    command: `node --import tsx tests/english/serve.ts`,
    cwd: path.resolve(__dirname, "..", ".."),
    url: `http://localhost:${ENGLISH.port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
