import { expect, test } from "@playwright/test";
import { expectAccessible, ruDate, serverDate, signedInAs, uniqueSuffix } from "./helpers";

// District communities (issue #17 item 2, decision 059). СОШ № 14's curator records a teacher's consent to take part
// in district communities; the methodist creates a council of mentors, adds СОШ №20's mentor (consent seeded) and that
// teacher, holds a meeting today with both present and attaches its protocol; each school's curator sees its own
// people's participation and not the other school's; the district figures count СОШ №20's mentor at the council this
// quarter, and so does the district dashboard. Then the methodist removes the mentor with a reason, and the teacher
// withdraws her consent: the office is left with a nameless former member. Names are unique per run: repeated runs
// add their own rows.

test("a council of mentors with members of two schools: attendance, each school's view, the district figures", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const teacher = `Сергеева${suffix}`;
  const council = `Совет наставников ${suffix}`;
  const today = serverDate(0);

  // 1. СОШ № 14: a teacher with a consent for district communities.
  const c14 = await signedInAs(browser, "curator@sosh14.demo");
  const p14 = c14.page;
  await p14.goto("/sosh-14/people");
  await p14.getByLabel("Кто", { exact: true }).selectOption("TEACHER");
  await p14.getByLabel("Фамилия").fill(teacher);
  await p14.getByLabel("Имя", { exact: true }).fill("Алина");
  await p14.getByLabel("Должность").fill("Учитель физики");
  await p14.getByRole("button", { name: "Добавить" }).click();
  await expect(p14.getByRole("main").getByRole("status").filter({ hasText: "Человек добавлен." })).toBeVisible();
  await p14.getByRole("link", { name: `${teacher} Алина` }).click();
  const consent = p14.getByRole("region", { name: "Записать согласие" });
  await consent.getByLabel("Участие в районных сообществах (передача сведений отделу образования)").check();
  await consent.getByLabel("Дата согласия").fill(serverDate(-2));
  await consent.getByRole("button", { name: "Записать согласие" }).click();
  await expect(consent.getByRole("status")).toContainText("Согласие записано");

  // 2. The methodist: the council, its members from two schools.
  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  const m = methodist.page;
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Сообщества округа" }).click();
  await expect(m.getByRole("heading", { level: 1 })).toHaveText("Сообщества округа");
  await expect(m.getByRole("table", { name: "Сообщества округа" })).toContainText("Школа молодого учителя");
  await expectAccessible(m);
  const create = m.getByRole("form", { name: "Новое сообщество" });
  await create.getByLabel("Вид сообщества").selectOption({ label: "Совет наставников" });
  await create.getByLabel("Название").fill(council);
  await create.getByRole("button", { name: "Создать" }).click();
  await expect(create.getByRole("status")).toContainText("Сообщество создано.");
  await m.getByRole("table", { name: "Сообщества округа" }).getByRole("link", { name: council }).click();
  await expect(m.getByRole("heading", { level: 1, name: council })).toBeVisible();
  const councilUrl = m.url();
  await expectAccessible(m);

  const add = m.getByRole("region", { name: "Добавить участников" });
  const members = m.getByRole("table", { name: "Участники сообщества" });
  await add.getByLabel("Школа").selectOption({ label: "МБОУ «СОШ №20»" });
  await add.getByRole("button", { name: "Показать педагогов" }).click();
  const candidates = add.getByRole("table", { name: "Педагоги школы с согласием" });
  await candidates.getByRole("row").filter({ hasText: "Волков Сергей Николаевич" }).getByRole("button", { name: "Добавить" }).click();
  await expect(members).toContainText("Волков Сергей Николаевич");
  await add.getByLabel("Школа").selectOption({ label: "МАОУ «СОШ № 14»" });
  await add.getByRole("button", { name: "Показать педагогов" }).click();
  await candidates.getByRole("row").filter({ hasText: teacher }).getByRole("button", { name: "Добавить" }).click();
  await expect(members).toContainText(`${teacher} Алина`);
  await expect(members.getByRole("row").filter({ hasText: "Волков" })).toContainText("наставник");
  await expectAccessible(m);

  // 3. A meeting today, both present, its protocol attached.
  const hold = m.getByRole("form", { name: "Провести заседание" });
  await hold.getByLabel("Дата заседания").fill(today);
  await hold.getByLabel("Повестка").fill("1. Итоги работы пар в первом полугодии.\n2. План на второе полугодие.");
  await hold.getByLabel(/Волков Сергей Николаевич/).check();
  await hold.getByLabel(new RegExp(teacher)).check();
  await hold.getByRole("button", { name: "Записать заседание" }).click();
  await expect(hold.getByRole("status")).toContainText("Заседание записано.");
  await m.getByRole("table", { name: "Заседания сообщества" }).getByRole("link", { name: ruDate(today) }).click();
  await expect(m.getByRole("heading", { level: 1 })).toHaveText(`Заседание ${ruDate(today)}`);
  await expect(m.getByRole("main")).toContainText("Присутствовали 2 из 2");
  await m.getByLabel("Файл (до 10 МБ)").setInputFiles({ name: "протокол.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 протокол заседания") });
  await m.getByRole("button", { name: "Приложить" }).click();
  await expect(m.getByRole("link", { name: "протокол.pdf" })).toBeVisible();
  await expectAccessible(m);

  // 4. The district figures: СОШ №20's mentor attended the council this quarter.
  await m.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Сообщества округа" }).click();
  const figures = m.getByRole("table", { name: /Посещение Совета наставников по школам/ });
  const sosh20 = figures.getByRole("row").filter({ has: m.getByRole("cell", { name: "МБОУ «СОШ №20»", exact: true }) });
  await expect(sosh20.getByRole("cell").nth(2)).toHaveText(/^[1-9]\d*$/);
  await expect(m.getByRole("table", { name: "Заседания Совета наставников по кварталам" })).toBeVisible();
  await expectAccessible(m);

  // 4b. The district dashboard: the council's line this quarter (СОШ №20's mentor was there) and the partners' share.
  await m.goto("/levokumsky/district");
  const open = m.getByRole("region", { name: "Открытое наставничество: Совет наставников и партнёры" });
  const councilLine = open.getByRole("table", { name: /^Совет наставников в [1-4] квартале \d{4} года$/ });
  await expect(councilLine.getByRole("row").filter({ hasText: "Школ, наставники которых участвовали в заседании" }).getByRole("cell").nth(1)).toHaveText(/^[1-9]\d* из \d+$/);
  await expect(councilLine.getByRole("row").filter({ hasText: "Заседаний Совета в квартале" }).getByRole("cell").nth(1)).toHaveText(/^[1-9]\d*$/);
  await expect(open.getByRole("table", { name: "Доля организаций-партнёров, предоставивших наставников" })).toContainText("Реестры образовательных организаций");
  await expectAccessible(m);

  // 5. Each school's curator: its own people only.
  await p14.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Районные сообщества" }).click();
  await expect(p14.getByRole("heading", { level: 1 })).toHaveText("Районные сообщества");
  const own14 = p14.getByRole("table", { name: "Участие педагогов школы в районных сообществах" }).getByRole("row").filter({ hasText: teacher });
  await expect(own14).toContainText(council);
  await expect(own14).toContainText(ruDate(today));
  await expect(p14.getByRole("main")).not.toContainText("Волков");
  await expectAccessible(p14);

  const c20 = await signedInAs(browser, "curator@sosh20.demo");
  const p20 = c20.page;
  await p20.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Районные сообщества" }).click();
  const own20 = p20.getByRole("table", { name: "Участие педагогов школы в районных сообществах" });
  await expect(own20.getByRole("row").filter({ hasText: "Волков Сергей Николаевич" }).filter({ hasText: council })).toContainText(ruDate(today));
  await expect(own20.getByRole("row").filter({ hasText: "Новикова Дарья Андреевна" })).toContainText("Школа молодого учителя");
  await expect(p20.getByRole("main")).not.toContainText(teacher);
  await expectAccessible(p20);

  // 6. The methodist removes СОШ №20's mentor with a reason: he is listed among the former members, his school sees it.
  await m.goto(councilUrl);
  const removal = members.getByRole("form", { name: "Исключить из сообщества: Волков Сергей Николаевич" });
  await removal.getByLabel("Причина").fill("Перешёл в другой округ");
  await removal.getByRole("button", { name: "Исключить" }).click();
  const former = m.getByRole("table", { name: "Выбывшие участники" });
  await expect(former.getByRole("row").filter({ hasText: "Волков Сергей Николаевич" })).toContainText("Перешёл в другой округ");
  await expect(members).not.toContainText("Волков");
  await expectAccessible(m);
  await p20.reload();
  await expect(own20.getByRole("row").filter({ hasText: "Волков Сергей Николаевич" }).filter({ hasText: council })).toContainText("Перешёл в другой округ");
  await c20.context.close();

  // 7. СОШ № 14 records that the teacher withdrew her consent: the office keeps no name of hers, only a nameless
  // former member (her attendance still counts); her school still sees her and that she left.
  await p14.goto(`/sosh-14/people?q=${encodeURIComponent(teacher)}`);
  await p14.getByRole("link", { name: `${teacher} Алина` }).click();
  const revoke = p14.getByRole("form", { name: /^Отозвать: / });
  await revoke.getByLabel("Причина отзыва").fill("Заявление об отзыве согласия");
  await revoke.getByRole("button", { name: "Отозвать" }).click();
  await expect(p14.getByRole("form", { name: /^Отозвать: / })).toHaveCount(0);
  await m.reload();
  await expect(former.getByRole("row").filter({ hasText: "Имя удалено (согласие отозвано)" })).toContainText("МАОУ «СОШ № 14»");
  await expect(m.getByRole("main")).not.toContainText(teacher);
  await m.getByRole("table", { name: "Заседания сообщества" }).getByRole("link", { name: ruDate(today) }).click();
  await expect(m.getByRole("main")).toContainText("Присутствовали 2 из 2");
  await expect(m.getByRole("main")).not.toContainText(teacher);
  await methodist.context.close();
  await p14.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Районные сообщества" }).click();
  await expect(p14.getByRole("table", { name: "Участие педагогов школы в районных сообществах" }).getByRole("row").filter({ hasText: teacher })).toContainText("Согласие на участие в сообществах отозвано");
  await c14.context.close();
});
