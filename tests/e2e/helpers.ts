import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nastavnik2026";

// The server's clock. `npm run test:repeat` serves the suite "as of" a boundary instant (NASTAVNIK_NOW with
// NASTAVNIK_TEST_CLOCK=1, decision 011): the server's clock starts there and runs on, so a date a test types
// is in the server's past or future by that clock, not the machine's. Real now when no instant is set.
const testStartedAt = Date.now();
const clockStart = process.env.NASTAVNIK_NOW ? Date.parse(process.env.NASTAVNIK_NOW) : testStartedAt;

/** The server's "now" (to the minute: the server started its clock a little earlier). */
export const serverNow = () => new Date(clockStart + (Date.now() - testStartedAt));

/** The calendar date `days` from the server's today in a zone (the demo organizations are in Moscow), yyyy-mm-dd. */
export function serverDate(days = 0, timeZone = "Europe/Moscow"): string {
  const at = new Date(serverNow().getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** yyyy-mm-dd → dd.MM.yyyy, as the pages print calendar dates. */
export const ruDate = (iso: string) => iso.split("-").reverse().join(".");

/** The academic year (its first calendar year) of the server's today in Moscow: it turns on 1 September. */
export function serverAcademicYear(): number {
  const [year, month] = serverDate().split("-").map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

// Content-Security-Policy violations seen by each page: the browser's console reports and the
// document's `securitypolicyviolation` events (an init script keeps them in window.__cspViolations).
const cspReports = new WeakMap<Page, string[]>();
// next-intl's errors in the browser (console.error of an IntlError: a message missing from the namespaces
// the page's providers send — docs/decisions/014 —, a malformed message, a failed formatting).
const intlErrors = new WeakMap<Page, string[]>();
const INTL_ERROR = /\b(MISSING_MESSAGE|INSUFFICIENT_PATH|INVALID_MESSAGE|INVALID_KEY|FORMATTING_ERROR|ENVIRONMENT_FALLBACK)\b/;

function watchCsp(page: Page) {
  const reports: string[] = [];
  const intl: string[] = [];
  cspReports.set(page, reports);
  intlErrors.set(page, intl);
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) reports.push(message.text());
    if (INTL_ERROR.test(message.text())) intl.push(`${message.text()} (${page.url()})`);
  });
}

/** No next-intl error (e.g. MISSING_MESSAGE) in this page's console so far, on any document it showed. */
export function expectNoIntlErrors(page: Page) {
  expect(intlErrors.get(page) ?? [], `next-intl errors in the browser console of ${page.url()}`).toEqual([]);
}

async function watchCspInContext(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on("page", watchCsp);
}

/** No CSP violation on this page so far: neither reported in the console nor as an event of the current document. */
export async function expectNoCspViolations(page: Page) {
  const events = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
  expect([...(cspReports.get(page) ?? []), ...events], `CSP violations on ${page.url()}`).toEqual([]);
}

/**
 * axe scan of the page as it is now: WCAG 2.1 A/AA, no violations allowed; no CSP violation; no next-intl error.
 * `allRules`: axe's default rule set instead — every rule it runs untagged, best practices included
 * (screens.spec.ts, issue #19).
 */
export async function expectAccessible(page: Page, { allRules = false }: { allRules?: boolean } = {}) {
  // The page as rendered, head included: after a server action the router refreshes the page and Next streams
  // its metadata anew, so for a moment the document may have no <title> — scan once it has one (an axe run in
  // that moment failed «document-title» on the incentives page, 1 run in 4).
  await expect(page).toHaveTitle(/\S/);
  // Only the violations in full: the details of every passed check are not read, and building them costs time on big pages.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  const results = await (allRules ? axe : axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  await expectNoCspViolations(page);
  expectNoIntlErrors(page);
}

let addressCounter = 0;
/**
 * A fresh browser context with its own client address (X-Forwarded-For), so that one test's failed
 * sign-ins never trip the per-address limit for another test running on the same machine. Every page
 * of it records Content-Security-Policy violations and next-intl errors (checked by expectAccessible).
 */
export async function newVisitor(browser: Browser) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `10.${process.pid % 250}.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}` },
  });
  await watchCspInContext(context);
  return { context, page: await context.newPage() };
}

/** The signed-in session's cookie as a Cookie header carries it (name=value), to replay it outside the browser. */
export async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie, "a session cookie").toBeTruthy();
  return `${cookie!.name}=${cookie!.value}`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
}

export async function signedInAs(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const visitor = await newVisitor(browser);
  await signIn(visitor.page, email, password);
  await expect(visitor.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  expectNoIntlErrors(visitor.page);
  return visitor;
}

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Accepts an invitation link as a new user in a fresh browser; ends signed in, on the organization's home. */
export async function acceptInvitation(browser: Browser, path: string, name: string, password: string) {
  const visitor = await newVisitor(browser);
  await visitor.page.goto(path);
  await visitor.page.getByLabel("Фамилия, имя, отчество").fill(name);
  await visitor.page.getByLabel("Пароль", { exact: true }).fill(password);
  await visitor.page.getByLabel("Пароль ещё раз").fill(password);
  await visitor.page.getByRole("button", { name: "Принять приглашение" }).click();
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText(`Здравствуйте, ${name}!`);
  return visitor;
}

/**
 * A new director of a demo school, invited by the municipal head and signed in. Tests that change a school
 * or an account work as their own staff: a demo account's state (a lock, a password) would be shared
 * with whatever test runs in parallel.
 */
export async function newDirector(browser: Browser, school: { slug: string; name: string }, name: string, password = "director-pass-2026") {
  const email = `director-${uniqueSuffix()}@${school.slug}.test`;
  const head = await signedInAs(browser, "head@levokumsky.demo");
  await head.page.goto("/levokumsky/schools");
  await head.page.getByLabel("Организация", { exact: true }).selectOption({ label: school.name });
  await head.page.getByLabel("Электронная почта").fill(email);
  await head.page.getByRole("button", { name: "Пригласить руководителя" }).click();
  const link = head.page.getByLabel(`Приглашение руководителя создано. Ссылка для ${email}:`);
  await expect(link).toHaveValue(/\/invite\//);
  const path = new URL(await link.inputValue()).pathname;
  await head.context.close();
  return { email, password, ...(await acceptInvitation(browser, path, name, password)) };
}

/** A new member of the director's school in the given role (e.g. «Куратор»), invited by that director and signed in. */
export async function newMember(browser: Browser, director: Page, slug: string, roleLabel: string, name: string, password = "member-pass-2026") {
  const email = `member-${uniqueSuffix()}@${slug}.test`;
  await director.goto(`/${slug}/members`);
  await director.getByLabel("Электронная почта").fill(email);
  await director.getByLabel("Роль").selectOption({ label: roleLabel });
  await director.getByRole("button", { name: "Создать приглашение" }).click();
  const link = director.getByLabel(`Приглашение создано. Ссылка для ${email}:`);
  await expect(link).toHaveValue(/\/invite\//);
  const path = new URL(await link.inputValue()).pathname;
  return { email, password, ...(await acceptInvitation(browser, path, name, password)) };
}
