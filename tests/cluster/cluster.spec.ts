import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, expectAccessible, newMember, newVisitor, signIn, signedInAs } from "../e2e/helpers";
import { letterText } from "../setup/mail";

// Runs after the journeys (tests/cluster/playwright.config.ts) against two instances behind the
// round-robin proxy of tests/cluster/serve.ts.

type Stats = {
  served: [number, number];
  failedUpstream: [number, number];
  letters: { messageId: string | null; from: string; to: string[]; subject: string; raw: string }[];
  databaseUrl: string;
  instancePorts: [number, number];
};

async function stats(request: APIRequestContext): Promise<Stats> {
  const res = await request.get("/__cluster");
  expect(res.ok()).toBe(true);
  return (await res.json()) as Stats;
}

const direct = (s: Stats, i: 0 | 1, path: string) => `http://localhost:${s.instancePorts[i]}${path}`;
const isReminder = (l: Stats["letters"][number]) => (l.messageId ?? "").startsWith("<reminder-");

test("both instances served the journeys, alternately, and none of their requests failed at the proxy", async ({ request }) => {
  const s = await stats(request);
  const total = s.served[0] + s.served[1];
  console.log(`[cluster] requests through the proxy: A ${s.served[0]}, B ${s.served[1]}`);
  expect(total).toBeGreaterThan(200);
  // Strict alternation: the two counts differ by the requests of this spec at most.
  expect(Math.abs(s.served[0] - s.served[1])).toBeLessThanOrEqual(2);
  expect(s.failedUpstream).toEqual([0, 0]);
});

