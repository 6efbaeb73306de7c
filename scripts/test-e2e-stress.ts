// npm run test:e2e:stress [-- --runs N] [--skip-build] [--load-workers K] [playwright args…]
//
// Issue #14 item 6: the e2e suite on a machine kept busy. Starts a CPU load itself — K child processes
// (one per core by default) spinning in a busy loop — builds once (unless --skip-build or SKIP_BUILD=1),
// runs the Playwright e2e suite N times (3 by default) against that build with the load running, stops
// the load and prints each run's result. No retries: a test that fails once fails the run. Exit code 1
// if any run failed. Slow (each run is a whole e2e suite on a loaded machine); CI does not run it.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");

function parseArgs(argv: string[]) {
  let runs = 3;
  let skipBuild = process.env.SKIP_BUILD === "1";
  let loadWorkers = availableParallelism();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--runs") runs = Number(argv[++i]);
    else if (arg === "--skip-build") skipBuild = true;
    else if (arg === "--load-workers") loadWorkers = Number(argv[++i]);
    else rest.push(arg);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a positive integer");
  if (!Number.isInteger(loadWorkers) || loadWorkers < 1) throw new Error("--load-workers needs a positive integer");
  return { runs, skipBuild, loadWorkers, rest };
}

/** One busy loop per worker, at normal priority (the point is to compete with the server and the browser). */
function startLoad(workers: number): ChildProcess[] {
  const spin = "for(;;){let x=0;for(let i=0;i<1e7;i++)x+=Math.sqrt(i);}";
  return Array.from({ length: workers }, () => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));
}

function stopLoad(load: ChildProcess[]): void {
  for (const child of load) if (child.exitCode === null) child.kill("SIGKILL");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const echo = (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    };
    child.stdout!.on("data", echo);
    child.stderr!.on("data", echo);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Playwright's list reporter ends with "N passed", "N failed", "N flaky", "N skipped" lines. */
function summary(output: string): string {
  const counts = ["passed", "failed", "flaky", "skipped", "did not run"]
    .map((word) => {
      const match = new RegExp(`^\\s*(\\d+) ${word}`, "m").exec(output);
      return match ? `${match[1]} ${word}` : null;
    })
    .filter(Boolean);
  return counts.join(", ") || "no summary (the suite did not finish)";
}

async function main() {
  const { runs, skipBuild, loadWorkers, rest } = parseArgs(process.argv.slice(2));
  const nextBin = require.resolve("next/dist/bin/next");
  const playwrightBin = require.resolve("@playwright/test/cli");
  if (!skipBuild) {
    console.log("[stress] building once (next build)…");
    const build = await run(process.execPath, [nextBin, "build"], { ...process.env, NODE_ENV: "production" });
    if (build.code !== 0) {
      console.error("[stress] build failed");
      process.exit(1);
    }
  }
  console.log(`[stress] CPU load: ${loadWorkers} busy process(es) on ${availableParallelism()} core(s)`);
  const load = startLoad(loadWorkers);
  const stop = () => {
    stopLoad(load);
    process.exit(130);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const results: { run: number; code: number; seconds: number; summary: string }[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      console.log(`\n[stress] run ${i} of ${runs} (under load)`);
      const started = performance.now();
      const outcome = await run(process.execPath, [playwrightBin, "test", ...rest], { ...process.env, SKIP_BUILD: "1" });
      results.push({ run: i, code: outcome.code, seconds: Math.round((performance.now() - started) / 1000), summary: summary(outcome.output) });
    }
  } finally {
    stopLoad(load);
  }
  console.log("\n[stress] results (each run under a CPU load of", loadWorkers, "busy processes):");
  for (const r of results) console.log(`  run ${r.run}: ${r.code === 0 ? "PASSED" : "FAILED"} — ${r.summary} — ${r.seconds} s`);
  const failed = results.filter((r) => r.code !== 0).length;
  console.log(failed ? `[stress] ${failed} of ${runs} runs failed` : `[stress] all ${runs} runs passed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
