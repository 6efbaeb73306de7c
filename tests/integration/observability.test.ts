import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "../../lib/auth/credentials";
import { withDb } from "../../lib/db";
import { setDatabase } from "../../lib/db/connection";
import { openPostgres } from "../../lib/db/database";
import { serveObserved } from "../../lib/observability/http";
import { captureLogs, getLogger } from "../../lib/observability/logger";
import { REQUEST_ID_HEADER } from "../../lib/observability/request-context";
import { routePatternsFrom } from "../../lib/observability/route-patterns";
import type { MailTransport } from "../../lib/reminders/mailer";
import { sendDueEmails } from "../../lib/reminders/send";
import { GET as health } from "../../app/api/health/route";
import { GET as live } from "../../app/api/health/live/route";
import { GET as ready } from "../../app/api/health/ready/route";
import { GET as metricsRoute } from "../../app/api/metrics/route";
import { createOrganization, createUser, TEST_PASSWORD } from "../factories";
import { onPostgres, setupTestDatabase } from "../setup/database";
import { as, call } from "../setup/call";
import { changePassword, saveLocale } from "../../lib/members/actions";

// Issue #20 item 3: /api/metrics for the bearer METRICS_TOKEN only; counters that move with requests,
// actions and reminder e-mails, labelled by route pattern (bounded); JSON log lines carrying the request's
// id and never a password; readiness that fails — and liveness that does not — when the database is down.

const db = setupTestDatabase();
const TOKEN = "metrics-token-for-the-integration-test-0123456789";

const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://app.test/api/metrics", { headers: authorization ? { authorization } : {} }));

