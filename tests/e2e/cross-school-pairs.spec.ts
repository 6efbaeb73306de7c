import { expect, test } from "@playwright/test";
import { expectAccessible, signedInAs } from "./helpers";

// Cross-school pairs (issue #17 item 1, decision 058) on the demo district: СОШ № 1 (school A) pairs its young
// teacher Кравченко with Мельникова, the open mentor of Ковалевская ООШ (school B, same municipality). B's head
// consents, A's head approves by order, A's curator writes the pair's personalized program and A's head approves it
// (decision 062), both schools see the pair and log a meeting, B's mentor reads the plan but not the mentee's
// difficulties; СОШ № 20 (school C) and the methodist cannot open it.

const A = "sosh-1";
const B = "kovalevskaya-oosh";
const MENTEE = "Кравченко Ирина Олеговна";
const MENTOR = "Мельникова Ольга Ивановна";

test("school A proposes a pair with school B's mentor; B's head consents, A's head approves; both log meetings; C and the methodist are kept out", async ({ browser }) => {
  test.setTimeout(300_000);

  // 1. A's curator starts from the district mentor bank and proposes the pair.
  const curator = await signedInAs(browser, `curator@sosh1.demo`);
  await curator.page.goto(`/${A}/district-mentors`);
  await expectAccessible(curator.page);
  await curator.page.getByRole("link", { name: "Предложить пару с наставником другой организации" }).click();
  await expect(curator.page).toHaveURL(new RegExp(`/${A}/cross-pairs`));
  const propose = curator.page.getByRole("form", { name: "Пара с наставником другой организации" });
  await propose.getByLabel("Наставляемый").selectOption({ label: MENTEE });
  const option = propose.getByLabel("Наставник").locator("option", { hasText: `${MENTOR} — БОУ «Ковалевская ООШ»` });
  await propose.getByLabel("Наставник").selectOption(await option.getAttribute("value"));
  await propose.getByLabel("Направление работы (необязательно)").fill("Планирование уроков");
  await expectAccessible(curator.page);
  await propose.getByRole("button", { name: "Предложить пару" }).click();
  const owned = curator.page.getByRole("table", { name: "Наставляемые нашей организации с наставниками других организаций" });
  const row = owned.getByRole("row").filter({ hasText: MENTEE });
  await expect(row).toContainText("Ждёт согласия руководителя организации наставника");
  const pairPath = await row.getByRole("link").getAttribute("href");
  expect(pairPath).toMatch(new RegExp(`^/${A}/cross-pairs/[0-9a-f-]{36}$`));
  const pairId = pairPath!.split("/").pop()!;

  // 2. B's head finds it in the consent inbox and consents.
  const bHead = await signedInAs(browser, "director@kovalevskaya.demo");
  await bHead.page.goto(`/${B}/cross-pairs`);
  const inbox = bHead.page.getByRole("region", { name: "Согласие руководителя организации наставника" });
  await expect(inbox).toContainText(MENTEE);
  await expectAccessible(bHead.page);
  await inbox.getByRole("link", { name: new RegExp(MENTEE) }).click();
  await expect(bHead.page).toHaveURL(`/${B}/cross-pairs/${pairId}`);
  await expectAccessible(bHead.page);
  await bHead.page.getByRole("button", { name: "Дать согласие" }).click();
  const bDetails = bHead.page.getByRole("region", { name: "Сведения о паре" });
  await expect(bDetails).toContainText("Согласована организацией наставника, ждёт приказа");
  // B never sees the mentee bank's request or difficulties.
  await expect(bHead.page.locator("body")).not.toContainText("Планирование уроков в 5-х классах");

  // 3. A's head approves it by order.
  const aHead = await signedInAs(browser, "director@sosh1.demo");
  await aHead.page.goto(pairPath!);
  const approve = aHead.page.getByRole("form", { name: "Утверждение пары приказом" });
  await expectAccessible(aHead.page);
  await approve.getByRole("button", { name: "Утвердить приказом" }).click();
  const aDetails = aHead.page.getByRole("region", { name: "Сведения о паре" });
  await expect(aDetails).toContainText("Работает (утверждена приказом)");
  await expect(aDetails).toContainText(/№ \d+-НП от \d\d\.\d\d\.\d{4}/);

  // 3b. Its personalized program (decision 062): A's curator fills it from the template, A's head approves it.
  await curator.page.goto(pairPath!);
  await curator.page.getByRole("link", { name: "Персонализированная программа" }).click();
  await expect(curator.page).toHaveURL(`${pairPath}/program`);
  await expect(curator.page.getByRole("heading", { level: 1 })).toContainText("Персонализированная программа наставничества");
  await curator.page.getByRole("button", { name: "Заполнить по шаблону" }).click();
  await expect(curator.page.getByText("Программа заполнена по шаблону.")).toBeVisible();
  await expect(curator.page.getByRole("table", { name: "План мероприятий персонализированной программы" })).toBeVisible();
  await expectAccessible(curator.page);
  await aHead.page.goto(`${pairPath}/program`);
  const approval = aHead.page.getByRole("region", { name: "Согласование с куратором" });
  await expect(approval).toContainText("Черновик: программа ещё не согласована куратором.");
  aHead.page.once("dialog", (dialog) => dialog.accept());
  await approval.getByRole("button", { name: "Согласовать программу" }).click();
  await expect(approval.getByText("Программа согласована.", { exact: true })).toBeVisible();
  // The owner reads the mentee's difficulties the program addresses (Кравченко's: lesson planning).
  await expect(aHead.page.getByRole("region", { name: "Программа" })).toContainText("Планирование и проведение уроков (занятий)");
  await expectAccessible(aHead.page);
  await aHead.page.context().close();

  // 4. A's curator logs a meeting; B's mentor (Мельникова's own account) sees the pair and logs one too.
  await curator.page.goto(pairPath!);
  const meetings = curator.page.getByRole("region", { name: "Встречи" });
  await meetings.getByLabel("Вид встречи").selectOption({ label: "Встреча-знакомство" });
  await meetings.getByLabel("Заметки").fill("Знакомство, цели на полугодие");
  await meetings.getByRole("button", { name: "Записать встречу" }).click();
  await expect(meetings.getByRole("table", { name: "Встречи" })).toContainText("Знакомство, цели на полугодие");
  await expectAccessible(curator.page);
  await curator.context.close();

  const mentor = await signedInAs(browser, "mentor@kovalevskaya.demo");
  await mentor.page.goto(`/${B}/my-pairs`);
  await mentor.page.getByRole("link", { name: "Пары с наставниками других организаций" }).click();
  const mine = mentor.page.getByRole("table", { name: "Наставники нашей организации в парах других организаций" });
  await expect(mine.getByRole("row").filter({ hasText: MENTEE })).toContainText("Работает (утверждена приказом)");
  await expectAccessible(mentor.page);
  await mine.getByRole("link", { name: new RegExp(MENTEE) }).click();
  const mentorMeetings = mentor.page.getByRole("region", { name: "Встречи" });
  await mentorMeetings.getByLabel("Заметки").fill("Разбор урока в 5 классе");
  await mentorMeetings.getByRole("button", { name: "Записать встречу" }).click();
  const table = mentorMeetings.getByRole("table", { name: "Встречи" });
  await expect(table).toContainText("Разбор урока в 5 классе");
  await expect(table).toContainText("Знакомство, цели на полугодие");
  await expectAccessible(mentor.page);
  // B's mentor reads the plan A wrote and approved — never the mentee's difficulties — and cannot change it.
  await mentor.page.getByRole("link", { name: "Персонализированная программа" }).click();
  await expect(mentor.page).toHaveURL(`/${B}/cross-pairs/${pairId}/program`);
  await expect(mentor.page.getByRole("region", { name: "Согласование с куратором" })).toContainText("Согласована: ");
  await expect(mentor.page.getByRole("region", { name: "Программа" })).toContainText("Успешная адаптация педагога");
  await expect(mentor.page.getByRole("table", { name: "План мероприятий персонализированной программы" })).toContainText("Посещение уроков наставника");
  await expect(mentor.page.getByRole("table", { name: "График встреч персонализированной программы" })).toBeVisible();
  await expect(mentor.page.locator("body")).not.toContainText("Затруднения, на преодоление которых");
  await expect(mentor.page.locator("body")).not.toContainText("Планирование и проведение уроков (занятий)");
  await expect(mentor.page.locator("body")).not.toContainText("Планирование уроков в 5-х классах");
  await expect(mentor.page.getByRole("button", { name: "Согласовать программу" })).toHaveCount(0);
  await expect(mentor.page.getByRole("form", { name: "Персонализированная программа пары" })).toHaveCount(0);
  await expectAccessible(mentor.page);
  // The .docx names the difficulties: the owner's only.
  expect((await mentor.page.request.get(`/${B}/cross-pairs/${pairId}/program/docx`)).status()).toBe(404);
  await mentor.context.close();

  // B's head sees both meetings too.
  await bHead.page.reload();
  await expect(bHead.page.getByRole("table", { name: "Встречи" }).getByRole("row")).toHaveCount(3);
  await bHead.context.close();

  // 5. School C's curator and the methodist cannot open it.
  const other = await signedInAs(browser, "curator@sosh20.demo");
  expect((await other.page.goto(`/sosh-20/cross-pairs/${pairId}`))?.status()).toBe(404);
  await expect(other.page.locator("body")).not.toContainText(MENTEE);
  expect((await other.page.goto(`/sosh-20/cross-pairs/${pairId}/program`))?.status()).toBe(404);
  expect((await other.page.goto(pairPath!))?.status()).toBe(403);
  await expect(other.page.locator("body")).not.toContainText(MENTEE);
  await other.page.goto("/sosh-20/cross-pairs");
  await expect(other.page.locator("body")).not.toContainText(MENTEE);
  await expectAccessible(other.page);
  await other.context.close();

  const methodist = await signedInAs(browser, "methodist@levokumsky.demo");
  expect((await methodist.page.goto(`/levokumsky/cross-pairs/${pairId}`))?.status()).toBe(403);
  expect((await methodist.page.goto(pairPath!))?.status()).toBe(403);
  await expect(methodist.page.locator("body")).not.toContainText(MENTEE);
  await expectAccessible(methodist.page);
  await methodist.context.close();
});
