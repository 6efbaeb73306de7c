import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

// The app's processes as the multi-instance servers start and watch them (tests/cluster, tests/topology): plain
// Node, nothing of vitest or the app.

/** A child's output with each line labelled by its name (`[A] …`), for one log of several processes. */
export function prefixLines(name: string, data: Buffer): string {
  return data
    .toString()
    .split("\n")
    .filter(Boolean)
    .map((l) => `[${name}] ${l}\n`)
    .join("");
}

/**
 * A Node process of the app (`args` after node itself) in its own process group — so that stopping the group also
 * stops the server it spawns — with its output labelled by `name` in this process's log.
 */
export function spawnLabelled(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.on("data", (d: Buffer) => process.stdout.write(prefixLines(name, d)));
  child.stderr!.on("data", (d: Buffer) => process.stderr.write(prefixLines(name, d)));
  return child;
}

/** Whether a process of that id still runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Waits until the instance on the loopback port answers /api/health with 200, asking every `pollMs`. */
export async function waitHealthy(port: number, timeoutMs: number, pollMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/api/health", timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`instance on port ${port} did not become healthy`);
}
