// The HTTP server of `npm start` and `npm run dev`: Next's request handler behind a plain Node server,
// so that the app learns the one client address nobody can forge — the socket's peer. `next start` cannot
// tell it: it fills X-Forwarded-For from the socket only when the client sent none, so a client that
// sends its own header chooses its address (decision 012). Here PEER_HEADER is overwritten on every
// request, and lib/http/client-address.ts believes forwarded headers only from TRUSTED_PROXIES.
import { createServer } from "node:http";
import next from "next";
import { isTrustedPeer, PEER_HEADER, PEER_HEADER_ENV, parseTrustedProxies } from "../http/client-address";
import { serveObserved } from "../observability/http";
import { getLogger } from "../observability/logger";
import { loadRoutePatterns } from "../observability/route-patterns";
import { applyHeapSettings } from "./heap";
import { serveWithOutagePage } from "./outage-response";
import { envVariable } from "../env";
import { consoleText } from "../i18n/russian-console";

const dev = process.argv.includes("--dev");
const port = Number(envVariable("PORT") ?? 3000);
// -H <address> as with `next start`; by default every interface.
const hostFlag = process.argv.indexOf("-H");
const hostname = hostFlag > 0 ? process.argv[hostFlag + 1] : undefined;

async function main() {
  // A typo in TRUSTED_PROXIES stops the server here rather than trusting nothing (or everything) silently.
  const trusted = parseTrustedProxies(envVariable("TRUSTED_PROXIES"));
  // A full GC once the old generation has grown by a quarter, not by up to 4× (lib/cli/heap.ts, issue #14).
  applyHeapSettings();
  process.env[PEER_HEADER_ENV] = "1";
  const app = next({ dev, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const routeOf = loadRoutePatterns(process.cwd(), dev);
  const server = createServer((req, res) => {
    const peer = req.socket.remoteAddress ?? "";
    req.headers[PEER_HEADER] = peer;
    // The request's id, its log lines and its metrics (lib/observability/http.ts).
    serveObserved(req, res, { fromTrustedProxy: isTrustedPeer(peer, trusted), routeOf }, () =>
      // A page that fails because the database is unreachable answers 503 (decision 015).
      serveWithOutagePage(req, res, () => void handle(req, res)),
    );
  });
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  }
  // Like `next start`: keep idle connections of a reverse proxy open longer than its own timeout.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    const proxies = trusted.entries.length ? trusted.entries.join(", ") : consoleText("serve.noTrustedProxies");
    getLogger().info({ component: "serve" }, consoleText("serve.listening", { mode: dev ? "development" : "production", host: hostname ?? "localhost", port: String(port), proxies }));
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
