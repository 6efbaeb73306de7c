import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, newDirector, newVisitor, signedInAs } from "./helpers";
import { APP_DIR, crawl, fill, harvestParams, isDynamic, listRoutes, paramName, searchKeysOf, type Route } from "./routes";

// Issue #12, finding 5: hostile route and search parameters on every page and route handler of app/
// (enumerated at test time, filled with a school's real ids), requested as a signed-in member of that
// organization: never a server error. Route handlers refuse a bad parameter (400, or 404 for what does
// not exist) instead of serving something else; pages answer 404 or their own refusal.

const SCHOOL = { slug: "kovalevskaya-oosh", name: "БОУ «Ковалевская ООШ»" };
const DISTRICT = "levokumsky";

/** Raw URL text: huge and malformed numbers, broken percent-encodings, a NUL, path tricks, over-long values. */
const HOSTILE = [
  "1e308",
  "99999999999999999999",
  "-1",
  "NaN",
  "Infinity",
  "2026.5",
  "0x7E9",
  "%E0%A4%A",
  "%00",
  "%C0%AF",
  "..%2F..%2Fetc%2Fpasswd",
  "%27%20OR%201%3D1--",
  "%3Cscript%3E",
  "x".repeat(3000),
];

type Probe = { url: string; route: Route; what: string; kind: "segment" | "search" | "baseline" };

function probesOf(route: Route, params: Map<string, Set<string>>, org: string, hrefs: Set<string>): Probe[] {
  const probes: Probe[] = [{ url: fill(route, params, org), route, what: "real values", kind: "baseline" }];
  const names = route.segments.filter(isDynamic).map(paramName);
  for (const name of names) {
    // The organization slug is resolved once for every route: attacked on the routes that have nothing else.
    if (name === "org" && names.length > 1) continue;
    for (const raw of HOSTILE) probes.push({ url: fill(route, params, org, { name, raw }), route, what: `${name}=${raw.slice(0, 24)}`, kind: "segment" });
  }
  const base = fill(route, params, org);
  for (const key of searchKeysOf(route, hrefs)) {
    for (const raw of HOSTILE) probes.push({ url: `${base}?${key}=${raw}`, route, what: `?${key}=${raw.slice(0, 24)}`, kind: "search" });
    probes.push({ url: `${base}?${key}=1&${key}=2`, route, what: `?${key} twice`, kind: "search" });
  }
  return probes;
}

async function statusOf(request: APIRequestContext, url: string): Promise<number> {
  // No retry: a connection reset is a failure. (It was seen once under `next start`, whose kept-alive
  // connections closed after 5 s idle; lib/cli/serve.ts keeps them 65 s, longer than any pause here.)
  return (await request.get(url, { maxRedirects: 0, timeout: 60_000 })).status();
}

