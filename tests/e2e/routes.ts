import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// The app's routes as the e2e suites enumerate them (security.spec.ts, route-params.spec.ts): every page
// and route handler under app/, filled with real ids harvested from the pages' own links.

export const APP_DIR = path.join(__dirname, "..", "..", "app");

export type Route = { template: string; segments: string[]; file: string };

/** Every page.tsx and route.ts under a folder of app/, as URL segments (route groups dropped). */
export function listRoutes(dir: string, prefix: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      routes.push(...listRoutes(full, /^\(.*\)$/.test(entry) ? prefix : [...prefix, entry]));
    } else if (/^(page\.tsx|route\.ts)$/.test(entry)) {
      routes.push({ template: `/${prefix.join("/")}`, segments: prefix, file: path.relative(APP_DIR, full) });
    }
  }
  return routes;
}

export const isDynamic = (segment: string) => /^\[.+\]$/.test(segment);
export const paramName = (segment: string) => segment.replace(/^\[(\.\.\.)?/, "").replace(/\]$/, "");

/**
 * Real ids from links: every href is matched against every route of the app (and its prefixes); a
 * dynamic segment takes the href's value unless some route has a static segment of that name there
 * (so /people/import never becomes a personId).
 */
export function harvestParams(hrefs: Iterable<string>, routes: Route[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const href of hrefs) {
    const parts = href.split(/[?#]/)[0]!.split("/").filter(Boolean).map(decodeURIComponent);
    for (const route of routes) {
      if (parts.length > route.segments.length) continue;
      const segs = route.segments.slice(0, parts.length);
      const values: [string, string][] = [];
      const ok = segs.every((seg, i) => {
        if (!isDynamic(seg)) return seg === parts[i];
        const staticTwin = routes.some((r) => r.segments.length > i && r.segments.slice(0, i).every((s, j) => s === segs[j]) && r.segments[i] === parts[i]);
        if (staticTwin) return false;
        values.push([paramName(seg), parts[i]!]);
        return true;
      });
      if (!ok) continue;
      for (const [name, value] of values) found.set(name, (found.get(name) ?? new Set()).add(value));
    }
  }
  return found;
}

/** The route's URL with `org` and the first harvested value of every other parameter (else a random uuid); `override` replaces one segment's raw text. */
export function fill(route: Route, params: Map<string, Set<string>>, org: string, override?: { name: string; raw: string }): string {
  return (
    "/" +
    route.segments
      .map((seg) => {
        if (!isDynamic(seg)) return seg;
        const name = paramName(seg);
        if (override?.name === name) return override.raw;
        if (name === "org") return org;
        return encodeURIComponent([...(params.get(name) ?? [])][0] ?? randomUUID());
      })
      .join("/")
  );
}

export const hrefsOf = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")).filter((h) => h.startsWith("/"));

/** Follows the links of the school's pages (two levels from its home and its public section), collecting every href. */
export async function crawl(request: APIRequestContext, starts: string[], within: string[], maxPages = 70): Promise<Set<string>> {
  const seen = new Set<string>();
  const hrefs = new Set<string>();
  let level = starts;
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: string[] = [];
    for (const url of level) {
      if (seen.has(url) || seen.size >= maxPages) continue;
      seen.add(url);
      const res = await request.get(url);
      if (!(res.headers()["content-type"] ?? "").includes("text/html")) continue;
      for (const href of hrefsOf(await res.text())) {
        hrefs.add(href);
        const bare = href.split(/[?#]/)[0]!;
        if (within.some((w) => bare.startsWith(w)) && !/\/(export|file|docx|report|low-vision)$/.test(bare) && !seen.has(bare)) next.push(bare);
      }
    }
    level = [...new Set(next)];
  }
  return hrefs;
}

/**
 * The search parameters a route reads, from its source: `searchParams.get("x")`, `search.x`, `q.get("x")`,
 * a destructured `{ x, y } = await searchParams`, the keys of its `Search` type, and the `readPageParams`/
 * `readRouteParams` schemas' keys (lib/http/params.ts) — plus the keys its links were seen with.
 */
export function searchKeysOf(route: Route, hrefs: Iterable<string>): string[] {
  const source = readFileSync(path.join(APP_DIR, route.file), "utf8");
  const keys = new Set<string>();
  for (const m of source.matchAll(/(?:searchParams|search|q|query)\.get\("([\w-]+)"\)/g)) keys.add(m[1]!);
  for (const m of source.matchAll(/\bsearch\.(\w+)/g)) if (m[1] !== "get") keys.add(m[1]!);
  for (const m of source.matchAll(/\{([\w\s,]+)\}\s*=\s*await searchParams/g)) for (const k of m[1]!.split(",")) if (k.trim()) keys.add(k.trim());
  for (const m of source.matchAll(/type Search\w*\s*=\s*\{([^}]*)\}/g)) for (const k of m[1]!.matchAll(/(\w+)\??:/g)) keys.add(k[1]!);
  for (const m of source.matchAll(/SearchInput\s*=\s*z\.object\(\{([^}]*)\}/g)) for (const k of m[1]!.matchAll(/(\w+):/g)) keys.add(k[1]!);
  const prefix = new RegExp(`^${route.segments.map((s) => (isDynamic(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}$`);
  for (const href of hrefs) {
    const [bare, query] = href.split("?");
    if (!query || !prefix.test(bare!.replace(/^\//, ""))) continue;
    for (const key of new URLSearchParams(query.split("#")[0]).keys()) keys.add(key);
  }
  return [...keys];
}
