import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The route pattern of a request path, for metric labels: "/[org]/pairs/[pairId]", never the address
 * itself (it holds ids and, for /invite/…, /reset-password/… and /q/…, secret tokens). The patterns are
 * Next's own route list of the build (.next/routes-manifest.json: its static routes and the regular
 * expressions of its dynamic ones, most specific first), so the set of labels is the set of routes.
 * Next's own files fall into three buckets; anything else (a 404) is "unmatched".
 */
export type RoutePattern = (pathname: string) => string;

type Manifest = { staticRoutes?: { page: string; regex: string }[]; dynamicRoutes?: { page: string; regex: string }[] };

export function routePatternsFrom(manifest: Manifest): RoutePattern {
  const exact = new Map<string, string>();
  const compiled: { page: string; regex: RegExp }[] = [];
  for (const route of manifest.staticRoutes ?? []) exact.set(route.page, route.page);
  for (const route of [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])]) compiled.push({ page: route.page, regex: new RegExp(route.regex) });
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    if (pathname.startsWith("/_next/")) return "/_next";
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    const known = exact.get(trimmed);
    if (known) return known;
    for (const route of compiled) if (route.regex.test(pathname)) return route.page;
    return "unmatched";
  };
}

/**
 * The patterns of the build in `dir` (production), or of the development server's manifest. Without one —
 * a development server that has not compiled a route yet — every page is "unmatched" until a restart.
 */
export function loadRoutePatterns(dir: string, dev: boolean): RoutePattern {
  const candidates = dev ? [path.join(dir, ".next", "dev", "routes-manifest.json"), path.join(dir, ".next", "routes-manifest.json")] : [path.join(dir, ".next", "routes-manifest.json")];
  for (const file of candidates) {
    try {
      return routePatternsFrom(JSON.parse(readFileSync(file, "utf8")) as Manifest);
    } catch {
      // try the next one
    }
  }
  return routePatternsFrom({});
}

/** The path of a request target ("/a/b?x=1" → "/a/b"); malformed targets count as "/". */
export function pathOf(url: string | undefined): string {
  if (!url) return "/";
  const end = url.search(/[?#]/);
  const pathname = end === -1 ? url : url.slice(0, end);
  return pathname.startsWith("/") ? pathname : "/";
}
