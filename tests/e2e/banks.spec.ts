import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newVisitor, serverDate, signedInAs } from "./helpers";
import { docxXml } from "../setup/files";

const FIXTURE = path.join(__dirname, "..", "fixtures", "people", "teachers-40-cp1251.csv");

// Four of the forty teachers in the fixture: two become mentees (through their needs questionnaire),
// two become mentors approved by the director.
const MENTEES = ["Волкова Анна Дмитриевна", "Егорова Юлия Андреевна"];
const MENTORS = ["Петров Сергей Александрович", "Михайлова Ирина Сергеевна"];
const POSITIONS: Record<string, string> = { "Петров Сергей Александрович": "Учитель физики", "Михайлова Ирина Сергеевна": "Учитель биологии" };

async function openPerson(page: Page, name: string) {
  // The list is paged (other specs add people to СОШ № 20 meanwhile): find the person by name, as a curator would.
  await page.goto(`/sosh-20/people?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function recordConsent(page: Page, name: string, purposes: string[]) {
  await openPerson(page, name);
  const form = page.getByRole("region", { name: "Записать согласие" });
  for (const purpose of purposes) await form.getByLabel(purpose).check();
  await form.getByLabel("Дата согласия").fill(serverDate(-20));
  await form.getByRole("button", { name: "Записать согласие" }).click();
  await expect(form.getByRole("status")).toContainText("Согласие записано");
}

/** Marks every one-off activity of a stage done, as the curator does on the roadmap. */
async function finishStage(page: Page, stage: number) {
  await page.goto(`/sosh-20/program/roadmap?stage=${stage}`);
  const table = page.getByRole("table", { name: "Мероприятия дорожной карты" });
  await expect(table).toBeVisible();
  const count = (await table.getByRole("row").count()) - 1;
  for (let i = 1; i <= count; i++) {
    const form = page.getByRole("form", { name: `Статус: ${stage}.${i}` });
    await table.getByRole("row").nth(i).getByText("Изменить статус").click();
    await form.getByLabel("Статус").selectOption("DONE");
    await form.getByLabel("Подтверждение").fill(`Протокол № ${stage}.${i}`);
    await form.getByRole("button", { name: "Сохранить" }).click();
    await expect(form.getByRole("status")).toHaveText("Сохранено.");
  }
}

async function advance(page: Page, to: number) {
  await page.goto("/sosh-20/program");
  await expect(page.getByText("Условия завершения этапа выполнены — можно переходить дальше.")).toBeVisible();
  await page.getByRole("button", { name: `Перейти к этапу ${to}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Программа переведена на этап ${to}.` })).toBeVisible();
}

// Two journeys on СОШ № 20, in order: the banks (stages 2–4), then the pairs (stage 5).
test.describe.configure({ mode: "serial" });

test("a curator imports 40 teachers, records consents, builds both banks, the director approves two mentors, and the program passes stages 2–4", async ({ browser }) => {
  // 250 s measured on a shared 2-core machine at load 20 (≈ 90 s when quiet): the cap keeps a 2× margin.
  test.setTimeout(600_000);
  const curator = await signedInAs(browser, "curator@sosh20.demo");
  const page = curator.page;

  // 1. Import a Windows-1251 CSV exported from Russian Excel.
  await page.goto("/sosh-20/people");
  await page.getByRole("link", { name: "Импорт из Excel / CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Импорт людей из Excel / CSV" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Файл со списком (.xlsx или .csv)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText("Строк с данными: 40. Будет добавлено: 40. Повторов (будут пропущены): 0. Строк с ошибками: 0.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Первые строки файла так, как они будут импортированы" })).toContainText("Смирнова");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Импортировать 40 человек" }).click();
  // The import runs as a background task (decision 057): its page shows the progress, then the report.
  await expect(page).toHaveURL(/\/sosh-20\/tasks\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Добавлено людей: 40.")).toBeVisible();
  await page.goto("/sosh-20/people");
  for (const name of [...MENTEES, ...MENTORS]) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();

  // 2. Consents: bank + surveys for the mentees, bank + pairs for the mentors.
  for (const name of MENTEES) await recordConsent(page, name, ["Включение в банк наставников / наставляемых", "Анкетирование и мониторинг", "Участие в наставнической паре / группе"]);
  for (const name of MENTORS) await recordConsent(page, name, ["Включение в банк наставников / наставляемых", "Участие в наставнической паре / группе"]);
  await expectAccessible(page);

  // 3. The needs questionnaire, sent by one-time links to the two mentees.
  await page.goto("/sosh-20/surveys");
  await expectAccessible(page);
  const create = page.getByRole("region", { name: "Создать анкету" });
  await create.getByLabel("Шаблон").selectOption({ label: "Анкета наставляемого" });
  await create.getByRole("button", { name: "Создать анкету" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Анкета наставляемого");
  const surveyUrl = page.url();
  await expectAccessible(page);
  const recipients = page.getByRole("region", { name: "Добавить адресатов" });
  for (const name of MENTEES) await recipients.getByRole("checkbox", { name: new RegExp(name) }).check();
  // A teacher without a survey consent cannot be asked, and the form says why.
  await expect(recipients.getByRole("checkbox", { name: new RegExp(MENTORS[0]!) })).toBeDisabled();
  await recipients.getByRole("button", { name: "Добавить отмеченных" }).click();
  await expect(recipients.getByText("Добавлено: 2; уже были в списке: 0.")).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Отправить анкету" }).click();
  const links = page.getByRole("table", { name: "Одноразовые ссылки на анкету" });
  await expect(links.getByRole("row")).toHaveCount(3);
  await expectAccessible(page);
  const linkOf = async (name: string) => new URL((await links.getByRole("row").filter({ hasText: name }).locator("code").innerText()).trim()).pathname;
  const paths = [await linkOf(MENTEES[0]!), await linkOf(MENTEES[1]!)];

  // 4. Each mentee answers through their link, without an account; a second use is refused.
  const answers = [
    { category: "Молодой педагог (стаж до 3 лет)", difficulties: ["Дисциплина, управление классом", "Работа с родителями"], request: "Как держать дисциплину в 7 классе" },
    { category: "Молодой педагог (стаж до 3 лет)", difficulties: ["Планирование и проведение уроков (занятий)"], request: "Планирование уроков ОБЗР" },
  ];
  for (const [i, path] of paths.entries()) {
    const visitor = await newVisitor(browser);
    await visitor.page.goto(path);
    await expect(visitor.page.getByRole("heading", { level: 1 })).toContainText("Анкета наставляемого");
    await expectAccessible(visitor.page);
    const a = answers[i]!;
    await visitor.page.getByRole("group", { name: /К какой категории наставляемых/ }).getByLabel(a.category).check();
    const group = visitor.page.getByRole("group", { name: /В чём вы испытываете затруднения/ });
    for (const d of a.difficulties) await group.getByLabel(d).check();
    await visitor.page.getByLabel(/Сформулируйте ваш запрос к наставнику/).fill(a.request);
    await visitor.page.getByRole("button", { name: "Отправить ответы" }).click();
    await expect(visitor.page.getByText("Спасибо! Ответы отправлены.")).toBeVisible();
    await visitor.page.goto(path);
    await expect(visitor.page.getByRole("heading", { level: 1, name: "Ссылка уже использована" })).toBeVisible();
    await expectAccessible(visitor.page);
    await visitor.context.close();
  }

  // 5. The curator builds the mentee bank from the answers.
  await page.goto(surveyUrl);
  await expect(page.getByRole("region", { name: /Адресаты: ответили 2 из 2/ })).toBeVisible();
  const respondents = page.getByRole("table", { name: "Адресаты анкеты" });
  for (const name of MENTEES) {
    const row = respondents.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: "В банк наставляемых" }).click();
    await expect(row).toContainText("уже в банке");
  }
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Банк наставляемых" }).click();
  const menteeBank = page.getByRole("table", { name: "Записи банка" });
  await expect(menteeBank.getByRole("row").filter({ hasText: MENTEES[0]! })).toContainText("Дисциплина, управление классом");
  await expect(menteeBank.getByRole("row").filter({ hasText: MENTEES[1]! })).toContainText("Анкета самого наставляемого");
  await expectAccessible(page);

  // 6. The mentor bank: two candidates, each trained at the induction session.
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Банк наставников" }).click();
  const addMentor = page.getByRole("form", { name: "Добавить кандидата в наставники" });
  for (const name of MENTORS) {
    await addMentor.getByLabel("Человек").selectOption({ label: `${name}, ${POSITIONS[name]}` });
    await addMentor.getByLabel("Сколько наставляемых может вести").fill("2");
    await addMentor.getByLabel("Помогает с практическими приёмами ведения урока, дисциплиной").check();
    await addMentor.getByLabel("Опыт работы с родителями").check();
    await addMentor.getByRole("button", { name: "Добавить в банк" }).click();
    await expect(addMentor.getByRole("status")).toHaveText("Добавлено в банк.");
  }
  await expectAccessible(page);
  // The banks are paged like the people list: each mentor is found by name.
  for (const name of MENTORS) {
    await page.goto(`/sosh-20/mentors?q=${encodeURIComponent(name)}`);
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const training = page.getByRole("form", { name: "Записать обучение" });
    await training.getByLabel("Название (тема)").fill("Установочная сессия для наставников");
    await training.getByLabel("Дата окончания").fill(serverDate(-10));
    await training.getByLabel("Часов").fill("6");
    await training.getByRole("button", { name: "Записать обучение" }).click();
    await expect(page.getByRole("table", { name: "Пройденное обучение" })).toContainText("Установочная сессия для наставников");
  }
  await expectAccessible(page);

  // 7. The director approves both; the curator cannot.
  await expect(page.getByRole("button", { name: "Утвердить наставником" })).toHaveCount(0);
  const director = await signedInAs(browser, "director@sosh20.demo");
  for (const name of MENTORS) {
    await director.page.goto(`/sosh-20/mentors?q=${encodeURIComponent(name)}`);
    await director.page.getByRole("link", { name, exact: true }).click();
    director.page.once("dialog", (dialog) => dialog.accept());
    await director.page.getByRole("button", { name: "Утвердить наставником" }).click();
    await expect(director.page.getByText(/^Утверждён: Смирнова Елена Петровна/)).toBeVisible();
  }
  await expectAccessible(director.page);
  // The director sees the mentee bank without the mentees' difficulties.
  await director.page.goto("/sosh-20/mentees");
  await expect(director.page.getByRole("table", { name: "Записи банка" })).not.toContainText("Дисциплина, управление классом");
  // The head approves the mentees the curator brought, as the Положение says (decision 025): only approved
  // mentees are matched into pairs.
  const approval = director.page.getByRole("region", { name: "Утверждение наставляемых руководителем" });
  for (const name of MENTEES) await expect(approval.getByLabel(name)).toBeChecked();
  await expectAccessible(director.page);
  await approval.getByRole("button", { name: /^Утвердить выбранных/ }).click();
  await expect(approval.getByText(/^Утверждено наставляемых: \d+\.$/)).toBeVisible();
  for (const name of MENTEES) {
    await expect(director.page.getByRole("table", { name: "Записи банка" }).getByRole("row").filter({ hasText: name })).toContainText(/утверждён \d\d\.\d\d\.\d{4}/);
  }

  // 8. The program passes the gates of stages 2, 3 and 4.
  await page.goto("/sosh-20/program");
  await expect(page.getByText("Нет ни одного наставляемого с записанными запросами")).toHaveCount(0);
  for (const stage of [2, 3, 4]) {
    await finishStage(page, stage);
    await advance(page, stage + 1);
  }
  await page.reload();
  await expect(page.getByRole("listitem").filter({ has: page.getByText("текущий этап") })).toContainText("Формирование наставнических пар / групп");
  await expectAccessible(page);

  await director.context.close();
  await curator.context.close();
});

test("the curator proposes the whole school's pairs, adjusts one; the director approves the batch and downloads the order; pairs get programs and meetings; stage 5 is passed", async ({ browser }) => {
  test.setTimeout(360_000);
  const curator = await signedInAs(browser, "curator@sosh20.demo");
  const page = curator.page;

  // 1. Whole-school matching, one pair adjusted by hand, proposed to the director.
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Пары и группы" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Пары и группы" })).toBeVisible();
  await expectAccessible(page);
  const matching = page.getByRole("region", { name: "Подбор наставников" });
  await matching.getByRole("button", { name: "Подобрать" }).click();
  const proposal = matching.getByRole("table", { name: "Предложенные пары" });
  await expect(proposal.getByRole("row")).toHaveCount(3);
  await expect(proposal).toContainText(MENTEES[0]!);
  await expect(proposal).toContainText(MENTEES[1]!);
  await proposal.getByText("Почему").first().click();
  await expect(proposal).toContainText("Затруднения и компетенции: +8.0 (закрывает 2 из 2 затруднений");
  await expectAccessible(page);
  // The curator gives the first mentee the other mentor and names the direction.
  const first = proposal.getByRole("row").filter({ hasText: MENTEES[0]! });
  const current = await first.getByLabel(`Наставник для: ${MENTEES[0]}`).inputValue();
  const otherMentor = await first.getByLabel(`Наставник для: ${MENTEES[0]}`).locator("option").evaluateAll((options, value) => options.find((o) => (o as HTMLOptionElement).value !== value)!.textContent, current);
  await first.getByLabel(`Наставник для: ${MENTEES[0]}`).selectOption({ label: otherMentor! });
  await first.getByLabel(`Направление: ${MENTEES[0]}`).fill("Адаптация молодого педагога");
  await matching.getByRole("button", { name: "Предложить 2 пары руководителю" }).click();
  await expect(matching.getByRole("status")).toContainText("Пары отправлены руководителю на утверждение.");
  const inbox = page.getByRole("region", { name: "На утверждении у руководителя" });
  await expect(inbox).toContainText(`${otherMentor} — ${MENTEES[0]}`);

  // 2. The director records the mentors' written consents to the additional duties (ТК ст. 60.2) — the pairs
  // order cites them and is not formed without them — then approves the batch: one order, downloadable as .docx.
  const director = await signedInAs(browser, "director@sosh20.demo");
  for (const name of MENTORS) {
    await director.page.goto(`/sosh-20/mentors?q=${encodeURIComponent(name)}`);
    await director.page.getByRole("link", { name, exact: true }).click();
    const duties = director.page.getByRole("region", { name: "Согласие на дополнительную работу наставника" });
    await expect(duties).toContainText("Согласие ещё не записано.");
    await director.page.getByRole("form", { name: "Согласие на дополнительную работу наставника" }).getByRole("button", { name: "Записать согласие" }).click();
    await expect(duties).toContainText("Согласие подписано");
  }
  await director.page.goto("/sosh-20/pairs");
  const directorInbox = director.page.getByRole("region", { name: "На утверждении у руководителя" });
  await expect(directorInbox.getByRole("checkbox")).toHaveCount(2);
  await expectAccessible(director.page);
  await directorInbox.getByRole("button", { name: "Утвердить отмеченные и сформировать приказ" }).click();
  await expect(directorInbox.getByRole("status")).toContainText("Пары утверждены, приказ № 1-НП зарегистрирован.");
  await director.page.reload();
  await expect(director.page.getByRole("table", { name: "Пары и группы" }).getByRole("row")).toHaveCount(3);
  const download = director.page.waitForEvent("download");
  await director.page.getByRole("link", { name: "Скачать приказ № 1-НП (.docx)" }).click();
  const file = await (await download).path();
  const xml = await docxXml(await readFile(file));
  expect(xml).toContain("О закреплении наставнических пар / групп");
  expect(xml).toContain(MENTEES[0]!);
  await expectAccessible(director.page);

  // 3. Each pair gets its personalized program; the first logs its intro, trial and planning meetings.
  await page.goto("/sosh-20/pairs");
  const pairs = page.getByRole("table", { name: "Пары и группы" });
  for (const mentee of MENTEES) {
    // The pairs list is paged: each pair is found by its mentee's name.
    await page.goto(`/sosh-20/pairs?q=${encodeURIComponent(mentee)}`);
    await pairs.getByRole("row").filter({ hasText: mentee }).getByRole("link").click();
    await page.getByRole("link", { name: "Персонализированная программа" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Персонализированная программа наставничества");
    await page.getByRole("button", { name: "Заполнить по шаблону" }).click();
    await expect(page.getByText("Программа заполнена по шаблону.")).toBeVisible();
    await expect(page.getByRole("table", { name: "План мероприятий персонализированной программы" })).toBeVisible();
  }
  // The template filled the whole shape: working mode, tasks, intermediate results, a meeting schedule.
  const programForm = page.getByRole("form", { name: "Персонализированная программа пары" });
  await expect(programForm.getByLabel("Форма работы")).toHaveValue("IN_PERSON");
  await expect(programForm.getByLabel("Задачи")).not.toHaveValue("");
  await expect(programForm.getByLabel("Промежуточные результаты")).not.toHaveValue("");
  const schedule = page.getByRole("table", { name: "График встреч персонализированной программы" });
  await expect(schedule.getByRole("row").filter({ hasText: "Знакомство, выявление профессиональных затруднений" })).toContainText("Запланирована");
  // The curator approves the program; the .docx carries the new sections and the approval.
  const approval = page.getByRole("region", { name: "Согласование с куратором" });
  await expect(approval).toContainText("Черновик: программа ещё не согласована куратором.");
  page.once("dialog", (dialog) => dialog.accept());
  await approval.getByRole("button", { name: "Согласовать программу" }).click();
  await expect(approval.getByText("Программа согласована.", { exact: true })).toBeVisible();
  await expect(approval).toContainText("Согласована: ");
  const programDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать программу (.docx)" }).click();
  const programXml = await docxXml(await readFile(await (await programDownload).path()));
  for (const text of ["Форма работы", "Очно", "Задачи:", "График встреч", "Промежуточные результаты", "СОГЛАСОВАНО"]) expect(programXml).toContain(text);
  // Changing the plan after the approval returns the program to the draft, and the page says so.
  await programForm.getByLabel("Форма работы").selectOption({ label: "Смешанно" });
  await programForm.getByRole("button", { name: "Сохранить" }).click();
  await expect(programForm.getByRole("status")).toContainText("программа вернулась в черновик");
  await expect(approval).toContainText("после согласования");
  await expect(approval.getByRole("button", { name: "Согласовать программу" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Встречи пары" }).click();
  const log = page.getByRole("table", { name: "Журнал встреч" });
  for (const kind of ["Встреча-знакомство", "Пробная рабочая встреча", "Встреча-планирование"]) {
    const form = page.getByRole("form", { name: "Отметить встречу" });
    await form.getByLabel("Вид встречи").selectOption({ label: kind });
    // The intro is the planned one of the schedule: logging it holds it.
    if (kind === "Встреча-знакомство") {
      const option = await form.getByLabel("Запланированная встреча графика").locator("option", { hasText: kind }).textContent();
      await form.getByLabel("Запланированная встреча графика").selectOption({ label: option! });
    }
    await form.getByRole("button", { name: "Отметить встречу" }).click();
    await expect(form.getByRole("status")).toContainText("Встреча отмечена.");
    await expect(log.getByRole("row").filter({ hasText: kind })).toBeVisible();
  }
  const planAndFact = page.getByRole("table", { name: "График встреч: план и факт" });
  await expect(planAndFact.getByRole("row").filter({ hasText: "Встреча-знакомство" })).toContainText("Проведена");
  await expect(planAndFact.getByRole("row").filter({ hasText: "Итоговая встреча" })).toContainText("Запланирована");
  await expect(log.getByRole("row")).toHaveCount(4);
  await expectAccessible(page);

  // 4. Stage 5 asks each pair's program approved by the curator: with the roadmap's activities done, the
  // program page names the two programs still in draft (the first never approved, the second changed since).
  await finishStage(page, 5);
  await page.goto("/sosh-20/program");
  await expect(page.getByText("Не согласованы куратором персонализированные программы пар: 2 (черновик или план изменён после согласования).")).toBeVisible();
  await expect(page.getByText("Условия завершения этапа выполнены — можно переходить дальше.")).toHaveCount(0);
  for (const mentee of MENTEES) {
    await page.goto(`/sosh-20/pairs?q=${encodeURIComponent(mentee)}`);
    await pairs.getByRole("row").filter({ hasText: mentee }).getByRole("link").click();
    await page.getByRole("link", { name: "Персонализированная программа" }).click();
    const curatorApproval = page.getByRole("region", { name: "Согласование с куратором" });
    page.once("dialog", (dialog) => dialog.accept());
    await curatorApproval.getByRole("button", { name: "Согласовать программу" }).click();
    await expect(curatorApproval.getByText("Программа согласована.", { exact: true })).toBeVisible();
  }
  // Stage 5 is done: pairs by order, each with its approved program.
  await advance(page, 6);
  await director.context.close();
  await curator.context.close();
});
