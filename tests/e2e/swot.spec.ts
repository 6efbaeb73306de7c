import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, signedInAs, uniqueSuffix } from "./helpers";
import { docxXml } from "../setup/files";

// Issue #16 item 5 (decision 049). БОУ «Ковалевская ООШ» is seeded at stage 6 with two teacher–teacher pairs by
// order and no questionnaires: its SWOT has the form's table from the pairs' record, and the head (its curator)
// adds the conclusions that go into the school's annual report.

test("the head opens the SWOT per form, adds conclusions, a too-long line is refused without losing the text, and the report carries the table", async ({ browser }) => {
  const { page, context } = await signedInAs(browser, "director@kovalevskaya.demo");
  await page.goto("/kovalevskaya-oosh/monitoring");
  await page.getByRole("link", { name: "Открыть SWOT-анализ по формам наставничества" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SWOT-анализ программы" })).toBeVisible();
  const form = page.getByRole("region", { name: "Учитель – учитель", exact: true });
  await expect(form).toContainText("По этой форме нет ответов на закрытые анкеты");
  const table = form.getByRole("table", { name: "SWOT-анализ: Учитель – учитель" });
  await expect(table.getByRole("rowheader")).toHaveText(["Сильные стороны", "Слабые стороны", "Возможности", "Угрозы"]);
  await expectAccessible(page);

  const strength = `Поддержка администрации ${uniqueSuffix()}`;
  const edit = form.getByRole("form", { name: "Выводы куратора: Учитель – учитель" });
  await edit.getByLabel("Сильные стороны").fill(`— ${strength}\n\nОпытные наставники`);
  await edit.getByLabel("Угрозы").fill("у".repeat(301));
  await edit.getByRole("button", { name: "Сохранить выводы" }).click();
  await expect(edit.getByText("Строка длиннее 300 символов — сократите её или разделите на две.")).toBeVisible();
  await expect(edit.getByLabel("Сильные стороны")).toHaveValue(`— ${strength}\n\nОпытные наставники`);
  await expect(table).not.toContainText(strength);

  await edit.getByLabel("Угрозы").fill("Уход молодых педагогов");
  await edit.getByRole("button", { name: "Сохранить выводы" }).click();
  await expect(edit.getByText("Выводы сохранены.")).toBeVisible();
  const strengths = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Сильные стороны" }) });
  await expect(strengths).toContainText(strength);
  await expect(strengths).toContainText("Опытные наставники");
  await expectAccessible(page);

  await page.reload();
  await expect(form.getByRole("form", { name: "Выводы куратора: Учитель – учитель" }).getByLabel("Сильные стороны")).toHaveValue(`${strength}\nОпытные наставники`);

  await page.getByRole("link", { name: "К мониторингу школы" }).click();
  // The report is produced as a background task (decision 057): its page shows the progress, then the file.
  await page.getByRole("button", { name: "Отчёт (.docx)" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Справка за .* учебный год готова\./ })).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Скачать: Аналитическая справка .*\.docx$/ }).click();
  const xml = await docxXml(await readFile(await (await download).path()));
  expect(xml).toContain("Оценка качества реализации программы (SWOT-анализ)");
  expect(xml).toContain(strength);
  expect(xml).toContain("Уход молодых педагогов");
  await context.close();
});
