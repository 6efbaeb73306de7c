import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { expectAccessible, signedInAs } from "./helpers";

// Issue #13 item 3: the kindergarten's head fills the organization's profile; the curator creates the
// program and downloads its roadmap order, which carries the requisites and is signed by «Заведующий».
// МБДОУ «Детский сад № 3 «Родничок» (/ds-rodnichok) is this spec's own: no other spec changes it.

const ORG = "ds-rodnichok";
const FULL_NAME = "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок» Левокумского муниципального округа";

async function docxText(path: string) {
  const xml = await (await JSZip.loadAsync(await readFile(path))).file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/\u00a0/g, " ");
}

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
