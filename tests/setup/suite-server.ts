import path from "node:path";
import type { PlaywrightTestConfig } from "@playwright/test";

/**
 * The web server of a suite that starts its own (tests/{cluster,topology,golive,english}/serve.ts): Playwright runs
 * the script from the repository's root, waits up to five minutes for /api/health on the port the browsers use, and
 * stops it with SIGTERM — the script then stops what it started (instances, proxies, databases).
 */
export function suiteServer(script: string, port: number, shutdownMs = 20_000): NonNullable<PlaywrightTestConfig["webServer"]> {
  return {
    command: `node --import tsx ${script}`,
    cwd: path.resolve(__dirname, "..", ".."),
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: shutdownMs },
  };
}
