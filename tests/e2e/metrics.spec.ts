import { expect, test, type APIRequestContext } from "@playwright/test";
import { newVisitor, signedInAs } from "./helpers";

// Issue #20, done when: /api/metrics shows the request counters moving during the e2e run. The server of the
// suite gets METRICS_TOKEN from playwright.config.ts; the counters are per process and labelled by route
// pattern. Other specs may run at the same time, so the counts grow by at least what this test did.

const TOKEN = process.env.E2E_METRICS_TOKEN!;

async function scrape(request: APIRequestContext): Promise<string> {
  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  return res.text();
}

function requests(text: string, route: string, status = 200): number {
  const prefix = `nastavnik_http_requests_total{method="GET",route="${route}",status="${status}"} `;
  const line = text.split("\n").find((l) => l.startsWith(prefix));
  return line ? Number(line.slice(prefix.length)) : 0;
}

test("/api/metrics: 401 without the token; with it, the request counters move with page visits, by route pattern", async ({ browser, request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token-not-the-token-000000" } })).status()).toBe(401);
  const before = await scrape(request);

  const { page, context } = await newVisitor(browser);
  for (let i = 0; i < 3; i++) {
    const res = await page.goto("/login");
    expect(res?.status()).toBe(200);
    expect(res?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
  expect((await page.goto("/s/kovalevskaya-oosh"))?.status()).toBe(200);
  await context.close();
  const signedIn = await signedInAs(browser, "curator@ds3.demo");
  await signedIn.context.close();

  const after = await scrape(request);
  expect(requests(after, "/login") - requests(before, "/login")).toBeGreaterThanOrEqual(3);
  expect(requests(after, "/s/[slug]") - requests(before, "/s/[slug]")).toBeGreaterThanOrEqual(1);
  // The public page's address is a pattern in the labels, never the school's own address.
  expect(after).not.toMatch(/route="[^"]*kovalevskaya/);
  // Each answer is timed too.
  const timed = (text: string) => {
    const prefix = 'nastavnik_http_request_duration_seconds_count{method="GET",route="/login",status="200"} ';
    return Number(text.split("\n").find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? 0);
  };
  expect(timed(after) - timed(before)).toBeGreaterThanOrEqual(3);
  // Health: liveness without the database, readiness with it.
  expect((await request.get("/api/health/live")).status()).toBe(200);
  expect(await (await request.get("/api/health/ready")).json()).toEqual({ ok: true });
});
