import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newVisitor, signIn } from "../e2e/helpers";

// The main screens of the README («Screens»), from the demo district as seeded: `npm run screenshots`. Each PNG
// is the window as a person sees it (1366×900; the mentor's on a 390 px phone), not the whole page, so that
// it stays small (≤ 200 KB) and shows what the screen opens with.

const OUT = path.join(__dirname, "..", "..", "docs", "screens");
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function signedIn(browser: Browser, email: string, viewport = WIDE) {
  const { context, page } = await newVisitor(browser);
  await page.setViewportSize(viewport);
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  return { context, page };
}

/** Opens a page, waits until it has drawn (its heading, its charts), and saves the window. */
async function shoot(page: Page, url: string, name: string, ready?: (page: Page) => Promise<void>) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  if (ready) await ready(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: "disabled", caret: "hide" });
}

/** The first link on the page whose address matches, as a path (a pair, a campaign). */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return href!;
}

test("the main screens of the demo district", async ({ browser }) => {
  test.setTimeout(300_000);

  // The curator of a school in its working year (stage 6): home, the stage board, the roadmap, people, pairs, a pair's meetings.
  const curator = await signedIn(browser, "curator@sosh1.demo");
  await shoot(curator.page, "/sosh-1", "curator-home");
  await shoot(curator.page, "/sosh-1/program", "program-stages");
  await shoot(curator.page, "/sosh-1/program/roadmap", "roadmap");
  await shoot(curator.page, "/sosh-1/people", "people");
  // Pairs and groups open with the matching: criteria weights, rules, whom to match among whom.
  await shoot(curator.page, "/sosh-1/pairs", "pairs");
  const pair = await firstLink(curator.page, /^\/sosh-1\/pairs\/[0-9a-f-]{36}$/);
  await shoot(curator.page, `${pair}/meetings`, "pair-meetings");
  await curator.context.close();

  // A director with pairs proposed by the curator and not yet ordered (СОШ № 7, stage 5): what waits for the head.
  const director = await signedIn(browser, "director@sosh7.demo");
  await shoot(director.page, "/sosh-7", "director-approvals", async (page) => {
    await expect(page.getByRole("region", { name: "Ждут вашего решения" })).toBeVisible();
  });
  await director.context.close();

  // A mentor on a phone: their pair, its next meeting, «Отметить встречу».
  const mentor = await signedIn(browser, "mentor@sosh1.demo", PHONE);
  await shoot(mentor.page, "/sosh-1", "mentor-home-phone", async (page) => {
    await expect(page.getByRole("region", { name: "Мои пары" }).getByRole("link", { name: "Отметить встречу" }).first()).toBeVisible();
  });
  await mentor.context.close();

  // The district's methodist: the dashboard over its schools and the monitoring campaign open to them.
  const methodist = await signedIn(browser, "methodist@levokumsky.demo");
  await shoot(methodist.page, "/levokumsky/district", "district-dashboard", async (page) => {
    await expect(page.getByRole("table", { name: /Показатели образовательных организаций за/ })).toBeVisible();
  });
  await methodist.page.goto("/levokumsky/district/campaigns");
  const campaign = await firstLink(methodist.page, /^\/levokumsky\/district\/campaigns\/[^/]+$/);
  await shoot(methodist.page, campaign, "campaign");
  await methodist.context.close();
});
