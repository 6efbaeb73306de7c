import { expect, test } from "@playwright/test";
import { distinctSurname } from "../setup/files";
import { expectAccessible, newDirector, signedInAs } from "./helpers";

// Long operations as background tasks (issue #19 item 4, decision 057): a list of thousands of people is imported by
// the server while the page shows the task's progress; the director leaves, comes back through «Задачи и файлы» and
// finds the finished import there. (The annual report as a task: monitoring.spec.ts and swot.spec.ts.)

// A school no other spec works in: 3,000 people would page other specs' names out of the people list.
const SCHOOL = { slug: "oosh-13", name: "МКОУ «ООШ № 13»" };
const ROWS = 3000;
const FILE = "сотрудники-3000.csv";


function peopleCsv() {
  const rows = Array.from({ length: ROWS }, (_, i) => `${distinctSurname(i, "Задачин")};Вера;Павловна;Учитель`);
  return { name: FILE, mimeType: "text/csv", buffer: Buffer.from(`Фамилия;Имя;Отчество;Должность\n${rows.join("\n")}\n`, "utf8") };
}

test("a director imports 3,000 people as a background task, sees its progress, leaves, and finds the finished import under «Задачи и файлы»", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page, context } = await newDirector(browser, SCHOOL, "Задачина Вера Павловна");
  await page.goto(`/${SCHOOL.slug}/people/import`);
  await page.getByLabel("Файл со списком (.xlsx или .csv)").setInputFiles(peopleCsv());
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText(/Строк с данными: 3\s000\. Будет добавлено: 3\s000\./)).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: /^Импортировать 3\s000 человек$/ }).click();

  // The task's own page: a progress bar named by the task, while it runs or once it is done.
  await expect(page).toHaveURL(new RegExp(`/${SCHOOL.slug}/tasks/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Импорт людей из файла «${FILE}»` })).toBeVisible();
  const bar = page.getByRole("progressbar", { name: `Ход выполнения: Импорт людей из файла «${FILE}»` });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/Можно уйти со страницы|Добавлено людей/).first()).toBeVisible();
  await expectAccessible(page);

  // Leave at once, then come back through the section's own list: the import waits there, finished.
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Люди и согласия" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Задачи и файлы" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Задачи и файлы" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Импорт людей из файла «${FILE}»` }) });
  // The list refreshes itself while a task runs: no reload here.
  await expect(row).toContainText(/Добавлено людей: 3\s000\. Пропущено повторов: 0\./, { timeout: 120_000 });
  await expect(row.getByRole("progressbar", { name: `Ход выполнения: Импорт людей из файла «${FILE}»` })).toHaveAttribute("value", "100");
  await expect(row).toContainText("Готово");
  await expect(row).toContainText("Задачина Вера Павловна");
  await expectAccessible(page);

  // The task's page says the same, and the people are in the list.
  await row.getByRole("link", { name: `Импорт людей из файла «${FILE}»` }).click();
  await expect(page.getByRole("status").filter({ hasText: /Добавлено людей: 3\s000\./ })).toBeVisible();
  await page.getByRole("link", { name: "Перейти к списку людей" }).click();
  await page.goto(`/${SCHOOL.slug}/people?q=${encodeURIComponent(distinctSurname(ROWS - 1, "Задачин"))}`);
  await expect(page.getByRole("link", { name: `${distinctSurname(ROWS - 1, "Задачин")} Вера Павловна`, exact: true })).toBeVisible();
  await context.close();
});

test("«Задачи и файлы» is closed to a mentor; another school's task is not found", async ({ browser }) => {
  const mentor = await signedInAs(browser, "mentor@sosh20.demo");
  expect((await mentor.page.goto("/sosh-20/tasks"))?.status()).toBe(403);
  await expect(mentor.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Задачи и файлы" })).toHaveCount(0);
  await mentor.context.close();
  const curator = await signedInAs(browser, "curator@sosh20.demo");
  expect((await curator.page.goto("/sosh-20/tasks/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  // A route handler's 404 has no page to show: asked as a request, not a navigation.
  expect((await curator.context.request.get("/sosh-20/tasks/00000000-0000-4000-8000-000000000000/file")).status()).toBe(404);
  expect((await curator.page.goto("/sosh-20/tasks/not-an-id"))?.status()).toBe(404);
  await curator.page.goto("/sosh-20/tasks");
  await expect(curator.page.getByRole("heading", { level: 1, name: "Задачи и файлы" })).toBeVisible();
  await expectAccessible(curator.page);
  await curator.context.close();
});
