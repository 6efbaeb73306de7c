// The region topology on one machine, for `npm run test:topology` (tests/topology/playwright.config.ts), started by
// Playwright as its web server; everything on loopback ports and in one temporary directory, all torn down on exit:
//   nginx (round robin) → app instances A and B (`npm start`, the production build) → PgBouncer (transaction mode)
//   → a PostgreSQL primary, and a streaming replica made from it with pg_basebackup -R (a physical replication slot
//   keeps its WAL while it is stopped) that the instances read the district dashboards from (DATABASE_REPLICA_URL).
// The clusters are throwaway ones made with the Debian binaries (/usr/lib/postgresql/<major>/bin); initdb and
// PgBouncer refuse to run as root, so under root the daemons run as the `postgres` user. The machine's own
// PostgreSQL is not touched. A control server on 127.0.0.1 lets the spec stop, pause and promote:
//   GET  /state                 ports, database addresses, requests per instance seen by nginx
//   POST /replica/pause|resume  pause or resume WAL replay on the replica
//   POST /replica/stop|start    stop the replica (fast) / start it again and wait until it streams
//   POST /switchover            stop the primary, promote the replica, point PgBouncer at it (RELOAD)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DATABASE, nginxConf, pgbouncerIni, ports } from "./config";
import { processAlive, spawnLabelled, waitHealthy } from "../setup/processes";

const root = path.resolve(__dirname, "..", "..");
const DIR_PREFIX = "nastavnik-topology-";
const started = Date.now();
const log = (line: string) => process.stdout.write(`[topology ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

// ——— Who runs the daemons, and with which binaries ———
const asRoot = process.getuid?.() === 0;
const serviceUser = asRoot ? "postgres" : null;
function idOf(flag: "-u" | "-g"): number {
  return Number(spawnSync("id", [flag, serviceUser!], { encoding: "utf8" }).stdout.trim());
}
function pgBin(): string {
  const base = "/usr/lib/postgresql";
  const majors = existsSync(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  if (!majors.length) throw new Error("PostgreSQL server binaries not found in /usr/lib/postgresql (apt-get install postgresql)");
  return path.join(base, majors[0]!, "bin");
}
const bin = pgBin();
/** nginx and pgbouncer live in /usr/sbin, which a non-root PATH may lack. */
function tool(name: string): string {
  const found = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"].map((d) => path.join(d, name)).find((p) => existsSync(p));
  if (!found) throw new Error(`${name} is not installed (Debian: apt-get install nginx pgbouncer; .ci/run installs them)`);
  return found;
}

/** Runs a command (as the service user under root) and resolves with its output; rejects on a non-zero exit. */
function sh(command: string, args: string[], options: { asService?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const [cmd, argv] = options.asService && serviceUser ? ["runuser", ["-u", serviceUser, "--", command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} → ${code}\n${out}`))));
  });
}

// ——— The directory (also what a later run cleans up when this one was killed hard) ———
const dir = mkdtempSync(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`));
const primaryDir = path.join(dir, "primary");
const replicaDir = path.join(dir, "replica");
const pgbouncerConf = path.join(dir, "pgbouncer.ini");
const nginxConfFile = path.join(dir, "nginx.conf");
const url = (port: number, database = DATABASE) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
let primaryPort = ports.primary;

function pidIn(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Stops every daemon whose pid file is in `where` (postgres: immediate; nginx, PgBouncer: terminate) and removes it. */
function killDaemonsIn(where: string) {
  const pids: number[] = [];
  for (const [file, signal] of [
    [path.join(where, "primary", "postmaster.pid"), "SIGQUIT"],
    [path.join(where, "replica", "postmaster.pid"), "SIGQUIT"],
    [path.join(where, "pgbouncer.pid"), "SIGTERM"],
    [path.join(where, "nginx.pid"), "SIGTERM"],
  ] as const) {
    const pid = pidIn(file);
    if (pid && processAlive(pid)) {
      try {
        process.kill(pid, signal);
        pids.push(pid);
      } catch {
        // gone meanwhile
      }
    }
  }
  // App instances of a run killed hard: their process groups (serve.ts records them).
  for (const name of ["instance-A.pid", "instance-B.pid"]) {
    const pid = pidIn(path.join(where, name));
    if (pid && processAlive(pid)) {
      try {
        process.kill(-pid, "SIGTERM");
        pids.push(pid);
      } catch {
        // gone meanwhile
      }
    }
  }
  for (let i = 0; i < 100 && pids.some(processAlive); i++) sleepSync(100);
  rmSync(where, { recursive: true, force: true });
}

function cleanLeftovers() {
  for (const name of readdirSync(os.tmpdir())) {
    const m = new RegExp(`^${DIR_PREFIX}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    log(`removing the leftover of a killed run: ${name}`);
    killDaemonsIn(path.join(os.tmpdir(), name));
  }
}

