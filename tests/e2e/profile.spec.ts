import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { docxFileText as docxText } from "../setup/files";
import { expectAccessible, signedInAs } from "./helpers";

// Issue #13 item 3: the kindergarten's head fills the organization's profile; the curator creates the
// program and downloads its roadmap order, which carries the requisites and is signed by «Заведующий».
// МБДОУ «Детский сад № 3 «Родничок» (/ds-rodnichok) is this spec's own: no other spec changes it. Its tests
// run in order: the head's stage-1 pack (issue #15) follows the profile and the program the first one makes.

const ORG = "ds-rodnichok";
test.describe.configure({ mode: "serial" });
const FULL_NAME = "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок» Левокумского муниципального округа";


test("the kindergarten's head fills the profile; the curator's roadmap order carries the requisites and «Заведующий»", async ({ browser }) => {
  test.setTimeout(120_000);
  const head = await signedInAs(browser, "director@ds3.demo");
  await head.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Профиль организации" }).click();
  await expect(head.page.getByRole("heading", { level: 1, name: "Профиль организации" })).toBeVisible();
  const form = head.page.getByRole("form", { name: "Профиль организации" });
  await expect(form.getByLabel("Вид организации")).toHaveValue("KINDERGARTEN");
  await expect(form.getByLabel("Должность руководителя")).toHaveValue("Заведующий");
  await expectAccessible(head.page);

  // A wrong ИНН is refused with its reason; nothing is saved.
  await form.getByLabel("ИНН").fill("2699093287");
  await form.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(form.getByText("В ИНН ошибка: не сходится контрольное число.")).toBeVisible();
  // Another organization's ИНН (СОШ № 20's) is refused by the server.
  await form.getByLabel("ИНН").fill("2699011413");
  await form.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Этот ИНН уже указан в профиле другой организации." }).first()).toBeVisible();
  await expectAccessible(head.page);

  await form.getByLabel("Полное наименование").fill(FULL_NAME);
  await form.getByLabel("Адрес").fill("357960, Ставропольский край, Левокумский муниципальный округ, с. Левокумское, ул. Гагарина, д. 17");
  await form.getByLabel("Телефон").fill("8 (86543) 3-33-17");
  await form.getByLabel("ИНН").fill("2699 093286");
  await form.getByLabel("ОГРН").fill("1152699804070");
  await form.getByLabel("ФИО руководителя").fill("Гончарова Светлана Викторовна");
  await form.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(head.page.getByRole("status").filter({ hasText: "Профиль сохранён." })).toBeVisible();
  await head.page.reload();
  await expect(head.page.getByTestId("profile-signature")).toHaveText("Заведующий С.В. Гончарова");
  await expect(head.page.getByRole("form", { name: "Профиль организации" }).getByLabel("ИНН")).toHaveValue("2699093286");
  await head.context.close();

  // The curator sees the profile (read only) and creates the program.
  const curator = await signedInAs(browser, "curator@ds3.demo");
  await curator.page.goto(`/${ORG}/profile`);
  await expect(curator.page.getByText("Изменять профиль может руководитель организации.")).toBeVisible();
  await expect(curator.page.getByRole("main")).toContainText("2699093286");
  await expect(curator.page.getByRole("form", { name: "Профиль организации" })).toHaveCount(0);
  await expectAccessible(curator.page);

  await curator.page.goto(`/${ORG}/program`);
  await curator.page.getByLabel("Дорожная карта").selectOption({ label: "Типовая дорожная карта школы (7 этапов, сентябрь → июнь)" });
  await curator.page.getByRole("button", { name: "Создать программу" }).click();
  await expect(curator.page.getByRole("heading", { level: 1 })).toContainText("Программа наставничества на");
  await expectAccessible(curator.page);

  const download = curator.page.waitForEvent("download");
  await curator.page.getByRole("link", { name: "Приказ об утверждении дорожной карты (.docx)" }).click();
  const order = await docxText(await (await download).path());
  for (const expected of [
    FULL_NAME,
    "ул. Гагарина, д. 17; тел. 8 (86543) 3-33-17",
    "ИНН 2699093286, ОГРН 1152699804070",
    "ПРИКАЗ",
    "Заведующий",
    "С.В. Гончарова",
  ]) {
    expect(order).toContain(expected);
  }
  expect(order).not.toContain("Директор");

  const roadmapDownload = curator.page.waitForEvent("download");
  await curator.page.getByRole("link", { name: "Дорожная карта (.docx)" }).click();
  const roadmap = await docxText(await (await roadmapDownload).path());
  expect(roadmap).toContain("Заведующий МБДОУ «Детский сад № 3 «Родничок»");
  expect(roadmap).toContain("ИНН 2699093286, ОГРН 1152699804070");
  await curator.context.close();
});

