import { expect, test } from "@playwright/test";
import { expectAccessible, newVisitor, ruDate, serverDate, signedInAs, uniqueSuffix } from "./helpers";

// The office's public section and district recognition (issue #17 items 5 and 4a, decision 060). The Левокумский
// methodist publishes a news item and awards the district-visible mentor of МКОУ «СОШ № 1» a certificate; a visitor
// without an account opens /s/levokumsky — the district's published schools, the news, the low-vision version; the
// curator of СОШ № 1 sees the award on the mentor's row of the school's bank. Titles are unique per run.

test("the methodist publishes news and awards a mentor; the public page shows them; the school's curator sees the award", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const newsTitle = `Семинар наставников округа ${suffix}`;
  const basis = `Приказ отдела образования № ${suffix} от ${ruDate(serverDate(0))}`;

  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  const m = methodist.page;
  const nav = m.getByRole("navigation", { name: "Разделы" });
  await nav.getByRole("link", { name: "Раздел на сайте" }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText("Раздел «Наставничество» на сайте");
  await expectAccessible(m);
  const news = m.getByRole("form", { name: "Добавить новость" });
  await news.getByLabel("Заголовок").fill(newsTitle);
  await news.getByLabel("Текст").fill("Отдел образования приглашает наставников и кураторов на муниципальный семинар.");
  await news.getByLabel("Дата публикации").fill(serverDate(0));
  await news.getByRole("button", { name: "Сохранить новость" }).click();
  await expect(news.getByRole("status")).toContainText("Новость сохранена.");
  await expect(m.getByRole("table", { name: /Новости/ })).toContainText(newsTitle);
  await expectAccessible(m);

  await nav.getByRole("link", { name: "Награды наставников" }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText("Награды наставников");
  await expectAccessible(m);
  const form = m.getByRole("form", { name: "Наградить наставника" });
  const option = form.getByLabel("Наставник").locator("option", { hasText: "МКОУ «СОШ № 1»" }).first();
  const label = (await option.textContent())!.trim();
  const mentorName = label.split(" — ")[0]!;
  await form.getByLabel("Наставник").selectOption({ label });
  await form.getByLabel("Награда", { exact: true }).selectOption({ label: "Почётная грамота" });
  await form.getByLabel("Дата награждения").fill(serverDate(0));
  await form.getByLabel("Основание").fill(basis);
  await form.getByRole("button", { name: "Наградить" }).click();
  await expect(form.getByRole("status")).toContainText("Награда записана.");
  const given = m.getByRole("table", { name: "Выданные награды" }).getByRole("row").filter({ hasText: basis });
  await expect(given).toContainText(mentorName);
  await expect(given).toContainText("Почётная грамота");
  await expectAccessible(m);
  // A date after today is refused with its reason.
  await form.getByLabel("Наставник").selectOption({ label });
  await form.getByLabel("Дата награждения").fill(serverDate(2));
  await form.getByLabel("Основание").fill(`${basis} (повтор)`);
  await form.getByRole("button", { name: "Наградить" }).click();
  await expect(form).toContainText("Дата награждения позже сегодняшней");
  await methodist.context.close();

  // A visitor without an account: the office's section.
  const visitor = await newVisitor(browser);
  const v = visitor.page;
  expect((await v.goto("/s/levokumsky"))?.status()).toBe(200);
  await expect(v.getByRole("heading", { level: 1, name: "Наставничество" })).toBeVisible();
  const schools = v.getByRole("region", { name: "Школы и детские сады округа" });
  await expect(schools.getByRole("link", { name: "БОУ «Ковалевская ООШ»" })).toHaveAttribute("href", "/s/kovalevskaya-oosh");
  // СОШ №20 has not published its section: not listed.
  await expect(schools).not.toContainText("СОШ №20");
  await expect(v.getByRole("region", { name: "Новости и анонсы" })).toContainText(newsTitle);
  await expect(v.getByRole("region", { name: "Документы" })).toContainText("Положение о муниципальной системе наставничества");
  // The district's communities (decision 059, seeded): name, kind and area — never their members.
  const council = v.getByRole("region", { name: "Совет наставников" });
  await expect(council.getByRole("heading", { name: "Методическое объединение учителей начальных классов" })).toBeVisible();
  await expect(council).toContainText("Методическое объединение: Начальные классы");
  await expect(council).toContainText("Школа молодого учителя");
  await expect(council).not.toContainText("Новикова");
  // Nothing about a person: the awarded mentor is not on the public page.
  await expect(v.locator("body")).not.toContainText(mentorName);
  await expectAccessible(v);

  await v.getByRole("link", { name: "Версия для слабовидящих" }).click();
  await expect(v.locator("[data-low-vision]").first()).toHaveAttribute("data-low-vision", "on");
  await expectAccessible(v);
  await v.getByRole("link", { name: newsTitle }).click();
  await expect(v.getByRole("heading", { level: 1, name: newsTitle })).toBeVisible();
  await expect(v.locator("[data-low-vision]").first()).toHaveAttribute("data-low-vision", "on");
  await expectAccessible(v);
  await v.getByRole("link", { name: "Обычная версия" }).click();
  await expect(v.locator("[data-low-vision]").first()).toHaveAttribute("data-low-vision", "off");
  await visitor.context.close();

  // The curator of СОШ № 1: the award on the mentor's row of the school's bank, marked as the district's.
  const curator = await signedInAs(browser, "curator@sosh1.demo");
  const c = curator.page;
  await c.goto(`/sosh-1/mentors?q=${encodeURIComponent(mentorName.split(" ")[0]!)}`);
  const row = c.getByRole("table", { name: "Записи банка" }).getByRole("row").filter({ hasText: basis });
  await expect(row).toContainText("Награда округа");
  await expect(row).toContainText("Почётная грамота");
  await expectAccessible(c);
  // And on the mentor's card.
  await row.getByRole("link").first().click();
  await expect(c.getByRole("heading", { level: 1 })).toContainText(mentorName);
  await expect(c.getByRole("main")).toContainText(basis);
  await expectAccessible(c);
  await curator.context.close();
});
