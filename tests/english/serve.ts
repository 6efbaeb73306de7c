// The server of the English crawl (tests/english/playwright.config.ts): a fresh PostgreSQL database with the
// demo district (dropped on exit) and one production instance on it — its own database, so that the crawl can
// read every value the pages may show as user data (english-ui.spec.ts) and no other suite adds rows meanwhile.
// The production build of the main e2e run is reused (built here when absent). Loopback only; stops on SIGTERM.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshDatabase, withClient } from "../setup/postgres";
import { processAlive, spawnLabelled } from "../setup/processes";
import { ENGLISH } from "./config";

const root = path.resolve(__dirname, "..", "..");
let database: { name: string; url: string } | null = null;
let server: ChildProcess | null = null;
let stopping = false;

const start = (args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess => spawnLabelled(name, args, { cwd: root, env });

const finished = (child: ChildProcess) => new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server?.pid && server.exitCode === null) {
    const exited = finished(server);
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  if (database) await withClient(ENGLISH.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database!.name} WITH (FORCE)`)).catch(() => undefined);
  process.exit(code);
}

async function main() {
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  database = await freshDatabase(ENGLISH.adminUrl, "nastavnik_english", processAlive);
  mkdirSync(path.dirname(ENGLISH.databaseFile), { recursive: true });
  writeFileSync(ENGLISH.databaseFile, database.url);

  const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url") };
  if ((await finished(start(["--import", "tsx", "lib/db/cli.ts", "seed"], env, "seed"))) !== 0) throw new Error("seed failed");
  // Reminders made by the rules, so that the notifications and the outbox are crawled with something in them.
  if ((await finished(start(["--conditions=react-server", "--import", "tsx", "tests/english/reminders.ts"], env, "reminders"))) !== 0) throw new Error("the reminder cycle failed");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const built = await finished(start([require.resolve("next/dist/bin/next"), "build"], { ...env, NODE_ENV: "production" }, "build"));
    if (built !== 0) throw new Error("build failed");
  }
  server = start(["--import", "tsx", "lib/cli/start.ts"], {
    ...env,
    NODE_ENV: "production",
    AUTH_TRUST_HOST: "true",
    PORT: String(ENGLISH.port),
    SKIP_BUILD: "1",
    REMINDERS_DISABLED: "1",
    LOG_LEVEL: "warn",
    TRUSTED_PROXIES: "127.0.0.1,::1",
  }, "app");
  void finished(server).then((code) => {
    if (!stopping) void stop(code || 1);
  });
}

main().catch((error) => {
  process.stderr.write(`[english] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  void stop(1);
});
