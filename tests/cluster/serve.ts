// Two app instances on one PostgreSQL behind a round-robin reverse proxy, for the two-instance e2e run
// (tests/cluster/playwright.config.ts). One process, started by Playwright as its web server:
//   1. a fresh PostgreSQL database (dropped on exit) with the migrations and the demo district;
//   2. a local SMTP sink, so that the reminder e-mails of both instances can be counted;
//   3. instances A and B (`npm start` with SKIP_BUILD=1: the production build of the main e2e run,
//      built here when absent), both with the reminder loop on every minute, each naming itself in
//      the e-mail sender;
//   4. the proxy, sending request n to instance n mod 2 — so every page load, server action and
//      download of a journey alternates between the two.
// GET /__cluster on the proxy reports what it saw (requests per instance, letters received, the
// database) for tests/cluster/cluster.spec.ts. Loopback only; everything stops on SIGTERM/SIGINT.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { SMTPServer } from "smtp-server";
import { startSmtpSink } from "../setup/mail";
import { freshDatabase, withClient } from "../setup/postgres";
import { prefixLines, processAlive, spawnLabelled, waitHealthy } from "../setup/processes";

const root = path.resolve(__dirname, "..", "..");
const proxyPort = Number(process.env.CLUSTER_PORT ?? 3150);
const instancePorts = [proxyPort + 1, proxyPort + 2];
const smtpPort = proxyPort + 3;
const adminUrl = process.env.CLUSTER_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
let database = "";
let databaseUrl = "";
const authSecret = randomBytes(32).toString("base64url");

type Letter = { messageId: string | null; from: string; to: string[]; subject: string; at: string; raw: string };
const letters: Letter[] = [];
const served = [0, 0];
const failedUpstream = [0, 0];
const children: ChildProcess[] = [];
let next = 0;
let stopping = false;

function log(line: string) {
  process.stdout.write(`[cluster] ${line}\n`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, name: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => process.stdout.write(prefixLines(name, d)));
    child.stderr.on("data", (d: Buffer) => process.stderr.write(prefixLines(name, d)));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function startInstance(index: number): ChildProcess {
  const name = index === 0 ? "A" : "B";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    PORT: String(instancePorts[index]),
    SKIP_BUILD: "1",
    REMINDERS_DISABLED: "",
    REMINDERS_INTERVAL_MINUTES: "1",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_SECURE: "0",
    SMTP_FROM: `Наставник ${name} <instance-${name.toLowerCase()}@cluster.test>`,
    APP_URL: `http://localhost:${proxyPort}`,
    // The round-robin proxy (and, behind it, the suite's browsers) on loopback: see playwright.config.ts.
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  const child = spawnLabelled(name, ["--import", "tsx", "lib/cli/start.ts"], { cwd: root, env });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      log(`instance ${name} exited (${code ?? signal}) — stopping the cluster`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

function startLetterSink(): Promise<SMTPServer> {
  return startSmtpSink(smtpPort, ({ from, to, raw }) => {
    const headers = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    const header = (name: string) => headers.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1]?.trim() ?? null;
    letters.push({ messageId: header("Message-ID"), from, to, subject: header("Subject") ?? "", at: new Date().toISOString(), raw });
  });
}

function startProxy(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === "/__cluster") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ served, failedUpstream, letters, databaseUrl, instancePorts }));
      return;
    }
    const index = next++ % 2;
    served[index]! += 1;
    // Like nginx's $proxy_add_x_forwarded_for: the peer is appended to what the client sent.
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      { host: "127.0.0.1", port: instancePorts[index], method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": forwarded } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-cluster-instance": index === 0 ? "A" : "B" });
        up.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      failedUpstream[index]! += 1;
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end(`upstream ${index === 0 ? "A" : "B"}: ${error.message}`);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(proxyPort, "127.0.0.1", () => resolve(server)));
}

let smtp: SMTPServer | null = null;
let proxy: http.Server | null = null;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  proxy?.close();
  smtp?.close(() => undefined);
  try {
    if (database) await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  } catch (error) {
    log(`could not drop ${database}: ${(error as Error).message}`);
  }
  process.exit(code);
}

async function main() {
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));

  ({ name: database, url: databaseUrl } = await freshDatabase(adminUrl, "nastavnik_cluster", processAlive));
  log(`database ${database}`);

  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret };
  if ((await run(process.execPath, ["--import", "tsx", "lib/db/cli.ts", "seed"], env, "seed")) !== 0) throw new Error("seed failed");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no production build: building");
    if ((await run(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { ...env, NODE_ENV: "production" }, "build")) !== 0) {
      throw new Error("build failed");
    }
  }

  smtp = await startLetterSink();
  // Both at once: they apply migrations side by side (the runner's advisory lock) and start their loops.
  startInstance(0);
  startInstance(1);
  await Promise.all(instancePorts.map((p) => waitHealthy(p, 120_000, 500)));
  proxy = await startProxy();
  log(`proxy http://localhost:${proxyPort} → ${instancePorts.join(", ")}; SMTP sink 127.0.0.1:${smtpPort}`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  void stop(1);
});