/** LibreOffice opens the .docx (installed here and in CI): its text, and a PDF made from it. */
function openWithLibreOffice(docx: string): { text: string; pdf: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "nastavnik-e2e-"));
  try {
    const file = path.join(dir, "document.docx");
    writeFileSync(file, readFileSync(docx));
    for (const format of ["txt:Text", "pdf"]) {
      const result = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", format, "--outdir", dir, file], { encoding: "utf8", timeout: 120_000 });
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    }
    return { text: readFileSync(path.join(dir, "document.txt"), "utf8"), pdf: readFileSync(path.join(dir, "document.pdf")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the kindergarten's head generates the stage-1 pack: the documents open in LibreOffice with the requisites and «Заведующий»", async ({ browser }) => {
  test.setTimeout(300_000);
  // The program of the year (the first test's curator made it; alone, the curator makes it here).
  const curator = await signedInAs(browser, "curator@ds3.demo");
  await curator.page.goto(`/${ORG}/program`);
  const create = curator.page.getByRole("button", { name: "Создать программу" });
  if (await create.isVisible()) {
    await create.click();
    await expect(curator.page.getByRole("heading", { level: 1 })).toContainText("Программа наставничества на");
  }
  await curator.context.close();

  const head = await signedInAs(browser, "director@ds3.demo");
  const page = head.page;
  await page.goto(`/${ORG}/program`);
  await page.getByRole("link", { name: /Пакет документов этапа 1/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Пакет документов этапа 1");
  await expect(page.getByRole("table", { name: "Документы пакета" })).toContainText("не подготовлен");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Подготовить пакет" });
  await form.getByLabel("Номер приказа о внедрении").fill("15-од");
  await form.getByLabel("Дата приказа о внедрении").fill("2026-09-01");
  await form.getByLabel("Номер приказа о назначении куратора").fill("16-од");
  await form.getByLabel("Дата приказа о назначении куратора").fill("2026-09-01");
  await form.getByLabel(/Рабочая группа/).fill("Ткаченко Н.С., старший воспитатель\nПетрова А.А., педагог-психолог");
  await form.getByLabel("СОГЛАСОВАНО", { exact: true }).selectOption({ label: "Совет родителей" });
  await form.getByLabel("СОГЛАСОВАНО: номер протокола").fill("1");
  await form.getByLabel("СОГЛАСОВАНО: дата протокола").fill("2026-08-27");
  await form.getByLabel("ПРИНЯТО", { exact: true }).selectOption({ label: "Педагогический совет" });
  await form.getByLabel("ПРИНЯТО: номер протокола").fill("2");
  await form.getByLabel("ПРИНЯТО: дата протокола").fill("2026-08-28");
  await form.getByRole("button", { name: "Подготовить пакет" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Пакет подготовлен" })).toBeVisible();
  const table = page.getByRole("table", { name: "Документы пакета" });
  await expect(table.getByRole("row").filter({ hasText: "Приказ о внедрении целевой модели наставничества" })).toContainText("№ 15-од от 01.09.2026");
  await expect(table.getByRole("row").filter({ hasText: "Приказ о назначении куратора" })).toContainText("№ 16-од от 01.09.2026");
  await expectAccessible(page);

  const download = async (name: string) => {
    const event = page.waitForEvent("download");
    await page.getByRole("link", { name, exact: true }).click();
    return (await (await event).path())!;
  };
  const NAME = /Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок»/;
  const CODES = /ИНН \d{10}, ОГРН \d{13}/;

  // The introduction order: the kindergarten's requisites, the teachers' basis, signed «Заведующий».
  const introFile = await download(".docx — Приказ о внедрении целевой модели наставничества");
  const intro = await docxText(introFile);
  for (const expected of [NAME, CODES, /О внедрении целевой модели наставничества в МБДОУ «Детский сад № 3 «Родничок»/, /АЗ-1128\/08/, /Заведующий/, /С\.В\. Гончарова/, /Петрова А\.А\., педагог-психолог/]) expect(intro).toMatch(expected);
  expect(intro).not.toMatch(/Директор|Р-145/);
  const opened = openWithLibreOffice(introFile);
  expect(opened.text).toMatch(NAME);
  expect(opened.text).toMatch(CODES);
  expect(opened.text).toContain("Заведующий");
  expect(opened.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The Положение with its agreement chain, and its PDF as the server makes it.
  const regulation = await docxText(await download(".docx — Положение о наставничестве"));
  for (const expected of [NAME, /СОГЛАСОВАНО/, /советом родителей/, /\(протокол от 27\.08\.2026 № 1\)/, /ПРИНЯТО/, /УТВЕРЖДЕНО/, /приказом заведующего МБДОУ/, /от 01\.09\.2026 № 15-од/, /«воспитатель – воспитатель»/]) expect(regulation).toMatch(expected);
  const pdf = readFileSync(await download("PDF — Положение о наставничестве"));
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const curatorOrderFile = await download(".docx — Приказ о назначении куратора");
  const curatorText = openWithLibreOffice(curatorOrderFile).text;
  expect(curatorText).toContain("О назначении куратора программы наставничества");
  expect(curatorText).toContain("Заведующий");

  // The head attaches the signed scan and approves the introduction order in the register.
  await page.goto(`/${ORG}/acts`);
  const row = page.getByRole("row").filter({ hasText: "О внедрении целевой модели наставничества" });
  // The Положение's row shows its agreement chain.
  const regulationRow = page.getByRole("row").filter({ hasText: "Положение о наставничестве в МБДОУ" });
  await expect(regulationRow).toContainText("СОГЛАСОВАНО — Совет родителей, протокол от 27.08.2026 № 1");
  await expect(regulationRow).toContainText("ПРИНЯТО — Педагогический совет, протокол от 28.08.2026 № 2");
  await row.getByLabel("Файл подписанного акта").setInputFiles({ name: "приказ-15-од.pdf", mimeType: "application/pdf", buffer: opened.pdf });
  await row.getByRole("button", { name: "Прикрепить файл" }).click();
  await expect(row.getByRole("link", { name: /приказ-15-од\.pdf/ })).toBeVisible();
  await row.getByRole("button", { name: "Утвердить" }).click();
  await expect(row).toContainText("Утверждён");
  await expectAccessible(page);

  // The stage-1 gate counts it: the Положение, the roadmap and the curator are approved with it.
  await page.goto(`/${ORG}/program`);
  await expect(page.getByRole("main")).not.toContainText("Положение о наставничестве не утверждено руководителем.");
  await expect(page.getByRole("main")).not.toContainText("Нет утверждённого приказа о назначении куратора.");
  await head.context.close();
});
