import { expect, test, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, expectAccessible, newVisitor, signIn, signedInAs, uniqueSuffix } from "./helpers";

async function inviteFromMembersPage(page: Page, org: string, email: string, roleLabel: string): Promise<string> {
  await page.goto(`/${org}/members`);
  await expect(page.getByRole("heading", { level: 1, name: "Участники" })).toBeVisible();
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Роль").selectOption({ label: roleLabel });
  await page.getByRole("button", { name: "Создать приглашение" }).click();
  const link = page.getByLabel(`Приглашение создано. Ссылка для ${email}:`);
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(await link.inputValue()).pathname;
}

/** Opens an invitation link in a fresh browser and creates the account; ends on the organization's home. */
async function acceptAsNewUser(browser: Browser, path: string, name: string, password: string) {
  const visitor = await acceptInvitation(browser, path, name, password);
  await expect(visitor.page).toHaveURL(/\/sosh-20$/);
  return visitor;
}

test("a director invites a mentor, who accepts the link, creates an account and lands in the school", async ({ browser }) => {
  const email = `mentor-${uniqueSuffix()}@sosh20.demo`;
  const director = await signedInAs(browser, "director@sosh20.demo");
  const path = await inviteFromMembersPage(director.page, "sosh-20", email, "Наставник");
  await expectAccessible(director.page);
  await director.page.reload();
  await expect(director.page.getByRole("table", { name: "Приглашения, которые ещё не приняты" })).toContainText(email);

  const invitee = await newVisitor(browser);
  await invitee.page.goto(path);
  await expect(invitee.page.getByText("Вас приглашают в организацию «Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №20»» в роли «Наставник».")).toBeVisible();
  await expectAccessible(invitee.page);
  // Bad input first: a short password and a missing name are refused with Russian messages.
  await invitee.page.getByLabel("Пароль", { exact: true }).fill("short");
  await invitee.page.getByLabel("Пароль ещё раз").fill("short");
  await invitee.page.getByRole("button", { name: "Принять приглашение" }).click();
  await expect(invitee.page.getByText("Укажите фамилию и имя.")).toBeVisible();
  await expect(invitee.page.getByText("Пароль должен быть не короче 10 символов.")).toBeVisible();
  await expectAccessible(invitee.page);

  await invitee.page.getByLabel("Фамилия, имя, отчество").fill("Зайцев Пётр Ильич");
  await invitee.page.getByLabel("Пароль", { exact: true }).fill("very-secret-pass");
  await invitee.page.getByLabel("Пароль ещё раз").fill("very-secret-pass");
  await invitee.page.getByRole("button", { name: "Принять приглашение" }).click();
  await expect(invitee.page).toHaveURL(/\/sosh-20$/);
  await expect(invitee.page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Зайцев Пётр Ильич!");

  // The link is single-use.
  const again = await newVisitor(browser);
  await again.page.goto(path);
  await expect(again.page.getByRole("heading", { name: "Приглашение недействительно" })).toBeVisible();
  await expect(again.page.getByText("Это приглашение уже использовано.", { exact: false })).toBeVisible();
  await expectAccessible(again.page);

  // The director sees the new member and the event in the audit log.
  await director.page.goto("/sosh-20/members");
  await expect(director.page.getByRole("table", { name: "Участники организации" })).toContainText("Зайцев Пётр Ильич");
  // The log is paged (other specs write to СОШ № 20 meanwhile): the director finds the record by action and name.
  await director.page.goto("/sosh-20/audit");
  const search = director.page.getByRole("search", { name: "Поиск в журнале" });
  await search.getByLabel("Действие").selectOption({ label: "Приглашение принято" });
  await search.getByLabel("Кто (имя или его часть)").fill("Зайцев");
  await search.getByRole("button", { name: "Показать" }).click();
  await expect(director.page).toHaveURL(/action=invitation\.accept/);
  await expect(director.page.getByText(/^Найдено: [1-9]\d*$/)).toBeVisible();
  await expect(director.page.getByRole("table", { name: "Записи журнала" }).getByRole("row").filter({ hasText: "Зайцев Пётр Ильич" })).toContainText("Приглашение принято");
  await expectAccessible(director.page);
  for (const v of [director, invitee, again]) await v.context.close();
});

test("a damaged or unknown invitation link gets a page saying so", async ({ browser }) => {
  const { page, context } = await newVisitor(browser);
  await page.goto("/invite/not-a-token");
  await expect(page.getByText("Ссылка приглашения повреждена.", { exact: false })).toBeVisible();
  await page.goto(`/invite/${"A".repeat(43)}`);
  await expect(page.getByText("Приглашение не найдено.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("a curator may invite mentors and mentees only, and sees no audit log", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  await page.goto("/sosh-20/members");
  const options = await page.getByLabel("Роль").locator("option").allTextContents();
  expect(options).toEqual(["Наставник", "Наставляемый"]);
  await expect(page.getByRole("navigation", { name: "Разделы" }).getByRole("link")).toHaveText([
    "Главная",
    "Программа",
    "Дорожная карта",
    "Паспорт программы",
    "Локальные акты",
    "Люди и согласия",
    "Банк наставляемых",
    "Банк наставников",
    "Пары и группы",
    "Анкетирование",
    "Мои анкеты",
    "Мониторинг",
    "Методическая копилка",
    "Раздел на сайте",
    "Уведомления",
    "Профиль организации",
    "Участники",
    "Сбор данных",
    "Задачи и файлы",
    "Организации-партнёры",
    "Консультации",
    "Районные сообщества",
  ]);
  await expectAccessible(page);
  // Bad input: an invalid email is refused on the spot, nothing is created.
  await page.getByLabel("Электронная почта").fill("не-почта");
  await page.getByRole("button", { name: "Создать приглашение" }).click();
  await expect(page.getByText("Введите адрес электронной почты, например ivanova@school.ru.")).toBeVisible();
  await context.close();
});

test("a removed role stops working on the next request", async ({ browser }) => {
  const email = `mentee-${uniqueSuffix()}@sosh20.demo`;
  const director = await signedInAs(browser, "director@sosh20.demo");
  const path = await inviteFromMembersPage(director.page, "sosh-20", email, "Наставляемый");
  const member = await acceptAsNewUser(browser, path, "Соколова Вера Павловна", "mentee-password-1");

  await director.page.goto("/sosh-20/members");
  const row = director.page.getByRole("row", { name: /Соколова Вера Павловна/ });
  director.page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Снять роль" }).click();
  // The page refreshes and the member's row goes.
  await expect(director.page.getByRole("row", { name: /Соколова Вера Павловна/ })).toHaveCount(0);

  const res = await member.page.goto("/sosh-20");
  expect(res?.status()).toBe(403);
  await expect(member.page.getByRole("heading", { name: "Доступ запрещён" })).toBeVisible();
  await director.context.close();
  await member.context.close();
});

test("the municipal head sees the district's organizations and invites a head of school", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "head@levokumsky.demo");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Организации округа" }).click();
  const table = page.getByRole("table", { name: "Организации округа" });
  // Header + the demo's 5 organizations (registry.spec.ts may add more to the district meanwhile).
  await expect(table.getByRole("row").nth(5)).toBeVisible();
  await expect(table).toContainText("Дошкольная образовательная организация");
  await expectAccessible(page);
  await page.getByLabel("Организация", { exact: true }).selectOption({ label: "БОУ «Ковалевская ООШ»" });
  const email = `head-${uniqueSuffix()}@kovalevskaya.demo`;
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByRole("button", { name: "Пригласить руководителя" }).click();
  await expect(page.getByLabel(`Приглашение руководителя создано. Ссылка для ${email}:`)).toHaveValue(/\/invite\//);
  await context.close();
});

test("a methodist sees the district but cannot invite", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "methodist@levokumsky.demo");
  await page.goto("/levokumsky/schools");
  await expect(page.getByRole("table", { name: "Организации округа" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Пригласить руководителя" })).toHaveCount(0);
  await page.goto("/levokumsky/members");
  await expect(page.getByRole("button", { name: "Создать приглашение" })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});

test("changing the password keeps this session and signs out the others", async ({ browser }) => {
  const email = `psy-${uniqueSuffix()}@sosh20.demo`;
  const director = await signedInAs(browser, "director@sosh20.demo");
  const path = await inviteFromMembersPage(director.page, "sosh-20", email, "Педагог-психолог");
  const first = await acceptAsNewUser(browser, path, "Морозова Алла Юрьевна", "old-password-123");

  const second = await newVisitor(browser);
  await signIn(second.page, email, "old-password-123");
  await expect(second.page).toHaveURL(/\/sosh-20$/);

  await first.page.goto("/account");
  await expectAccessible(first.page);
  await first.page.getByLabel("Текущий пароль").fill("wrong-one");
  await first.page.getByLabel("Новый пароль", { exact: true }).fill("new-password-456");
  await first.page.getByLabel("Новый пароль ещё раз").fill("new-password-456");
  await first.page.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(first.page.getByText("Неверный пароль.")).toBeVisible();

  await first.page.getByLabel("Текущий пароль").fill("old-password-123");
  await first.page.getByLabel("Новый пароль", { exact: true }).fill("new-password-456");
  await first.page.getByLabel("Новый пароль ещё раз").fill("new-password-456");
  await first.page.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(first.page).toHaveURL(/\/account\?changed=1$/);
  await expect(first.page.getByRole("status").filter({ hasText: "Пароль изменён." })).toBeVisible();
  await first.page.goto("/sosh-20");
  await expect(first.page).toHaveURL(/\/sosh-20$/);

  await second.page.goto("/sosh-20");
  await expect(second.page).toHaveURL(/\/login\?reason=session/);
  await expect(second.page.getByText("Сеанс завершён. Войдите снова.")).toBeVisible();
  await signIn(second.page, email, "new-password-456");
  await expect(second.page).toHaveURL(/\/sosh-20$/);
  for (const v of [director, first, second]) await v.context.close();
});
