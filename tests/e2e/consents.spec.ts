import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readPdfLines } from "../../lib/roadmap/read-pdf";
import { expectAccessible, ruDate, serverDate, signedInAs } from "./helpers";
import { docxXml } from "../setup/files";

// People's paperwork at the kindergarten МБДОУ «Детский сад № 3 «Родничок»» (issue #15 item 2): the head
// records and prints the consents of a teacher (per purpose, and to dissemination with the fields allowed)
// and of a child's legal representative, and the mentor's consent to additional duties; each document
// opens (LibreOffice converts it to PDF) with the kindergarten's requisites.

const KINDERGARTEN = "Детский сад № 3 «Родничок»";
const REQUISITES = ["ИНН 2699016891", "ОГРН 1032699768463", "ул. Гагарина, д. 15"];

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

/** Clicks a download link; the .docx's text, after LibreOffice (where installed) converted it to a PDF. */
async function downloadDocx(page: Page, link: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).first().click();
  const bytes = await readFile(await (await download).path());
  const text = (await docxXml(bytes)).replace(/<[^>]+>/g, "");
  const soffice = SOFFICE;
  if (soffice) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "consent-"));
    writeFileSync(path.join(dir, "doc.docx"), bytes);
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "doc.docx")], { timeout: 90_000 });
    expect((await readFile(path.join(dir, "doc.pdf"))).subarray(0, 4).toString()).toBe("%PDF");
  }
  return text;
}

