import type { IncomingMessage, ServerResponse } from "node:http";
import { getLogger } from "./logger";
import { observeHttpRequest } from "./metrics";
import { chooseRequestId, REQUEST_ID_HEADER, runWithRequestContext } from "./request-context";
import { pathOf, type RoutePattern } from "./route-patterns";

/**
 * Where a request starts (lib/cli/serve.ts): its id — a trusted proxy's X-Request-Id, else a fresh one — is
 * set on the request Next sees and on the response, every line logged while it is served carries it, and
 * when the response ends it is counted and timed under its route pattern, and logged in one line
 * (method, route pattern, status, milliseconds; never the address, which may hold a token).
 */
export function serveObserved(
  req: IncomingMessage,
  res: ServerResponse,
  options: { fromTrustedProxy: boolean; routeOf: RoutePattern },
  handle: () => void,
): void {
  const started = performance.now();
  const requestId = chooseRequestId(req.headers[REQUEST_ID_HEADER], options.fromTrustedProxy);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const route = options.routeOf(pathOf(req.url));
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    const seconds = (performance.now() - started) / 1000;
    // A client that went away before the answer was complete: counted under status 499, as nginx does.
    const status = res.writableFinished ? res.statusCode : 499;
    observeHttpRequest({ method: req.method, route, status, seconds });
    if (route.startsWith("/_next")) return; // static files: counted, not logged line by line
    const line = { requestId, method: req.method, route, status, ms: Math.round(seconds * 1000) };
    const log = getLogger();
    if (status >= 500) log.error(line, "request");
    else log.info(line, "request");
  };
  res.once("finish", record);
  res.once("close", record);
  runWithRequestContext({ requestId }, handle);
}
