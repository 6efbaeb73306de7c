import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, ruDate, serverDate, signedInAs } from "./helpers";
import { docxXml } from "../setup/files";

// The people's paperwork of issue #15 item 2 (decision 025), as the head does it. At СОШ № 14 the curator
// adds a teacher to the mentee bank and the director approves the list; the bank's filter shows who is
// approved. At the Ковалевская ООШ (pairs working since the autumn) the director registers the incentive
// regulation, proposes a payment to a mentor and approves it; the order is refused while the regulation is
// not approved, then downloads as .docx with the payment, the basis act and «Директор».

test("the director approves mentees, then an incentive payment to a mentor, and downloads the order", async ({ browser }) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36);
  const lastName = `Новикова${suffix}`;

  // 1. СОШ № 14: the curator adds a teacher (with a consent for the bank) to the mentee bank.
  const curator = await signedInAs(browser, "curator@sosh14.demo");
  const page = curator.page;
  await page.goto("/sosh-14/people");
  await page.getByLabel("Кто", { exact: true }).selectOption("TEACHER");
  await page.getByLabel("Фамилия").fill(lastName);
  await page.getByLabel("Имя", { exact: true }).fill("Ксения");
  await page.getByLabel("Должность").fill("Учитель химии");
  await page.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Человек добавлен." })).toBeVisible();
  await page.getByRole("link", { name: `${lastName} Ксения` }).click();
  const consent = page.getByRole("region", { name: "Записать согласие" });
  await consent.getByLabel("Включение в банк наставников / наставляемых").check();
  await consent.getByLabel("Участие в наставнической паре / группе").check();
  await consent.getByLabel("Дата согласия").fill(serverDate(-20));
  await consent.getByRole("button", { name: "Записать согласие" }).click();
  await expect(consent.getByRole("status")).toContainText("Согласие записано");
  await page.goto("/sosh-14/mentees");
  const add = page.getByRole("form", { name: "Добавить наставляемого" });
  await add.getByLabel("Человек").selectOption({ label: `${lastName} Ксения, Учитель химии` });
  await add.getByLabel("Категория").selectOption({ label: "Молодой педагог (стаж до 3 лет)" });
  await add.getByRole("button", { name: "Добавить в банк" }).click();
  // The page refreshes: the entry is in the bank (and the form gives way — nobody else is left to add).
  const bank = page.getByRole("table", { name: "Записи банка" });
  await expect(bank.getByRole("row").filter({ hasText: lastName })).toContainText("не утверждён");
  // The curator proposes; approving is the head's.
  await expect(page.getByRole("region", { name: "Утверждение наставляемых руководителем" })).toHaveCount(0);
  await expectAccessible(page);

  // 2. The director approves the list the curator brought (every entry ticked), then filters the bank.
  const director = await signedInAs(browser, "director@sosh14.demo");
  // The bank is paged: the director looks the new entry up by name (the approval list above shows all awaiting).
  await director.page.goto(`/sosh-14/mentees?q=${encodeURIComponent(lastName)}`);
  const approval = director.page.getByRole("region", { name: "Утверждение наставляемых руководителем" });
  await expect(approval.getByLabel(new RegExp(lastName))).toBeChecked();
  await expectAccessible(director.page);
  await approval.getByRole("button", { name: /^Утвердить выбранных/ }).click();
  await expect(approval.getByText(/^Утверждено наставляемых: \d+\.$/)).toBeVisible();
  await expect(approval.getByLabel(new RegExp(lastName))).toHaveCount(0);
  const directorBank = director.page.getByRole("table", { name: "Записи банка" });
  await expect(directorBank.getByRole("row").filter({ hasText: lastName })).toContainText(/утверждён \d\d\.\d\d\.\d{4}/);
  await director.page.getByLabel("Утверждение руководителем").selectOption({ label: "Ожидают утверждения" });
  await director.page.getByRole("button", { name: "Показать" }).click();
  await expect(director.page).toHaveURL(/approval=awaiting/);
  await expect(director.page.getByRole("region", { name: "Записи банка" })).not.toContainText(lastName);
  await director.page.getByLabel("Утверждение руководителем").selectOption({ label: "Утверждённые" });
  await director.page.getByRole("button", { name: "Показать" }).click();
  await expect(directorBank.getByRole("row").filter({ hasText: lastName })).toBeVisible();
  await expectAccessible(director.page);

  // 3. Ковалевская ООШ: the director registers the incentive regulation (not yet approved).
  const head = await signedInAs(browser, "director@kovalevskaya.demo");
  const hp = head.page;
  await hp.goto("/kovalevskaya-oosh/acts");
  await hp.getByLabel("Вид").selectOption({ label: "Положение о стимулировании наставников" });
  await hp.getByLabel("Номер").fill(`75-од-${suffix}`);
  const actDate = serverDate(-30);
  await hp.getByLabel("Дата").fill(actDate);
  await hp.getByLabel("Заголовок").fill("Положение о стимулирующих выплатах работникам");
  await hp.getByRole("button", { name: "Зарегистрировать" }).click();
  const acts = hp.getByRole("table", { name: "Реестр локальных актов" });
  await expect(acts).toContainText(`75-од-${suffix}`);
  await expectAccessible(hp);

  // 4. The incentives page, from the mentor bank: a payment to Мельникова for this month, under that act.
  await hp.goto("/kovalevskaya-oosh/mentors");
  await hp.getByRole("link", { name: "Стимулирующие выплаты наставникам" }).click();
  await expect(hp.getByRole("heading", { level: 1, name: "Стимулирующие выплаты наставникам" })).toBeVisible();
  await expectAccessible(hp);
  const propose = hp.getByRole("form", { name: "Предложить выплату" });
  await propose.getByLabel("Наставник").selectOption({ label: "Мельникова Ольга Ивановна, Учитель начальных классов" });
  await propose.getByLabel("Основание (локальный акт)").selectOption({ label: `Положение о стимулирующих выплатах работникам (от ${ruDate(actDate)} № 75-од-${suffix}) — акт не утверждён` });
  const from = await propose.getByLabel("Период с").inputValue();
  const to = await propose.getByLabel("Период по").inputValue();
  await propose.getByLabel("Размер выплаты, руб.").fill("5000");
  await propose.getByRole("button", { name: "Предложить выплату" }).click();
  await expect(propose.getByText("Выплата предложена и ждёт утверждения руководителем.")).toBeVisible();
  // The same mentor for an overlapping period is refused with the reason, nothing added.
  await propose.getByLabel("Наставник").selectOption({ label: "Мельникова Ольга Ивановна, Учитель начальных классов" });
  await propose.getByLabel("Размер выплаты, руб.").fill("3000");
  await propose.getByRole("button", { name: "Предложить выплату" }).click();
  await expect(propose.getByRole("alert")).toContainText("У наставника Мельникова Ольга Ивановна уже есть выплата за период");

  // 5. The director approves it (the proposal is ticked); the order is refused while the act is not approved.
  await hp.reload();
  const approve = hp.getByRole("region", { name: "Утверждение выплат" });
  await expect(approve.getByLabel(/Мельникова Ольга Ивановна — 5\u00a0000 руб\./)).toBeChecked();
  await approve.getByRole("button", { name: /^Утвердить выбранные выплаты/ }).click();
  await expect(approve.getByText("Утверждено выплат: 1.")).toBeVisible();
  await expect(hp.getByRole("table", { name: "Выплаты" }).getByRole("row").filter({ hasText: "Мельникова" })).toContainText("утверждена: Чеховская Ольга Михайловна");
  await expectAccessible(hp);
  const orderUrl = `/kovalevskaya-oosh/mentors/incentives/order?from=${from}&to=${to}`;
  const refused = await hp.request.get(orderUrl);
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain("утверждение руководителем локального акта «Положение о стимулирующих выплатах работникам»");

  // 6. The director approves the regulation; the order downloads, listing the payment with its basis.
  await hp.goto("/kovalevskaya-oosh/acts");
  const actRow = acts.getByRole("row").filter({ hasText: `75-од-${suffix}` });
  await actRow.getByRole("button", { name: "Утвердить" }).click();
  await expect(actRow).toContainText("Утверждён");
  await hp.goto("/kovalevskaya-oosh/mentors/incentives");
  const download = hp.waitForEvent("download");
  await hp.getByRole("region", { name: "Периоды и приказы" }).getByRole("link", { name: /\(\.docx\)$/ }).first().click();
  const bytes = await readFile(await (await download).path());
  const text = (await docxXml(bytes)).replace(/<[^>]+>/g, "");
  for (const part of ["ПРИКАЗ", "О выплатах стимулирующего характера наставникам", "Мельникова Ольга Ивановна", "Учитель начальных классов", "5\u00a0000", `№ 75-од-${suffix}`, "статьёй 135 Трудового кодекса", "Директор"]) {
    expect(text, part).toContain(part);
  }
  // The same order as PDF (LibreOffice on the server), or a clear 503 where it is not installed.
  const pdf = await hp.request.get(`${orderUrl}&format=pdf`);
  if (pdf.status() === 200) expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  else expect(await pdf.text()).toContain("PDF");

  await head.context.close();
  await director.context.close();
  await curator.context.close();
});
