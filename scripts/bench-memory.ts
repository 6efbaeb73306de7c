// npm run bench:memory [-- --warmup 600 --requests 3000 --connections 20 --rounds 1 --snapshots dir] — what the server
// keeps after a load: heap snapshots after warm-up and after N requests, with the objects that grew, by constructor.
//
// Needs DATABASE_URL (PostgreSQL, as bench:load). Starts the production server (lib/cli/serve.ts) with the inspector on
// loopback (INSPECT_PORT, default BENCH_PORT + 91 or 3491), signs in, sends the curator pages of bench:load round-robin
// (autocannon, a fixed number of requests per page), then — after a full GC — reads process.memoryUsage(), VmRSS and,
// with --snapshots <dir>, writes a .heapsnapshot and prints the constructors whose retained count grew most between
// the warm-up and the end (scripts/heap-diff.ts does the same on two files). --rounds repeats the measured load to show
// whether memory levels off. The server applies lib/cli/heap.ts as in production; HEAP_GROWING_PERCENT=0 gives V8's
// default, SERVER_NODE_ARGS="…" adds node flags (both also in bench:load).

import { createWriteStream, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { CURATOR, curatorPages, ensureBuild, KOVALEVSKAYA_CURATOR, prepareBenchDatabase, rssMiB, signIn, startServer } from "./bench-server";
import { flag } from "./bench-stats";
import { diffSnapshots, printDiff, readSnapshotSummary } from "./heap-diff";

const req = createRequire(path.join(process.cwd(), "package.json"));
type Autocannon = (opts: { url: string; connections: number; amount: number; headers?: Record<string, string> }) => PromiseLike<{ non2xx: number; errors: number; requests: { total: number } }>;
const autocannon = req("autocannon") as Autocannon;
type Socket = { once(event: "open" | "error", fn: (e?: Error) => void): void; on(event: "message", fn: (data: Buffer) => void): void; send(text: string): void; close(): void };
const WebSocket = req("ws") as new (url: string, options: { perMessageDeflate: boolean; maxPayload: number }) => Socket;

type Cdp = { send<T = unknown>(method: string, params?: object): Promise<T>; on(method: string, fn: (params: Record<string, unknown>) => void): void; close(): void };

async function connectInspector(port: number): Promise<Cdp> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1 << 30 });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, ((p: Record<string, unknown>) => void)[]>();
  socket.on("message", (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) for (const fn of listeners.get(msg.method) ?? []) fn(msg.params ?? {});
  });
  return {
    send<T>(method: string, params: object = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
    on(method, fn) {
      listeners.set(method, [...(listeners.get(method) ?? []), fn]);
    },
    close: () => socket.close(),
  };
}

type Memory = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
const mib = (bytes: number) => Math.round(bytes / 1048576);

/** Resident memory of the process by kind of mapping (/proc/<pid>/smaps): the malloc heap, anonymous maps, files. */
function residentByKind(pid: number): string {
  const sums = { brk: 0, anon: 0, bigAnon: 0, file: 0 };
  let kind: keyof typeof sums = "anon";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = line.match(/^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/);
    if (head) {
      const name = head[3]!;
      const size = parseInt(head[2]!, 16) - parseInt(head[1]!, 16);
      // A WebAssembly memory reserves ≥ 4 GiB of address space (Prisma's query compiler is WebAssembly).
      kind = name === "[heap]" ? "brk" : name.startsWith("/") ? "file" : size >= 2 ** 32 ? "bigAnon" : "anon";
    } else if (line.startsWith("Rss:")) sums[kind] += Number(line.split(/\s+/)[1]) / 1024;
  }
  return `malloc heap ${sums.brk.toFixed(0)}, anonymous ${sums.anon.toFixed(0)}, WebAssembly-sized maps ${sums.bigAnon.toFixed(0)}, files ${sums.file.toFixed(0)} MiB`;
}

