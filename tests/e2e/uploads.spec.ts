import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DOCUMENT_MAX_BYTES, IMPORT_MAX_BYTES, megabytes, REQUEST_BODY_MAX_BYTES } from "../../lib/uploads/limits";
import { expectAccessible, newDirector, uniqueSuffix } from "./helpers";

// Issue #12, finding 4: every upload form just under, at and over its limit, through the real file input
// of a signed-in director. Under and at the limit the upload goes through (a file at the limit used to
// end in an HTTP 500: the proxy layer cut the body at 10 MiB); over it the form refuses before sending,
// naming the limit. A body larger than the server takes gets a 413 with a Russian text, never a 500.

const SCHOOL = { slug: "kovalevskaya-oosh", name: "БОУ «Ковалевская ООШ»" };

// Over first: a refused file changes nothing, so the same form is still there for the others.
const SIZES = [
  ["over", 1],
  ["just under", -1],
  ["at", 0],
] as const;

function pdf(size: number, name: string) {
  const buffer = Buffer.alloc(size, 0x20);
  buffer.write("%PDF-1.4\n%", 0);
  buffer.write("\n%%EOF\n", size - 7);
  return { name, mimeType: "application/pdf", buffer };
}
const ROADMAP = readFileSync(path.join(__dirname, "..", "fixtures", "roadmaps", "000-kovalevskaya-oosh.txt"));
function roadmapText(size: number) {
  const buffer = Buffer.alloc(size, 0x20);
  ROADMAP.copy(buffer, 0);
  buffer.write("\n", size - 1);
  return { name: "дорожная-карта.txt", mimeType: "text/plain", buffer };
}
function peopleCsv(size: number, mark: string) {
  const buffer = Buffer.alloc(size, 0x78);
  buffer.write(`Фамилия;Имя;Должность;Примечание\nГраничная-${mark};Анна;Учитель истории;`, 0);
  buffer.write("\n", size - 1);
  return { name: "список.csv", mimeType: "text/csv", buffer };
}
const MARKS = ["Под", "Ровно", "Над"];

/** Counts the server action POSTs a page sends while `act` runs. */
async function actionPosts(page: Page, act: () => Promise<void>): Promise<number> {
  let count = 0;
  const listener = (r: { method(): string; headers(): Record<string, string> }) => {
    if (r.method() === "POST" && r.headers()["next-action"]) count += 1;
  };
  page.on("request", listener);
  await act();
  page.off("request", listener);
  return count;
}

/** One attach form (components/ui/attach-file.tsx) under, at and over `limit`; `open` brings a fresh page with the form. */
async function attachAtLimits(page: Page, open: () => Promise<Locator>, fileLabel: string | RegExp, button: string, done: string | Locator, limit: number) {
  for (const [what, delta] of SIZES) {
    const form = await open();
    const size = limit + delta;
    // `done` as a locator: what appears once the upload went through (the form itself may give way to it).
    const before = typeof done === "string" ? 0 : await done.count();
    const posts = await actionPosts(page, async () => {
      await form.getByLabel(fileLabel).setInputFiles(pdf(size, `скан-${what.replace(" ", "-")}.pdf`));
      await form.getByRole("button", { name: button }).click();
      if (delta > 0) await expect(form.getByRole("alert"), `over the limit (${size} bytes)`).toHaveText(`Файл больше ${megabytes(limit)} МБ.`);
      else if (typeof done === "string") await expect(form.getByRole("status"), `${what} the limit (${size} bytes)`).toHaveText(done, { timeout: 60_000 });
      else await expect(done, `${what} the limit (${size} bytes)`).toHaveCount(before + 1, { timeout: 60_000 });
    });
    if (delta > 0) expect(posts, "a file over the limit is not sent").toBe(0);
  }
  await expectAccessible(page);
}

