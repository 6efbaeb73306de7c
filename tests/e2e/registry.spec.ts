import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { badInn, nthInn } from "../fixtures/registry/numbers";
import { expectAccessible, signedInAs, uniqueSuffix } from "./helpers";

// The organization registry on the demo district's page (issue #13 item 2): the municipal head uploads an
// .xlsx of schools; a row with a bad ИНН is refused with its number and nothing is created; the fixed file
// creates them all. Names and ИНН are unique per run (other specs share the district).

const HEADERS = ["Полное наименование", "Краткое наименование", "Вид", "Населённый пункт", "Адрес", "ИНН", "ОГРН", "Должность руководителя", "ФИО руководителя", "E-mail руководителя"];

async function listXlsx(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Организации");
  ws.addRow(HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("the municipal head imports schools from an .xlsx: a bad ИНН refuses the file with its row, the fixed file creates all", async ({ browser }) => {
  const run = uniqueSuffix();
  const series = String(Date.now() % 100000).padStart(5, "0");
  const schools = [
    [`Муниципальное казённое общеобразовательное учреждение «СОШ № 31 ${run}»`, `МКОУ СОШ № 31 ${run}`, "школа", "с. Правокумское", null, nthInn(series, 31), null, null, "Иванова Анна Петровна", `sosh31-${run}@levokumsky.test`],
    [`Муниципальное казённое общеобразовательное учреждение «СОШ № 32 ${run}»`, `МКОУ СОШ № 32 ${run}`, "школа", "с. Урожайное", null, nthInn(series, 32), null, null, null, null],
    [`Муниципальное казённое дошкольное образовательное учреждение «Детский сад № 33 ${run}»`, `МКДОУ д/с № 33 ${run}`, "детский сад", "с. Левокумское", null, nthInn(series, 33), null, null, "Петрова Ольга Ивановна", `ds33-${run}@levokumsky.test`],
  ];
  const { page, context } = await signedInAs(browser, "head@levokumsky.demo");
  await page.goto("/levokumsky/schools");
  await expect(page.getByRole("heading", { name: "Загрузить список организаций" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Скачать шаблон списка (.xlsx)" })).toHaveAttribute("href", "/levokumsky/schools/template");
  await expectAccessible(page);

  // Row 3 of the file (the second school) carries a mistyped ИНН.
  const broken = schools.map((r, i) => (i === 1 ? r.map((v, j) => (j === 5 ? badInn(v!) : v)) : r));
  const upload = page.getByLabel("Файл списка");
  await upload.setInputFiles({ name: "shkoly.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await listXlsx(broken) });
  await page.getByRole("button", { name: "Проверить список" }).click();
  const preview = page.getByRole("table", { name: "Организации из файла" });
  const row3 = preview.locator('tr[data-row="3"]');
  await expect(row3).toContainText(`ИНН «${badInn(nthInn(series, 32))}» неверен: не сходится контрольная цифра`);
  await expect(preview.locator('tr[data-row="2"]')).toContainText("Без ошибок");
  await expect(page.getByText("строк с ошибками — 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Создать 2 организации" })).toBeDisabled();
  await expectAccessible(page);
  // Nothing was created.
  await page.reload();
  await expect(page.getByRole("table", { name: "Организации округа" })).not.toContainText(run);

  // The fixed file; the page address of one school typed by the user.
  await page.getByLabel("Файл списка").setInputFiles({ name: "shkoly.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await listXlsx(schools) });
  await page.getByRole("button", { name: "Проверить список" }).click();
  await expect(page.getByText("строк с ошибками — 0")).toBeVisible();
  const slug = page.getByLabel("Адрес страницы, строка 3");
  await slug.fill(`pravokumskoe-${run}`.toLowerCase());
  await expect(page.getByText("Адреса страниц изменены: проверьте список ещё раз.")).toBeVisible();
  await page.getByRole("button", { name: "Проверить ещё раз" }).click();
  await expect(page.getByText("Адреса страниц изменены")).toHaveCount(0);
  await page.getByRole("button", { name: "Создать 3 организации" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Создано организаций: 3. Приглашений руководителям в очереди на отправку: 2." })).toBeVisible();
  const table = page.getByRole("table", { name: "Организации округа" });
  await expect(table).toContainText(`МКОУ СОШ № 31 ${run}`);
  await expect(table).toContainText(`pravokumskoe-${run}`.toLowerCase());
  await expect(table.getByRole("row").filter({ hasText: `МКДОУ д/с № 33 ${run}` })).toContainText("Дошкольная образовательная организация");
  await expectAccessible(page);
  await context.close();
});

test("the municipal head adds one organization with the keyboard; a bad ИНН is refused in Russian", async ({ browser }) => {
  const run = uniqueSuffix();
  const { page, context } = await signedInAs(browser, "head@levokumsky.demo");
  await page.goto("/levokumsky/schools");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Добавить организацию" }) });
  await form.getByLabel("Полное наименование").fill(`МКУ ДО «Дом творчества ${run}»`);
  await form.getByLabel("Вид").selectOption({ label: "дополнительное образование" });
  await form.getByLabel("ИНН").fill("2619001235");
  await form.getByLabel("ИНН").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Организация не добавлена: исправьте ошибки." })).toContainText("ИНН «2619001235»");
  await form.getByLabel("ИНН").fill("");
  await form.getByLabel("Полное наименование").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Организация добавлена, адрес страницы:" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Организации округа" })).toContainText(`Дом творчества ${run}`);
  await expectAccessible(page);
  await context.close();
});

test("a list over 3 MB is refused before sending, naming the limit", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "head@levokumsky.demo");
  await page.goto("/levokumsky/schools");
  const buffer = Buffer.alloc(5 * 1024 * 1024, 0x78);
  buffer.write("Полное наименование;Вид;Примечание\nМБОУ СОШ № 99;школа;", 0);
  await page.getByLabel("Файл списка").setInputFiles({ name: "bolshoy.csv", mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Проверить список" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Файл больше 3 МБ: разделите список на части." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Организации из файла" })).toHaveCount(0);
  await context.close();
});
