import ExcelJS from "exceljs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, serverDate, signedInAs, uniqueSuffix } from "./helpers";

// Monitoring campaigns (issue #16 item 3, decision 048). The methodist starts a campaign from a shipped
// form; Ковалевская's director finds the form pre-filled from the school's data, corrects the number of
// pairs (refused without a comment, accepted with one), submits and confirms; СОШ №20's director submits;
// the methodist returns СОШ №20's form, the school resubmits; the consolidated .xlsx has a row per school
// of the district and a column per indicator, with the values the schools sent. Titles are unique per run.

const FORM = "Показатели целевой модели наставничества обучающихся (методология Р-145)";
const PAIRS = "Число наставнических пар/групп, закреплённых приказом";

async function openCampaign(page: Page, slug: string, title: string) {
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Сбор данных", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мониторинги округа");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(page.url()).toContain(`/${slug}/campaigns/`);
}

/** The lines left empty by the pre-fill (no value computable from the school's data) get a plain figure. */
async function fillEmpty(form: Locator) {
  const inputs = form.locator('input[type="text"][name^="answers."]');
  for (let i = 0; i < (await inputs.count()); i++) if ((await inputs.nth(i).inputValue()) === "") await inputs.nth(i).fill("1");
}

/** The school's answer as it shows the sent form, read-only: «Значение школы» of each line, in order. */
async function sentValues(page: Page): Promise<string[]> {
  const rows = page.getByRole("table", { name: "Форма школы" }).getByRole("row");
  const out: string[] = [];
  for (let i = 1; i < (await rows.count()); i++) out.push((await rows.nth(i).getByRole("cell").nth(2).innerText()).trim());
  return out;
}

