import { expect, test } from "@playwright/test";
import { expectAccessible, newMember, ruDate, serverAcademicYear, serverDate, signedInAs, uniqueSuffix } from "./helpers";

// Issue #19 items 2–3: the home page says what to do next. A mentor linked to a working pair logs a meeting
// from the home page in two taps (the button, then «Отметить встречу»); the director sees what waits for a
// signature; the methodist sees the schools that need attention.

test("a mentor linked to a pair logs a meeting from the home page", async ({ browser }) => {
  const director = await signedInAs(browser, "director@kovalevskaya.demo");
  const name = `Тарасов Игорь ${uniqueSuffix()}`;
  const mentor = await newMember(browser, director.page, "kovalevskaya-oosh", "Наставник", name);

  // Before the card is linked the home page says how to get there.
  await mentor.page.goto("/kovalevskaya-oosh");
  const pairs = mentor.page.getByRole("region", { name: "Мои пары" });
  await expect(pairs).toContainText("не связана с карточкой участника");

  // The director links the teacher's card (Тарасов, the mentor of an ordered pair) to the new account.
  await director.page.goto("/kovalevskaya-oosh/people");
  await director.page.getByRole("link", { name: /^Тарасов Игорь Петрович/ }).click();
  await director.page.getByLabel("Участник организации").selectOption({ label: `${name} (${mentor.email})` });
  await director.page.getByRole("button", { name: "Сохранить связь" }).click();
  await expect(director.page.getByRole("form", { name: /учётн/i }).getByText("Сохранено.")).toBeVisible();

  await mentor.page.reload();
  await expect(pairs).toContainText("Вы — наставник: Фёдорова Марина Алексеевна");
  await expectAccessible(mentor.page);
  await pairs.getByRole("link", { name: "Отметить встречу" }).click(); // tap 1
  const form = mentor.page.getByRole("form", { name: "Отметить встречу" });
  await form.getByLabel("Вид встречи").selectOption({ label: "Регулярная встреча" });
  // Today — or, in June–August, the last day of the demo's personal programs (31 May): a meeting after its
  // program is refused, as it should be.
  const programsEnd = `${serverAcademicYear() + 1}-05-31`;
  const day = serverDate(0, "Europe/Moscow") < programsEnd ? serverDate(0, "Europe/Moscow") : programsEnd;
  await form.getByLabel("Дата").fill(day);
  await form.getByRole("button", { name: "Отметить встречу" }).click(); // tap 2
  await expect(form.getByText(/Встреча отмечена/)).toBeVisible();

  await mentor.page.goto("/kovalevskaya-oosh");
  await expect(pairs).toContainText(`Последняя встреча: ${ruDate(day)}.`);
  await mentor.context.close();
  await director.context.close();
});

test("the director sees what waits for a decision, the methodist the schools that need attention", async ({ browser }) => {
  const director = await signedInAs(browser, "director@sosh20.demo");
  // The director registers an act of their own: it waits for their approval, and the home page says so.
  await director.page.goto("/sosh-20/acts");
  const number = `Д-${uniqueSuffix()}`;
  await director.page.getByLabel("Вид").selectOption({ label: "Иной акт" });
  await director.page.getByLabel("Номер").fill(number);
  await director.page.getByLabel("Дата").fill(serverDate(0, "Europe/Moscow"));
  await director.page.getByLabel("Заголовок").fill("О плане методической недели");
  await director.page.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(director.page.getByRole("table", { name: "Реестр локальных актов" })).toContainText(number);
  await director.page.goto("/sosh-20");
  const waiting = director.page.getByRole("region", { name: "Ждут вашего решения" });
  const acts = waiting.getByRole("link", { name: /^Локальные акты на утверждение: [1-9]\d*$/ });
  await expect(acts).toBeVisible();
  const todo = director.page.getByRole("region", { name: "Что сделать" });
  // Other specs move this school's program through its stages in parallel: the line's shape, not its stage.
  await expect(todo).toContainText(/Программа \d{4}\/\d{4}: этап \d из 7 — «.+»\./);
  await expect(todo.getByRole("link", { name: "Вся дорожная карта" })).toBeVisible();
  await expectAccessible(director.page);
  await acts.click();
  await expect(director.page.getByRole("table", { name: "Реестр локальных актов" })).toContainText(number);
  await director.context.close();

  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  await methodist.page.goto("/levokumsky");
  const district = methodist.page.getByRole("region", { name: "Организации, которым нужно внимание" });
  await expect(district).toContainText(/Требуют внимания: \d+ из \d+\./);
  await expect(district.getByRole("table").getByRole("link").first()).toBeVisible();
  await expectAccessible(methodist.page);
  await methodist.context.close();
});
