import { randomUUID } from "node:crypto";
import path from "node:path";
import JSZip from "jszip";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { expectAccessible, expectNoCspViolations, newDirector, newVisitor, serverDate, signedInAs, signIn } from "./helpers";
import { APP_DIR, crawl, fill, harvestParams, hrefsOf, listRoutes } from "./routes";

// Issue #7, the web-facing part: security headers and the Content-Security-Policy on every kind of
// response; every page route of a school refused to other schools' staff and to the municipal methodist
// (routes enumerated from app/ at test time); stored hostile strings rendered as text.

const SCHOOL = { slug: "kovalevskaya-oosh", name: "БОУ «Ковалевская ООШ»" };
const DISTRICT = "levokumsky";
/** The school's people with a consent to the district communities, members of them in the demo (prisma/seed-communities.ts). */
const COMMUNITY_MEMBERS = ["Мельникова Ольга Ивановна", "Тарасов Игорь Петрович"];

// ---------------------------------------------------------------------------------------------------
// Headers

const COMMON_HEADERS: Record<string, RegExp> = {
  "x-frame-options": /^DENY$/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\)/,
  "strict-transport-security": /max-age=\d{7,}/,
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** Common headers, and a CSP that forbids framing whatever the response is. */
function expectHardened(res: APIResponse, what: string) {
  const headers = res.headers();
  for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(headers[name], `${name} of ${what}`).toMatch(value);
  const csp = headers["content-security-policy"];
  expect(csp, `CSP of ${what}`).toBeTruthy();
  expect(res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy"), `one CSP header on ${what}`).toHaveLength(1);
  const d = directives(csp!);
  expect(d.get("frame-ancestors"), `frame-ancestors of ${what}`).toEqual(["'none'"]);
  expect(csp, `CSP of ${what}`).not.toContain("unsafe-eval");
  return d;
}

/** An HTML page: the nonce policy of proxy.ts, and every script of the page carries this response's nonce. */
async function expectPagePolicy(res: APIResponse, what: string) {
  const d = expectHardened(res, what);
  const script = d.get("script-src") ?? [];
  const nonce = script.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `script nonce of ${what}`).toMatch(/^[A-Za-z0-9+/]{16,}={0,2}$/);
  expect(script, `script-src of ${what}`).toContain("'strict-dynamic'");
  expect(script, `script-src of ${what}`).not.toContain("'unsafe-inline'");
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'self'"]);
  // Forms post to this origin; the single sign-on form's answer redirects to the provider, when one is set.
  expect(d.get("form-action")).toEqual(["'self'", ...(process.env.E2E_OIDC_ISSUER ? [new URL(process.env.E2E_OIDC_ISSUER).origin] : [])]);
  expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts of ${what}`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `a script of ${what}`).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("every kind of response carries the security headers and a Content-Security-Policy; pages get a fresh nonce on each request", async ({ browser }) => {
  const anonymous = await newVisitor(browser);
  const req = anonymous.context.request;

  // Public pages, the sign-in page, the proxy's redirect, API routes, static files.
  const login = await req.get("/login");
  expect(login.status()).toBe(200);
  const first = await expectPagePolicy(login, "/login");
  const second = await expectPagePolicy(await req.get("/login"), "/login again");
  expect(second).not.toBe(first);
  await expectPagePolicy(await req.get(`/s/${SCHOOL.slug}`), "the public section");
  const redirect = await req.get("/sosh-20/people", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["location"]).toContain("/login");
  expect(redirect.headers()["set-cookie"], "the proxy never issues a session cookie").toBeUndefined();
  expectHardened(redirect, "the proxy's redirect to /login");
  for (const api of ["/api/health", "/api/auth/session", "/api/auth/csrf"]) {
    const res = await req.get(api);
    expect(res.status(), api).toBe(200);
    expect(expectHardened(res, api).get("default-src"), `default-src of ${api}`).toEqual(["'none'"]);
  }
  const chunk = (await login.text()).match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(chunk).toBeTruthy();
  const asset = await req.get(chunk!);
  expect(asset.status()).toBe(200);
  expect(expectHardened(asset, "a static chunk").get("default-src")).toEqual(["'none'"]);

  // The sign-in itself is a server action: its POST answers with the headers too.
  const action = anonymous.page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]));
  await signIn(anonymous.page, "curator@sosh20.demo");
  const actionResponse = await action;
  const actionHeaders = await actionResponse.allHeaders();
  for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(actionHeaders[name], `${name} of a server action`).toMatch(value);
  expect(directives(actionHeaders["content-security-policy"] ?? "").get("frame-ancestors")).toEqual(["'none'"]);
  await expect(anonymous.page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");

  // Signed in: pages, the 403 and 404 pages, downloads (.docx, .xlsx).
  await expectPagePolicy(await req.get("/sosh-20/program"), "the program page");
  const forbidden = await req.get("/sosh-14/people");
  expect(forbidden.status()).toBe(403);
  await expectPagePolicy(forbidden, "the 403 page");
  const missing = await req.get(`/sosh-20/people/${randomUUID()}`);
  expect(missing.status()).toBe(404);
  await expectPagePolicy(missing, "the 404 page");
  for (const file of ["/sosh-20/program/documents/roadmap", "/sosh-20/people/export"]) {
    const res = await req.get(file);
    expect(res.status(), file).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/officedocument/);
    expectHardened(res, file);
  }
  await anonymous.context.close();
});

test("the policy is enforced and the main pages break none of it: an injected inline script does not run", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  for (const url of ["/sosh-20", "/sosh-20/program", "/sosh-20/monitoring", "/sosh-20/program/roadmap"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page); // axe + no CSP violation reported
  }
  // Markup slipped into a real page's HTML on its way (as a stored string would be, were it not escaped)
  // does not run under the page's own policy, and the browser reports it.
  await page.route("**/sosh-20/program", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", `<script>window.__cspProbe = 1</script><img src="data:," onerror="window.__cspProbe = 2" alt=""></body>`);
    await route.fulfill({ response, body });
  });
  await page.goto("/sosh-20/program");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __cspProbe?: number }).__cspProbe)).toBeUndefined();
  const reported = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.join("\n"));
  expect(reported).toContain("script-src");
  expect(reported).toMatch(/script-src(-elem)? blocked inline/);
  expect(reported).toMatch(/script-src(-attr)? blocked inline/);
  await page.unroute("**/sosh-20/program");

  const visitor = await newVisitor(browser);
  await visitor.page.goto(`/s/${SCHOOL.slug}`);
  await expect(visitor.page.getByRole("heading", { level: 1, name: "Наставничество" })).toBeVisible();
  await expectAccessible(visitor.page);
  await visitor.context.close();
  await context.close();
});

// ---------------------------------------------------------------------------------------------------
// Cross-tenant page routes

/** The text of a response: HTML as it is, .docx/.xlsx as the text of their XML parts. */
async function readable(res: APIResponse): Promise<string> {
  const type = res.headers()["content-type"] ?? "";
  if (!/officedocument|zip/.test(type)) return res.text();
  const zip = await JSZip.loadAsync(await res.body());
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith(".xml")).map((f) => f.async("string")));
  return parts.join("\n").replace(/<[^>]+>/g, " ");
}

test("every page route of a school, filled with its real ids, is refused to another school's director and to the municipal methodist, and shows none of its people", async ({ browser }) => {
  test.setTimeout(240_000);
  const routes = listRoutes(path.join(APP_DIR, "(app)", "[org]"), ["[org]"]);
  expect(routes.length, "routes found under app/(app)/[org]").toBeGreaterThan(40);
  const allRoutes = [...routes, ...listRoutes(path.join(APP_DIR, "s"), ["s"])];

  // The school's own director (a fresh one: the seeded one is locked by the sign-in limit test) reads the
  // people list and walks the school's links for real ids.
  const director = await newDirector(browser, SCHOOL, "Проверкина Алла Сергеевна");
  await director.page.goto(`/${SCHOOL.slug}/people`);
  const personLinks = director.page.getByRole("table").getByRole("link");
  await expect(personLinks.first()).toBeVisible();
  const names = await personLinks.evaluateAll((links) =>
    links.filter((a) => /\/people\/[0-9a-f-]{36}$/.test(a.getAttribute("href") ?? "")).map((a) => (a.textContent ?? "").trim()),
  );
  for (const seeded of ["Мельникова Ольга Ивановна", "Тарасов Игорь Петрович", "Королёва Анастасия Сергеевна", "Лебедев Никита Олегович"]) expect(names).toContain(seeded);
  await expectAccessible(director.page);
  const hrefs = await crawl(director.context.request, [`/${SCHOOL.slug}`, `/s/${SCHOOL.slug}`], [`/${SCHOOL.slug}/`, `/s/${SCHOOL.slug}/`]);
  await director.context.close();

  // The methodist's district dashboard links to the school's drill-down (its id).
  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  await methodist.page.goto(`/${DISTRICT}/district`);
  const drillDown = await methodist.page.getByRole("link", { name: SCHOOL.name, exact: true }).getAttribute("href");
  expect(drillDown).toMatch(new RegExp(`^/${DISTRICT}/district/[0-9a-f-]{36}`));
  await expectAccessible(methodist.page);
  hrefs.add(drillDown!);
  // …and its letters page to its letters (the demo district's letter, decision 047).
  await methodist.page.goto(`/${DISTRICT}/district/letters`);
  for (const href of hrefsOf(await methodist.page.content())) hrefs.add(href);
  // …and its deadlines page to a deadline's detail (decision 054): the demo has none, so this test sets its own, due
  // later (pending: no school's figures change).
  await methodist.page.goto(`/${DISTRICT}/district/deadlines`);
  const deadlineForm = methodist.page.getByRole("form", { name: "Новый срок" });
  const deadlineTitle = `Проверка маршрутов ${randomUUID().slice(0, 8)}`;
  await deadlineForm.getByLabel("Что сделать").fill(deadlineTitle);
  await deadlineForm.getByLabel("Срок (последний день)").fill(serverDate(45));
  await deadlineForm.getByLabel("Что считается выполнением").selectOption({ label: "школа отметила выполнение" });
  await deadlineForm.getByRole("button", { name: "Сохранить срок" }).click();
  await expect(methodist.page.getByRole("table", { name: /Сроки для школ/ })).toContainText(deadlineTitle);
  for (const href of hrefsOf(await methodist.page.content())) hrefs.add(href);
  // …and its campaigns page to its campaigns (the demo's campaign, decision 048; not one a parallel test may or may not have made yet).
  await methodist.page.goto(`/${DISTRICT}/district/campaigns`);
  for (const href of hrefsOf(await methodist.page.content())) hrefs.add(href);
  // …and its consultations (decision 061) and communities, each community to its meetings and their materials (059).
  for (const list of [`/${DISTRICT}/district/consultations`, `/${DISTRICT}/district/communities`]) {
    await methodist.page.goto(list);
    for (const href of hrefsOf(await methodist.page.content())) hrefs.add(href);
  }
  const communityPages = [...hrefs].filter((h) => /\/district\/communities\/[0-9a-f-]{36}(\/meetings\/[0-9a-f-]{36})?$/.test(h));
  for (let i = 0; i < communityPages.length; i++) {
    await methodist.page.goto(communityPages[i]!);
    for (const href of hrefsOf(await methodist.page.content())) {
      if (!hrefs.has(href) && /\/meetings\/[0-9a-f-]{36}$/.test(href)) communityPages.push(href);
      hrefs.add(href);
    }
  }
  const params = harvestParams(hrefs, allRoutes);
  for (const name of ["personId", "pairId", "menteeId", "mentorId", "orderId", "activityId", "kind", "schoolId", "campaignId", "deadlineId"]) {
    expect(params.get(name)?.size ?? 0, `a real ${name} found in the school's links`).toBeGreaterThan(0);
  }
  const urls = routes.map((r) => ({ file: r.file, url: fill(r, params, SCHOOL.slug) }));
  if (process.env.DEBUG_ROUTES) console.log(urls.map((u) => u.url).join("\n"));

  const otherDirector = await signedInAs(browser, "director@sosh14.demo");
  // The platform operator (decision 018) sees organizations, never a school's pages.
  const operator = await newVisitor(browser);
  await signIn(operator.page, "operator@platform.demo");
  await expect(operator.page).toHaveURL(/\/operator$/);
  for (const [who, visitor] of [["director of СОШ № 14", otherDirector], ["methodist", methodist], ["platform operator", operator]] as const) {
    for (const { file, url } of urls) {
      const res = await visitor.context.request.get(url, { maxRedirects: 0 });
      expect([403, 404], `${who}: GET ${url} (${file}) → ${res.status()}`).toContain(res.status());
      const body = await readable(res);
      for (const name of names) expect(body.includes(name), `${who}: ${url} shows ${name}`).toBe(false);
    }
  }

  // What the methodist may see of the school: the district's aggregates, without any person of it.
  const district = routes.filter((r) => r.segments[1] === "district").map((r) => fill(r, params, DISTRICT));
  expect(district).toContain(drillDown!.split("?")[0]);
  expect(district.length).toBeGreaterThanOrEqual(4);
  for (const url of district) {
    const res = await methodist.context.request.get(url);
    expect(res.status(), `methodist: ${url}`).toBe(200);
    const body = await readable(res);
    // The office's communities name their members: people of the school with a consent to it in force
    // (DISTRICT_COMMUNITIES, decision 059; the seed's two) — and nobody else of the school.
    const consented = url.includes("/district/communities/") ? COMMUNITY_MEMBERS : [];
    for (const name of names) if (!consented.includes(name)) expect(body.includes(name), `methodist: ${url} shows ${name}`).toBe(false);
  }

  // Two real navigations: the refusal pages are accessible and name nobody.
  const pairUrl = urls.find((u) => u.file.endsWith(path.join("pairs", "[pairId]", "page.tsx")))!.url;
  for (const [visitor, url] of [[otherDirector, pairUrl], [methodist, `/${SCHOOL.slug}/people`]] as const) {
    const res = await visitor.page.goto(url);
    expect(res?.status()).toBe(403);
    await expect(visitor.page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const name of names) await expect(visitor.page.locator("body")).not.toContainText(name);
    await expectAccessible(visitor.page);
  }
  await otherDirector.context.close();
  await methodist.context.close();
  await operator.context.close();
});

