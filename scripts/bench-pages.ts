// npm run bench:pages [-- --skip-lighthouse | --skip-js] — what the browser gets: first-load JavaScript per route
// and Lighthouse desktop scores of the main pages, each next to the same measure of the app's barest page,
// measured in the same run against the same production server.
//
// Needs DATABASE_URL (like bench:load: migrations, the demo district seeded when missing, `next build` when
// `.next` has no build). Chromium: CHROMIUM_PATH or /usr/bin/chromium.
//
// First-load JS: one fresh browser context per route (empty cache; the session cookie of the signed-in curator
// where the route needs it), navigate, wait for the load event, then sum the Resource Timing entries of the
// scripts that finished by then: encodedBodySize (bytes as served, compressed) and decodedBodySize. Later
// fetches (prefetching of linked routes) are not first-load JS. Floor: the not-found page (/s/<no such school>):
// the root layout and Next's runtime and nothing of any feature — the JS every route pays at least — whereas the
// login page already carries its form's client code. Goal ≤ 1.3× per route.
//
// Lighthouse (Node API, desktop preset, performance + accessibility, headless Chromium, a fresh browser per
// page so no page profits from another's cache; signed-in pages get the session as `extraHeaders: {Cookie}`
// with `disableStorageReset`). Floor: the login page — the barest page that answers 200 (Lighthouse refuses
// to score a 404 document). Scores 0–100; ratio = floor score / page score (≥ 1: the page scores lower).
//
// Last line JSON for npm run bench: { js: {...} | {error}, lighthouse: {...} | {error} }.

import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS, checkPage, CURATOR, ensureBuild, KOVALEVSKAYA_CURATOR, prepareBenchDatabase, signIn, startServer, type BenchServer } from "./bench-server";

const JS_GOAL_RATIO = 1.3;
const NOT_FOUND_PATH = "/s/no-such-school-bench";

type Route = { label: string; path: string; cookie?: string };
type JsMeasure = { label: string; path: string; scripts: number; encodedBytes: number; decodedBytes: number; status: number; finalPath: string };

function cookieParam(cookie: string, origin: string) {
  const eq = cookie.indexOf("=");
  return { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: origin };
}

async function measureJs(server: BenchServer, routes: Route[], floorRoute: Route) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const measure = async (route: Route): Promise<JsMeasure> => {
      const context = await browser.newContext();
      try {
        if (route.cookie) await context.addCookies([cookieParam(route.cookie, server.origin)]);
        const page = await context.newPage();
        const res = await page.goto(`${server.origin}${route.path}`, { waitUntil: "load", timeout: 60_000 });
        const sums = await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
          const loadEnd = nav?.loadEventEnd || performance.now();
          const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
            (r) => (r.initiatorType === "script" || /\.js(\?|$)/.test(new URL(r.name).pathname)) && r.responseEnd <= loadEnd,
          );
          return { scripts: scripts.length, encoded: scripts.reduce((n, r) => n + r.encodedBodySize, 0), decoded: scripts.reduce((n, r) => n + r.decodedBodySize, 0) };
        });
        return {
          label: route.label,
          path: route.path,
          scripts: sums.scripts,
          encodedBytes: sums.encoded,
          decodedBytes: sums.decoded,
          status: res?.status() ?? 0,
          finalPath: new URL(page.url()).pathname,
        };
      } finally {
        await context.close();
      }
    };
    const floor = await measure(floorRoute);
    if (floor.status !== 404) throw new Error(`${floorRoute.path}: expected the not-found page (404), got ${floor.status}`);
    const measured: JsMeasure[] = [];
    for (const r of routes) {
      const m = await measure(r);
      if (m.status !== 200 || m.finalPath !== r.path) throw new Error(`${r.path}: HTTP ${m.status}, ended at ${m.finalPath}`);
      measured.push(m);
    }
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
    console.log(`\nFirst-load JS (compressed as served; decoded in brackets); floor: not-found page ${floorRoute.path}`);
    console.log(`${"route".padEnd(40)}${"scripts".padStart(8)}${"JS".padStart(12)}${"decoded".padStart(13)}${"ratio".padStart(8)}  goal ≤ ${JS_GOAL_RATIO}`);
    const line = (m: JsMeasure, ratio?: number) =>
      console.log(
        `${`${m.label} ${m.path}`.slice(0, 39).padEnd(40)}${String(m.scripts).padStart(8)}${kb(m.encodedBytes).padStart(12)}${`(${kb(m.decodedBytes)})`.padStart(13)}` +
          (ratio === undefined ? "" : `${ratio.toFixed(2).padStart(8)}  ${ratio <= JS_GOAL_RATIO ? "yes" : "NO"}`),
      );
    line(floor);
    const routesOut = measured.map((m) => ({ ...m, ratio: Math.round((m.encodedBytes / floor.encodedBytes) * 100) / 100 }));
    for (const m of routesOut) line(m, m.ratio);
    const worst = routesOut.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    return { floorPath: floor.path, floorBytes: floor.encodedBytes, floorDecodedBytes: floor.decodedBytes, worstPath: worst.path, worstBytes: worst.encodedBytes, worstRatio: worst.ratio, routes: routesOut };
  } finally {
    await browser.close();
  }
}

type LhScore = { label: string; path: string; performance: number | null; accessibility: number | null; error?: string };

