import { expect, test } from "@playwright/test";
import { expectAccessible, serverDate, signedInAs, uniqueSuffix } from "./helpers";

// The district at work (issue #16 items 1–2, decision 047). The methodist sets a deadline for the schools
// whose last day was three days ago and writes a letter to two schools; Ковалевская's director marks the
// deadline done today (three days late) and acknowledges the letter; the methodist sees «1 из 2» and,
// on the district dashboard, «с опозданием на 3 дня» in Ковалевская's row. Titles are unique per run:
// parallel or repeated runs add their own rows.

test("a deadline met three days late and a letter acknowledged by one school of two", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const title = `Отчёт кураторов о наставничестве ${suffix}`;
  const subject = `О семинаре наставников ${suffix}`;

  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  const m = methodist.page;
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Сроки для школ" }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText("Сроки для школ");
  await expectAccessible(m);
  const form = m.getByRole("form", { name: "Новый срок" });
  await form.getByLabel("Что сделать").fill(title);
  await form.getByLabel("Этап программы").selectOption("7");
  await form.getByLabel("Срок (последний день)").fill(serverDate(-3));
  await form.getByLabel("Что считается выполнением").selectOption({ label: "школа отметила выполнение" });
  await form.getByRole("button", { name: "Сохранить срок" }).click();
  await expect(form.getByRole("status")).toContainText("Срок сохранён");
  await expect(m.getByRole("table", { name: /Сроки для школ/ })).toContainText(title);
  await expectAccessible(m);

  // A letter to two schools of the district.
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Письма школам" }).click();
  const compose = m.getByRole("form", { name: "Новое письмо" });
  await compose.getByLabel("Тема").fill(subject);
  await compose.getByLabel("Текст письма").fill("Просим направить кураторов на семинар наставников.");
  await compose.getByLabel("БОУ «Ковалевская ООШ»").check();
  await compose.getByLabel("МБОУ «СОШ №20»").check();
  await compose.getByRole("button", { name: "Отправить" }).click();
  await expect(compose.getByRole("status")).toContainText("Письмо отправлено.");
  const sent = m.getByRole("table", { name: "Отправленные письма" }).getByRole("row").filter({ hasText: subject });
  await expect(sent).toContainText("0 из 2");
  await expectAccessible(m);

  // Ковалевская's director: the letter, read on opening, acknowledged; the deadline marked done today.
  const director = await signedInAs(browser, "director@kovalevskaya.demo");
  const d = director.page;
  await d.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Письма округа" }).click();
  await expect(d.getByRole("heading", { level: 1 })).toContainText("Письма органа управления образованием");
  await expectAccessible(d);
  await d.getByRole("link", { name: subject }).click();
  await expect(d.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await d.getByRole("button", { name: "Подтвердить ознакомление" }).click();
  await expect(d.getByRole("status").filter({ hasText: "Ознакомление подтверждено" })).toBeVisible();
  await expectAccessible(d);

  await d.goto("/kovalevskaya-oosh/program/roadmap");
  const deadlines = d.getByRole("table", { name: "Контрольные сроки округа", exact: true });
  const row = deadlines.getByRole("row").filter({ hasText: title });
  await row.getByText("Отметить выполнение").click();
  await row.getByLabel("Комментарий").fill("Отчёты кураторов собраны, протокол №5");
  await row.getByRole("button", { name: "Отметить выполненным" }).click();
  await expect(row).toContainText("с опозданием на 3 дня");
  await expectAccessible(d);
  await director.context.close();

  // The methodist: 1 of 2 acknowledged; the dashboard's row of Ковалевская says «с опозданием на 3 дня».
  await m.reload();
  await expect(m.getByRole("table", { name: "Отправленные письма" }).getByRole("row").filter({ hasText: subject })).toContainText("1 из 2");
  await m.getByRole("link", { name: subject }).click();
  await expect(m.getByRole("main")).toContainText("Подтвердили: 1 из 2");
  await expectAccessible(m);

  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Мониторинг округа" }).click();
  // The schools table is paged (other specs add schools to the district meanwhile): the school is found by name.
  await m.getByLabel("Школа (название или его часть)").fill("Ковалевская");
  await m.getByRole("form", { name: "Отбор организаций" }).getByRole("button", { name: "Показать" }).click();
  await m.waitForURL((url) => url.searchParams.get("q") === "Ковалевская");
  const table = m.getByRole("table", { name: /Показатели образовательных организаций за/ });
  const kovalevskaya = table.getByRole("row").filter({ has: m.getByRole("link", { name: "БОУ «Ковалевская ООШ»", exact: true }) });
  await expect(kovalevskaya).toContainText(`«${title}» — с опозданием на 3 дня`);
  await expectAccessible(m);

  // The deadline in detail (decision 054): each school's outcome and its evidence — Ковалевская's comment.
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Сроки для школ" }).click();
  await m.getByRole("table", { name: /Сроки для школ/ }).getByRole("link", { name: new RegExp(`— подробно\\s*: ${title}$`) }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText(title);
  const marks = m.getByRole("table", { name: "Выполнение срока по организациям" });
  // The schools are listed a page at a time: each is found by the list's search.
  const findSchool = async (name: string) => {
    const search = m.getByRole("search", { name: "Поиск организаций" });
    await search.getByLabel("Организация или муниципалитет").fill(name);
    await search.getByRole("button", { name: "Показать" }).click();
    await m.waitForURL((url) => url.searchParams.get("q") === name);
  };
  await findSchool("Ковалевская");
  const marked = marks.getByRole("row").filter({ hasText: "БОУ «Ковалевская ООШ»" });
  await expect(marked).toContainText("с опозданием на 3 дня");
  await expect(marked).toContainText("Комментарий: Отчёты кураторов собраны, протокол №5");
  await findSchool("СОШ №20");
  await expect(marks.getByRole("row").filter({ hasText: "МБОУ «СОШ №20»" })).toContainText("просрочено");
  await expectAccessible(m);
  await methodist.context.close();
});
