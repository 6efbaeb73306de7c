import http from "node:http";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, newMember, newVisitor, sessionCookie, signedInAs, signIn } from "./helpers";

// Issue #12, findings 2 and 3 (decision 012), as an attacker with a copied cookie or a forged header
// would try them. Runs on the single e2e server and, in the two-instance run (tests/cluster), through the
// round-robin proxy — there every replay is also sent to each instance directly.

/** The origins to replay a cookie on: each instance of the cluster run, or the one server. */
async function origins(request: APIRequestContext, baseURL: string): Promise<string[]> {
  const res = await request.get("/__cluster");
  if (res.headers()["content-type"]?.includes("application/json")) {
    const { instancePorts } = (await res.json()) as { instancePorts: number[] };
    return instancePorts.map((port) => `http://localhost:${port}`);
  }
  return [baseURL];
}


/** What a replayed cookie gets on a page and a download: the page itself (200) or a redirect to /login. */
async function replay(request: APIRequestContext, bases: string[], cookie: string, pathname: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const base of bases) {
    const res = await request.get(`${base}${pathname}`, { headers: { cookie }, maxRedirects: 0 });
    if (res.status() === 307 || res.status() === 303) expect(res.headers()["location"]).toMatch(/\/login/);
    statuses.push(res.status());
  }
  return statuses;
}

/** A copy of the cookie in another browser, as someone who stole it would hold it. */
async function browserWithCookie(browser: Browser, from: BrowserContext): Promise<{ context: BrowserContext; page: Page }> {
  const copy = await newVisitor(browser);
  await copy.context.addCookies(await from.cookies());
  return copy;
}

async function newStaff(browser: Browser, label: string, name: string) {
  const director = await signedInAs(browser, "director@sosh20.demo");
  const member = await newMember(browser, director.page, "sosh-20", label, name);
  return { director, member };
}

