import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newVisitor, sessionCookie, signedInAs } from "./helpers";
import { OIDC_NAME, OIDC_PEOPLE } from "./oidc-provider";

// Single sign-on through OpenID Connect (issue #13 item 6, docs/decisions/021), end to end: the app's
// e2e server has OIDC_* pointing at the local provider tests/e2e/global-setup.ts starts (oidc-provider,
// with its development login page: any password, the login names the person — tests/e2e/oidc-provider.ts).

/** From our login page through the provider's login and consent pages, back to the app. */
async function signInThroughPortal(page: Page, login: keyof typeof OIDC_PEOPLE, callbackUrl?: string) {
  await page.goto("/login");
  if (callbackUrl) {
    // As an attacker's own form would post it: the portal form's hidden return path set off-site.
    await page.locator('form:not(:has(input[name="password"])) input[name="callbackUrl"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), callbackUrl);
  }
  await page.getByRole("button", { name: OIDC_NAME }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("portal-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}


test("the login page offers the regional portal and stays accessible", async ({ browser }) => {
  const { page, context } = await newVisitor(browser);
  await page.goto("/login");
  await expect(page.getByRole("button", { name: OIDC_NAME })).toBeVisible();
  await expect(page.getByRole("button", { name: "Войти", exact: true })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("a demo user with an account signs in through the portal (the e-mail in another case), lands on their school, and «Выйти» ends that session on the server", async ({
  browser,
  request,
}) => {
  const { page, context } = await newVisitor(browser);
  await signInThroughPortal(page, "kuznetsova");
  await expect(page).toHaveURL(/\/sosh-20$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Кузнецова Анна Игоревна!");
  await expect(page.getByTestId("current-organization")).toHaveText("МБОУ «СОШ №20»");
  await expectAccessible(page);

  const cookie = await sessionCookie(context);
  expect((await request.get("/sosh-20", { headers: { cookie }, maxRedirects: 0 })).status()).toBe(200);
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await request.get("/sosh-20", { headers: { cookie }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers()["location"]).toMatch(/\/login/);
  await context.close();
});

test("a person with only a pending invitation signs in through the portal and lands in the invited school with the role", async ({ browser }) => {
  const person = OIDC_PEOPLE.sergeev!;
  const director = await signedInAs(browser, "director@sosh14.demo");
  await director.page.goto("/sosh-14/members");
  await director.page.getByLabel("Электронная почта").fill(person.email);
  await director.page.getByLabel("Роль").selectOption({ label: "Наставник" });
  await director.page.getByRole("button", { name: "Создать приглашение" }).click();
  await expect(director.page.getByLabel(`Приглашение создано. Ссылка для ${person.email}:`)).toHaveValue(/\/invite\//);

  const { page, context } = await newVisitor(browser);
  await signInThroughPortal(page, "sergeev");
  await expect(page).toHaveURL(/\/sosh-14$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Сергеев Павел Олегович!");
  await expect(page.getByTestId("current-organization")).toHaveText("МАОУ «СОШ № 14»");
  await expect(page.getByRole("main").getByText("Наставник", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // The director sees the new member, and «Выйти на всех устройствах» ends the portal session like any other.
  await director.page.reload();
  await expect(director.page.getByRole("main").getByText(person.email).first()).toBeVisible();
  await page.goto("/account");
  await page.getByRole("button", { name: "Выйти на всех устройствах" }).click();
  await expect(page).toHaveURL(/\/login\?reason=everywhere/);
  await page.goto("/sosh-14");
  await expect(page).toHaveURL(/\/login/);
  await director.context.close();
  await context.close();
});

test("an e-mail without an account or invitation, and an unconfirmed e-mail, are refused with a Russian message", async ({ browser }) => {
  const { page, context } = await newVisitor(browser);
  await signInThroughPortal(page, "stranger");
  await expect(page).toHaveURL(/\/login\?sso=notFound/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Учётная запись не найдена: попросите приглашение у администратора школы.");
  await expectAccessible(page);
  await context.close();

  // The provider never confirmed this address — the demo director's: refused, not signed in as her.
  const second = await newVisitor(browser);
  await signInThroughPortal(second.page, "unverified");
  await expect(second.page).toHaveURL(/\/login\?sso=unverified/);
  await expect(second.page.getByRole("main").getByRole("alert")).toContainText("Адрес электронной почты не подтверждён");
  await second.page.goto("/ds-solnyshko");
  await expect(second.page).toHaveURL(/\/login/);
  await second.context.close();
});

test("without JavaScript the portal button works too (form-action lets the answer redirect to the provider)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": `10.252.${process.pid % 250}.1` } });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content[ -]Security[ -]Policy/i.test(m.text())) blocked.push(m.text());
  });
  await signInThroughPortal(page, "orlova");
  await expect(page).toHaveURL(/\/sosh-20$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Орлова Татьяна Сергеевна!");
  expect(blocked).toEqual([]);
  await context.close();
});

test("the portal form's return path cannot lead off the app: a tampered one lands on the app's own start page", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const { page, context } = await newVisitor(browser);
  const evil: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("evil.example")) evil.push(r.url());
  });
  await signInThroughPortal(page, "volkov", "//evil.example/steal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Волков Сергей Николаевич!");
  expect(new URL(page.url()).origin).toBe(origin);
  expect(evil).toEqual([]);
  await context.close();
});
