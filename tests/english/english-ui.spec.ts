import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { newVisitor, signIn } from "../e2e/helpers";
import { crawlRolePages, ROLES } from "../e2e/role-pages";
import { ENGLISH } from "./config";
import { UserData } from "./user-data";

// Issue #18 item 4, its Done when: «a test renders every page in English and finds no Cyrillic outside user data».
// Every page of every demo role (the crawl of screens.spec.ts) and the public pages of a school, with the NEXT_LOCALE
// cookie set to English: every text node, the title, and the words a screen reader or a tooltip gives (aria-label,
// title, placeholder, alt, a button's value) must be English — unless the words are user data as the database holds
// them, or inside an element marked lang="ru" (a Russian document's own text). user-data.ts says how.

/** The demo school whose public section is published. */
const PUBLIC_SCHOOL = "kovalevskaya-oosh";

let userData: Promise<UserData> | null = null;
const loadUserData = () => (userData ??= UserData.load(readFileSync(ENGLISH.databaseFile, "utf8").trim()));

/** The page's words outside lang="ru" parts, scripts and styles: text nodes, the title, the labelling attributes. */
function pageWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const russianPart = (el: Element | null) => Boolean(el?.closest("[lang]") && /^ru\b/.test(el.closest("[lang]")!.getAttribute("lang")!));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template") || russianPart(parent)) continue;
      if (node.textContent?.trim()) out.push(node.textContent);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt], input[type=submit][value], input[type=button][value]")) {
      if (russianPart(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) if (el.getAttribute(name)) out.push(el.getAttribute(name)!);
      if (el.matches("input[type=submit], input[type=button]")) out.push(el.getAttribute("value") ?? "");
    }
    return out;
  });
}

/** Loads the page in English and returns its Russian words that are not user data, as «path: text». */
async function russianOn(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const data = await loadUserData();
  const found = (await pageWords(page)).map((text) => data.residue(text)).filter(Boolean);
  return [...new Set(found)].map((text) => `${path}: «${text.slice(0, 160)}»`);
}

async function inEnglish(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
}

for (const role of ROLES) {
  test(`${role.email}: every page in English — no Russian outside user data`, async ({ browser }) => {
    test.setTimeout(600_000);
    const { context, page } = await newVisitor(browser);
    await signIn(page, role.email);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await inEnglish(page);
    const russian: string[] = [];
    const visited = await crawlRolePages(page, role, async (path) => void russian.push(...(await russianOn(page, path))));
    test.info().annotations.push({ type: "pages", description: `${visited.size}: ${[...visited.values()].join(" ")}` });
    expect(russian, `Russian text on ${visited.size} English pages of ${role.email}`).toEqual([]);
    await context.close();
  });
}

test("signed out: the sign-in pages and a school's public section in English", async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page } = await newVisitor(browser);
  await page.goto("/login");
  await inEnglish(page);
  const russian: string[] = [];
  const queue = ["/login", "/forgot-password", `/s/${PUBLIC_SCHOOL}`];
  const seen = new Set<string>();
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    russian.push(...(await russianOn(page, path)));
    if (!path.startsWith("/s/")) continue;
    const links = await page.locator("a[href^='/s/']").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Its sections and news items; not the files (a scan, a .docx).
    queue.push(...links.filter((l) => l.startsWith(`/s/${PUBLIC_SCHOOL}`) && !l.includes("/files/")));
  }
  expect(seen.size, "the public pages visited").toBeGreaterThan(3);
  expect(russian, "Russian text on the English public pages").toEqual([]);
  await context.close();
});
