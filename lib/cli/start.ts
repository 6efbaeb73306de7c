// npm start: migrate (and on the embedded database, seed the demo district), build, serve.
import { spawn } from "node:child_process";
import path from "node:path";
import { prepareDatabase, resolveAuthSecret } from "../db/setup";
import { envVariable } from "../env";

const dev = process.argv.includes("--dev");
const skipBuild = process.argv.includes("--no-build") || envVariable("SKIP_BUILD") === "1";
const port = envVariable("PORT") ?? "3000";
const nextBin = require.resolve("next/dist/bin/next");
const serveScript = path.join(__dirname, "serve.ts");

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  let secret: string;
  try {
    secret = await resolveAuthSecret();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  await prepareDatabase();
  const env = { ...process.env, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true" };
  if (dev) process.exit(await run(["--import", "tsx", serveScript, "--dev"], { ...env, PORT: port }));
  if (!skipBuild) {
    const code = await run([nextBin, "build"], { ...env, NODE_ENV: "production" });
    if (code !== 0) process.exit(code);
  }
  console.log(`[start] http://localhost:${port}`);
  // lib/cli/serve.ts, not `next start`: it hands the app the connection's peer address (decision 012).
  process.exit(await run(["--import", "tsx", serveScript], { ...env, PORT: port, NODE_ENV: "production" }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
