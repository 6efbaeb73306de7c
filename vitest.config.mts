import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// `server-only` throws outside the react-server condition (Next's server bundles); tests import server
// modules directly, so every project resolves it to the package's empty module.
const alias = { "@": root, "server-only": path.join(root, "node_modules/server-only/empty.js") };
const integration = (name: string, env: Record<string, string>, include: string[]) => ({
  resolve: { alias },
  test: {
    name,
    environment: "node",
    include,
    env,
    globalSetup: ["tests/setup/global-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker less than the cores — one on a 2-core machine, where a PostgreSQL file spends
    // much of its time waiting on the server. Two workers (each file still has its own database) keep both cores busy.
    maxWorkers: 2,
  },
});

// Integration tests run on PGlite always, and once more on the PostgreSQL server when
// TEST_DATABASE_URL is set (CI sets it). Each test file gets its own fresh, migrated database.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      // testTimeout: vitest's 5 s default made a heavy unit test (a 10,000-row import) fail on a busy 2-core
      // machine; timing is the benchmarks' job (npm run bench), never a test's.
      { resolve: { alias }, test: { name: "unit", environment: "node", include: ["lib/**/*.test.ts", "components/**/*.test.tsx"], testTimeout: 30_000 } },
      integration("integration-pglite", { TEST_DB: "pglite" }, ["tests/integration/*.test.ts"]),
      ...(onPostgres
        ? [
            integration("integration-postgres", { TEST_DB: "postgres" }, ["tests/integration/*.test.ts"]),
            integration("integration-postgres-cli", { TEST_DB: "postgres" }, ["tests/integration/postgres/*.test.ts"]),
          ]
        : []),
      // Fault injection (issue #7 item 6): a throwaway PostgreSQL cluster restarted under load, the
      // embedded PGlite process killed during writes. Own temp dirs and ports; `npm run test:faults`.
      {
        resolve: { alias },
        test: { name: "faults", environment: "node", include: ["tests/faults/*.test.ts"], testTimeout: 90_000, hookTimeout: 60_000, fileParallelism: false },
      },
    ],
  },
});