// ---------------------------------------------------------------------------------------------------
// Stored hostile strings

const HOSTILE = {
  img: `<img src=x onerror="window.__xss=1">`,
  script: `<script>window.__xss=1</script>`,
  svg: `"><svg onload=window.__xss=1>`,
  url: "javascript:window.__xss=1",
};

/** Nothing hostile ran on this page: no flag, no dialog, no element smuggled in by the strings. */
async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"], svg[onload], a[href^="javascript:"]').count()).toBe(0);
  await expectNoCspViolations(page);
}

test("hostile strings stored through the forms (a person, a roadmap activity, a public news item, a practice) render as plain text everywhere, downloads included", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, context } = await newDirector(browser, SCHOOL, "Экранова Инна Львовна");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const mark = Date.now().toString(36);

  // A person whose every name field is an attack.
  await page.goto(`/${SCHOOL.slug}/people`);
  const add = page.getByRole("region", { name: "Добавить человека" });
  await add.getByLabel("Фамилия").fill(`${HOSTILE.img}${mark}`);
  await add.getByLabel("Имя", { exact: true }).fill(HOSTILE.script);
  await add.getByLabel("Отчество").fill(HOSTILE.svg);
  await add.getByLabel("Должность").fill(HOSTILE.url);
  await add.getByRole("button", { name: "Добавить" }).click();
  await expect(add.getByText("Человек добавлен.")).toBeVisible();
  await page.reload();
  const person = page.getByRole("link", { name: new RegExp(`${mark}`) });
  await expect(person).toContainText(HOSTILE.img);
  await expectInert(page, dialogs);
  await person.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${HOSTILE.img}${mark} ${HOSTILE.script} ${HOSTILE.svg}`);
  await expect(page.locator("main")).toContainText(HOSTILE.url);
  await expectInert(page, dialogs);
  await expectAccessible(page);
  // The .xlsx export keeps the text as it is.
  const xlsx = await readable(await context.request.get(`/${SCHOOL.slug}/people/export`));
  expect(xlsx).toContain(`&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;${mark}`);

  // A roadmap activity of stage 7.
  await page.goto(`/${SCHOOL.slug}/program/roadmap`);
  const addActivity = page.getByRole("region", { name: "Добавить мероприятие" });
  await addActivity.getByLabel("Этап", { exact: true }).selectOption("7");
  await addActivity.getByLabel("Срок", { exact: true }).fill("до 20.05");
  await addActivity.getByLabel("Наименование мероприятия").fill(`${HOSTILE.script} ${mark}`);
  await addActivity.getByLabel("Содержание (необязательно)").fill(HOSTILE.svg);
  await addActivity.getByLabel("или должность / роль").fill(HOSTILE.img);
  await addActivity.getByRole("button", { name: "Добавить", exact: true }).click();
  await expect(addActivity.getByText("Сохранено.")).toBeVisible();
  await page.goto(`/${SCHOOL.slug}/program/roadmap?stage=7`);
  const activity = page.getByRole("table", { name: "Мероприятия дорожной карты" }).getByRole("row").filter({ hasText: mark });
  await expect(activity).toContainText(`${HOSTILE.script} ${mark}`);
  await expectInert(page, dialogs);
  await expectAccessible(page);

  // A news item published today on the public section.
  await page.goto(`/${SCHOOL.slug}/publication`);
  const news = page.getByRole("form", { name: "Добавить новость" });
  await news.getByLabel("Заголовок").fill(`${HOSTILE.img} ${mark}`);
  await news.getByLabel("Текст").fill(`${HOSTILE.svg}\n${HOSTILE.script}\n${HOSTILE.url}`);
  await news.getByLabel("Дата публикации").fill(serverDate());
  await news.getByRole("button", { name: "Сохранить новость" }).click();
  await expect(news.getByText("Новость сохранена.")).toBeVisible();
  await expectInert(page, dialogs);

  // A practice in the методическая копилка.
  await page.goto(`/${SCHOOL.slug}/practices`);
  const practice = page.getByRole("form", { name: "Добавить в копилку" });
  await practice.getByLabel("Вид").selectOption("MATERIAL");
  await practice.getByLabel("Название").fill(`${HOSTILE.svg} ${mark}`);
  await practice.getByLabel("Краткое описание").fill(HOSTILE.img);
  await practice.getByLabel("Описание практики").fill(`${HOSTILE.script}\n${HOSTILE.url}`);
  await practice.getByRole("button", { name: "Сохранить" }).click();
  await expect(practice.getByText("Добавлено в копилку.")).toBeVisible();
  await practice.getByRole("link", { name: /Открыть/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${HOSTILE.svg} ${mark}`);
  await expect(page.locator("main")).toContainText(HOSTILE.script);
  await expectInert(page, dialogs);
  await expectAccessible(page);
  await context.close();

  // The public section, as anyone sees it.
  const visitor = await newVisitor(browser);
  const publicDialogs: string[] = [];
  visitor.page.on("dialog", (d) => {
    publicDialogs.push(d.message());
    void d.dismiss();
  });
  await visitor.page.goto(`/s/${SCHOOL.slug}`);
  const item = visitor.page.getByRole("link", { name: `${HOSTILE.img} ${mark}` });
  await expect(item).toBeVisible();
  await expectInert(visitor.page, publicDialogs);
  await item.click();
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText(`${HOSTILE.img} ${mark}`);
  await expect(visitor.page.locator("main")).toContainText(HOSTILE.svg);
  await expect(visitor.page.locator("main")).toContainText(HOSTILE.url);
  await expectInert(visitor.page, publicDialogs);
  await expectAccessible(visitor.page);
  await visitor.context.close();
});