// ——— PostgreSQL ———
function appendConf(dataDir: string, lines: string[]) {
  writeFileSync(path.join(dataDir, "postgresql.conf"), `${readFileSync(path.join(dataDir, "postgresql.conf"), "utf8")}\n# tests/topology/serve.ts\n${lines.join("\n")}\n`);
}
const pgCtl = (args: string[]) => sh(path.join(bin, "pg_ctl"), args, { asService: true });

async function query<T extends pg.QueryResultRow>(port: number, sql: string, database = DATABASE): Promise<T[]> {
  const client = new pg.Client({ connectionString: url(port, database), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function startPrimary() {
  await sh(path.join(bin, "initdb"), ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], { asService: true });
  appendConf(primaryDir, [
    "listen_addresses = '127.0.0.1'",
    `port = ${ports.primary}`,
    `unix_socket_directories = '${dir}'`,
    "max_connections = 100",
    "shared_buffers = 64MB",
    "wal_level = replica",
    "max_wal_senders = 4",
    "max_replication_slots = 4",
    "hot_standby = on",
    "hot_standby_feedback = on",
  ]);
  await pgCtl(["start", "-D", primaryDir, "-l", path.join(dir, "primary.log"), "-w", "-t", "60"]);
  await query(ports.primary, `CREATE DATABASE ${DATABASE}`, "postgres");
  log(`primary on 127.0.0.1:${ports.primary} (${bin})`);
}

async function until(attempt: () => Promise<unknown>, failure: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${failure}: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function waitStreaming(timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const [row] = await query<{ streaming: boolean }>(ports.replica, `SELECT EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming`);
      if (row?.streaming) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the replica does not stream");
}

async function startReplica() {
  // -R writes primary_conninfo and standby.signal; -C -S a physical slot, so the primary keeps WAL for a stopped replica.
  await sh(path.join(bin, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(ports.primary), "-U", "postgres", "-D", replicaDir, "-R", "-C", "-S", "topology_replica", "-X", "stream", "-c", "fast"], { asService: true });
  appendConf(replicaDir, [`port = ${ports.replica}`]);
  await pgCtl(["start", "-D", replicaDir, "-l", path.join(dir, "replica.log"), "-w", "-t", "60"]);
  await waitStreaming();
  log(`replica on 127.0.0.1:${ports.replica}, streaming from the primary`);
}

// ——— PgBouncer and nginx ———
// SHOW STATS totals are refreshed every stats_period (60 s by default): every second here, for the spec to read.
const BOUNCER_TEST_SETTINGS = ["stats_period = 1"];
async function startPgbouncer() {
  writeFileSync(path.join(dir, "userlist.txt"), `"postgres" ""\n`);
  writeFileSync(pgbouncerConf, pgbouncerIni(dir, ports.bouncer, primaryPort, BOUNCER_TEST_SETTINGS));
  if (serviceUser) for (const f of ["userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, f), idOf("-u"), idOf("-g"));
  await sh(tool("pgbouncer"), ["-d", pgbouncerConf], { asService: true });
  // -d returns once it has forked, before it listens.
  await until(() => query(ports.bouncer, "SELECT 1"), "PgBouncer does not answer");
  log(`PgBouncer on 127.0.0.1:${ports.bouncer} (transaction mode) → 127.0.0.1:${primaryPort}`);
}

async function repointPgbouncer(port: number) {
  writeFileSync(pgbouncerConf, pgbouncerIni(dir, ports.bouncer, port, BOUNCER_TEST_SETTINGS));
  const admin = new pg.Client({ connectionString: url(ports.bouncer, "pgbouncer") });
  await admin.connect();
  try {
    await admin.query("RELOAD");
  } finally {
    await admin.end();
  }
}

async function startNginx() {
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, "nginx-tmp", sub), { recursive: true });
  writeFileSync(nginxConfFile, nginxConf(dir, ports.nginx, ports.instances));
  if (serviceUser) spawnSync("chown", ["-R", `${serviceUser}:`, path.join(dir, "nginx-tmp"), nginxConfFile]);
  await sh(tool("nginx"), ["-p", `${dir}/`, "-c", nginxConfFile, "-e", path.join(dir, "nginx-error.log")], { asService: true });
  log(`nginx on http://localhost:${ports.nginx} → ${ports.instances.join(", ")}`);
}

/** Requests nginx sent to each instance so far (its access log's $upstream_addr). */
function servedByInstance(): [number, number] {
  const counts: [number, number] = [0, 0];
  let text = "";
  try {
    text = readFileSync(path.join(dir, "nginx-access.log"), "utf8");
  } catch {
    return counts;
  }
  for (const line of text.split("\n")) {
    if (line.includes(`127.0.0.1:${ports.instances[0]}`)) counts[0] += 1;
    if (line.includes(`127.0.0.1:${ports.instances[1]}`)) counts[1] += 1;
  }
  return counts;
}

// ——— The app instances ———
const children: ChildProcess[] = [];
const authSecret = randomBytes(32).toString("base64url");
let stopping = false;

function startInstance(index: 0 | 1) {
  const name = index === 0 ? "A" : "B";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url(ports.bouncer),
    DATABASE_REPLICA_URL: url(ports.replica),
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    PORT: String(ports.instances[index]),
    SKIP_BUILD: "1",
    // Nothing writes on its own: the switchover test compares every table before and after the promotion, and the
    // kept figures' refresh (every 60 s) once wrote 44 rows between the two reads. The dashboards compute what is not kept.
    REMINDERS_DISABLED: "1",
    FIGURES_REFRESH_SECONDS: "0",
    APP_URL: `http://localhost:${ports.nginx}`,
    LOG_LEVEL: "warn",
    // nginx and, behind it, the suite's browsers on loopback (each context sends its own X-Forwarded-For).
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  const child = spawnLabelled(name, ["--import", "tsx", "lib/cli/start.ts"], { cwd: root, env });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      log(`instance ${name} exited (${code ?? signal}) — stopping the topology`);
      stop(1);
    }
  });
  children.push(child);
  if (child.pid) writeFileSync(path.join(dir, `instance-${name}.pid`), `${child.pid}\n`);
}

