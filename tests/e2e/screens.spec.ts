import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newVisitor, signIn } from "./helpers";
import { crawlRolePages, ROLES } from "./role-pages";

// Issue #19 «Screens for daily work», its Done when: every page of every demo role at 1366×900 and at 390×844,
// axe with its default rules (best practices included) → 0 violations; at 390 px no page scrolls sideways; at
// 1366 px the roadmap's and the district's tables show every column. A role's pages are found, not listed: from
// its home, every link of the signed-in app on the page (its navigation, the header's account link, the lists'
// rows…) is followed once per page template — one pair, one person, one school of the district, one campaign —
// so a new menu item or a new detail page is covered without touching this file. `must` names templates the demo
// data guarantees for a role, so the crawl cannot quietly shrink. Other specs add rows meanwhile (40 teachers at
// СОШ №20, deadlines and letters of the district): each page is checked as it is when visited.

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Pages whose tables must show all their columns at 1366 px (issue #19 item 1). */
const FULL_WIDTH_TABLES = new Set(["/[org]/program/roadmap", "/[org]/district"]);

/** At 390 px the page is no wider than the screen; else the outermost elements that reach past its edge. */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(/\s+/).join(".")}` : ""} «${(el.textContent ?? "").trim().slice(0, 40)}» right=${Math.round(el.getBoundingClientRect().right)}`;
    const past = (el: Element | null) => Boolean(el && el.getBoundingClientRect().right > width + 0.5);
    const culprits = [...document.body.querySelectorAll("*")].filter((el) => past(el) && (!past(el.parentElement) || getComputedStyle(el).position === "absolute"));
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8).map(describe) };
  });
  expect(overflow, `the page scrolls sideways at ${PHONE.width} px: ${page.url()}`).toBeNull();
}

/** At 1366 px every column header of every table of the page lies inside its frame's visible area (not under its scroll bar) and the window. */
async function expectAllColumnsShown(page: Page) {
  const cut = await page.locator("main table").evaluateAll((tables) =>
    tables.flatMap((table) => {
      const frame = table.closest(".table-frame") ?? table.parentElement!;
      const left = frame.getBoundingClientRect().left + frame.clientLeft;
      const right = Math.min(left + frame.clientWidth, window.innerWidth) + 1;
      return [...table.querySelectorAll("thead th")]
        .filter((th) => th.getBoundingClientRect().right > right || th.getBoundingClientRect().left < left - 1)
        .map((th) => `${table.querySelector("caption")?.textContent ?? "?"} → «${th.textContent}» (${Math.round(th.getBoundingClientRect().right)} > ${Math.round(right)})`);
    }),
  );
  expect(cut, `column headers cut off at ${WIDE.width} px: ${page.url()}`).toEqual([]);
}

/** One page at both widths. The page is loaded once and the window resized: the layout follows the width alone. */
async function checkScreens(page: Page, path: string, template: string) {
  await page.setViewportSize(WIDE);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectAccessible(page, { allRules: true });
  if (FULL_WIDTH_TABLES.has(template)) await expectAllColumnsShown(page);

  await page.setViewportSize(PHONE);
  // On a phone the navigation folds into «Меню» (components/shell/nav-menu.tsx closes it on the width's change).
  const menu = page.locator("details.nav-menu");
  if (await menu.count()) await expect(menu).not.toHaveAttribute("open");
  await expectNoSideScroll(page);
  await expectAccessible(page, { allRules: true });
}

for (const role of ROLES) {
  test(`${role.email}: every page at ${WIDE.width} and ${PHONE.width} px — axe's default rules, no sideways scroll`, async ({ browser }) => {
    // A role's forty-odd pages, each scanned twice, in one sign-in.
    test.setTimeout(600_000);
    const { context, page } = await newVisitor(browser);
    await page.setViewportSize(WIDE);
    await signIn(page, role.email);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const visited = await crawlRolePages(page, role, (path, template) => test.step(path, () => checkScreens(page, path, template)));
    test.info().annotations.push({ type: "pages", description: `${visited.size}: ${[...visited.values()].join(" ")}` });
    await context.close();
  });
}
