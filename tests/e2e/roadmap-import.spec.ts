import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signedInAs } from "./helpers";

// Issue #15 item 6, as the curator of the demo school: a roadmap pasted from a Word table and one uploaded
// as a PDF import into the right stages after at most one correction in the preview; a scan is refused.
// The fixtures' activities run all year (tests/fixtures/roadmaps/own/model.ts): added to МБОУ «СОШ №20»,
// they hold no stage back, so the other journeys through this school are not disturbed.
const FILE_LABEL = "Файл .docx, .pdf, .txt, .md или .tsv";

/** The stage each preview row is proposed under, in order. */
async function proposedStages(page: Page, count: number) {
  const stages: string[] = [];
  for (let i = 1; i <= count; i++) stages.push(await page.getByLabel(`Этап: ${i}`, { exact: true }).inputValue());
  return stages;
}

/** The titles on the roadmap page of one stage. */
async function titlesOfStage(page: Page, stage: number) {
  await page.goto(`/sosh-20/program/roadmap?stage=${stage}`);
  const table = page.getByRole("table", { name: "Мероприятия дорожной карты" });
  await expect(table).toBeVisible();
  return table.innerText();
}

test("the curator imports a roadmap pasted from Word and one uploaded as PDF, correcting one row", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, context } = await signedInAs(browser, "curator@sosh20.demo");
  await page.goto("/sosh-20/program/roadmap/import");
  await expectAccessible(page);

  // 1. A Word table pasted as text: tabs between cells, a cell's text over two lines, merged stage rows.
  const pasted = await readFile("tests/fixtures/roadmaps/own/sosh20-word-paste.txt", "utf8");
  await page.getByLabel("или вставьте таблицу").fill(pasted);
  await page.getByRole("button", { name: "Показать предпросмотр" }).click();
  await expect(page.getByRole("heading", { name: "Предпросмотр: 8 мероприятий" })).toBeVisible();
  // Stages 5–6 merged go to 5, «Завершение» (numbered 6 there) to 7, «Информационная поддержка» to 1.
  expect(await proposedStages(page, 8)).toEqual(["1", "2", "3", "4", "5", "5", "7", "1"]);
  await expect(page.getByLabel("Мероприятие: 2", { exact: true })).toHaveValue("Пополнение базы наставляемых новыми педагогами");
  await expect(page.getByLabel("Ответственный: 8", { exact: true })).toHaveValue("Ответственный за сайт");
  await expectAccessible(page);
  // The one correction: the publication of the results belongs to stage 7.
  await page.getByLabel("Этап: 8", { exact: true }).selectOption("7");
  await page.getByRole("button", { name: "Импортировать 8 мероприятий" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Импортировано мероприятий: 8." })).toBeVisible();

  expect(await titlesOfStage(page, 2)).toContain("Пополнение базы наставляемых новыми педагогами");
  const stage7 = await titlesOfStage(page, 7);
  expect(stage7).toContain("Публикация итогов наставничества на сайте школы");
  expect(stage7).toContain("Пополнение методической копилки практик наставничества");
  expect(await titlesOfStage(page, 5)).toContain("Психолого-педагогическая поддержка наставляемых без пары");

  // 2. The school's plan printed to PDF: read from the text positions, no correction needed.
  await page.goto("/sosh-20/program/roadmap/import");
  await page.getByLabel(FILE_LABEL).setInputFiles("tests/fixtures/roadmaps/own/sosh20-plan.pdf");
  await page.getByRole("button", { name: "Показать предпросмотр" }).click();
  await expect(page.getByRole("heading", { name: "Предпросмотр: 7 мероприятий" })).toBeVisible();
  expect(await proposedStages(page, 7)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  await expect(page.getByLabel("Мероприятие: 6", { exact: true })).toHaveValue("Взаимопосещение уроков в парах «учитель – учитель»");
  await expect(page.getByLabel("Срок: 6", { exact: true })).toHaveValue("постоянно");
  await page.getByRole("button", { name: "Импортировать 7 мероприятий" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Импортировано мероприятий: 7." })).toBeVisible();
  expect(await titlesOfStage(page, 6)).toContain("Взаимопосещение уроков в парах «учитель – учитель»");
  expect(await titlesOfStage(page, 3)).toContain("Приглашение выпускников-студентов вузов в наставники");

  // 3. A scan without text: refused with what to do instead.
  await page.goto("/sosh-20/program/roadmap/import");
  await page.getByLabel(FILE_LABEL).setInputFiles("tests/fixtures/roadmaps/own/scan.pdf");
  await page.getByRole("button", { name: "Показать предпросмотр" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("В файле нет текста (скан); вставьте текст или загрузите .docx.");
  await expectAccessible(page);
  await context.close();
});