// ——— Control ———
type Action = () => Promise<unknown>;
const actions: Record<string, Action> = {
  "/replica/pause": () => query(ports.replica, "SELECT pg_wal_replay_pause()"),
  "/replica/resume": () => query(ports.replica, "SELECT pg_wal_replay_resume()"),
  "/replica/stop": () => pgCtl(["stop", "-D", replicaDir, "-m", "fast", "-w"]),
  "/replica/start": async () => {
    await pgCtl(["start", "-D", replicaDir, "-l", path.join(dir, "replica.log"), "-w", "-t", "60"]);
    await waitStreaming();
  },
  // The documented switch (docs/operations.md «Switching to the replica»): stop the primary — a clean shutdown sends
  // the standby everything committed —, promote the replica, point PgBouncer's entry at it and RELOAD. The app
  // instances keep their DATABASE_URL (PgBouncer) and are not restarted.
  "/switchover": async () => {
    await pgCtl(["stop", "-D", primaryDir, "-m", "fast", "-w"]);
    await pgCtl(["promote", "-D", replicaDir, "-w", "-t", "60"]);
    primaryPort = ports.replica;
    await repointPgbouncer(primaryPort);
    log(`switched: the replica on ${ports.replica} is the primary; PgBouncer points at it`);
  },
};

function startControl(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && req.url === "/state") {
      return reply(200, {
        served: servedByInstance(),
        ports,
        primaryUrl: url(primaryPort),
        replicaUrl: url(ports.replica),
        bouncerUrl: url(ports.bouncer),
        bouncerAdminUrl: url(ports.bouncer, "pgbouncer"),
      });
    }
    const action = req.method === "POST" ? actions[req.url ?? ""] : undefined;
    if (!action) return reply(404, { error: "no such action" });
    const t = Date.now();
    action().then(
      () => {
        log(`${req.url} done in ${Date.now() - t} ms`);
        reply(200, { ok: true });
      },
      (error: Error) => {
        log(`${req.url} failed: ${error.message}`);
        reply(500, { ok: false, error: error.message });
      },
    );
  });
  return new Promise((resolve) => server.listen(ports.control, "127.0.0.1", () => resolve(server)));
}

// ——— Start and stop ———
function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(none)";
  }
}

function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (code !== 0) {
    for (const f of ["primary.log", "replica.log", "pgbouncer.log", "nginx-error.log"]) log(`— ${f} (last lines):\n${tail(path.join(dir, f))}`);
  }
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const until = Date.now() + 15_000;
  while (Date.now() < until && children.some((c) => c.pid && processAlive(c.pid))) sleepSync(100);
  killDaemonsIn(dir);
  log("torn down");
  process.exit(code);
}

async function main() {
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  process.on("exit", () => {
    if (!stopping) killDaemonsIn(dir);
  });
  cleanLeftovers();
  tool("nginx");
  tool("pgbouncer");
  if (serviceUser) chownSync(dir, idOf("-u"), idOf("-g"));

  await startPrimary();
  // Migrations and the demo district on the primary itself (a session advisory lock cannot go through PgBouncer).
  const seedEnv = { ...process.env, DATABASE_URL: url(ports.primary), AUTH_SECRET: authSecret, LOG_LEVEL: "warn" };
  await sh(process.execPath, ["--import", "tsx", "lib/db/cli.ts", "seed"], { env: seedEnv });
  log("migrated and seeded the primary");
  await startReplica();
  await startPgbouncer();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no production build: building");
    await sh(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { env: { ...process.env, NODE_ENV: "production" } });
  }
  startInstance(0);
  startInstance(1);
  await Promise.all(ports.instances.map((p) => waitHealthy(p, 180_000, 300)));
  await startNginx();
  await startControl();
  log(`ready; control on http://127.0.0.1:${ports.control}`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  stop(1);
});
