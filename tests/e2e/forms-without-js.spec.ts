import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

// Issue #14 item 6: a form submitted before the page is interactive either works (progressive
// enhancement) or is visibly disabled until it can. With JavaScript off — the state of a page before
// hydration, for as long as it lasts — every form on the pages a director and a curator reach from their
// organization's home must be a GET form, a form posting to a server action (React renders its
// $ACTION fields; it works without JavaScript), or have every submit control disabled (ClientForm's
// fieldset). The sign-in itself is done with JavaScript off: it is such a form.

async function formsThatLoseAClick(page: Page): Promise<string[]> {
  const bad: string[] = [];
  const forms = page.locator("form");
  for (let i = 0; i < (await forms.count()); i++) {
    const form = forms.nth(i);
    if ((await form.getAttribute("method"))?.toLowerCase() === "get") continue;
    if ((await form.locator('input[type="hidden"][name^="$ACTION"]').count()) > 0) continue;
    const submits = form.locator('button:not([type="button"]):not([type="reset"]), input[type="submit"]');
    // :disabled, not .disabled: a control inside a disabled fieldset is disabled without its own attribute.
    const enabled = await submits.evaluateAll((els) => els.filter((el) => !el.matches(":disabled")).length);
    if (enabled === 0) continue;
    bad.push(`${new URL(page.url()).pathname}: form «${(await form.getAttribute("aria-label")) ?? (await form.innerText()).slice(0, 60).replace(/\s+/g, " ")}»`);
  }
  return bad;
}

for (const email of ["director@sosh20.demo", "curator@sosh20.demo"]) {
  test(`without JavaScript, every form of ${email}'s pages works or is disabled`, async ({ browser }) => {
    // Some 20 pages one after another: on a busy machine that is minutes (timing is not this test's job).
    test.setTimeout(900_000);
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": `10.251.${process.pid % 250}.${email.length}` } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
    const home = new URL(page.url()).pathname;
    const slug = home.split("/").filter(Boolean)[0]!;
    const links = await page.locator(`a[href^="/${slug}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split(/[?#]/)[0]!));
    const pages = [...new Set([home, ...links, "/account"])];
    expect(pages.length, "pages reached from the home page").toBeGreaterThan(5);
    const bad: string[] = [];
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      bad.push(...(await formsThatLoseAClick(page)));
    }
    expect(bad).toEqual([]);
    await context.close();
  });
}