async function runLighthouse(server: BenchServer, pages: Route[], floorRoute: Route) {
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const audit = async (route: Route): Promise<LhScore> => {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    try {
      const result = await lighthouse(
        `${server.origin}${route.path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          ...(route.cookie ? { extraHeaders: { Cookie: route.cookie }, disableStorageReset: true } : {}),
        },
        desktopConfig,
      );
      const lhr = result?.lhr;
      if (!lhr) return { label: route.label, path: route.path, performance: null, accessibility: null, error: "no report" };
      const score = (key: string) => {
        const s = lhr.categories[key]?.score;
        return typeof s === "number" ? Math.round(s * 100) : null;
      };
      const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
      const error = lhr.runtimeError?.message ?? (finalPath !== route.path ? `ended at ${finalPath}` : undefined);
      return { label: route.label, path: route.path, performance: score("performance"), accessibility: score("accessibility"), ...(error ? { error } : {}) };
    } finally {
      chrome.kill();
    }
  };
  const floor = await audit(floorRoute);
  if (floor.performance === null || floor.accessibility === null) throw new Error(`Lighthouse floor ${floorRoute.path}: ${floor.error ?? "no score"}`);
  const scores: LhScore[] = [];
  for (const p of pages) {
    const s = await audit(p);
    scores.push(s);
    console.log(`  lighthouse ${p.path}: performance ${s.performance ?? "—"}, accessibility ${s.accessibility ?? "—"}${s.error ? ` (${s.error})` : ""}`);
  }
  console.log(`\nLighthouse desktop; floor: ${floorRoute.label} ${floorRoute.path} (performance ${floor.performance}, accessibility ${floor.accessibility})`);
  console.log(`${"page".padEnd(40)}${"perf".padStart(6)}${"a11y".padStart(6)}${"perf ratio".padStart(12)}${"a11y ratio".padStart(12)}`);
  for (const s of scores) {
    const ratio = (v: number | null, f: number) => (v ? (f / v).toFixed(2) : "—");
    console.log(`${`${s.label} ${s.path}`.slice(0, 39).padEnd(40)}${String(s.performance ?? "—").padStart(6)}${String(s.accessibility ?? "—").padStart(6)}${ratio(s.performance, floor.performance).padStart(12)}${ratio(s.accessibility, floor.accessibility).padStart(12)}`);
  }
  const valid = scores.filter((s) => s.performance !== null && s.accessibility !== null && !s.error);
  if (valid.length !== scores.length) throw new Error(`Lighthouse: ${scores.filter((s) => !valid.includes(s)).map((s) => `${s.path}: ${s.error ?? "no score"}`).join("; ")}`);
  const worstPerf = valid.reduce((a, b) => (b.performance! < a.performance! ? b : a));
  const worstA11y = valid.reduce((a, b) => (b.accessibility! < a.accessibility! ? b : a));
  return {
    floorPath: floorRoute.path,
    floorPerformance: floor.performance,
    floorAccessibility: floor.accessibility,
    worstPerformance: worstPerf.performance!,
    worstPerformancePage: worstPerf.path,
    worstAccessibility: worstA11y.accessibility!,
    worstAccessibilityPage: worstA11y.path,
    pages: scores,
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: the page benchmarks run the server against PostgreSQL only.");
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const log = (line: string) => console.log(line);
  await prepareBenchDatabase(url, log);
  await ensureBuild(log);
  const server = await startServer(url, log);
  const out: { js?: unknown; lighthouse?: unknown } = {};
  try {
    const curator = await signIn(server.origin, CURATOR);
    const kovalevskaya = await signIn(server.origin, KOVALEVSKAYA_CURATOR);
    // Warm the server's route caches first, so that no figure includes a route's first render.
    for (const [p, c, name] of [
      ["/sosh-20", curator, "Орлова"],
      ["/sosh-20/program", curator, "Орлова"],
      ["/sosh-20/people", curator, "Орлова"],
      ["/sosh-20/pairs", curator, "Орлова"],
      ["/sosh-20/monitoring", curator, "Орлова"],
      ["/kovalevskaya-oosh/pairs", kovalevskaya, "Чеховская"],
    ] as const) {
      await checkPage(server.origin, p, c, name);
    }
    if (!argv.includes("--skip-js")) {
      try {
        out.js = await measureJs(
          server,
          [
            { label: "login", path: "/login" },
            { label: "school home", path: "/sosh-20", cookie: curator },
            { label: "program", path: "/sosh-20/program", cookie: curator },
            { label: "people", path: "/sosh-20/people", cookie: curator },
            { label: "pairs", path: "/sosh-20/pairs", cookie: curator },
            { label: "monitoring", path: "/sosh-20/monitoring", cookie: curator },
            { label: "pairs, Ковалевская", path: "/kovalevskaya-oosh/pairs", cookie: kovalevskaya },
            { label: "public section", path: "/s/kovalevskaya-oosh" },
          ],
          { label: "not found", path: NOT_FOUND_PATH },
        );
      } catch (error) {
        console.error(error);
        out.js = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    if (!argv.includes("--skip-lighthouse")) {
      try {
        out.lighthouse = await runLighthouse(
          server,
          [
            { label: "login", path: "/login" },
            { label: "school home", path: "/sosh-20", cookie: curator },
            { label: "program", path: "/sosh-20/program", cookie: curator },
            { label: "people", path: "/sosh-20/people", cookie: curator },
            { label: "public section", path: "/s/kovalevskaya-oosh" },
          ],
          { label: "login", path: "/login" },
        );
      } catch (error) {
        console.error(error);
        out.lighthouse = { error: error instanceof Error ? error.message : String(error) };
      }
    }
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
