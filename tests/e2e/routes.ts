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

/** Top-level keys of an object literal starting at `open` (the index of its `{`). */
function objectKeys(source: string, open: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === "{" || ch === "(" || ch === "[") depth++;
    else if (ch === "}" || ch === ")" || ch === "]") {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1) {
      const m = /^(\w+)\s*:/.exec(source.slice(i));
      if (m && /[\s{,]/.test(source[i - 1]!)) {
        keys.push(m[1]!);
        i += m[0].length - 1;
      }
    }
  }
  return keys;
}

let schemaIndex: Map<string, string[]> | null = null;
/** Every `const X = z.object({…})` / `const X = Y.extend({…})` of lib/ and app/: its keys (an extension adds its base's). */
function searchSchemas(): Map<string, string[]> {
  if (schemaIndex) return schemaIndex;
  const own = new Map<string, { keys: string[]; base?: string }>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== "node_modules" && entry !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
        const source = readFileSync(full, "utf8");
        for (const m of source.matchAll(/const (\w+)\s*=\s*(?:z\.object|(\w+)\.extend)\(\{/g)) {
          own.set(m[1]!, { keys: objectKeys(source, m.index! + m[0].length - 1), base: m[2] });
        }
      }
    }
  };
  walk(path.join(APP_DIR, "..", "lib"));
  walk(APP_DIR);
  const resolve = (name: string, seen = new Set<string>()): string[] => {
    const entry = own.get(name);
    if (!entry || seen.has(name)) return [];
    seen.add(name);
    return [...entry.keys, ...(entry.base ? resolve(entry.base, seen) : [])];
  };
  schemaIndex = new Map([...own.keys()].map((name) => [name, resolve(name)]));
  return schemaIndex;
}

/**
 * The search parameters a route reads, from its source: `searchParams.get("x")`, `q.get("x")`, a
 * destructured `{ x, y } = await searchParams`, the keys of its `Search` type, and the keys of the schemas
 * it passes to readPageParams/readRouteParams/readListParams (lib/http), wherever they are defined — plus the
 * keys its links were seen with.
 */
export function searchKeysOf(route: Route, hrefs: Iterable<string>): string[] {
  const source = readFileSync(path.join(APP_DIR, route.file), "utf8");
  const keys = new Set<string>();
  for (const m of source.matchAll(/(?:searchParams|q|query)\.get\("([\w-]+)"\)/g)) keys.add(m[1]!);
  for (const m of source.matchAll(/\{([\w\s,]+)\}\s*=\s*await searchParams/g)) for (const k of m[1]!.split(",")) if (k.trim()) keys.add(k.trim());
  for (const m of source.matchAll(/type Search\w*\s*=\s*\{([^}]*)\}/g)) for (const k of m[1]!.matchAll(/(\w+)\??:/g)) keys.add(k[1]!);
  for (const m of source.matchAll(/read(?:Page|Route|List)Params\((\w+)/g)) {
    // The route's own schema of that name first (several routes call theirs SearchInput), else the imported one.
    const local = new RegExp(`const ${m[1]}\\s*=\\s*(?:z\\.object|(\\w+)\\.extend)\\(\\{`).exec(source);
    const found = local ? [...objectKeys(source, local.index + local[0].length - 1), ...(local[1] ? (searchSchemas().get(local[1]) ?? []) : [])] : (searchSchemas().get(m[1]!) ?? []);
    for (const k of found) keys.add(k);
  }
  const prefix = new RegExp(`^${route.segments.map((s) => (isDynamic(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}$`);
  for (const href of hrefs) {
    const [bare, query] = href.split("?");
    if (!query || !prefix.test(bare!.replace(/^\//, ""))) continue;
    for (const key of new URLSearchParams(query.split("#")[0]).keys()) keys.add(key);
  }
  // Route parameters read through the same schema are attacked as segments.
  for (const name of route.segments.filter(isDynamic).map(paramName)) keys.delete(name);
  return [...keys];
}
