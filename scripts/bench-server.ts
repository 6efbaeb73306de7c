// Shared by the HTTP benchmarks (bench-load.ts, bench-pages.ts): the production server of this checkout against
// DATABASE_URL, a signed-in session over HTTP, and the resident memory of the process that serves.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const DEMO_PASSWORD = "nastavnik2026";
export const CURATOR = "curator@sosh20.demo";
/** Ковалевская ООШ has no curator: its director curates the program there (prisma/seed.ts). */
export const KOVALEVSKAYA_CURATOR = "director@kovalevskaya.demo";

export { CHROMIUM, CHROMIUM_ARGS } from "../tests/e2e/chromium";

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const keep = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-2000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else {
        log(tail);
        reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`));
      }
    });
  });
}

const tsx = () => [process.execPath, ["--import", "tsx"]] as const;

/** Migrations applied and the demo district present (the scale data and the demo district live together). */
export async function prepareBenchDatabase(url: string, log: (line: string) => void): Promise<void> {
  const [node, pre] = tsx();
  await run(node, [...pre, "lib/db/cli.ts", "migrate"], { ...process.env, DATABASE_URL: url }, log);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let present = false;
  try {
    present = ((await client.query(`SELECT 1 FROM "User" WHERE email = $1`, [CURATOR])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
  if (!present) {
    log(`${CURATOR} is missing: seeding the demo district (npm run db:seed)…`);
    await run(node, [...pre, "lib/db/cli.ts", "seed"], { ...process.env, DATABASE_URL: url }, log);
  }
}

/** `next build` when this checkout has no production build yet. */
export async function ensureBuild(log: (line: string) => void): Promise<boolean> {
  if (existsSync(path.join(".next", "BUILD_ID"))) return false;
  log("No production build (.next/BUILD_ID): running npm run build…");
  await run(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { ...process.env, NODE_ENV: "production" }, log);
  return true;
}

export type BenchServer = { origin: string; port: number; pid: number; stop: () => Promise<void> };

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${origin}/api/health within ${timeoutMs / 1000} s`);
}

/** The inode of the socket listening on the port (IPv4 or IPv6), from /proc/net/tcp*. */
function listeningInode(port: number): string | null {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1]!.endsWith(`:${hex}`) && cols[3] === "0A") return cols[9]!;
    }
  }
  return null;
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/** The process (the started one or one of its children) that holds the listening socket. */
export function listeningPid(root: number, port: number): number {
  const inode = listeningInode(port);
  if (!inode) throw new Error(`nothing listens on port ${port}`);
  for (const pid of descendants(root)) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  throw new Error(`no process of the started tree (${root}) holds port ${port}`);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** VmRSS of a process, in MiB. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line.split(/\s+/)[1]) / 1024;
}

/**
 * The production server (lib/cli/serve.ts) of the existing build against DATABASE_URL, on a port in BENCH_PORT (default 3400–3499:
 * the first free one). The reminder loop is off so that only the benchmark's requests run.
 */
export async function startServer(url: string, log: (line: string) => void, options: { nodeArgs?: string[] } = {}): Promise<BenchServer> {
  const first = Number(process.env.BENCH_PORT ?? 3400);
  let port = first;
  while (listeningInode(port) && port < first + 99) port++;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    REMINDERS_DISABLED: "1",
    NODE_ENV: "production" as const,
    PORT: String(port),
    // The benchmark's made-up client addresses (signIn below) come from loopback, as through a proxy.
    TRUSTED_PROXIES: "127.0.0.1",
  };
  // The app's own server (lib/cli/serve.ts, as `npm start` runs it), on loopback only.
  // SERVER_NODE_ARGS: extra node/V8 flags for the server, to compare settings (HEAP_GROWING_PERCENT: lib/cli/heap.ts).
  const flags = (process.env.SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...(options.nodeArgs ?? []), "--import", "tsx", "lib/cli/serve.ts", "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const origin = `http://127.0.0.1:${port}`;
  // The server runs in its own process group: whatever ends this script (an error, Ctrl-C, a timeout of
  // npm run bench) ends the server too.
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup("SIGKILL");
  const onSignal = () => process.exit(130);
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const stop = async () => {
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup("SIGTERM"); // the process group: the server and anything it spawned
    const timer = setTimeout(() => killGroup("SIGKILL"), 5000);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
    clearTimeout(timer);
  };
  try {
    await waitForHealth(origin, child, 90_000);
    const pid = listeningPid(child.pid!, port);
    log(`server: ${origin} (server pid ${child.pid}, listening pid ${pid})`);
    return { origin, port, pid, stop };
  } catch (error) {
    log(output);
    await stop();
    throw error;
  }
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/**
 * Signs in through next-auth's credentials endpoint (GET /api/auth/csrf, then POST
 * /api/auth/callback/credentials) and returns the Cookie header of the session. A made-up client address
 * (x-forwarded-for) per run keeps the benchmark away from the per-address sign-in limit's counters.
 */
export async function signIn(origin: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf);
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-forwarded-for": address },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${origin}/` }).toString(),
  });
  const session = setCookies(res).find((c) => c.startsWith("authjs.session-token=") || c.startsWith("__Secure-authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed: HTTP ${res.status} → ${res.headers.get("location") ?? "no redirect"}`);
  return session;
}

/** GET a page with the session: it must answer 200 itself (no redirect to /login) with the expected text. */
export async function checkPage(origin: string, pathname: string, cookie: string, expect: string): Promise<number> {
  const res = await fetch(`${origin}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${pathname}: HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
  if (!body.includes(expect)) throw new Error(`${pathname}: the page does not contain «${expect}»`);
  return body.length;
}

export type PageTarget = { label: string; path: string; cookie: string; expect: string };

/** The curator pages every HTTP benchmark measures, with the session that may see each and a text it must show. */
export function curatorPages(curator: string, kovalevskaya: string): PageTarget[] {
  return [
    { label: "school home", path: "/sosh-20", cookie: curator, expect: "Орлова" },
    { label: "program", path: "/sosh-20/program", cookie: curator, expect: "Орлова" },
    { label: "people", path: "/sosh-20/people", cookie: curator, expect: "Орлова" },
    { label: "pairs", path: "/sosh-20/pairs", cookie: curator, expect: "Орлова" },
    { label: "monitoring", path: "/sosh-20/monitoring", cookie: curator, expect: "Орлова" },
    { label: "pairs, Ковалевская ООШ", path: "/kovalevskaya-oosh/pairs", cookie: kovalevskaya, expect: "Чеховская" },
  ];
}

/** A JavaScript chunk the login page loads: a static file served by the same server (the load floor). */
export async function staticChunk(origin: string): Promise<string> {
  const html = await (await fetch(`${origin}/login`)).text();
  const src = html.match(/\/_next\/static\/chunks\/[^"']+\.js/)?.[0];
  if (!src) throw new Error("no /_next/static chunk referenced by /login");
  return src;
}
