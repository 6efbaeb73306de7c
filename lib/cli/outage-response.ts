// Pages answer 503 while the database is unreachable (decision 015). Next's App Router renders a failed
// page as 500 with its error page, and an error boundary cannot set the status; the HTTP server can. Each
// request runs inside the outage storage (lib/db/outage-signal.ts); withDb marks it when a query met an
// unreachable database (lib/db/unavailable.ts). If the response is about to start with a 5xx status and
// the request is so marked, the server sends the «service unavailable» page instead and drops what Next
// writes after it. A response whose head has already gone out (never the case for a page here: no
// Suspense boundary streams before the data is read) keeps its status.
import type { IncomingMessage, ServerResponse } from "node:http";
import { outageStorage, type OutageMark } from "../db/outage-signal";
import { unavailablePage } from "../http/unavailable-page";

/** Requests whose failure is a page a person reads; API routes keep their own answers (JSON, health). */
function isPageRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = (req.url ?? "/").split("?")[0]!;
  return !path.startsWith("/api/") && !path.startsWith("/_next/");
}

type Callback = (error?: Error | null) => void;
const lastCallback = (args: unknown[]): Callback | undefined => {
  const last = args[args.length - 1];
  return typeof last === "function" ? (last as Callback) : undefined;
};

/** Runs handle(req, res) so that a page failing on an unreachable database answers 503. */
export function serveWithOutagePage(req: IncomingMessage, res: ServerResponse, handle: () => unknown): void {
  const mark: OutageMark = { databaseUnavailable: false };
  if (isPageRequest(req)) {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    let decided = false;
    let replaced = false;
    // Decides once, at the first byte of the head: Next's page or ours.
    const replace = (status: number): boolean => {
      if (decided) return replaced;
      decided = true;
      if (status < 500 || !mark.databaseUnavailable) return false;
      replaced = true;
      const page = unavailablePage(req.headers.cookie);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      writeHead(page.status, page.headers);
      end(req.method === "HEAD" ? undefined : page.body);
      return true;
    };
    res.writeHead = ((status: number, ...rest: unknown[]) => (replace(status) ? res : writeHead(status, ...rest))) as typeof res.writeHead;
    res.write = ((...args: unknown[]) => {
      if (replaced || (!res.headersSent && replace(res.statusCode))) {
        const callback = lastCallback(args);
        if (callback) queueMicrotask(() => callback(null));
        return true;
      }
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      if (replaced || (!res.headersSent && replace(res.statusCode))) {
        const callback = lastCallback(args);
        if (callback) queueMicrotask(() => callback());
        return res;
      }
      return end(...args);
    }) as typeof res.end;
  }
  outageStorage().run(mark, handle);
}