async function memoryUsage(cdp: Cdp): Promise<Memory> {
  const r = await cdp.send<{ result: { value: Memory } }>("Runtime.evaluate", { expression: "process.memoryUsage()", returnByValue: true });
  return r.result.value;
}

async function snapshot(cdp: Cdp, file: string): Promise<void> {
  const out = createWriteStream(file);
  const chunks: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunks.length) out.write(chunks.splice(0).join(""));
    size = 0;
  };
  cdp.on("HeapProfiler.addHeapSnapshotChunk", (p) => {
    chunks.push(p.chunk as string);
    size += (p.chunk as string).length;
    if (size > 1 << 22) flush();
  });
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false, captureNumericValue: false });
  flush();
  await new Promise<void>((resolve) => out.end(resolve));
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: the memory benchmark runs the server against PostgreSQL only.");
    process.exit(2);
  }
  const warmup = flag("warmup", 600);
  const requests = flag("requests", 3000);
  const connections = flag("connections", 20);
  const rounds = flag("rounds", 1);
  const dirIndex = process.argv.indexOf("--snapshots");
  const dir = dirIndex > 0 ? process.argv[dirIndex + 1] : undefined;
  const inspectPort = Number(process.env.INSPECT_PORT ?? Number(process.env.BENCH_PORT ?? 3400) + 91);
  const log = (line: string) => console.log(line);
  await prepareBenchDatabase(url, log);
  await ensureBuild(log);
  const server = await startServer(url, log, { nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`] });
  const cdp = await connectInspector(inspectPort);
  try {
    await cdp.send("HeapProfiler.enable");
    const rssAtStart = rssMiB(server.pid);
    const curator = await signIn(server.origin, CURATOR);
    const kovalevskaya = await signIn(server.origin, KOVALEVSKAYA_CURATOR);
    const pages = curatorPages(curator, kovalevskaya);
    const drive = async (total: number) => {
      let errors = 0;
      for (const p of pages) {
        const r = await autocannon({ url: `${server.origin}${p.path}`, connections, amount: Math.ceil(total / pages.length), headers: { cookie: p.cookie } });
        errors += r.non2xx + r.errors;
      }
      return errors;
    };
    const measure = async (label: string, file?: string) => {
      await new Promise((r) => setTimeout(r, 1000)); // let the last responses and their timers finish
      const rss = rssMiB(server.pid);
      const before = await memoryUsage(cdp);
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const after = await memoryUsage(cdp);
      const rssGc = rssMiB(server.pid);
      console.log(
        `${label.padEnd(22)} RSS ${rss.toFixed(0)} MiB (after GC ${rssGc.toFixed(0)}); heap used ${mib(before.heapUsed)} → ${mib(after.heapUsed)} MiB after GC, ` +
          `heap total ${mib(after.heapTotal)}, external ${mib(after.external)} (array buffers ${mib(after.arrayBuffers)})\n${"".padEnd(23)}resident: ${residentByKind(server.pid)}`,
      );
      if (file) await snapshot(cdp, file);
      return { rss, rssGc, heapUsedGc: mib(after.heapUsed) };
    };
    console.log(`RSS after start: ${rssAtStart.toFixed(0)} MiB`);
    const warmErrors = await drive(warmup);
    if (dir) await mkdir(dir, { recursive: true });
    const first = dir ? path.join(dir, "warm.heapsnapshot") : undefined;
    await measure(`after ${warmup} warm-up`, first);
    let served = warmup;
    let last: string | undefined;
    let errors = warmErrors;
    for (let round = 1; round <= rounds; round++) {
      errors += await drive(requests);
      served += requests;
      last = dir && round === rounds ? path.join(dir, "end.heapsnapshot") : undefined;
      await measure(`after ${served} requests`, last);
    }
    console.log(`non-2xx and errors: ${errors}`);
    if (first && last) printDiff(diffSnapshots(await readSnapshotSummary(first), await readSnapshotSummary(last)), 40);
  } finally {
    cdp.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
