import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";
import { suiteServer } from "../setup/suite-server";
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
  webServer: suiteServer("tests/english/serve.ts", ENGLISH.port),
});