test("the attach forms (signed act, consent scan, practice material) take a file just under and at 10 MB and refuse one over it before sending", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page, context } = await newDirector(browser, SCHOOL, "Загрузкина Вера Павловна");
  const mark = uniqueSuffix();

  // A signed act: register one, then attach its file.
  await page.goto(`/${SCHOOL.slug}/acts`);
  await page.getByLabel("Вид").selectOption({ label: "Иной акт" });
  await page.getByLabel("Номер").fill(`${mark}-од`);
  await page.getByLabel("Дата").fill("2026-09-02");
  await page.getByLabel("Заголовок").fill(`Приказ ${mark}`);
  await page.getByRole("button", { name: "Зарегистрировать" }).click();
  const actRow = () => page.getByRole("table", { name: "Реестр локальных актов" }).getByRole("row").filter({ hasText: `${mark}-од` });
  await expect(actRow()).toBeVisible();
  await attachAtLimits(
    page,
    async () => {
      await page.goto(`/${SCHOOL.slug}/acts`);
      return actRow();
    },
    "Файл подписанного акта",
    "Прикрепить файл",
    "Файл прикреплён.",
    DOCUMENT_MAX_BYTES,
  );
  await expect(actRow().getByRole("link", { name: /скан-at\.pdf/ })).toContainText(`${Math.round(DOCUMENT_MAX_BYTES / 1024)} КБ`);

  // A consent scan: the consents of a seeded person (the form gives way to the scan's link once attached).
  await page.goto(`/${SCHOOL.slug}/people`);
  const personUrl = await page.getByRole("table").getByRole("link", { name: "Мельникова Ольга Ивановна" }).getAttribute("href");
  await attachAtLimits(
    page,
    async () => {
      await page.goto(personUrl!);
      return page.locator("form").filter({ has: page.getByRole("button", { name: "Прикрепить скан" }) }).first();
    },
    "Скан подписанного согласия (PDF, JPG, PNG)",
    "Прикрепить скан",
    page.getByRole("link", { name: "Открыть скан" }),
    DOCUMENT_MAX_BYTES,
  );

  // A material of the методическая копилка.
  await page.goto(`/${SCHOOL.slug}/practices`);
  const practice = page.getByRole("form", { name: "Добавить в копилку" });
  await practice.getByLabel("Вид").selectOption("MATERIAL");
  await practice.getByLabel("Название").fill(`Материал ${mark}`);
  await practice.getByLabel("Краткое описание").fill("Памятка для молодого педагога");
  await practice.getByRole("button", { name: "Сохранить" }).click();
  await practice.getByRole("link", { name: /Открыть/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Материал ${mark}`);
  const practiceUrl = page.url();
  await attachAtLimits(
    page,
    async () => {
      await page.goto(practiceUrl);
      return page.locator("form").filter({ has: page.getByRole("button", { name: "Загрузить файл" }) });
    },
    `Файл (PDF, DOCX, PPTX, JPG, PNG до ${megabytes(DOCUMENT_MAX_BYTES)} МБ)`,
    "Загрузить файл",
    "Файл загружен.",
    DOCUMENT_MAX_BYTES,
  );
  await context.close();
});

test("the import forms (people list, roadmap) take a file just under and at 5 MB and refuse one over it before sending", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page, context } = await newDirector(browser, SCHOOL, "Импортова Нина Сергеевна");

  for (const [what, delta] of SIZES) {
    await page.goto(`/${SCHOOL.slug}/people/import`);
    await expect(page.getByText(`До ${megabytes(IMPORT_MAX_BYTES)} МБ и 10 000 строк.`)).toBeVisible();
    const size = IMPORT_MAX_BYTES + delta;
    const posts = await actionPosts(page, async () => {
      await page.getByLabel("Файл со списком (.xlsx или .csv)").setInputFiles(peopleCsv(size, MARKS[delta + 1]!));
      await page.getByRole("button", { name: "Проверить файл" }).click();
      if (delta <= 0) await expect(page.getByText("Строк с данными: 1.", { exact: false }), `${what} the limit`).toBeVisible({ timeout: 60_000 });
      else await expect(page.getByRole("main").getByRole("alert")).toHaveText("Файл больше 5 МБ: разделите список на несколько файлов.");
    });
    if (delta > 0) expect(posts, "a list over the limit is not sent").toBe(0);
  }
  await expectAccessible(page);

  for (const [what, delta] of SIZES) {
    await page.goto(`/${SCHOOL.slug}/program/roadmap/import`);
    const size = IMPORT_MAX_BYTES + delta;
    const posts = await actionPosts(page, async () => {
      await page.getByLabel("Файл .docx, .pdf, .txt, .md или .tsv").setInputFiles(roadmapText(size));
      await page.getByRole("button", { name: "Показать предпросмотр" }).click();
      if (delta <= 0) await expect(page.getByRole("heading", { name: /Предпросмотр: 15 мероприятий/ }), `${what} the limit`).toBeVisible({ timeout: 60_000 });
      else await expect(page.getByRole("main").getByRole("alert")).toHaveText(`Файл больше ${megabytes(IMPORT_MAX_BYTES)} МБ.`);
    });
    if (delta > 0) expect(posts, "a roadmap over the limit is not sent").toBe(0);
  }
  await expectAccessible(page);
  await context.close();
});

test("a request body over what the server takes (a form's check bypassed) gets 413 and a Russian text naming the limit, not a 500", async ({ browser }) => {
  const { page, context } = await newDirector(browser, SCHOOL, "Обходова Ольга Игоревна");
  await page.goto(`/${SCHOOL.slug}/acts`);
  const res = await context.request.post(`/${SCHOOL.slug}/acts`, {
    headers: { "next-action": "0".repeat(42), accept: "text/x-component" },
    multipart: { org: SCHOOL.slug, file: { name: "огромный.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(REQUEST_BODY_MAX_BYTES + 1024, 0x20) } },
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toBe(`Запрос больше ${megabytes(REQUEST_BODY_MAX_BYTES)} МБ: сервер его не принимает. Загрузите файл меньшего размера.`);
  await context.close();
});
