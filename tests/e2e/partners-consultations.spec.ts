import { expect, test } from "@playwright/test";
import { expectAccessible, serverDate, signedInAs, uniqueSuffix } from "./helpers";

// Partner organizations and consultations (issue #17 items 3 and 4b, decision 061). МКОУ «СОШ № 1»'s curator
// registers a partner with its agreement (a wrong ИНН first: refused), links the external specialist of the
// mentor bank to it and sees the passport indicator; then asks the district methodist a question, who answers
// and closes the consultation with an outcome; the curator sees the reply and the outcome. Names and the ИНН are
// unique per run: repeated runs add their own partner (the specialist moves to the newest one).

/** A random valid 10-digit ИНН (the Federal Tax Service's control digit). */
function randomInn(): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const digits = Array.from({ length: 9 }, (_, i) => (i < 2 ? [2, 6][i]! : Math.floor(Math.random() * 10)));
  const check = (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;
  return [...digits, check].join("");
}

test("a partner with its agreement and mentor, the indicator, and a consultation answered and closed by the methodist", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const partnerName = `ООО «Агрофирма «Левокумская» ${suffix}`;
  const topic = `Наставник от организации-партнёра ${suffix}`;
  const inn = randomInn();

  const curator = await signedInAs(browser, "curator@sosh1.demo");
  const c = curator.page;
  await c.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Организации-партнёры" }).click();
  await expect(c.getByRole("heading", { level: 1 })).toContainText("Организации-партнёры");
  await expectAccessible(c);

  const add = c.getByRole("form", { name: "Добавить организацию-партнёра" });
  await add.getByLabel("Наименование").fill(partnerName);
  const wrong = inn.slice(0, 9) + String((Number(inn[9]) + 1) % 10);
  await add.getByLabel("ИНН").fill(wrong);
  await add.getByLabel("Номер соглашения о сотрудничестве").fill(`12-${suffix}`);
  await add.getByLabel("Дата соглашения").fill(serverDate(-30));
  await add.getByLabel("Контактное лицо").fill("Руденко Пётр Иванович");
  await add.getByRole("button", { name: "Добавить" }).click();
  await expect(add.getByText("В ИНН ошибка: не сходится контрольное число. Проверьте цифры по выписке из ЕГРЮЛ.")).toBeVisible();
  await expect(c.getByRole("cell", { name: partnerName })).toHaveCount(0);
  await add.getByLabel("ИНН").fill(inn);
  await add.getByRole("button", { name: "Добавить" }).click();
  await expect(add.getByRole("status")).toContainText("Организация добавлена");
  const row = c.getByRole("table", { name: "Реестр организаций-партнёров" }).getByRole("row").filter({ hasText: partnerName });
  await expect(row).toContainText(inn);
  await expectAccessible(c);

  // The external specialist of the bank, linked to the new partner: the indicator counts it.
  const link = c.getByRole("form", { name: "Наставник от организации-партнёра" });
  await link.getByLabel("Наставник (внешний специалист)").selectOption({ label: "Гуляев Артём Викторович" });
  await link.getByLabel("Организация-партнёр").selectOption({ label: partnerName });
  await link.getByRole("button", { name: "Сохранить" }).click();
  await expect(link.getByRole("status")).toContainText("Сохранено");
  await expect(row).toContainText("Гуляев Артём Викторович");
  await expect(c.getByRole("table", { name: "Доля организаций-партнёров, предоставивших наставников" })).toContainText(/1 из \d+/);
  await expectAccessible(c);

  // A question to the district methodist.
  await c.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Консультации" }).click();
  await expect(c.getByRole("heading", { level: 1 })).toContainText("Консультации методиста");
  await expectAccessible(c);
  const ask = c.getByRole("form", { name: "Задать вопрос методисту" });
  await ask.getByLabel("Тема").fill(topic);
  await ask.getByLabel("Вопрос").fill("Можно ли закрепить за молодым педагогом наставника из организации-партнёра?");
  await ask.getByRole("button", { name: "Отправить вопрос" }).click();
  await expect(ask.getByRole("status")).toContainText("Вопрос отправлен");
  await expect(c.getByRole("table", { name: "Консультации" })).toContainText(topic);

  // The methodist answers and closes it.
  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  const m = methodist.page;
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Консультации" }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText("Консультации школ");
  await expectAccessible(m);
  await m.getByRole("table", { name: "Консультации" }).getByRole("row").filter({ hasText: topic }).getByRole("link", { name: topic }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText(topic);
  await expect(m.getByText("Вопрос от школы: МКОУ «СОШ № 1»")).toBeVisible();
  await expectAccessible(m);
  const reply = m.getByRole("form", { name: "Сообщение" });
  await reply.getByLabel("Текст сообщения").fill("Можно: по соглашению о сотрудничестве, с согласием на обработку персональных данных.");
  await reply.getByRole("button", { name: "Отправить" }).click();
  await expect(reply.getByRole("status")).toContainText("Отправлено");
  await expect(m.getByText("Можно: по соглашению о сотрудничестве")).toBeVisible();
  const close = m.getByRole("form", { name: "Закрыть консультацию" });
  await close.getByLabel("Итог консультации").fill("Рекомендовано закрепить наставника приказом о закреплении пар.");
  await close.getByRole("button", { name: "Закрыть с итогом" }).click();
  await expect(m.getByTestId("consultation-outcome")).toContainText("Рекомендовано закрепить наставника");
  await expectAccessible(m);
  await methodist.context.close();

  // The curator sees the reply and the outcome.
  await c.reload();
  await c.getByRole("table", { name: "Консультации" }).getByRole("link", { name: topic }).click();
  await expect(c.getByRole("heading", { level: 1 })).toContainText(topic);
  await expect(c.getByText("Можно: по соглашению о сотрудничестве")).toBeVisible();
  await expect(c.getByTestId("consultation-outcome")).toContainText("Рекомендовано закрепить наставника приказом о закреплении пар.");
  await expect(c.getByRole("form", { name: "Сообщение" })).toHaveCount(0);
  await expectAccessible(c);
  await curator.context.close();
});
