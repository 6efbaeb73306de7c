// The go-live journey's server (tests/golive/playwright.config.ts, issue #13 «Done when»): from an EMPTY
// PostgreSQL database to a working platform, the way a region installs it. One process, started by
// Playwright as its web server:
//   1. a new, empty PostgreSQL database (dropped on exit);
//   2. a local SMTP sink (tests/setup/mail.ts) that keeps every letter;
//   3. `npm run setup -- --operator-email operator@golive.test` with SMTP pointed at the sink — it migrates
//      the empty database and e-mails the operator's set-password link;
//   4. one production instance (`npm start` with SKIP_BUILD=1: the build of the main e2e run, built here
//      when absent) on that database, with the same SMTP settings.
// GET /letters and /setup on the control port (GOLIVE_PORT + 2) give the steps what the sink received and
// what setup printed (tests/golive/journey.ts reads them). Loopback only; everything stops on SIGTERM/SIGINT.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { SMTPServer } from "smtp-server";
import { letterText, startSmtpSink } from "../setup/mail";
import { GOLIVE, type CapturedLetter } from "./ports";
import { withClient } from "../setup/postgres";

const root = path.resolve(__dirname, "..", "..");
const adminUrl = process.env.GOLIVE_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `nastavnik_golive_${randomBytes(5).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

const letters: CapturedLetter[] = [];
const setupOutput = { code: null as number | null, stdout: "", stderr: "" };
let instance: ChildProcess | null = null;
let smtp: SMTPServer | null = null;
let control: http.Server | null = null;
let stopping = false;

const log = (line: string) => process.stdout.write(`[golive] ${line}\n`);

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomSecret,
  AUTH_TRUST_HOST: "true",
  SMTP_URL: `smtp://127.0.0.1:${GOLIVE.smtpPort}`,
  SMTP_SECURE: "0",
  SMTP_FROM: "Наставник <no-reply@golive.test>",
  APP_URL: `http://localhost:${GOLIVE.port}`,
  REMINDERS_DISABLED: "1",
  TRUSTED_PROXIES: "127.0.0.1,::1",
});
const randomSecret = randomBytes(32).toString("base64url");

function run(args: string[], name: string, capture?: typeof setupOutput): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => {
      if (capture) capture.stdout += d.toString();
      process.stdout.write(`[${name}] ${d}`);
    });
    child.stderr.on("data", (d: Buffer) => {
      if (capture) capture.stderr += d.toString();
      process.stderr.write(`[${name}] ${d}`);
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function startControl(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const body = req.url === "/letters" ? letters : req.url === "/setup" ? { ...setupOutput, databaseUrl } : null;
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? { error: "not found" }));
  });
  return new Promise((resolve) => server.listen(GOLIVE.controlPort, "127.0.0.1", () => resolve(server)));
}

/** A header's MIME encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=, as nodemailer writes Russian subjects) decoded. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    );
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (instance?.pid) {
    try {
      process.kill(-instance.pid, "SIGTERM");
    } catch {
      // already gone
    }
    if (instance.exitCode === null && instance.signalCode === null) await new Promise((r) => instance!.once("exit", r));
  }
  control?.close();
  smtp?.close(() => undefined);
  try {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  } catch (error) {
    log(`could not drop ${database}: ${(error as Error).message}`);
  }
  process.exit(code);
}

async function waitHealthy(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port: GOLIVE.port, path: "/api/health", timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the instance did not become healthy");
}

async function main() {
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  await withClient(adminUrl, async (c) => {
    // Leftovers of an earlier run killed hard.
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'nastavnik_golive_%'`);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${database}`);
  });
  log(`empty database ${database}`);
  smtp = await startSmtpSink(GOLIVE.smtpPort, ({ from, to, raw }) => {
    const headers = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    const subject = decodeHeader(headers.match(/^Subject:\s*(.*)$/im)?.[1]?.trim() ?? "");
    letters.push({ from, to, subject, text: letterText(raw), raw, at: new Date().toISOString() });
  });
  control = await startControl();

  setupOutput.code = await run(["--import", "tsx", "lib/cli/setup.ts", "--operator-email", GOLIVE.operatorEmail], "setup", setupOutput);
  if (setupOutput.code !== 0) throw new Error(`setup failed (${setupOutput.code})`);
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no production build: building");
    if ((await run([require.resolve("next/dist/bin/next"), "build"], "build")) !== 0) throw new Error("build failed");
  }
  // Its own process group, so that stopping it also stops the server it spawns.
  instance = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
    cwd: root,
    env: { ...env(), NODE_ENV: "production", PORT: String(GOLIVE.port), SKIP_BUILD: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  instance.stdout!.on("data", (d: Buffer) => process.stdout.write(`[app] ${d}`));
  instance.stderr!.on("data", (d: Buffer) => process.stderr.write(`[app] ${d}`));
  instance.on("exit", (code, signal) => {
    if (!stopping) {
      log(`the instance exited (${code ?? signal})`);
      void stop(1);
    }
  });
  await waitHealthy(120_000);
  log(`http://localhost:${GOLIVE.port}; SMTP sink 127.0.0.1:${GOLIVE.smtpPort}; control http://127.0.0.1:${GOLIVE.controlPort}`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  void stop(1);
});