test("every route of app/ with hostile ids, years, formats, huge numbers and broken encodings: never a server error; route handlers refuse instead of serving", async ({ browser }) => {
  test.setTimeout(900_000);
  const routes = listRoutes(APP_DIR);
  expect(routes.length, "routes found under app/").toBeGreaterThan(60);

  const director = await newDirector(browser, SCHOOL, "Параметрова Ирина Петровна");
  const hrefs = await crawl(director.context.request, [`/${SCHOOL.slug}`, `/s/${SCHOOL.slug}`], [`/${SCHOOL.slug}/`, `/s/${SCHOOL.slug}/`]);
  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  for (const href of await crawl(methodist.context.request, [`/${DISTRICT}/district`], [`/${DISTRICT}/district`], 10)) hrefs.add(href);
  const params = harvestParams(hrefs, routes);
  for (const name of ["personId", "pairId", "activityId", "kind", "schoolId"]) {
    expect(params.get(name)?.size ?? 0, `a real ${name} found in the links`).toBeGreaterThan(0);
  }

  // Each route as a member of the organization it belongs to: the district pages as the methodist.
  const probes = routes.flatMap((route) => {
    const district = route.segments[0] === "[org]" && route.segments[1] === "district";
    return probesOf(route, params, district ? DISTRICT : SCHOOL.slug, hrefs).map((p) => ({ ...p, as: district ? methodist : director }));
  });
  const serverErrors: string[] = [];
  const served: string[] = [];
  const brokenBaseline: string[] = [];
  // A few at a time: the server renders one page per core.
  for (let i = 0; i < probes.length; i += 4) {
    await Promise.all(
      probes.slice(i, i + 4).map(async (p) => {
        const status = await statusOf(p.as.context.request, p.url);
        const line = `${status} ${p.route.file} ${p.what}`;
        if (status >= 500) serverErrors.push(line);
        if (p.kind === "baseline" && status >= 500) brokenBaseline.push(line);
        // A route handler never serves a file for a hostile parameter (redirects of the low-vision switch aside).
        if (p.kind !== "baseline" && p.route.file.endsWith("route.ts") && status >= 200 && status < 300) served.push(line);
      }),
    );
  }
  console.info(`[route-params] ${routes.length} routes, ${probes.length} requests`);
  expect(brokenBaseline, "routes failing even with real values").toEqual([]);
  expect(serverErrors, "5xx answers").toEqual([]);
  expect(served, "route handlers serving despite a hostile parameter").toEqual([]);

  // The finding itself: the roadmap download with an overflowing year is a 400 with a Russian text.
  const overflow = await director.context.request.get(`/${SCHOOL.slug}/program/documents/roadmap?year=1e308`);
  expect(overflow.status()).toBe(400);
  expect(await overflow.text()).toMatch(/[А-Яа-яЁё]/);

  // Pages rendered with hostile values: a clear refusal (the not-found page), accessible.
  for (const url of [`/${SCHOOL.slug}/program/roadmap?year=1e308`, `/${SCHOOL.slug}/pairs/99999999999999999999`, `/${SCHOOL.slug}/monitoring?year=-1`]) {
    const res = await director.page.goto(url);
    expect(res?.status(), url).toBeLessThan(500);
    await expect(director.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(director.page);
  }
  const visitor = await newVisitor(browser);
  for (const url of [`/s/${SCHOOL.slug}/news/1e308`, "/q/1e308", `/invite/${"x".repeat(3000)}`]) {
    const res = await visitor.page.goto(url);
    expect(res?.status(), url).toBeLessThan(500);
    await expect(visitor.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(visitor.page);
  }
  // An address Next cannot decode is refused by proxy.ts before any route runs: 400 and a plain Russian text.
  for (const url of [`/${SCHOOL.slug}/people/%E0%A4%A`, "/q/%C0%AF"]) {
    const res = await director.context.request.get(url);
    expect(res.status(), url).toBe(400);
    expect(await res.text(), url).toBe("Неверный адрес страницы: проверьте ссылку.");
  }
  await visitor.context.close();
  await director.context.close();
  await methodist.context.close();
});

test("the search parameters each route reads are found in its source (so a new parameter is attacked too)", () => {
  const routes = listRoutes(APP_DIR);
  const keys = (file: string) => searchKeysOf(routes.find((r) => r.file === file)!, []);
  expect(keys(path.join("(app)", "[org]", "program", "documents", "[kind]", "route.ts"))).toContain("year");
  expect(keys(path.join("(app)", "[org]", "monitoring", "report", "route.ts"))).toEqual(expect.arrayContaining(["year", "format"]));
  expect(keys(path.join("(app)", "[org]", "people", "[personId]", "export", "route.ts"))).toContain("format");
  expect(keys(path.join("(app)", "[org]", "program", "roadmap", "page.tsx")).length).toBeGreaterThan(0);
  // The large lists (issue #19): their schemas extend the shared ListSearch (q, page) with a sort and filters.
  expect(keys(path.join("(app)", "[org]", "pairs", "page.tsx"))).toEqual(expect.arrayContaining(["q", "page", "sort", "status"]));
  expect(keys(path.join("(app)", "[org]", "audit", "page.tsx"))).toEqual(expect.arrayContaining(["q", "page", "sort", "action", "from", "to"]));
  expect(keys(path.join("(app)", "[org]", "district", "page.tsx"))).toEqual(expect.arrayContaining(["q", "page", "sort", "stage", "year"]));
});
