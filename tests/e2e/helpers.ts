import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nastavnik2026";

/** axe scan of the page as it is now: WCAG 2.1 A/AA, no violations allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

let addressCounter = 0;
/**
 * A fresh browser context with its own client address (X-Forwarded-For), so that one test's failed
 * sign-ins never trip the per-address limit for another test running on the same machine.
 */
export async function newVisitor(browser: Browser) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `10.${process.pid % 250}.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}` },
  });
  return { context, page: await context.newPage() };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

export async function signedInAs(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const visitor = await newVisitor(browser);
  await signIn(visitor.page, email, password);
  await expect(visitor.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  return visitor;
}
