import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible, signedInAs, uniqueSuffix } from "../e2e/helpers";
import { ports } from "./config";

// Runs after the journeys (tests/topology/playwright.config.ts) against the topology of tests/topology/serve.ts:
// nginx → instances A and B → PgBouncer (transaction mode) → primary, and the replica the dashboards read.
// In order: what the journeys went through; the dashboard on the replica (replay paused, then resumed); the replica
// stopped (the primary answers); the switch of the primary to the promoted replica — nothing committed lost.
test.describe.configure({ mode: "serial" });

type State = { served: [number, number]; primaryUrl: string; replicaUrl: string; bouncerUrl: string; bouncerAdminUrl: string };
const control = (p: string) => `http://127.0.0.1:${ports.control}${p}`;

async function state(request: APIRequestContext): Promise<State> {
  const res = await request.get(control("/state"));
  expect(res.ok()).toBe(true);
  return (await res.json()) as State;
}

async function act(request: APIRequestContext, action: string) {
  const res = await request.post(control(action), { timeout: 120_000 });
  expect(res.ok(), `${action}: ${await res.text()}`).toBe(true);
}

async function sql<T extends pg.QueryResultRow>(connectionString: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // No parameters: the simple protocol, which PgBouncer's admin console requires.
    return (values.length ? await client.query<T>(text, values) : await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's row count and a hash of its rows (as the superuser, whom row-level security does not filter). */
async function fingerprint(connectionString: string): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>(connectionString, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ n: string; h: string }>(connectionString, `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`);
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

const DASHBOARD = "/levokumsky/district";
const CURATOR_SESSIONS = `SELECT count(*)::int AS n FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'curator@sosh20.demo'`;
const SCHOOL = "БОУ «Ковалевская ООШ»";
const RENAMED = "БОУ «Ковалевская ООШ им. А. С. Пушкина»";
const moscow = (at: Date, part: "date" | "time") =>
  new Intl.DateTimeFormat("ru-RU", part === "time" ? { timeZone: "Europe/Moscow", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : { timeZone: "Europe/Moscow", day: "2-digit", month: "2-digit", year: "numeric" }).format(at);
/** What «Данные на …» may say for figures as of one of these instants (the date appears only when it is not today's). */
const freshnessTexts = (...instants: Date[]) => instants.flatMap((at) => [`Данные на ${moscow(at, "time")}`, `Данные на ${moscow(at, "date")} ${moscow(at, "time")}`]);
const freshness = (page: Page) => page.getByText(/^Данные на (\d{2}\.\d{2}\.\d{4} )?\d{2}:\d{2}$/);
const schoolsTable = (page: Page) => page.getByRole("table", { name: /Показатели образовательных организаций за/ });

test("the journeys went through nginx to both instances, and through PgBouncer in transaction mode", async ({ request }) => {
  const s = await state(request);
  console.log(`[topology] requests through nginx: A ${s.served[0]}, B ${s.served[1]}`);
  expect(s.served[0]).toBeGreaterThan(20);
  expect(s.served[1]).toBeGreaterThan(20);
  // Round robin: the two counts stay close.
  expect(Math.abs(s.served[0] - s.served[1])).toBeLessThan(Math.max(10, (s.served[0] + s.served[1]) / 5));

  const config = await sql<{ key: string; value: string }>(s.bouncerAdminUrl, "SHOW CONFIG");
  expect(config.find((r) => r.key === "pool_mode")?.value).toBe("transaction");
  const stats = await sql<{ database: string; total_xact_count: string }>(s.bouncerAdminUrl, "SHOW STATS");
  const transactions = Number(stats.find((r) => r.database === "nastavnik")?.total_xact_count ?? 0);
  console.log(`[topology] transactions through PgBouncer: ${transactions}`);
  expect(transactions).toBeGreaterThan(50);
});

test("the district dashboard reads the replica: with its replay paused it shows the figures of then, and how fresh they are", async ({ browser, request }) => {
  const s = await state(request);
  const { page, context } = await signedInAs(browser, "methodist@levokumsky.demo");
  await act(request, "/replica/pause");
  try {
    // A change on the primary that the paused replica has received but not applied.
    await sql(s.primaryUrl, `UPDATE "Organization" SET "shortName" = $1 WHERE slug = 'kovalevskaya-oosh'`, [RENAMED]);
    const [replayed] = await sql<{ at: Date }>(s.replicaUrl, `SELECT pg_last_xact_replay_timestamp() AS at`);
    await page.goto(DASHBOARD);
    await expect(schoolsTable(page).getByRole("link", { name: SCHOOL, exact: true })).toBeVisible();
    await expect(schoolsTable(page).getByRole("link", { name: RENAMED, exact: true })).toHaveCount(0);
    // «Данные на HH:MM»: the replica's last applied commit, on the office's clock (Moscow).
    const text = await freshness(page).textContent();
    const at = replayed!.at.getTime();
    expect(freshnessTexts(new Date(at - 2000), new Date(at + 2000))).toContain(text);
    await expect(freshness(page)).toHaveAttribute("data-source", "replica");
    await expectAccessible(page);
  } finally {
    await act(request, "/replica/resume");
  }
  // Replay resumed: the replica catches up and the dashboard shows the primary's change.
  await expect
    .poll(
      async () => {
        await page.reload();
        return schoolsTable(page).getByRole("link", { name: RENAMED, exact: true }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await context.close();
});

let written = "";

test("with the replica stopped the dashboards read the primary and still answer; a curator's write streams to it once it is back", async ({ browser, request }) => {
  const s = await state(request);
  await act(request, "/replica/stop");
  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  const response = await methodist.page.goto(DASHBOARD);
  expect(response?.status()).toBe(200);
  await expect(methodist.page.getByRole("heading", { level: 1, name: "Мониторинг наставничества в округе" })).toBeVisible();
  await expect(schoolsTable(methodist.page).getByRole("link", { name: RENAMED, exact: true })).toBeVisible();
  await expect(freshness(methodist.page)).toHaveAttribute("data-source", "primary");
  const shown = await freshness(methodist.page).textContent();
  expect(freshnessTexts(new Date(Date.now() - 60_000), new Date())).toContain(shown);
  const xlsx = await methodist.page.request.get(`${DASHBOARD}/export?table=schools`);
  expect(xlsx.status()).toBe(200);
  await methodist.context.close();

  // The row the switch must not lose: a curator adds a student through nginx while the replica is down.
  const curator = await signedInAs(browser, "curator@sosh20.demo");
  written = `Реплика${uniqueSuffix()}`;
  await curator.page.goto("/sosh-20/people");
  await curator.page.getByLabel("Кто", { exact: true }).selectOption("STUDENT");
  await curator.page.getByLabel("Фамилия").fill(written);
  await curator.page.getByLabel("Имя", { exact: true }).fill("Иван");
  await curator.page.getByLabel("Дата рождения", { exact: true }).fill("2012-04-01");
  await curator.page.getByLabel("Класс").fill("8Б");
  await curator.page.getByRole("button", { name: "Добавить" }).click();
  await expect(curator.page.getByRole("main").getByRole("status").filter({ hasText: "Человек добавлен." })).toBeVisible();
  await curator.context.close();

  // Started again, the replica catches up through its slot.
  await act(request, "/replica/start");
  await expect.poll(async () => (await sql(s.replicaUrl, `SELECT 1 FROM "Person" WHERE "lastName" = $1`, [written])).length, { timeout: 30_000 }).toBe(1);
});

test("the primary stops, the replica is promoted and PgBouncer points at it: nothing committed is lost and the app goes on", async ({ browser, request }) => {
  const before = await state(request);
  // Everything committed on the primary, table by table, just before it stops (no browser is open: nothing writes).
  const committed = await fingerprint(before.primaryUrl);
  const sessionsBefore = (await sql<{ n: number }>(before.primaryUrl, CURATOR_SESSIONS))[0]!.n;
  expect(Object.keys(committed).length).toBeGreaterThan(30);
  await act(request, "/switchover");
  const after = await state(request);
  expect(after.primaryUrl).toBe(before.replicaUrl);
  expect(await sql<{ recovery: boolean }>(after.primaryUrl, `SELECT pg_is_in_recovery() AS recovery`)).toEqual([{ recovery: false }]);
  expect(await fingerprint(after.primaryUrl)).toEqual(committed);

  // The instances were not restarted: through nginx and PgBouncer they now read and write the promoted server.
  const curator = await signedInAs(browser, "curator@sosh20.demo");
  await curator.page.goto("/sosh-20/people");
  await expect(curator.page.getByRole("link", { name: `${written} Иван` })).toBeVisible();
  await expectAccessible(curator.page);
  // Its sign-in was written on the promoted server.
  const [sessions] = await sql<{ n: number }>(after.primaryUrl, CURATOR_SESSIONS);
  expect(sessions!.n).toBe(sessionsBefore + 1);
  await curator.context.close();

  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  expect((await methodist.page.goto(DASHBOARD))?.status()).toBe(200);
  await expect(schoolsTable(methodist.page).getByRole("link", { name: RENAMED, exact: true })).toBeVisible();
  await methodist.context.close();
});
