import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, newVisitor, signedInAs } from "./helpers";
import { docxXml } from "../setup/files";

// БОУ «Ковалевская ООШ» is seeded at stage 6 with a published mentoring section (prisma/seed.ts), and no
// e2e journey moves its stage. Other journeys change СОШ №20, СОШ № 14 and the kindergarten (program.spec
// creates its program, and checks its «Нет программы» row first) meanwhile, so their figures are not
// asserted here: with parallel workers, this test may run before or after them.

test("a school's public mentoring section renders, switches to the low-vision version and keeps it, and shows no unpublished person", async ({ browser }) => {
  const { page, context } = await newVisitor(browser);
  const res = await page.goto("/s/kovalevskaya-oosh");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveTitle(/Наставничество — БОУ «Ковалевская ООШ»/);
  await expect(page.getByRole("heading", { level: 1, name: "Наставничество" })).toBeVisible();
  const mentors = page.getByRole("region", { name: "Наставники" });
  await expect(mentors).toContainText("Мельникова Ольга Ивановна");
  // Тарасов gave no consent to publication; mentees are never shown.
  await expect(page.locator("body")).not.toContainText("Тарасов");
  await expect(page.locator("body")).not.toContainText("Королёва");
  await expect(page.locator("body")).not.toContainText("Фёдорова");
  await expect(page.getByRole("region", { name: "Документы" })).toContainText("Об утверждении Положения о программе наставничества");
  await expect(page.getByRole("region", { name: "Документы" })).not.toContainText("О назначении куратора");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Версия для слабовидящих" }).click();
  await expect(page.locator("[data-low-vision]").first()).toHaveAttribute("data-low-vision", "on");
  await expectAccessible(page);
  // Kept across pages.
  await page.getByRole("link", { name: "Закреплены наставнические пары" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Закреплены наставнические пары" })).toBeVisible();
  await expect(page.locator("[data-low-vision]").first()).toHaveAttribute("data-low-vision", "on");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Обычная версия" }).click();
  await expect(page.locator("[data-low-vision]").first()).toHaveAttribute("data-low-vision", "off");

  // A school that has not published its section: 404.
  expect((await page.goto("/s/sosh-20"))?.status()).toBe(404);
  expect((await page.goto("/s/no-such-school"))?.status()).toBe(404);
  await context.close();
});

test("a methodist sees every demo school with its stage and figures, drills into one, and downloads the annual report", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "methodist@levokumsky.demo");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Мониторинг округа" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Мониторинг наставничества в округе" })).toBeVisible();
  const table = page.getByRole("table", { name: /Показатели образовательных организаций за/ });
  for (const school of ["МБОУ «СОШ №20»", "МАОУ «СОШ № 14»", "БОУ «Ковалевская ООШ»", "МДОУ «Детский сад № 1 «Солнышко»"]) {
    await expect(table.getByRole("link", { name: school, exact: true })).toBeVisible();
  }
  const kovalevskaya = table.getByRole("row").filter({ has: page.getByRole("link", { name: "БОУ «Ковалевская ООШ»", exact: true }) });
  await expect(kovalevskaya).toContainText("Этап 6");
  // The comparison with the year before: four demo schools completed last year's program (prisma/seed-district-table.ts).
  const trends = page.getByRole("region", { name: /^Динамика: .* в сравнении с / });
  await expect(trends).toContainText(/Улучшились \d+ из \d+ показателей, ухудшились \d+\./);
  await expect(trends.getByRole("table", { name: "Показатели двух учебных лет" })).toContainText("Организаций с программой наставничества");
  // The results of the year's programs over the district (decision 053).
  const results = page.getByRole("region", { name: "Результативность программ наставничества", exact: true });
  await expect(results.getByRole("table", { name: "Результативность программ наставничества: показатели" })).toContainText("Встреч на одну пару (группу)");
  await expect(results).toContainText("Обучающиеся до 18 лет в роли наставляемого");
  await expectAccessible(page);

  // The schools table is searched, sorted and paged on the server, its state in the address (issue #19): one school
  // by a word of its name, then sorted by stage with the search kept; the sorted header says so (aria-sort).
  const filters = page.getByRole("form", { name: "Отбор организаций" });
  await filters.getByLabel("Школа (название или его часть)").fill("ковалевская");
  await filters.getByRole("button", { name: "Показать" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === "ковалевская");
  await expect(page.getByText(/^Найдено: 1$/)).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("columnheader", { name: /^Этап/ }).getByRole("link").click();
  await page.waitForURL((url) => url.searchParams.get("sort") === "stage" && url.searchParams.get("q") === "ковалевская");
  await expect(table.getByRole("columnheader", { name: /^Этап/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(kovalevskaya).toContainText("Этап 6");
  await expectAccessible(page);

  // Drill-down: the school's aggregates, no mentee names.
  await kovalevskaya.getByRole("link", { name: "БОУ «Ковалевская ООШ»", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ковалевская");
  await expect(page.locator("main")).not.toContainText("Королёва");
  await expectAccessible(page);

  // The annual report of the district as .docx: produced as a background task (decision 057), whose page shows its
  // progress and then the file.
  await page.goBack();
  await page.getByRole("button", { name: /Аналитическая справка за .* учебный год \(\.docx\)/ }).click();
  await expect(page).toHaveURL(/\/levokumsky\/tasks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("progressbar", { name: /^Ход выполнения: Аналитическая справка за .* учебный год \(\.docx\)$/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Справка за .* учебный год готова\./ })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Скачать: Аналитическая справка .*\.docx$/ }).click();
  const xml = await docxXml(await readFile(await (await download).path()));
  expect(xml).toContain("АНАЛИТИЧЕСКАЯ СПРАВКА");
  expect(xml).toContain("Ковалевская");
  expect(xml).not.toContain("Королёва");

  // The methodist sees aggregates only: a school's people are closed to them.
  expect((await page.goto("/kovalevskaya-oosh/people"))?.status()).toBe(403);
  await context.close();
});
