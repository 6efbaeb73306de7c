import { expect, test } from "@playwright/test";
import { acceptInvitation, DEMO_PASSWORD, expectAccessible, newVisitor, signedInAs, uniqueSuffix } from "./helpers";

// The platform operator of the demo (operator@platform.demo, decision 018): lands on /operator, sees the
// organizations and their status, and nothing of any school; nobody else opens /operator.
const OPERATOR = "operator@platform.demo";

async function operatorSignedIn(browser: import("@playwright/test").Browser) {
  const visitor = await newVisitor(browser);
  await visitor.page.goto("/login");
  await visitor.page.getByLabel("Электронная почта").fill(OPERATOR);
  await visitor.page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await visitor.page.getByRole("button", { name: "Войти", exact: true }).click();
  await expect(visitor.page).toHaveURL(/\/operator$/);
  return visitor;
}

test("the operator lands on the organizations tree, creates a municipality, archives and restores it", async ({ browser }) => {
  const { page, context } = await operatorSignedIn(browser);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Организации платформы");
  const district = page.getByTestId("org-levokumsky");
  await expect(district).toContainText("Отдел образования Левокумского МО");
  await expect(district).toContainText("Вошёл в систему");
  await expect(page.getByTestId("org-sosh-20")).toContainText("Образовательная организация");
  // No person of any school on the page.
  for (const name of ["Смирнова Елена Петровна", "Мельникова Ольга Ивановна", "director@sosh20.demo"]) await expect(page.locator("body")).not.toContainText(name);
  await expectAccessible(page);

  const slug = `mo-${uniqueSuffix()}`;
  const form = page.getByRole("form", { name: "Новый регион или муниципалитет" });
  await form.getByLabel("Регион").selectOption({ label: "Министерство образования Ставропольского края" });
  await form.getByLabel("Полное наименование").fill(`Отдел образования ${slug}`);
  await form.getByLabel("Адрес в ссылках").fill(slug);
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(form.getByText(`адрес: /${slug}`)).toBeVisible();
  const row = page.getByTestId(`org-${slug}`);
  await expect(row).toContainText("Не приглашён");
  await row.getByRole("button", { name: "В архив" }).click();
  await expect(row).toContainText("В архиве");
  await row.getByRole("button", { name: "Вернуть из архива" }).click();
  await expect(row).toContainText("Действует");
  await expectAccessible(page);
  await context.close();
});

test("the operator is refused the pages of schools and of the municipal office; directors, heads and methodists are refused /operator", async ({ browser }) => {
  const { page, context } = await operatorSignedIn(browser);
  for (const url of ["/sosh-20", "/sosh-20/people", "/kovalevskaya-oosh/pairs", "/levokumsky/district", "/levokumsky/schools", "/levokumsky/members"]) {
    const res = await context.request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(403);
  }
  const res = await page.goto("/sosh-20/people");
  expect(res?.status()).toBe(403);
  await expectAccessible(page);
  await context.close();
  for (const email of ["director@sosh14.demo", "head@levokumsky.demo", "methodist@levokumsky.demo"]) {
    const other = await signedInAs(browser, email);
    const refused = await other.page.goto("/operator");
    expect(refused?.status(), email).toBe(403);
    await expect(other.page.getByRole("heading", { level: 1 })).toBeVisible();
    await other.context.close();
  }
});

test("an archived municipality reads as before, says it is archived, and refuses changes; restored, it works again", async ({ browser }) => {
  const operator = await operatorSignedIn(browser);
  const slug = `mo-${uniqueSuffix()}`;
  const headEmail = `head-${slug}@golive.test`;
  const form = operator.page.getByRole("form", { name: "Новый регион или муниципалитет" });
  await form.getByLabel("Полное наименование").fill(`Управление образования ${slug}`);
  await form.getByLabel("Адрес в ссылках").fill(slug);
  await form.getByLabel("E-mail руководителя").fill(headEmail);
  await form.getByRole("button", { name: "Создать" }).click();
  const link = form.getByLabel("Ссылка-приглашение (показывается один раз; действует 7 дней):");
  await expect(link).toHaveValue(/\/invite\//);
  const head = await acceptInvitation(browser, new URL(await link.inputValue()).pathname, "Архипова Вера Петровна", "head-pass-2026");
  await operator.page.reload();
  const row = operator.page.getByTestId(`org-${slug}`);
  await expect(row).toContainText("Вошёл в систему");
  await row.getByRole("button", { name: "В архив" }).click();
  await expect(row).toContainText("В архиве");

  await head.page.goto(`/${slug}/members`);
  await expect(head.page.getByRole("status").filter({ hasText: "Организация в архиве" })).toBeVisible();
  await head.page.getByLabel("Электронная почта").fill(`methodist-${slug}@golive.test`);
  await head.page.getByRole("button", { name: "Создать приглашение" }).click();
  await expect(head.page.getByRole("main").getByRole("alert")).toContainText("Организация в архиве: её данные доступны только для просмотра.");
  await expectAccessible(head.page);

  await row.getByRole("button", { name: "Вернуть из архива" }).click();
  await expect(row).toContainText("Действует");
  await head.page.reload();
  await expect(head.page.getByText("Организация в архиве")).toHaveCount(0);
  await head.context.close();
  await operator.context.close();
});