async function addPerson(page: Page, fields: { kind: "TEACHER" | "STUDENT"; lastName: string; firstName: string; position?: string; birthDate?: string; grade?: string }) {
  await page.goto("/ds-rodnichok/people");
  await page.getByLabel("Кто", { exact: true }).selectOption(fields.kind);
  await page.getByLabel("Фамилия").fill(fields.lastName);
  await page.getByLabel("Имя", { exact: true }).fill(fields.firstName);
  if (fields.position) await page.getByLabel("Должность").fill(fields.position);
  if (fields.birthDate) await page.getByLabel("Дата рождения", { exact: true }).fill(fields.birthDate);
  if (fields.grade) await page.getByLabel("Класс").fill(fields.grade);
  await page.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Человек добавлен." })).toBeVisible();
  await page.getByRole("link", { name: `${fields.lastName} ${fields.firstName}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${fields.lastName} ${fields.firstName}`);
}

test("a kindergarten head prints the consents of a teacher and of a child's legal representative, and the mentor's consent to additional duties", async ({ browser }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const teacher = `Мастерова${suffix}`;
  const child = `Малышев${suffix}`;
  const { page, context } = await signedInAs(browser, "director@ds3.demo");

  // 1. The teacher: a consent to processing for the bank and the pairs — one paper per purpose.
  await addPerson(page, { kind: "TEACHER", lastName: teacher, firstName: "Анна", position: "Воспитатель" });
  await page.getByLabel("Включение в банк наставников / наставляемых").check();
  await page.getByLabel("Участие в наставнической паре / группе").check();
  await page.getByRole("button", { name: "Записать согласие" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Согласие записано." })).toBeVisible();
  const forms = page.getByRole("list", { name: "Печатная форма" });
  // Each paper as .docx and, the server having LibreOffice, as PDF next to it.
  const pdf = Boolean(SOFFICE);
  await expect(forms.getByRole("link")).toHaveText(pdf ? ["Согласие: Банк (.docx)", "Согласие: Банк (PDF)", "Согласие: Пары (.docx)", "Согласие: Пары (PDF)"] : ["Согласие: Банк (.docx)", "Согласие: Пары (.docx)"]);
  await expectAccessible(page);
  const bank = await downloadDocx(page, "Согласие: Банк (.docx)");
  for (const s of [KINDERGARTEN, ...REQUISITES, "СОГЛАСИЕ", "на обработку персональных данных", `${teacher} Анна, Воспитатель`, "1. Цель обработки: включение в банк", `А. ${teacher}`]) expect(bank).toContain(s);
  expect(bank).not.toContain("участие в наставнической паре / группе: закрепление");
  if (pdf) {
    // The PDF the server made (LibreOffice headless), read back: the same paper with the kindergarten's requisites.
    const download = page.waitForEvent("download");
    await forms.getByRole("link", { name: "Согласие: Пары (PDF)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Согласие.*\.pdf$/);
    const text = (await readPdfLines(await readFile(await file.path()))).replace(/\s+/g, " ");
    for (const s of [KINDERGARTEN, ...REQUISITES, "СОГЛАСИЕ", `${teacher} Анна`, "участие в наставнической паре"]) expect(text).toContain(s);
    // A format the route does not make: a clear refusal, no file.
    const href = await forms.getByRole("link", { name: "Согласие: Пары (PDF)" }).getAttribute("href");
    const refused = await page.request.get(href!.replace("format=pdf", "format=xls"));
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toBe("Неверный параметр адреса «format»: проверьте ссылку.");
  }

  // 2. Her consent to dissemination: the name and the competencies only.
  await page.reload();
  await page.getByLabel("Публикация на сайте (отдельное согласие на распространение)").check();
  await page.getByLabel("Фамилия, имя, отчество", { exact: true }).check();
  await page.getByLabel("Компетенции наставника", { exact: true }).check();
  await page.getByRole("button", { name: "Записать согласие" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Согласие записано." })).toBeVisible();
  await expect(page.getByText("Разрешено к публикации: Фамилия, имя, отчество, Компетенции наставника")).toBeVisible();
  const dissemination = await downloadDocx(page, "Согласие: Сайт (.docx)");
  for (const s of [KINDERGARTEN, "для распространения", "статьёй 10.1", "ds3-rodnichok.demo", "/s/ds-rodnichok"]) expect(dissemination).toContain(s);

  // 3. A child: their own signature is refused; the legal representative's version is printed.
  await addPerson(page, { kind: "STUDENT", lastName: child, firstName: "Миша", birthDate: "2020-03-01", grade: "старшая группа" });
  await page.getByLabel("Включение в банк наставников / наставляемых").check();
  await page.getByLabel("Кто дал согласие").selectOption("SUBJECT");
  await page.getByRole("button", { name: "Записать согласие" }).click();
  await expect(page.getByLabel("Кто дал согласие")).toHaveAccessibleDescription("За несовершеннолетнего согласие даёт законный представитель.");
  await expect(page.getByRole("list", { name: "Печатная форма" })).toHaveCount(0);
  await page.getByLabel("Кто дал согласие").selectOption("REPRESENTATIVE");
  await page.getByLabel("Законный представитель (ФИО, кем приходится)").fill("Малышева Ольга Петровна, мать");
  await page.getByRole("button", { name: "Записать согласие" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Согласие записано." })).toBeVisible();
  await expectAccessible(page);
  const representative = await downloadDocx(page, "Согласие: Банк (.docx)");
  for (const s of [KINDERGARTEN, ...REQUISITES, "законного представителя несовершеннолетнего", "Я, Малышева Ольга Петровна, мать", `${child} Миша, дата рождения 01.03.2020`, "моего ребёнка (подопечного)", "О.П. Малышева"]) {
    expect(representative).toContain(s);
  }

  // 4. The curator puts the teacher into the mentor bank; the head prints and records her consent to additional duties.
  const curator = await signedInAs(browser, "curator@ds3.demo");
  await curator.page.goto("/ds-rodnichok/mentors");
  const addMentor = curator.page.getByRole("form", { name: "Добавить кандидата в наставники" });
  await addMentor.getByLabel("Человек").selectOption({ label: `${teacher} Анна, Воспитатель` });
  await addMentor.getByLabel("Помогает с практическими приёмами ведения урока, дисциплиной").check();
  await addMentor.getByRole("button", { name: "Добавить в банк" }).click();
  await expect(addMentor.getByRole("status")).toHaveText("Добавлено в банк.");
  await curator.context.close();

  // The bank is paged: the teacher is found by name.
  await page.goto(`/ds-rodnichok/mentors?q=${encodeURIComponent(teacher)}`);
  await page.getByRole("link", { name: `${teacher} Анна`, exact: true }).click();
  const duties = page.getByRole("region", { name: "Согласие на дополнительную работу наставника" });
  await expect(duties).toContainText("Согласие ещё не записано.");
  const paper = await downloadDocx(page, "Согласие на дополнительную работу (.docx)");
  for (const s of [KINDERGARTEN, ...REQUISITES, "на выполнение дополнительной работы наставника", `Я, ${teacher} Анна, Воспитатель`, "статьями 60.2 и 151"]) expect(paper).toContain(s);
  const form = page.getByRole("form", { name: "Согласие на дополнительную работу наставника" });
  const signedOn = serverDate(-3);
  await form.getByLabel("Дата подписания согласия").fill(signedOn);
  await form.getByRole("button", { name: "Записать согласие" }).click();
  await expect(duties).toContainText(`Согласие подписано ${ruDate(signedOn)}`);
  await expectAccessible(page);

  // The order appointing mentors lists only mentors the head approved: this candidate is not one yet.
  const order = await page.request.get("/ds-rodnichok/mentors/appointment-order");
  expect(order.status()).toBe(409);
  expect(await order.text()).toContain("Приказ нельзя сформировать");
  await context.close();
});