async function metricsBody(): Promise<string> {
  const res = await scrape(`Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one series (labels in the metric's label order), 0 when it does not exist yet. */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const seriesOf = (text: string, name: string) => text.split("\n").filter((l) => l.startsWith(`${name}{`));

let previousToken: string | undefined;
beforeAll(() => {
  previousToken = process.env.METRICS_TOKEN;
  process.env.METRICS_TOKEN = TOKEN;
});
afterAll(() => {
  if (previousToken === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = previousToken;
});

describe("/api/metrics", () => {
  it("answers 401 without the bearer token, with a wrong one, another scheme, or when METRICS_TOKEN is not set; 200 with it", async () => {
    for (const authorization of [undefined, "Bearer wrong-token", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const res = await scrape(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/METRICS_TOKEN/) });
    }
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await ok.text();
    expect(body).toContain("# TYPE nastavnik_http_requests_total counter");
    expect(body).toContain("# TYPE nastavnik_action_duration_seconds histogram");
    expect(body).toContain("nastavnik_process_resident_memory_bytes");

    delete process.env.METRICS_TOKEN;
    try {
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(401);
      expect((await scrape("Bearer ")).status).toBe(401);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
    }
  });

  it("counts actions by name and outcome (ok or the refusal code) and times them", async () => {
    const user = await createUser(db().prisma);
    const before = await metricsBody();
    expect((await call(saveLocale, as(user), { locale: "en" })).ok).toBe(true);
    expect((await call(saveLocale, as(user), { locale: "en" })).ok).toBe(true);
    // A locale the app does not have: outside the input type on purpose.
    expect(await call(saveLocale, as(user), { locale: "xx" as never })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(saveLocale, null, { locale: "ru" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const after = await metricsBody();
    const count = (text: string, outcome: string) => value(text, `nastavnik_actions_total{action="account.saveLocale",outcome="${outcome}"}`);
    expect(count(after, "ok") - count(before, "ok")).toBe(2);
    expect(count(after, "VALIDATION") - count(before, "VALIDATION")).toBe(1);
    expect(count(after, "UNAUTHENTICATED") - count(before, "UNAUTHENTICATED")).toBe(1);
    const timed = (text: string) => value(text, `nastavnik_action_duration_seconds_count{action="account.saveLocale",outcome="ok"}`);
    expect(timed(after) - timed(before)).toBe(2);
  });

  it("counts reminder e-mails sent and failed", async () => {
    const org = await createOrganization(db().prisma);
    const user = await createUser(db().prisma);
    const reminder = (n: number) => ({
      organizationId: org.id, userId: user.id, kind: "test", dedupeKey: `metrics-${org.id}-${n}`, title: `Напоминание ${n}`, body: "Текст",
      emailTo: `person${n}@example.test`, emailStatus: "QUEUED" as const,
    });
    await withDb({ organizationId: org.id }, (tx) => tx.reminder.createMany({ data: [reminder(1), reminder(2), reminder(3)] }));
    let calls = 0;
    const transport: MailTransport = {
      async send() {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 });
      },
    };
    const before = await metricsBody();
    const outcome = await sendDueEmails({ run: (fn) => withDb({ organizationId: org.id }, fn), organizationId: org.id, now: new Date("2026-12-06T09:00:00Z"), transport, appUrl: null });
    expect(outcome).toMatchObject({ sent: 2, failed: 1 });
    const after = await metricsBody();
    const emails = (text: string, o: string) => value(text, `nastavnik_reminder_emails_total{outcome="${o}"}`);
    expect(emails(after, "sent") - emails(before, "sent")).toBe(2);
    expect(emails(after, "failed") - emails(before, "failed")).toBe(1);
  });

  it("reports the PostgreSQL pool (total, idle, waiting) — nothing for the embedded database", async () => {
    const body = await metricsBody();
    if (onPostgres) {
      await withDb({}, (tx) => tx.$queryRaw`SELECT 1`);
      const text = await metricsBody();
      expect(value(text, 'nastavnik_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(text).toContain('nastavnik_db_pool_connections{state="idle"}');
      expect(text).toContain('nastavnik_db_pool_connections{state="waiting"}');
      expect(value(text, "nastavnik_db_pool_max")).toBe(4);
    } else {
      expect(seriesOf(body, "nastavnik_db_pool_connections")).toEqual([]);
    }
  });
});

describe("the request's context: id, log lines, HTTP metrics", () => {
  const routeOf = routePatternsFrom({
    staticRoutes: [{ page: "/login", regex: "^/login(?:/)?$" }],
    dynamicRoutes: [{ page: "/invite/[token]", regex: "^/invite/([^/]+?)(?:/)?$" }, { page: "/[org]/pairs/[pairId]", regex: "^/([^/]+?)/pairs/([^/]+?)(?:/)?$" }],
  });
  let server: Server;
  let trusted = false;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) =>
      serveObserved(req, res, { fromTrustedProxy: trusted, routeOf }, () => {
        void (async () => {
          getLogger().info({ step: "start" }, "handling");
          await sleep(5); // the id survives awaits, as in a page or an action
          getLogger().warn({ step: "after-await" }, "still handling");
          res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
          res.end("ok");
        })();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  let capture: ReturnType<typeof captureLogs> | null = null;
  afterEach(() => {
    capture?.stop();
    capture = null;
    trusted = false;
  });

  function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; requestId: string }> {
    return new Promise((resolve, reject) => {
      httpRequest(`${base}${path}`, { headers }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, requestId: String(res.headers[REQUEST_ID_HEADER]) }));
      }).on("error", reject).end();
    });
  }

  it("every line of a request carries its id, the one the response names; a trusted proxy's id is kept, anyone else's replaced", async () => {
    capture = captureLogs("info");
    const [a, b] = await Promise.all([get("/login"), get("/login")]);
    expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.requestId).not.toBe(b.requestId);
    for (const { requestId } of [a, b]) {
      const lines = capture.lines.filter((l) => l.requestId === requestId);
      expect(lines.map((l) => l.msg)).toEqual(["handling", "still handling", "request"]);
      expect(lines.every((l) => typeof l.time === "string" && l.level)).toBe(true);
      expect(lines.at(-1)).toMatchObject({ method: "GET", route: "/login", status: 200 });
    }
    // Every line is one JSON object.
    expect(capture.raw.every((l) => l.endsWith("\n") && !l.slice(0, -1).includes("\n"))).toBe(true);

    expect((await get("/login", { [REQUEST_ID_HEADER]: "from-the-client" })).requestId).not.toBe("from-the-client");
    trusted = true;
    expect((await get("/login", { [REQUEST_ID_HEADER]: "nginx-7f3a9c" })).requestId).toBe("nginx-7f3a9c");
    // Even a trusted proxy's id must be a plain token: anything else is replaced.
    expect((await get("/login", { [REQUEST_ID_HEADER]: "bad id\twith spaces" })).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("counts requests by route pattern and status, never by address: the labels stay bounded", async () => {
    capture = captureLogs("info");
    const before = await metricsBody();
    for (let i = 0; i < 30; i++) await get(`/invite/secret-token-${i}?x=${i}`);
    for (let i = 0; i < 5; i++) await get(`/school-${i}/pairs/${i}`);
    for (let i = 0; i < 5; i++) await get(`/missing/${i}`);
    const after = await metricsBody();
    const requests = (text: string, route: string, status: number) => value(text, `nastavnik_http_requests_total{method="GET",route="${route}",status="${status}"}`);
    expect(requests(after, "/invite/[token]", 200) - requests(before, "/invite/[token]", 200)).toBe(30);
    expect(requests(after, "/[org]/pairs/[pairId]", 200) - requests(before, "/[org]/pairs/[pairId]", 200)).toBe(5);
    expect(requests(after, "unmatched", 404) - requests(before, "unmatched", 404)).toBe(5);
    const series = seriesOf(after, "nastavnik_http_requests_total");
    expect(series.some((s) => /secret-token|school-|missing\//.test(s))).toBe(false);
    expect(series.length).toBeLessThanOrEqual(4); // /login, /invite/[token], /[org]/pairs/[pairId], unmatched
    expect(value(after, 'nastavnik_http_request_duration_seconds_count{method="GET",route="/invite/[token]",status="200"}')).toBeGreaterThanOrEqual(30);
    // The access log names the pattern too, never the token in the address.
    expect(capture.raw.join("")).not.toContain("secret-token");
  });
});

describe("no secrets in the log", () => {
  it("signing in (right and wrong password) and changing the password log outcomes, never the password or the address typed", async () => {
    const capture = captureLogs("trace");
    try {
      const user = await createUser(db().prisma, { email: "logged.person@example.test" });
      const wrong = "Wrong-Password-Typed-42";
      expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD, ip: "10.9.0.1" })).ok).toBe(true);
      expect(await checkCredentials({ email: user.email, password: wrong, ip: "10.9.0.2" })).toEqual({ ok: false, reason: "invalid" });
      const change = await call(changePassword, as(user), { currentPassword: wrong, newPassword: "New-Password-Chosen-77", newPasswordRepeat: "New-Password-Chosen-77" });
      expect(change.ok).toBe(false);
      getLogger().info({ password: wrong, user: { passwordHash: "hash", token: "tok-secret" }, authorization: "Bearer abc" }, "a careless caller");

      const text = capture.raw.join("");
      const signIns = capture.lines.filter((l) => l.event === "sign-in");
      expect(signIns.map((l) => l.outcome)).toEqual(["ok", "invalid", "invalid"]);
      expect(signIns[0]).toMatchObject({ userId: user.id });
      for (const secret of [TEST_PASSWORD, wrong, "New-Password-Chosen-77", "logged.person", "tok-secret", "Bearer abc"]) expect(text).not.toContain(secret);
      expect(capture.lines.at(-1)).toMatchObject({ password: "[Redacted]", user: { passwordHash: "[Redacted]", token: "[Redacted]" }, authorization: "[Redacted]" });
    } finally {
      capture.stop();
    }
  });
});

describe("liveness and readiness", () => {
  it("with the database up: live, ready and /api/health answer 200", async () => {
    expect((await live()).status).toBe(200);
    const res = await ready();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect((await health()).status).toBe(200);
  });

  it("with the database unreachable: ready (and /api/health) answer 503 with a reason, live still 200", async () => {
    const capture = captureLogs("error");
    const unreachable = await openPostgres("postgresql://postgres@127.0.0.1:1/none", { connectTimeoutMs: 1_000, maxConnections: 1 });
    setDatabase(unreachable);
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, reason: "database", message: "База данных недоступна" });
      expect((await health()).status).toBe(503);
      expect((await live()).status).toBe(200);
      // The details are in the log, not in the answer.
      expect(capture.lines.some((l) => l.msg === "not ready" && l.database === "down" && typeof l.error === "string")).toBe(true);
    } finally {
      capture.stop();
      setDatabase(db());
      await unreachable.close();
    }
  });
});
