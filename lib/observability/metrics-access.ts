import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { readEnv } from "../env";
import { getLogger } from "./logger";
import { consoleText } from "../i18n/russian-console";

/**
 * Who may read /api/metrics: a request with `Authorization: Bearer <METRICS_TOKEN>`, from any address. Anything
 * else — no header, another scheme, a wrong token, and any request while METRICS_TOKEN is not set — gets the
 * same 401 (docs/decisions/050): a scraper pointed at an instance without the token sees the same failure as
 * one with a wrong token, and nobody learns whether metrics are configured.
 * The comparison is of SHA-256 digests with timingSafeEqual: constant time, whatever the lengths.
 */
export function metricsAccessAllowed(authorization: string | null): boolean {
  const expected = configuredToken();
  if (!expected || !authorization) return false;
  const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
  if (!match) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(match[1]!), digest(expected));
}

let warnedUnset = false;

function configuredToken(): string | null {
  let token: string | undefined;
  try {
    token = readEnv().METRICS_TOKEN;
  } catch (error) {
    getLogger().error({ component: "metrics", error: error instanceof Error ? error.message : String(error) }, consoleText("metrics.tokenUnreadable"));
    return null;
  }
  if (!token && !warnedUnset) {
    warnedUnset = true;
    getLogger().warn({ component: "metrics" }, consoleText("metrics.tokenUnset"));
  }
  return token ?? null;
}

export function metricsRefusal(): Response {
  return Response.json(
    { error: consoleText("metrics.authorizationRequired", { token: "<METRICS_TOKEN>" }) },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" } },
  );
}
