import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newVisitor, signIn } from "./helpers";
import { APP_DIR, isDynamic, listRoutes, type Route } from "./routes";

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

type Role = { email: string; must: string[] };

const ROLES: Role[] = [
  { email: "operator@platform.demo", must: ["/operator", "/account"] },
  { email: "methodist@stavkrai.demo", must: ["/[org]", "/[org]/district", "/[org]/district/[schoolId]"] },
  { email: "head@levokumsky.demo", must: ["/[org]/schools", "/[org]/program/roadmap", "/[org]/district/letters/[letterId]", "/[org]/district/campaigns/[campaignId]"] },
  {
    email: "methodist@levokumsky.demo",
    must: ["/[org]/district", "/[org]/district/[schoolId]", "/[org]/district/campaigns/[campaignId]", "/[org]/district/campaigns/[campaignId]/schools/[schoolId]", "/[org]/district-mentors"],
  },
  { email: "director@sosh1.demo", must: ["/[org]/pairs/[pairId]", "/[org]/mentors/[mentorId]", "/[org]/campaigns/[campaignId]", "/[org]/audit"] },
  {
    email: "curator@sosh1.demo",
    must: ["/[org]/program", "/[org]/program/roadmap", "/[org]/people/[personId]", "/[org]/pairs/[pairId]", "/[org]/pairs/[pairId]/meetings", "/[org]/pairs/[pairId]/program", "/[org]/surveys/[surveyId]"],
  },
  { email: "mentor@sosh1.demo", must: ["/[org]/my-pairs", "/[org]/pairs/[pairId]/meetings", "/[org]/my-surveys/[recipientId]"] },
  { email: "mentee@sosh1.demo", must: ["/[org]/my-pairs", "/[org]/pairs/[pairId]/program"] },
  { email: "director@sosh4.demo", must: ["/[org]/program/completion", "/[org]/monitoring"] },
  { email: "psychologist@sosh20.demo", must: ["/[org]/people", "/[org]/mentees", "/[org]/surveys"] },
];

const ROUTES = listRoutes(APP_DIR);

/**
 * The page template a link opens — the most specific route (/people/import, not /people/[personId]) — or
 * null for a file (a route handler: .docx, .xlsx, a scan) or anything outside the signed-in app.
 */
function templateOf(pathname: string): string | null {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let best: Route | undefined;
  let bestStatic = -1;
  for (const route of ROUTES) {
    if (route.segments.length !== parts.length || !route.segments.every((s, i) => isDynamic(s) || s === parts[i])) continue;
    const statics = route.segments.filter((s) => !isDynamic(s)).length;
    if (statics > bestStatic) [best, bestStatic] = [route, statics];
  }
  return best && best.file.startsWith("(app)") && best.file.endsWith("page.tsx") ? best.template : null;
}

/** Every link of the page into the signed-in app of this organization (or the account page), as paths. */
async function appLinks(page: Page, scope: string): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && (url.pathname === scope || url.pathname.startsWith(`${scope}/`) || url.pathname === "/account"))
    .map((url) => url.pathname);
}

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
    const home = new URL(page.url()).pathname;
    const scope = `/${home.split("/")[1]}`;

    const visited = new Map<string, string>(); // template → the path visited for it
    const queue = [home];
    while (queue.length) {
      const path = queue.shift()!;
      const template = templateOf(path);
      if (!template || visited.has(template)) continue;
      visited.set(template, path);
      await test.step(path, async () => {
        await checkScreens(page, path, template);
        queue.push(...(await appLinks(page, scope)));
      });
    }

    const templates = [...visited.keys()];
    for (const must of role.must) expect(templates, `${role.email} reaches ${must}`).toContain(must);
    test.info().annotations.push({ type: "pages", description: `${templates.length}: ${[...visited.values()].join(" ")}` });
    await context.close();
  });
}