test("a session made through one instance is honoured by the other", async ({ browser, request }) => {
  const s = await stats(request);
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  for (const i of [0, 1] as const) {
    await page.goto(direct(s, i, "/sosh-20"));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
    await expectAccessible(page);
  }
  // Sign-out on A ends the session on B too (the cookie is gone; nothing instance-local remains).
  await page.goto(direct(s, 0, "/sosh-20"));
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(direct(s, 1, "/sosh-20/people"));
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("failed sign-ins counted on both instances lock the account on both", async ({ browser, request }) => {
  const s = await stats(request);
  const { page, context } = await newVisitor(browser);
  const tryOn = async (p: Page, i: 0 | 1, password: string) => {
    await p.goto(direct(s, i, "/login"));
    await p.getByLabel("Электронная почта").fill("mentee@sosh20.demo");
    await p.getByLabel("Пароль").fill(password);
    await p.getByRole("button", { name: "Войти", exact: true }).click();
  };
  for (let n = 0; n < 5; n++) {
    await tryOn(page, (n % 2) as 0 | 1, `wrong-${n}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Неверная электронная почта или пароль.");
  }
  for (const i of [0, 1] as const) {
    await tryOn(page, i, DEMO_PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Слишком много неудачных попыток входа. Повторите через 15 минут.");
  }
  await context.close();
});

test("reminder cycles of both instances, run at once, send each e-mail exactly once", async ({ browser, request }) => {
  const s = await stats(request);
  // Two directors' windows, one on each instance, press «Проверить напоминания сейчас» together —
  // on top of both instances' own loops, which run every minute.
  const a = await signedInAs(browser, "director@sosh20.demo");
  const b = await newVisitor(browser);
  await signIn(b.page, "director@sosh20.demo");
  await expect(b.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  await a.page.goto(direct(s, 0, "/sosh-20/outbox"));
  await b.page.goto(direct(s, 1, "/sosh-20/outbox"));
  await expectAccessible(a.page);
  await Promise.all([a.page, b.page].map((p) => p.getByRole("button", { name: "Проверить напоминания сейчас" }).click()));
  for (const p of [a.page, b.page]) await expect(p.getByRole("status").filter({ hasText: "Проверка выполнена" }).first()).toBeVisible();

  const client = new pg.Client({ connectionString: s.databaseUrl });
  await client.connect();
  try {
    // Letters reach the sink just before their row is marked sent: compare once both have settled.
    let sentIds: string[] = [];
    let letterIds: string[] = [];
    await expect
      .poll(
        async () => {
          const now = await stats(request);
          // Reminders only: other letters (a password reset) have Message-IDs of their own.
          letterIds = now.letters.filter(isReminder).map((l) => l.messageId ?? "");
          const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Reminder" WHERE "emailStatus" = 'SENT'`);
          sentIds = rows.map((r) => `<reminder-${r.id}@nastavnik>`);
          return sentIds.length > 0 && [...letterIds].sort().join() === [...sentIds].sort().join();
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBe(true);
    expect(new Set(letterIds).size).toBe(letterIds.length);
    const final = await stats(request);
    const byInstance = ["instance-a@cluster.test", "instance-b@cluster.test"].map((from) => final.letters.filter((l) => isReminder(l) && l.from === from).length);
    console.log(`[cluster] reminder e-mails: ${letterIds.length} letters, each once — instance A sent ${byInstance[0]}, B sent ${byInstance[1]}`);
    expect(byInstance[0]! + byInstance[1]!).toBe(letterIds.length);
  } finally {
    await client.end();
  }
  await a.context.close();
  await b.context.close();
});

test("a teacher who forgot the password sets a new one through the link e-mailed to them; the old session ends", async ({ browser, request }) => {
  const director = await signedInAs(browser, "director@sosh20.demo");
  const member = await newMember(browser, director.page, "sosh-20", "Наставник", "Соловьёва Мария Олеговна");
  const visitor = await newVisitor(browser);
  await visitor.page.goto("/login");
  await visitor.page.getByRole("link", { name: "Забыли пароль?" }).click();
  await expect(visitor.page.getByRole("heading", { level: 1, name: "Восстановление пароля" })).toBeVisible();
  await expectAccessible(visitor.page);
  await visitor.page.getByLabel("Электронная почта").fill(member.email);
  await visitor.page.getByRole("button", { name: "Прислать ссылку" }).click();
  await expect(visitor.page.getByText("Если учётная запись с этим адресом есть, на него отправлено письмо со ссылкой.", { exact: false })).toBeVisible();

  let link = "";
  await expect
    .poll(
      async () => {
        // The member's invitation letter went to the same address first: look for the reset link.
        const letters = (await stats(request)).letters.filter((l) => l.to.includes(member.email));
        link = letters.map((l) => /\/reset-password\/[A-Za-z0-9_-]{43}/.exec(letterText(l.raw))?.[0] ?? "").find(Boolean) ?? "";
        return link;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .not.toBe("");
  await visitor.page.goto(link);
  await expect(visitor.page.getByRole("heading", { level: 1, name: "Новый пароль" })).toBeVisible();
  await expectAccessible(visitor.page);
  await visitor.page.getByLabel("Новый пароль", { exact: true }).fill("remembered-at-last");
  await visitor.page.getByLabel("Новый пароль ещё раз").fill("remembered-at-last");
  await visitor.page.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(visitor.page.getByText("Пароль изменён, все сеансы завершены. Войдите с новым паролем.")).toBeVisible();
  await signIn(visitor.page, member.email, "remembered-at-last");
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Соловьёва Мария Олеговна!");

  // The session opened before the reset is over; the link does not work twice.
  await member.page.goto("/sosh-20");
  await expect(member.page).toHaveURL(/\/login/);
  await visitor.page.goto(link);
  await expect(visitor.page.getByText("Эта ссылка уже использована.", { exact: false })).toBeVisible();
  for (const c of [director.context, member.context, visitor.context]) await c.close();
});

test("bulk-inviting two people from the people list delivers exactly two letters, whose links work", async ({ browser, request }) => {
  const s = await stats(request);
  const sfx = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const people = [0, 1].map((i) => ({ lastName: `Письмова${i}-${sfx}`, email: `letter-${i}-${sfx}@cluster.test` }));
  const client = new pg.Client({ connectionString: s.databaseUrl });
  await client.connect();
  try {
    for (const p of people) {
      await client.query(
        `INSERT INTO "Person" (id, "organizationId", kind, "lastName", "firstName", position, email, "updatedAt")
         SELECT gen_random_uuid(), id, 'TEACHER', $1, 'Вера', 'Учитель истории', $2, now() FROM "Organization" WHERE slug = 'sosh-20'`,
        [p.lastName, p.email],
      );
    }
    const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
    await page.goto("/sosh-20/people");
    for (const p of people) await page.getByLabel(`Выбрать: ${p.lastName} Вера`).check();
    await page.getByRole("button", { name: "Пригласить выбранных" }).click();
    await expect(page.getByText("Создано приглашений: 2. Письма отправляются на указанные адреса.")).toBeVisible();
    await expectAccessible(page);

    // Sent right after the action (and possibly claimed by either instance's loop): each exactly once.
    await expect
      .poll(
        async () => {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "Invitation" WHERE email = ANY($1) AND "emailStatus" = 'SENT'`,
            [people.map((p) => p.email)],
          );
          const letters = (await stats(request)).letters.filter((l) => people.some((p) => l.to.includes(p.email)));
          return rows[0]!.n === 2 && letters.length >= 2;
        },
        { timeout: 90_000, intervals: [1000] },
      )
      .toBe(true);
    const letters = (await stats(request)).letters.filter((l) => people.some((p) => l.to.includes(p.email)));
    expect(letters.map((l) => l.to.join()).sort()).toEqual(people.map((p) => p.email).sort());
    for (const letter of letters) {
      const text = letterText(letter.raw);
      expect(text).toContain("Орлова Татьяна Сергеевна приглашает вас");
      const path = /\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
      expect(path, "an invitation link in the letter").toBeTruthy();
      const visitor = await newVisitor(browser);
      await visitor.page.goto(path!);
      await expect(visitor.page.getByRole("button", { name: "Принять приглашение" })).toBeVisible();
      await visitor.context.close();
    }
    await context.close();
  } finally {
    await client.end();
  }
});
