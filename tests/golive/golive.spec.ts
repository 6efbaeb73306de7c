import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, newVisitor } from "../e2e/helpers";
import { letterTo, linkIn, setPasswordThrough, setupOutput, signInFresh } from "./journey";
import { GOLIVE } from "./ports";

// Going live from an EMPTY PostgreSQL database (issue #13 «Done when»), as one journey of steps that run in
// order and share its state (`journey`). tests/golive/serve.ts ran `npm run setup` and started one production
// instance; its SMTP sink keeps every letter (journey.ts reads them). Later steps (the head imports schools,
// a director, a curator, teachers…) continue from `journey`.
test.describe.configure({ mode: "serial" });

const journey: {
  operator?: { page: Page; context: BrowserContext; password: string };
  municipality?: { name: string; slug: string; headEmail: string; invitationPath: string };
} = {};

test.afterAll(async () => {
  await journey.operator?.context.close();
});

test("1. setup printed the operator's one-time link and e-mailed the same link", async ({ request }) => {
  const setup = await setupOutput(request);
  expect(setup.code).toBe(0);
  expect(setup.stdout).toContain(`создан оператор платформы: ${GOLIVE.operatorEmail}`);
  const letter = await letterTo(request, GOLIVE.operatorEmail, /оператор/i);
  const path = linkIn(letter, /\/reset-password\//);
  expect(setup.stdout).toContain(`http://localhost:${GOLIVE.port}${path}`);
  expect(letter.text).toContain("оператора платформы");
});

test("2. the operator sets the password through the e-mailed link, signs in and lands on the organizations page", async ({ browser, request }) => {
  const path = linkIn(await letterTo(request, GOLIVE.operatorEmail, /оператор/i), /\/reset-password\//);
  const password = "operator-golive-2026";
  const visitor = await newVisitor(browser);
  await setPasswordThrough(visitor.page, path, password);
  await expectAccessible(visitor.page);
  await visitor.context.close();

  const operator = await signInFresh(browser, GOLIVE.operatorEmail, password);
  await expect(operator.page).toHaveURL(/\/operator$/);
  await expect(operator.page.getByRole("heading", { level: 1 })).toHaveText("Организации платформы");
  await expect(operator.page.getByText("Организаций пока нет. Создайте регион или муниципалитет.")).toBeVisible();
  await expectAccessible(operator.page);
  // The link was one-time.
  await operator.page.goto(path);
  await expect(operator.page.getByRole("heading", { level: 1 })).toHaveText("Ссылка недействительна");
  await expectAccessible(operator.page);
  journey.operator = { ...operator, password };
});

test("3. the operator creates a municipality and invites its head", async () => {
  const { page } = journey.operator!;
  const municipality = {
    name: "Управление образования администрации Арзгирского муниципального округа",
    shortName: "УО Арзгирского МО",
    slug: "arzgir",
    headEmail: "head@arzgir.golive.test",
  };
  await page.goto("/operator");
  const form = page.getByRole("form", { name: "Новый регион или муниципалитет" });
  await form.getByLabel("Вид").selectOption({ label: "Муниципалитет" });
  await form.getByLabel("Полное наименование").fill(municipality.name);
  await form.getByLabel("Краткое наименование").fill(municipality.shortName);
  await form.getByLabel("Населённый пункт").fill("с. Арзгир");
  await form.getByLabel("Адрес в ссылках").fill(municipality.slug);
  await form.getByLabel("E-mail руководителя").fill(municipality.headEmail);
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(form.getByText(`адрес: /${municipality.slug}`)).toBeVisible();
  const link = form.getByLabel("Ссылка-приглашение (показывается один раз; действует 7 дней):");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const invitationPath = new URL(await link.inputValue()).pathname;
  const row = page.getByTestId(`org-${municipality.slug}`);
  await expect(row).toContainText(municipality.shortName);
  await expect(row).toContainText("Муниципалитет");
  await expect(row).toContainText("Действует");
  await expect(row).toContainText("Приглашён");
  await expectAccessible(page);
  journey.municipality = { name: municipality.name, slug: municipality.slug, headEmail: municipality.headEmail, invitationPath };
});
