import { expect, test } from "@playwright/test";
import { acceptInvitation, expectAccessible, signedInAs, uniqueSuffix } from "./helpers";

// Accounts at scale (issue #13 item 4) on the demo seed, without SMTP (the e2e server has none): the
// curator adds five teachers with e-mails, invites them from the people list in one action, the outbox
// lists the five letters waiting and «Показать ссылку» gives a link; the teacher who accepts it has an
// account linked to their card, so «Моё наставничество» knows who they are.
test("a curator invites five teachers in one action; the outbox gives a link; the new mentor's account is linked to the card", async ({ browser }) => {
  test.setTimeout(240_000);
  const sfx = uniqueSuffix();
  const teachers = ["Арсеньева", "Белкина", "Воронова", "Галкина", "Дроздова"].map((lastName, i) => ({
    lastName: `${lastName}-${sfx}`,
    firstName: "Анна",
    name: `${lastName}-${sfx} Анна`,
    email: `teacher-${i}-${sfx}@sosh20.test`,
  }));
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  await page.goto("/sosh-20/people");
  for (const teacher of teachers) {
    await page.getByLabel("Кто", { exact: true }).selectOption("TEACHER");
    await page.getByLabel("Фамилия", { exact: true }).fill(teacher.lastName);
    await page.getByLabel("Имя", { exact: true }).fill(teacher.firstName);
    await page.getByLabel("Должность", { exact: true }).fill("Учитель математики");
    await page.getByLabel("Электронная почта", { exact: true }).fill(teacher.email);
    await page.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(page.getByLabel(`Выбрать: ${teacher.name}`)).toBeVisible();
  }
  await expectAccessible(page);

  // «Выбрать всех с e-mail» selects every person with an address; «Снять выбор» clears it.
  await page.getByRole("button", { name: "Выбрать всех с e-mail" }).click();
  await expect(page.getByLabel(`Выбрать: ${teachers[0]!.name}`)).toBeChecked();
  await page.getByRole("button", { name: "Снять выбор" }).click();
  await expect(page.getByText("Выбрано: 0")).toBeVisible();

  // The role is proposed from the card (a teacher → mentor) and editable per row; one row from the keyboard.
  for (const teacher of teachers.slice(0, 4)) {
    await expect(page.getByLabel(`Роль для ${teacher.name}`)).toHaveValue("MENTOR");
    await page.getByLabel(`Выбрать: ${teacher.name}`).check();
  }
  const last = teachers[4]!;
  await page.getByLabel(`Выбрать: ${last.name}`).focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel(`Выбрать: ${last.name}`)).toBeChecked();
  await page.getByLabel(`Роль для ${last.name}`).selectOption({ label: "Наставляемый" });
  await expect(page.getByText("Выбрано: 5")).toBeVisible();
  await page.getByRole("button", { name: "Пригласить выбранных" }).click();
  await expect(page.getByText("Создано приглашений: 5. Почтовый сервер не настроен", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // The outbox lists the five invitations waiting for a letter; «Показать ссылку» issues a link, shown once.
  await page.goto("/sosh-20/outbox");
  const invitations = page.getByRole("table", { name: "Ожидающие приглашения и письма с ними" });
  for (const teacher of teachers) {
    const row = invitations.locator(`tr[data-invitation="${teacher.email}"]`);
    await expect(row).toContainText("Ждёт отправки");
    await expect(row).toContainText(teacher.name);
  }
  await expect(invitations.locator(`tr[data-invitation="${last.email}"]`)).toContainText("Наставляемый");
  await expectAccessible(page);
  const first = teachers[0]!;
  await invitations.locator(`tr[data-invitation="${first.email}"]`).getByRole("button", { name: "Показать ссылку" }).click();
  const link = page.getByLabel(`Ссылка приглашения для ${first.email}`);
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("Прежняя ссылка больше не действует.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  const path = new URL(await link.inputValue()).pathname;

  // A new browser accepts it: the account is linked to the teacher's card.
  const mentor = await acceptInvitation(browser, path, first.name, "new-mentor-pass-2026");
  await expect(mentor.page).toHaveURL(/\/sosh-20$/);
  await mentor.page.goto("/sosh-20/my-pairs");
  await expect(mentor.page.getByRole("heading", { level: 1, name: "Моё наставничество" })).toBeVisible();
  await expect(mentor.page.getByText("Вы пока не входите ни в одну пару, утверждённую приказом руководителя.")).toBeVisible();
  await expect(mentor.page.getByText("Ваша учётная запись ещё не связана с карточкой", { exact: false })).toHaveCount(0);
  await expectAccessible(mentor.page);

  // The outbox no longer lists the accepted invitation; the card says it is linked.
  await page.goto("/sosh-20/outbox");
  await expect(invitations.locator(`tr[data-invitation="${teachers[1]!.email}"]`)).toBeVisible();
  await expect(invitations.locator(`tr[data-invitation="${first.email}"]`)).toHaveCount(0);
  await page.goto("/sosh-20/people");
  await page.getByRole("link", { name: first.name }).click();
  await expect(page.getByText("Карточка связана с учётной записью.")).toBeVisible();
  await expectAccessible(page);
  await mentor.context.close();
  await context.close();
});
