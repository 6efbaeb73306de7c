import { expect, type Page } from "@playwright/test";
import { APP_DIR, isDynamic, listRoutes, type Route } from "./routes";

// Every page of the signed-in app a demo role reaches, found rather than listed (screens.spec.ts, the English
// crawl of tests/english): from the role's home every link into the app on the page (its navigation, the
// header's account link, the lists' rows…) is followed once per page template — one pair, one person, one
// school of the district, one campaign — so a new menu item or a new detail page is covered without touching
// the crawls. `must` names templates the demo data guarantees for a role, so a crawl cannot quietly shrink.

export type Role = { email: string; must: string[] };

export const ROLES: Role[] = [
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

/**
 * Visits every page template the signed-in role reaches from the page it is on (its home), calling `check` on
 * each once the page is loaded (`check` loads it: it may set the viewport first), then asserts the role's `must`.
 * Returns the paths visited, by template.
 */
export async function crawlRolePages(page: Page, role: Role, check: (path: string, template: string) => Promise<void>): Promise<Map<string, string>> {
  const home = new URL(page.url()).pathname;
  const scope = `/${home.split("/")[1]}`;
  const visited = new Map<string, string>(); // template → the path visited for it
  const queue = [home];
  while (queue.length) {
    const path = queue.shift()!;
    const template = templateOf(path);
    if (!template || visited.has(template)) continue;
    visited.set(template, path);
    await check(path, template);
    queue.push(...(await appLinks(page, scope)));
  }
  const templates = [...visited.keys()];
  for (const must of role.must) expect(templates, `${role.email} reaches ${must}`).toContain(must);
  return visited;
}
