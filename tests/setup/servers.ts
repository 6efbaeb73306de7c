import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import pg from "pg";

// What the harnesses that start real instances (tests/golive, tests/cluster, tests/topology) share: a client of
// the PostgreSQL server for their own databases, an instance of the production server with its output named,
// and the wait for an instance to answer its health check.
// No vitest here: the harnesses run under tsx, outside the test runner.

/** Runs `fn` with a fresh client of the PostgreSQL server at the URL, and closes it whatever happens. */
export async function withPgClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Each line of a child's output under its name (`[A] …`), as the harnesses print it. */
export function prefixLines(name: string, data: Buffer | string): string {
  return data
    .toString()
    .split("\n")
    .filter(Boolean)
    .map((l) => `[${name}] ${l}\n`)
    .join("");
}

/**
 * The production server (lib/cli/start.ts, after a build) as instance `name`, in its own process group so that
 * stopping the group also stops the server it spawns; its output goes to the harness's, line by line under its name.
 */
export function spawnInstance(name: string, cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.on("data", (d: Buffer) => process.stdout.write(prefixLines(name, d)));
  child.stderr.on("data", (d: Buffer) => process.stderr.write(prefixLines(name, d)));
  return child;
}

/**
 * Waits until the instance on the port answers GET /api/health with 200, asking every `intervalMs` (each question
 * given 2 s); refuses when `timeoutMs` has passed.
 */
export async function waitHealthy(port: number, timeoutMs: number, intervalMs = 300): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const healthy = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/api/health", timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
    });
    if (healthy) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`instance on port ${port} did not become healthy`);
}
