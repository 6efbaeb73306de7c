import { expect, test } from "@playwright/test";
import { expectAccessible, ruDate, serverDate, signedInAs, uniqueSuffix } from "./helpers";

test("a curator adds a student, records the legal representative's consent, and a revocation takes the student out of active work", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Люди и согласия" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Люди и согласия" })).toBeVisible();
  await expectAccessible(page);

  const lastName = `Петров${Date.now().toString(36)}`;
  await page.getByLabel("Кто", { exact: true }).selectOption("STUDENT");
  await page.getByLabel("Фамилия").fill(lastName);
  await page.getByLabel("Имя", { exact: true }).fill("Иван");
  await page.getByLabel("Дата рождения", { exact: true }).fill("2012-04-01");
  await page.getByLabel("Класс").fill("8Б");
  await page.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Человек добавлен." })).toBeVisible();
  // The list is paged (other specs add people to СОШ № 20 meanwhile): the new person is found by name.
  await page.goto(`/sosh-20/people?q=${encodeURIComponent(lastName)}`);
  await page.getByRole("link", { name: `${lastName} Иван` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${lastName} Иван`);
  await expect(page.getByRole("region", { name: "Действующие согласия по целям" })).toContainText("Нельзя обрабатывать персональные данные: нет согласия на цель «включение в банк наставников / наставляемых».");
  await expectAccessible(page);

  // The student's own signature is not enough for a minor.
  await page.getByLabel("Включение в банк наставников / наставляемых").check();
  await page.getByLabel("Кто дал согласие").selectOption("SUBJECT");
  await page.getByRole("button", { name: "Записать согласие" }).click();
  await expect(page.getByLabel("Кто дал согласие")).toHaveAccessibleDescription("За несовершеннолетнего согласие даёт законный представитель.");

  await page.getByLabel("Кто дал согласие").selectOption("REPRESENTATIVE");
  await page.getByLabel("Законный представитель (ФИО, кем приходится)").fill("Петрова Анна Сергеевна, мать");
  await page.getByRole("button", { name: "Записать согласие" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Согласие записано." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Действующие согласия по целям" })).toContainText("Включение в банк наставников / наставляемых: есть действующее согласие");

  const revoke = page.getByRole("form", { name: /^Отозвать: / });
  await revoke.getByLabel("Причина отзыва").fill("Заявление законного представителя");
  await revoke.getByRole("button", { name: "Отозвать" }).click();
  await expect(page.getByText("выведен из работы: Согласие отозвано: Заявление законного представителя")).toBeVisible();
  await expectAccessible(page);

  // The list is paged (other specs add people to СОШ № 20 meanwhile): the person is found by name.
  await page.goto(`/sosh-20/people?q=${encodeURIComponent(lastName)}`);
  const row = page.getByRole("row").filter({ hasText: lastName });
  await expect(row).toContainText("выведен из работы");
  await expect(row).not.toContainText("8Б");
  await context.close();
});

test("mentors and other schools cannot open the people of a school", async ({ browser }) => {
  const mentor = await signedInAs(browser, "mentor@sosh20.demo");
  expect((await mentor.page.goto("/sosh-20/people"))?.status()).toBe(403);
  await mentor.context.close();
  const other = await signedInAs(browser, "curator@sosh14.demo");
  expect((await other.page.goto("/sosh-20/people"))?.status()).toBe(403);
  await other.context.close();
});

test("a curator records a teacher's hire date and leaving (a note is required for «Другое»), withdraws it, and the school's monitoring counts young specialists' retention", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  await page.goto("/sosh-20/people");
  const lastName = `Уходящая${uniqueSuffix()}`;
  await page.getByLabel("Кто", { exact: true }).selectOption("TEACHER");
  await page.getByLabel("Фамилия").fill(lastName);
  await page.getByLabel("Имя", { exact: true }).fill("Анна");
  await page.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Человек добавлен." })).toBeVisible();
  await page.goto(`/sosh-20/people?q=${encodeURIComponent(lastName)}`);
  await page.getByRole("link", { name: `${lastName} Анна` }).click();
  const employment = page.getByRole("region", { name: "Работа в организации" });
  await expect(employment).toContainText("Дата приёма не указана.");

  const hired = employment.getByRole("form", { name: "Дата приёма на работу" });
  await hired.getByLabel("Дата приёма на работу").fill(serverDate(-90));
  await hired.getByRole("button", { name: "Сохранить дату приёма" }).click();
  await expect(employment).toContainText(`Принят(а) на работу ${ruDate(serverDate(-90))}.`);

  const leaving = employment.getByRole("form", { name: "Выбытие" });
  await leaving.getByLabel("Дата выбытия").fill(serverDate(0));
  await leaving.getByLabel("Причина").selectOption({ label: "Другое" });
  await leaving.getByRole("button", { name: "Отметить выбытие" }).click();
  await expect(leaving.getByLabel("Пояснение (для «Другое» обязательно)")).toHaveAccessibleDescription("Поясните причину выбытия.");
  await leaving.getByLabel("Пояснение (для «Другое» обязательно)").fill("Отпуск по уходу за ребёнком");
  await leaving.getByRole("button", { name: "Отметить выбытие" }).click();
  await expect(employment).toContainText(`Выбыл(а) ${ruDate(serverDate(0))}: Другое (Отпуск по уходу за ребёнком)`);
  await expect(page.getByText(`выведен из работы: Выбыл(а) ${ruDate(serverDate(0))}: Другое (Отпуск по уходу за ребёнком)`)).toBeVisible();
  await expectAccessible(page);

  await employment.getByRole("button", { name: "Отменить выбытие (внесено по ошибке)" }).click();
  await expect(page.getByText("Выбытие отменено.")).toBeVisible();
  await expect(employment.getByRole("form", { name: "Выбытие" })).toBeVisible();

  await page.goto("/sosh-20/monitoring");
  const retention = page.getByRole("region", { name: "Закрепление молодых специалистов", exact: true });
  await expect(retention.getByRole("table", { name: "Закрепление молодых специалистов: показатели" })).toContainText("Закрепление молодых специалистов с наставником");
  const effectiveness = page.getByRole("region", { name: "Результативность программы", exact: true });
  await expect(effectiveness.getByRole("table", { name: "Результативность программы: показатели" })).toContainText("Встреч на пару");
  await expectAccessible(page);
  // The school's indicators against the year before (decision 053): the demo has programs in this year only.
  await page.getByRole("link", { name: "Открыть динамику показателей" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Динамика показателей школы" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Динамика: .* в сравнении с / })).toContainText(/учебном году не было — сравнивать не с чем\./);
  await expectAccessible(page);
  await context.close();
});

test("a list's address it cannot read is no error: bad parameters are ignored and named, a page past the last shows the last", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "director@sosh20.demo");
  for (const url of ["/sosh-20/pairs?page=abc&sort=unknown&status=LOST", "/sosh-20/audit?page=abc&sort=-who&from=2026-02-30"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const note = page.getByRole("status").filter({ hasText: "В адресе есть параметры, которые не удалось прочитать" });
    await expect(note, url).toContainText("page");
    await expect(note, url).toContainText("sort");
    await expect(page.getByText(/^Найдено: \d+$/), url).toBeVisible();
  }
  await expectAccessible(page);
  // Far past the last page: the last one, with its rows.
  const res = await page.goto("/sosh-20/people?page=99999&sort=-name");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("table", { name: "Люди организации" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("table", { name: "Люди организации" }).getByRole("columnheader", { name: /^ФИО/ })).toHaveAttribute("aria-sort", "descending");
  await context.close();
});
