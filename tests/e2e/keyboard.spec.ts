import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, newDirector, newMember, newVisitor, serverAcademicYear } from "./helpers";

// Issue #7, accessibility: the two decisions of the program done with the keyboard alone — Tab, Shift+Tab,
// Enter, Space, arrow keys and typing; no click, no fill. At every stop the focused control must show
// a visible focus indicator, and Tab must be able to leave every part of the page (no keyboard trap).

const SCHOOL = { slug: "kovalevskaya-oosh", name: "БОУ «Ковалевская ООШ»" };

/** The focused element shows a focus indicator: it matches :focus-visible and draws an outline or a ring. */
async function expectFocusVisible(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, what: "nothing focused" };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    const ring = style.boxShadow !== "none";
    const rect = el.getBoundingClientRect();
    return { ok: el.matches(":focus-visible") && (outline || ring) && rect.width > 0 && rect.height > 0, what: el.outerHTML.slice(0, 120) };
  });
  expect(focus.ok, `visible focus on ${focus.what}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until the target has the focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 150 } = {}) {
  await expect(target).toBeVisible();
  // A control of a client form stays disabled until the form is hydrated, and Tab passes a disabled control by.
  await expect(target).toBeEnabled();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectFocusVisible(page);
      return;
    }
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/**
 * No keyboard trap: from the top of the page, Tab visits the controls one after another and comes back
 * around (to the first control or to the document) instead of cycling inside one part of the page.
 */
async function expectNoKeyboardTrap(page: Page) {
  const total = await page.evaluate(() => {
    document.querySelectorAll("[data-kbd-stop]").forEach((el) => el.removeAttribute("data-kbd-stop"));
    const selector = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
    return [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.getClientRects().length > 0).length;
  });
  const stops: string[] = [];
  let last = "";
  for (let i = 0; i < 3 * total + 10; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate((n) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || !document.hasFocus()) return "outside";
      if (el.dataset.kbdStop) return el.dataset.kbdStop;
      el.dataset.kbdStop = String(n);
      return "new";
    }, i);
    if (stop === "outside") continue; // past the last control, out of the page: the next Tab starts again from the top
    if (stop === "new") {
      stops.push((last = String(i)));
      continue;
    }
    if (stop === last) continue; // a date field: Tab walks its day, month and year first
    // Back at a control already visited: it must be the first one, i.e. Tab went all the way around.
    expect(stop, `Tab cycled back to stop ${stop} of ${stops.length} instead of going all the way around`).toBe(stops[0]);
    return;
  }
  throw new Error(`Tab did not come back around after ${3 * total + 10} presses (${total} focusable controls)`);
}

/** The start of a journey: the sign-in form filled and sent from the keyboard. */
async function signInWithKeyboard(page: Page, email: string, password: string) {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Электронная почта"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Пароль"));
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
  // Signed in, the focus is at the start of the home page's content, not lost in the removed form.
  await expect(page.locator("main")).toBeFocused();
}

/** On a freshly loaded page the skip link comes first, and Enter on it sends the next Tab into the page's main content. */
async function skipToContent(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Перейти к содержанию" });
  await expect(skip).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await inMain(page)).toBe(true);
  await expectFocusVisible(page);
}

/** Follows a link of the navigation; the focus then moves to the new page's main content. */
async function openSection(page: Page, name: string, heading: string | RegExp) {
  await tabTo(page, page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name, exact: true }), { backwards: await inMain(page) });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.locator("main")).toBeFocused();
}

const inMain = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest("main")));

test("keyboard only: a curator proposes the waiting teacher's pair and the director approves it", async ({ browser }) => {
  // Up to 132 s measured on a shared 2-core machine at load 20: the cap keeps a 2× margin.
  test.setTimeout(300_000);
  // Setup (not part of the journey): the school's own director and curator, new accounts.
  const setupDirector = await newDirector(browser, SCHOOL, "Клавишина Мария Петровна");
  const setupCurator = await newMember(browser, setupDirector.page, SCHOOL.slug, "Куратор", "Табуляев Олег Ильич");
  await setupCurator.context.close();
  await setupDirector.context.close();

  // The curator.
  const curator = await newVisitor(browser);
  let page = curator.page;
  await signInWithKeyboard(page, setupCurator.email, setupCurator.password);
  await expectAccessible(page);
  await page.reload();
  await skipToContent(page);
  await expectNoKeyboardTrap(page);
  await openSection(page, "Пары и группы", "Пары и группы");
  await expectAccessible(page);
  const matching = page.getByRole("region", { name: "Подбор наставников" });
  await tabTo(page, matching.getByRole("button", { name: "Подобрать" }));
  await page.keyboard.press("Enter");
  const proposal = matching.getByRole("table", { name: "Предложенные пары" });
  await expect(proposal).toContainText("Лебедев Никита Олегович");
  await expectAccessible(page);
  await tabTo(page, matching.getByRole("button", { name: "Предложить 1 пару руководителю" }));
  await page.keyboard.press("Enter");
  await expect(matching.getByRole("status")).toContainText("Пары отправлены руководителю на утверждение.");
  await expect(page.getByRole("region", { name: "На утверждении у руководителя" })).toContainText("Лебедев Никита Олегович");
  await expectNoKeyboardTrap(page);
  await curator.context.close();

  // The director.
  const director = await newVisitor(browser);
  page = director.page;
  await signInWithKeyboard(page, setupDirector.email, setupDirector.password);
  await openSection(page, "Пары и группы", "Пары и группы");
  const inbox = page.getByRole("region", { name: "На утверждении у руководителя" });
  const row = inbox.getByRole("listitem").filter({ hasText: "Лебедев Никита Олегович" });
  const tick = row.getByRole("checkbox");
  await tabTo(page, tick);
  await expect(tick).toBeChecked();
  // Space toggles the selection; the approve button follows it.
  await page.keyboard.press("Space");
  await expect(tick).not.toBeChecked();
  await expect(inbox.getByRole("button", { name: "Утвердить отмеченные и сформировать приказ" })).toBeDisabled();
  await page.keyboard.press("Space");
  await expect(tick).toBeChecked();
  await expectAccessible(page);
  await expectNoKeyboardTrap(page);
  await tabTo(page, inbox.getByRole("button", { name: "Утвердить отмеченные и сформировать приказ" }));
  await page.keyboard.press("Enter");
  // The confirmation stays (the inbox is empty now) and takes the focus from the vanished button.
  await expect(inbox.getByRole("status")).toContainText(/Пары утверждены, приказ № \d+-НП зарегистрирован\./);
  await expect(inbox.getByText("Предложенных пар нет.")).toBeVisible();
  await expect(inbox.locator("[tabindex='-1']:has([role=status])")).toBeFocused();
  await expectFocusVisible(page);
  await expect(page.getByRole("table", { name: "Пары и группы" })).toContainText("Лебедев Никита Олегович");
  await expectAccessible(page);
  await director.context.close();
});

test("keyboard only: the municipal program's curator registers the stage-1 orders, the head approves them, the curator advances the program to stage 2", async ({ browser }) => {
  // Up to 132 s measured on a shared 2-core machine at load 20: the cap keeps a 2× margin.
  test.setTimeout(300_000);
  const academicYear = serverAcademicYear();
  const mark = Date.now().toString(36).slice(-5);
  const orders = [
    { kind: "REGULATION", number: `${mark}-1`, title: "Об утверждении Положения о муниципальной системе наставничества" },
    { kind: "ROADMAP_APPROVAL", number: `${mark}-2`, title: "Об утверждении муниципальной дорожной карты наставничества" },
    { kind: "CURATOR_APPOINTMENT", number: `${mark}-3`, title: "О назначении муниципального куратора наставничества" },
  ];

  // The methodist is the curator of the district office's own program (prisma/seed.ts).
  const curator = await newVisitor(browser);
  const page = curator.page;
  await signInWithKeyboard(page, "methodist@levokumsky.demo", "nastavnik2026");
  await openSection(page, "Программа", /Система наставничества педагогических работников/);
  await expect(page.getByText("Куратор: Белова Ирина Викторовна")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Этап 1 из 7");
  await expectAccessible(page);
  await expectNoKeyboardTrap(page);
  // The gate lists what is missing, each with a link to where it is done: an activity of the roadmap
  // still open, and the three orders.
  const gate = page.getByRole("region", { name: /Что нужно для перехода к этапу 2/ });
  await expect(gate).toContainText("Положение о наставничестве не утверждено руководителем.");
  const openText = (await gate.getByText(/^Не выполнены мероприятия этапа/).textContent()) ?? "";
  const openTitles = [...openText.matchAll(/«([^»]+)»/g)].map((m) => m[1]!);
  expect(openText).not.toContain("и ещё");
  await tabTo(page, gate.getByRole("link", { name: "Открыть мероприятия этапа" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Дорожная карта" })).toBeVisible();
  await expect(page.locator("main")).toBeFocused();
  const roadmap = page.getByRole("table", { name: "Мероприятия дорожной карты" });
  for (const title of openTitles) {
    const row = roadmap.getByRole("row").filter({ hasText: title });
    await tabTo(page, row.getByText("Изменить статус")); // a <summary>: Enter opens its <details>
    await page.keyboard.press("Enter");
    const form = row.getByRole("form", { name: /^Статус: / });
    const status = form.getByLabel("Статус");
    await tabTo(page, status);
    for (let i = 0; i < 4 && (await status.inputValue()) !== "DONE"; i++) await page.keyboard.press("ArrowDown");
    await expect(status).toHaveValue("DONE");
    await tabTo(page, form.getByLabel("Подтверждение"));
    await page.keyboard.type("Протокол совещания методистов № 1");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toHaveText("Сохранено.");
  }
  await expectAccessible(page);
  await openSection(page, "Локальные акты", "Локальные акты");

  const kind = page.getByLabel("Вид", { exact: true });
  for (const [i, order] of orders.entries()) {
    await tabTo(page, kind, { backwards: i > 0 });
    if (i > 0) await page.keyboard.press("ArrowDown"); // the form keeps the last kind: the next one is below it
    await expect(kind).toHaveValue(order.kind);
    await tabTo(page, page.getByLabel("Номер", { exact: true }));
    await page.keyboard.type(order.number);
    await tabTo(page, page.getByLabel("Дата", { exact: true }));
    await page.keyboard.type(`0909${academicYear}`); // day and month alike: whatever order the date field shows
    await expect(page.getByLabel("Дата", { exact: true })).toHaveValue(`${academicYear}-09-09`);
    await tabTo(page, page.getByLabel("Заголовок", { exact: true }));
    await page.keyboard.type(order.title);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("table", { name: "Реестр локальных актов" })).toContainText(order.number);
  }
  await expectAccessible(page);

  // The municipal head approves the three orders.
  const head = await newVisitor(browser);
  await signInWithKeyboard(head.page, "head@levokumsky.demo", "nastavnik2026");
  await openSection(head.page, "Локальные акты", "Локальные акты");
  const register = head.page.getByRole("table", { name: "Реестр локальных актов" });
  for (const order of orders) {
    const row = register.getByRole("row").filter({ hasText: order.number });
    await tabTo(head.page, row.getByRole("button", { name: "Утвердить" }));
    await head.page.keyboard.press("Enter");
    await expect(row).toContainText("Утверждён");
    await expect(row.getByRole("button", { name: "Утвердить" })).toHaveCount(0);
    // The button's confirmation takes its place and the focus; Tab goes on from this row.
    await expect(row.getByRole("status").filter({ hasText: "Утверждён." })).toBeFocused();
    await expectFocusVisible(head.page);
  }
  await expectAccessible(head.page);
  await expectNoKeyboardTrap(head.page);
  await head.context.close();

  // The curator advances the program.
  await openSection(page, "Программа", /Система наставничества педагогических работников/);
  await expect(page.getByText("Условия завершения этапа выполнены — можно переходить дальше.")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Перейти к этапу 2" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Программа переведена на этап 2." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Переходы между этапами" })).toContainText("Переход с этапа 1 на этап 2");
  await expectAccessible(page);
  await curator.context.close();
});