test("a campaign from a shipped form: two schools answer, one corrects with a comment, one is returned and resubmits; the .xlsx consolidates", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `Мониторинг наставничества обучающихся ${uniqueSuffix()}`;

  // The methodist starts the campaign.
  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  const m = methodist.page;
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Сбор данных", exact: true }).click();
  await expect(m.getByRole("heading", { level: 1 })).toHaveText("Сбор данных мониторинга");
  await expectAccessible(m);
  const create = m.getByRole("form", { name: "Новый мониторинг" });
  await create.getByLabel("Форма").selectOption({ label: FORM });
  await create.getByLabel("Название").fill(title);
  await create.getByLabel("Начало приёма форм").fill(serverDate(0));
  await create.getByLabel("Окончание приёма форм").fill(serverDate(10));
  await create.getByRole("button", { name: "Начать мониторинг" }).click();
  await expect(create.getByRole("status")).toContainText("Мониторинг начат.");
  await m.getByRole("link", { name: title }).click();
  await expect(m.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(m.getByRole("table", { name: "Форма мониторинга" })).toContainText(PAIRS);
  await expectAccessible(m);

  // Ковалевская: the pairs by order (the demo's two, or more if a parallel test added some) pre-filled;
  // corrected by one — refused without a comment.
  const kDirector = await signedInAs(browser, "director@kovalevskaya.demo");
  const k = kDirector.page;
  await openCampaign(k, "kovalevskaya-oosh", title);
  const kForm = k.getByRole("form", { name: "Форма школы" });
  const pairsLine = kForm.getByRole("listitem").filter({ hasText: PAIRS });
  const computed = Number(await pairsLine.getByLabel(PAIRS).inputValue());
  expect(computed).toBeGreaterThanOrEqual(2);
  await expect(pairsLine).toContainText(`По данным школы: ${computed}`);
  await expectAccessible(k);
  await pairsLine.getByLabel(PAIRS).fill(String(computed + 1));
  await fillEmpty(kForm);
  await kForm.getByRole("button", { name: "Отправить в округ" }).click();
  await expect(kForm.getByRole("alert").first()).toContainText("Значение отличается от рассчитанного по данным школы");
  await pairsLine.getByLabel("Комментарий к значению").fill("Третья пара закреплена приказом от вчерашнего дня");
  await kForm.getByRole("button", { name: "Отправить в округ" }).click();
  await expect(k.getByText("Форма отправлена", { exact: false }).first()).toBeVisible();
  const kValues = await sentValues(k);
  await k.getByRole("button", { name: "Подтвердить форму" }).click();
  await expect(k.getByRole("status").filter({ hasText: "Форма подтверждена" }).first()).toBeVisible();
  await expectAccessible(k);
  await kDirector.context.close();

  // СОШ №20 submits what the app computed (the empty lines filled).
  const sDirector = await signedInAs(browser, "director@sosh20.demo");
  const s = sDirector.page;
  await openCampaign(s, "sosh-20", title);
  const sForm = s.getByRole("form", { name: "Форма школы" });
  await fillEmpty(sForm);
  await sForm.getByRole("button", { name: "Отправить в округ" }).click();
  await expect(s.getByText("Форма отправлена", { exact: false }).first()).toBeVisible();

  // The methodist returns СОШ №20's form with what to correct. The schools are listed a page at a time (other
  // specs add schools to the district meanwhile): each is found by the progress table's search.
  await m.reload();
  const progress = m.getByRole("table", { name: "Школы и их формы" });
  const findSchool = async (name: string) => {
    const search = m.getByRole("search", { name: "Поиск школ" });
    await search.getByLabel("Школа или муниципалитет").fill(name);
    await search.getByRole("button", { name: "Показать" }).click();
    await m.waitForURL((url) => url.searchParams.get("q") === name);
  };
  await findSchool("Ковалевская");
  await expect(progress.getByRole("row").filter({ hasText: "Ковалевская" })).toContainText("подтверждена");
  await findSchool("СОШ №20");
  const sosh20 = progress.getByRole("row").filter({ hasText: "СОШ №20" });
  await expect(sosh20).toContainText("отправлена");
  await sosh20.getByLabel("Что исправить").fill("Уточните число наставников в базе");
  await sosh20.getByRole("button", { name: "Вернуть на доработку" }).click();
  // The page refreshes after the return: the row's state changes and its return form goes.
  await expect(sosh20).toContainText("на доработке");
  await expectAccessible(m);

  // СОШ №20 sees why, and sends the form again.
  await s.reload();
  await expect(s.getByRole("alert").filter({ hasText: "Методист вернул форму на доработку: Уточните число наставников в базе" })).toBeVisible();
  const sForm2 = s.getByRole("form", { name: "Форма школы" });
  await sForm2.getByRole("button", { name: "Отправить в округ" }).click();
  await expect(s.getByText("Форма отправлена", { exact: false }).first()).toBeVisible();
  const sValues = await sentValues(s);
  await expectAccessible(s);
  await sDirector.context.close();

  // The consolidated table: every school of the district, every indicator, the values sent.
  await m.reload();
  const href = await m.getByRole("link", { name: "Сводная таблица (.xlsx)" }).getAttribute("href");
  const res = await methodist.context.request.get(href!);
  expect(res.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.body()) as never);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const formLines = await m.getByRole("table", { name: "Форма мониторинга" }).getByRole("row").count();
  expect(header.length).toBe(4 + formLines - 1);
  expect(header).toContain(PAIRS);
  // Every school of the district, not the page shown: the count of the unfiltered list.
  await m.getByRole("search", { name: "Поиск школ" }).getByRole("link", { name: "Сбросить" }).click();
  await expect(m.getByRole("search", { name: "Поиск школ" }).getByLabel("Школа или муниципалитет")).toHaveValue("");
  const schoolsInProgress = Number((await m.getByText(/^Найдено: \d+$/).innerText()).replace(/\D/g, ""));
  expect(schoolsInProgress).toBeGreaterThan(1);
  expect(sheet.rowCount - 1).toBe(schoolsInProgress);
  const rowOf = (name: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (String(sheet.getRow(r).getCell(1).value).includes(name)) return sheet.getRow(r);
    throw new Error(`${name}: no row`);
  };
  // The page prints «да» / «нет» and numbers with a comma; the spreadsheet holds words and numbers.
  const typed = (v: string) => (v === "да" || v === "нет" ? v : Number(v.replace(",", ".")));
  for (const [name, values] of [["Ковалевская", kValues], ["СОШ №20", sValues]] as const) {
    const row = rowOf(name);
    values.forEach((v, i) => expect(row.getCell(5 + i).value, `${name}, line ${i + 1}`).toEqual(typed(v)));
  }
  expect(rowOf("Ковалевская").getCell(5 + header.slice(4).indexOf(PAIRS)).value).toBe(computed + 1);
  await methodist.context.close();
});