test("«Выйти» ends the session on the server: a copied cookie stops working for pages, downloads and actions", async ({ browser, request, baseURL }) => {
  const { director, member } = await newStaff(browser, "Куратор", "Голубева Нина Петровна");
  const bases = await origins(request, baseURL!);
  const cookie = await sessionCookie(member.context);
  const copy = await browserWithCookie(browser, member.context);
  await copy.page.goto("/account");
  await expect(copy.page.getByRole("heading", { level: 1, name: "Учётная запись" })).toBeVisible();
  expect(await replay(request, bases, cookie, "/sosh-20")).toEqual(bases.map(() => 200));
  expect(await replay(request, bases, cookie, "/sosh-20/people/export")).toEqual(bases.map(() => 200));

  await member.page.goto("/sosh-20");
  await member.page.getByRole("button", { name: "Выйти" }).click();
  await expect(member.page).toHaveURL(/\/login/);

  expect(await replay(request, bases, cookie, "/sosh-20")).toEqual(bases.map(() => 307));
  expect(await replay(request, bases, cookie, "/account")).toEqual(bases.map(() => 307));
  expect(await replay(request, bases, cookie, "/sosh-20/people/export")).toEqual(bases.map(() => 307));
  // An action from the page the copy still has open: refused as signed out, nothing changed.
  await copy.page.getByLabel("Текущий пароль").fill("member-pass-2026");
  await copy.page.getByLabel("Новый пароль", { exact: true }).fill("stolen-new-pass-1");
  await copy.page.getByLabel("Новый пароль ещё раз").fill("stolen-new-pass-1");
  await copy.page.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(copy.page.getByText("Войдите в систему, чтобы продолжить.")).toBeVisible();
  // The old password still works: the action did nothing.
  await signIn(member.page, member.email, member.password);
  await expect(member.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  for (const c of [director.context, member.context, copy.context]) await c.close();
});

test("«Выйти на всех устройствах» ends every session of the account, copies included", async ({ browser, request, baseURL }) => {
  const { director, member } = await newStaff(browser, "Наставляемый", "Орлов Денис Игоревич");
  const bases = await origins(request, baseURL!);
  const laptop = await newVisitor(browser);
  await signIn(laptop.page, member.email, member.password);
  await expect(laptop.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  const cookies = [await sessionCookie(member.context), await sessionCookie(laptop.context)];
  for (const cookie of cookies) expect(await replay(request, bases, cookie, "/sosh-20")).toEqual(bases.map(() => 200));

  await member.page.goto("/account");
  await expectAccessible(member.page);
  await member.page.getByRole("button", { name: "Выйти на всех устройствах" }).click();
  await expect(member.page).toHaveURL(/\/login\?reason=everywhere/);
  await expect(member.page.getByText("Все сеансы завершены. Войдите снова.")).toBeVisible();
  await expectAccessible(member.page);

  for (const cookie of cookies) expect(await replay(request, bases, cookie, "/sosh-20")).toEqual(bases.map(() => 307));
  await laptop.page.goto("/sosh-20");
  await expect(laptop.page).toHaveURL(/\/login/);
  for (const c of [director.context, member.context, laptop.context]) await c.close();
});

test("a password change ends the other sessions; the one that changed it stays signed in", async ({ browser, request, baseURL }) => {
  const { director, member } = await newStaff(browser, "Наставник", "Белова Ирина Сергеевна");
  const bases = await origins(request, baseURL!);
  const other = await newVisitor(browser);
  await signIn(other.page, member.email, member.password);
  await expect(other.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  const otherCookie = await sessionCookie(other.context);

  await member.page.goto("/account");
  await member.page.getByLabel("Текущий пароль").fill(member.password);
  await member.page.getByLabel("Новый пароль", { exact: true }).fill("changed-pass-2026");
  await member.page.getByLabel("Новый пароль ещё раз").fill("changed-pass-2026");
  await member.page.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(member.page.getByText("Пароль изменён.")).toBeVisible();

  expect(await replay(request, bases, otherCookie, "/sosh-20")).toEqual(bases.map(() => 307));
  expect(await replay(request, bases, await sessionCookie(member.context), "/sosh-20")).toEqual(bases.map(() => 200));
  for (const c of [director.context, member.context, other.context]) await c.close();
});

test("a copied cookie of a member whose role was removed gets 403 on every instance", async ({ browser, request, baseURL }) => {
  const { director, member } = await newStaff(browser, "Наставник", "Тихонов Глеб Андреевич");
  const bases = await origins(request, baseURL!);
  const cookie = await sessionCookie(member.context);
  expect(await replay(request, bases, cookie, "/sosh-20")).toEqual(bases.map(() => 200));
  await director.page.goto("/sosh-20/members");
  director.page.once("dialog", (d) => d.accept());
  await director.page.getByRole("row", { name: /Тихонов Глеб Андреевич/ }).getByRole("button", { name: "Снять роль" }).click();
  await expect(director.page.getByRole("row", { name: /Тихонов Глеб Андреевич/ })).toHaveCount(0);
  expect(await replay(request, bases, cookie, "/sosh-20")).toEqual(bases.map(() => 403));
  for (const c of [director.context, member.context]) await c.close();
});

/** A sign-in through Auth.js's endpoints over a connection from a chosen loopback address, with any X-Forwarded-For. */
function signInFrom(baseURL: string, localAddress: string, forwardedFor: string, email: string, password: string): Promise<"signed-in" | "invalid" | "rate_limited"> {
  const url = new URL(baseURL);
  const call = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: Number(url.port), localAddress, method, path, headers: { ...headers, "x-forwarded-for": forwardedFor } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  const cookiesOf = (headers: http.IncomingHttpHeaders) => (headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);
  return (async () => {
    const csrf = await call("GET", "/api/auth/csrf", {});
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const res = await call(
      "POST",
      "/api/auth/callback/credentials",
      { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf.headers).join("; ") },
      new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/` }).toString(),
    );
    if (cookiesOf(res.headers).some((c) => /authjs\.session-token=./.test(c))) return "signed-in";
    return String(res.headers.location ?? "").includes("code=rate_limited") ? "rate_limited" : "invalid";
  })();
}

test("a forged X-Forwarded-For from an untrusted address neither escapes the per-address limit nor locks out the address it names", async ({ browser, baseURL }) => {
  const { director, member } = await newStaff(browser, "Наставник", "Ершова Алла Викторовна");
  // 127.0.0.2 is loopback, but not among TRUSTED_PROXIES: its X-Forwarded-For must be ignored.
  const attacker = "127.0.0.2";
  const schoolNat = `203.0.113.${100 + (process.pid % 100)}`;
  for (let i = 0; i < 5; i++) {
    // A new forged address and a new made-up account each time: only the real peer can connect them.
    const outcome = await signInFrom(baseURL!, attacker, i % 2 ? schoolNat : `198.51.100.${i}`, `nobody-${i}-${process.pid}@guess.test`, "guess");
    expect(outcome).toBe("invalid");
  }
  expect(await signInFrom(baseURL!, attacker, "192.0.2.200", member.email, member.password)).toBe("rate_limited");
  // The school behind its NAT address, through a trusted proxy, is not locked out by the forgeries.
  expect(await signInFrom(baseURL!, "127.0.0.1", schoolNat, member.email, member.password)).toBe("signed-in");
  for (const c of [director.context, member.context]) await c.close();
});

test("an invitation to an existing account asks to sign in, never for a password on the invitation page", async ({ browser }) => {
  const { director, member } = await newStaff(browser, "Наставник", "Кузнецова Ольга Львовна");
  await member.context.close();
  // A second role for the same address: the account exists.
  await director.page.goto("/sosh-20/members");
  await director.page.getByLabel("Электронная почта").fill(member.email);
  await director.page.getByLabel("Роль").selectOption({ label: "Наставляемый" });
  await director.page.getByRole("button", { name: "Создать приглашение" }).click();
  const link = director.page.getByLabel(`Приглашение создано. Ссылка для ${member.email}:`);
  await expect(link).toHaveValue(/\/invite\//);
  const path = new URL(await link.inputValue()).pathname;

  // Signed in as someone else (the director): told to switch accounts, no form.
  await director.page.goto(path);
  await expect(director.page.getByText(`Приглашение выписано на адрес ${member.email}, а вы вошли под другим.`, { exact: false })).toBeVisible();
  await expect(director.page.getByRole("button", { name: "Принять приглашение" })).toHaveCount(0);
  await expectAccessible(director.page);

  const visitor = await newVisitor(browser);
  await visitor.page.goto(path);
  await expect(visitor.page.getByText("У вас уже есть учётная запись с этим адресом.", { exact: false })).toBeVisible();
  await expect(visitor.page.getByLabel("Пароль")).toHaveCount(0);
  await expectAccessible(visitor.page);
  await visitor.page.getByRole("link", { name: "Войти и принять приглашение" }).click();
  await expect(visitor.page).toHaveURL(/\/login\?callbackUrl=/);
  await visitor.page.getByLabel("Электронная почта").fill(member.email);
  await visitor.page.getByLabel("Пароль").fill(member.password);
  await visitor.page.getByRole("button", { name: "Войти", exact: true }).click();
  await expect(visitor.page).toHaveURL(new RegExp(`${path}$`));
  await expect(visitor.page.getByText(`Вы вошли как ${member.email}.`)).toBeVisible();
  await expectAccessible(visitor.page);
  await visitor.page.getByRole("button", { name: "Принять приглашение" }).click();
  await expect(visitor.page).toHaveURL(/\/sosh-20$/);
  await director.page.goto("/sosh-20/members");
  // Both roles now: one row each.
  await expect(director.page.getByRole("row", { name: /Кузнецова Ольга Львовна/ })).toHaveCount(2);
  await expect(director.page.getByRole("row", { name: /Кузнецова Ольга Львовна.*Наставляемый/ })).toHaveCount(1);
  for (const c of [director.context, visitor.context]) await c.close();
});

test("password recovery pages: without e-mail set up the page says whom to ask; broken links get a clear page", async ({ browser, request, baseURL }) => {
  const { page, context } = await newVisitor(browser);
  await page.goto("/login");
  await page.getByRole("link", { name: "Забыли пароль?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Восстановление пароля" })).toBeVisible();
  // The two-instance run has an SMTP sink and APP_URL, so the form (its journey: tests/cluster); the e2e server has neither.
  const clustered = (await origins(request, baseURL!)).length > 1;
  if (clustered) await expect(page.getByRole("button", { name: "Прислать ссылку" })).toBeVisible();
  else await expect(page.getByText("Восстановление пароля по почте в этой установке не настроено.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/reset-password/not-a-token");
  await expect(page.getByRole("heading", { level: 1, name: "Ссылка недействительна" })).toBeVisible();
  await expect(page.getByText("Ссылка повреждена.", { exact: false })).toBeVisible();
  await page.goto(`/reset-password/${"A".repeat(43)}`);
  await expect(page.getByText("Ссылка не найдена.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
