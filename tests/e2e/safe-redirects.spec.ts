import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, newVisitor } from "./helpers";

// Issue #12, finding 6b: return paths that browsers follow off-site (`/\host`, `/%5Chost`, `//host`, a tab
// inside, an absolute URL) are not taken by the login form's callback nor by the language switch: the
// browser stays on the app's origin. The hidden fields are also tampered with directly, as an attacker's
// own form would post them.

const HOSTILE = ["/\\evil.example", "/%5Cevil.example", "//evil.example", "/\t/evil.example", "https://evil.example/", "/%2F%2Fevil.example"];

async function expectOnApp(page: Page, origin: string, what: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(new URL(page.url()).origin, what).toBe(origin);
}

test("the login callback and the language switch keep the browser on the app for every off-site return path", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const offSite: string[] = [];
  for (const path of HOSTILE) {
    // The login page given the path in its address, and the form's hidden field set to it as well.
    for (const tamper of [false, true]) {
      const { page, context } = await newVisitor(browser);
      page.on("request", (r) => {
        if (!r.url().startsWith(origin)) offSite.push(`${path} → ${r.url()}`);
      });
      await context.route((url) => url.origin !== origin, (route) => route.abort());
      await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
      if (tamper) await page.locator('form:has(input[name="password"]) input[name="callbackUrl"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), path);
      await page.getByLabel("Электронная почта").fill("psychologist@sosh20.demo");
      await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Войти", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
      await expectOnApp(page, origin, `login with callback ${JSON.stringify(path)}${tamper ? " (tampered field)" : ""}`);
      await context.close();
    }

    // The language switch of the login page with its return path tampered with.
    const { page, context } = await newVisitor(browser);
    page.on("request", (r) => {
      if (!r.url().startsWith(origin)) offSite.push(`${path} → ${r.url()}`);
    });
    await context.route((url) => url.origin !== origin, (route) => route.abort());
    await page.goto("/login");
    await page.locator('input[name="returnTo"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), path);
    await page.getByLabel("Язык интерфейса").selectOption("en");
    await page.getByRole("button", { name: "Сменить язык" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectOnApp(page, origin, `language switch with return path ${JSON.stringify(path)}`);
    await expectAccessible(page);
    await context.close();
  }
  expect(offSite, "requests the browser made off the app's origin").toEqual([]);
});
