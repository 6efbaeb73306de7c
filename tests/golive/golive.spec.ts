import ExcelJS from "exceljs";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { docxFileText as docxText } from "../setup/files";
import { acceptInvitation, expectAccessible, newVisitor } from "../e2e/helpers";
import { badInn, nthInn, nthOgrn } from "../fixtures/registry/numbers";
import { letters, letterTo, linkIn, setPasswordThrough, setupOutput, signInFresh } from "./journey";
import { GOLIVE } from "./ports";

// Going live from an EMPTY PostgreSQL database (issue #13 «Done when»), as one journey of steps that run in
// order and share its state (`journey`). tests/golive/serve.ts ran `npm run setup` and started one production
// instance; its SMTP sink keeps every letter (journey.ts reads them). Later steps (the head imports schools,
// a director, a curator, teachers…) continue from `journey`.
test.describe.configure({ mode: "serial" });

type Visitor = { page: Page; context: BrowserContext };
type Organization = { name: string; shortName: string; inn: string; ogrn: string; headEmail: string | null; slug?: string };

const journey: {
  operator?: Visitor & { password: string };
  municipality?: { name: string; slug: string; headEmail: string; invitationPath: string };
  head?: Visitor;
  school?: Organization;
  kindergarten?: Organization;
  director?: Visitor;
  curator?: Visitor;
  teachers?: { name: string; email: string }[];
  curatorLink?: string;
} = {};

test.afterAll(async () => {
  for (const v of [journey.operator, journey.head, journey.director, journey.curator]) await v?.context.close();
});

test("1. setup printed the operator's one-time link and e-mailed the same link", async ({ request }) => {
  const setup = await setupOutput(request);
  expect(setup.code).toBe(0);
  expect(setup.stdout).toContain(`создан оператор платформы: ${GOLIVE.operatorEmail}`);
  const letter = await letterTo(request, GOLIVE.operatorEmail, /оператор/i);
  const path = linkIn(letter, /\/reset-password\//);
  expect(setup.stdout).toContain(`http://localhost:${GOLIVE.port}${path}`);
  expect(letter.text).toContain("оператора платформы");
});

test("2. the operator sets the password through the e-mailed link, signs in and lands on the organizations page", async ({ browser, request }) => {
  const path = linkIn(await letterTo(request, GOLIVE.operatorEmail, /оператор/i), /\/reset-password\//);
  const password = "operator-golive-2026";
  const visitor = await newVisitor(browser);
  await setPasswordThrough(visitor.page, path, password);
  await expectAccessible(visitor.page);
  await visitor.context.close();

  const operator = await signInFresh(browser, GOLIVE.operatorEmail, password);
  await expect(operator.page).toHaveURL(/\/operator$/);
  await expect(operator.page.getByRole("heading", { level: 1 })).toHaveText("Организации платформы");
  await expect(operator.page.getByText("Организаций пока нет. Создайте регион или муниципалитет.")).toBeVisible();
  await expectAccessible(operator.page);
  // The link was one-time.
  await operator.page.goto(path);
  await expect(operator.page.getByRole("heading", { level: 1 })).toHaveText("Ссылка недействительна");
  await expectAccessible(operator.page);
  journey.operator = { ...operator, password };
});

test("3. the operator creates a municipality and invites its head", async () => {
  const { page } = journey.operator!;
  const municipality = {
    name: "Управление образования администрации Арзгирского муниципального округа",
    shortName: "УО Арзгирского МО",
    slug: "arzgir",
    headEmail: "head@arzgir.golive.test",
  };
  await page.goto("/operator");
  const form = page.getByRole("form", { name: "Новый регион или муниципалитет" });
  await form.getByLabel("Вид").selectOption({ label: "Муниципалитет" });
  await form.getByLabel("Полное наименование").fill(municipality.name);
  await form.getByLabel("Краткое наименование").fill(municipality.shortName);
  await form.getByLabel("Населённый пункт").fill("с. Арзгир");
  await form.getByLabel("Адрес в ссылках").fill(municipality.slug);
  await form.getByLabel("E-mail руководителя").fill(municipality.headEmail);
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(form.getByText(`адрес: /${municipality.slug}`)).toBeVisible();
  const link = form.getByLabel("Ссылка-приглашение (показывается один раз; действует 7 дней):");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const invitationPath = new URL(await link.inputValue()).pathname;
  const row = page.getByTestId(`org-${municipality.slug}`);
  await expect(row).toContainText(municipality.shortName);
  await expect(row).toContainText("Муниципалитет");
  await expect(row).toContainText("Действует");
  await expect(row).toContainText("Приглашён");
  await expectAccessible(page);
  journey.municipality = { name: municipality.name, slug: municipality.slug, headEmail: municipality.headEmail, invitationPath };
});

// The municipality's list: 20 schools and 10 kindergartens, as the head fills the template. ИНН/ОГРН are
// made up with valid check digits; the first school's and the first kindergarten's heads get e-mails.
const HEADERS = ["Полное наименование", "Краткое наименование", "Вид", "Населённый пункт", "Адрес", "ИНН", "ОГРН", "Должность руководителя", "ФИО руководителя", "E-mail руководителя"];
const LIST: (Organization & { kind: string; place: string })[] = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1;
  const kindergarten = n > 20;
  const number = kindergarten ? n - 20 : n;
  return {
    name: kindergarten
      ? `Муниципальное казённое дошкольное образовательное учреждение «Детский сад № ${number}» Арзгирского муниципального округа`
      : `Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа № ${number}» Арзгирского муниципального округа`,
    shortName: kindergarten ? `МКДОУ д/с № ${number}` : `МКОУ СОШ № ${number}`,
    kind: kindergarten ? "детский сад" : "школа",
    place: n % 3 === 0 ? "с. Петропавловское" : "с. Арзгир",
    inn: nthInn("2621", n),
    ogrn: nthOgrn("10226", n),
    headEmail: n === 1 ? "director@sosh1.arzgir.test" : n === 21 ? "head@ds1.arzgir.test" : null,
  };
});
const BAD_ROW = 7; // the sixth school: spreadsheet row 7 (row 1 is the header)

async function listXlsx(rows: typeof LIST): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Организации");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow([r.name, r.shortName, r.kind, r.place, null, r.inn, r.ogrn, null, null, r.headEmail]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";


/** The invitation letter to an address (the newest), and the path of its link. */
async function invitationFor(request: Parameters<typeof letterTo>[0], email: string) {
  const letter = await letterTo(request, email, /Приглашение/);
  return { letter, path: linkIn(letter, /\/invite\//) };
}

/** Creates the program with the school roadmap template and returns the text of its roadmap order (.docx). */
async function createProgramAndReadOrder(page: Page, slug: string): Promise<string> {
  await page.goto(`/${slug}/program`);
  await page.getByLabel("Дорожная карта").selectOption({ label: "Типовая дорожная карта школы (7 этапов, сентябрь → июнь)" });
  await page.getByRole("button", { name: "Создать программу" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Программа наставничества на");
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Приказ об утверждении дорожной карты (.docx)" }).click();
  return docxText(await (await download).path());
}

test("4. the municipality's head accepts the e-mailed invitation (the link the operator saw)", async ({ browser, request }) => {
  const municipality = journey.municipality!;
  const { letter, path } = await invitationFor(request, municipality.headEmail);
  expect(path).toBe(municipality.invitationPath);
  expect(letter.subject).toBe("Приглашение в «Наставник» — УО Арзгирского МО");
  expect(letter.text).toContain("Ваша роль: Начальник отдела образования.");
  journey.head = await acceptInvitation(browser, path, "Сидоренко Виктор Павлович", "head-golive-2026");
  await expect(journey.head.page).toHaveURL(new RegExp(`/${municipality.slug}$`));
  await expectAccessible(journey.head.page);
});

test("5. the head imports 30 schools and kindergartens: a bad ИНН refuses the file with its row number, the fixed file creates all 30", async () => {
  const { page } = journey.head!;
  const slug = journey.municipality!.slug;
  await page.goto(`/${slug}/schools`);
  await expect(page.getByText("Пока нет ни одной подведомственной организации.", { exact: false })).toBeVisible();
  await expectAccessible(page);

  const broken = LIST.map((r, i) => (i + 2 === BAD_ROW ? { ...r, inn: badInn(r.inn) } : r));
  await page.getByLabel("Файл списка").setInputFiles({ name: "arzgir.xlsx", mimeType: XLSX, buffer: await listXlsx(broken) });
  await page.getByRole("button", { name: "Проверить список" }).click();
  const preview = page.getByRole("table", { name: "Организации из файла" });
  await expect(preview.locator(`tr[data-row="${BAD_ROW}"]`)).toContainText(`ИНН «${badInn(LIST[BAD_ROW - 2]!.inn)}» неверен: не сходится контрольная цифра`);
  await expect(page.getByText("строк с ошибками — 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Создать 29 организаций" })).toBeDisabled();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByText("Пока нет ни одной подведомственной организации.", { exact: false })).toBeVisible();

  await page.getByLabel("Файл списка").setInputFiles({ name: "arzgir.xlsx", mimeType: XLSX, buffer: await listXlsx(LIST) });
  await page.getByRole("button", { name: "Проверить список" }).click();
  await expect(page.getByText("строк с ошибками — 0")).toBeVisible();
  await page.getByRole("button", { name: "Создать 30 организаций" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Создано организаций: 30. Приглашений руководителям в очереди на отправку: 2." })).toBeVisible();
  await page.reload();
  const table = page.getByRole("table", { name: "Организации округа" });
  await expect(table.getByRole("row")).toHaveCount(31);
  const slugOf = async (org: Organization) => (await table.getByRole("row").filter({ hasText: org.inn }).locator("td").last().innerText()).trim();
  journey.school = { ...LIST[0]!, slug: await slugOf(LIST[0]!) };
  journey.kindergarten = { ...LIST[20]!, slug: await slugOf(LIST[20]!) };
  await expect(table.getByRole("row").filter({ hasText: LIST[20]!.inn })).toContainText("Дошкольная образовательная организация");
  await expectAccessible(page);
});

test("6. the school's director accepts the e-mailed invitation, fills the profile and invites the curator", async ({ browser, request }) => {
  const school = journey.school!;
  const { letter, path } = await invitationFor(request, school.headEmail!);
  expect(letter.text).toContain(`организации «${school.shortName}»`);
  expect(letter.text).toContain("Ваша роль: Руководитель ОО.");
  const director = await acceptInvitation(browser, path, "Кравченко Елена Николаевна", "director-golive-2026");
  journey.director = director;
  await expect(director.page).toHaveURL(new RegExp(`/${school.slug}$`));

  await director.page.goto(`/${school.slug}/profile`);
  const form = director.page.getByRole("form", { name: "Профиль организации" });
  await expect(form.getByLabel("ИНН")).toHaveValue(school.inn);
  await expect(form.getByLabel("Должность руководителя")).toHaveValue("Директор");
  await form.getByLabel("Адрес").fill("356570, Ставропольский край, с. Арзгир, ул. Советская, д. 1");
  await form.getByLabel("Телефон").fill("8 (86560) 3-11-01");
  await form.getByLabel("ФИО руководителя").fill("Кравченко Елена Николаевна");
  await form.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(director.page.getByRole("status").filter({ hasText: "Профиль сохранён." })).toBeVisible();
  await expectAccessible(director.page);

  await director.page.goto(`/${school.slug}/members`);
  await director.page.getByLabel("Электронная почта").fill("curator@sosh1.arzgir.test");
  await director.page.getByLabel("Роль").selectOption({ label: "Куратор" });
  await director.page.getByRole("button", { name: "Создать приглашение" }).click();
  const link = director.page.getByLabel("Приглашение создано. Ссылка для curator@sosh1.arzgir.test:");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(director.page.getByText("Письмо с этой ссылкой отправляется на адрес curator@sosh1.arzgir.test.")).toBeVisible();
  journey.curatorLink = new URL(await link.inputValue()).pathname;
  await expectAccessible(director.page);
});

test("7. the curator accepts and invites 5 teachers from the people list in one action; 5 letters leave", async ({ browser, request }) => {
  const school = journey.school!;
  const { path } = await invitationFor(request, "curator@sosh1.arzgir.test");
  expect(path).toBe(journey.curatorLink); // the letter carries the link the director saw
  const curator = await acceptInvitation(browser, path, "Мельникова Ольга Сергеевна", "curator-golive-2026");
  journey.curator = curator;
  const { page } = curator;
  const teachers = ["Абрамова", "Борисова", "Васильева", "Григорьева", "Денисова"].map((lastName, i) => ({
    lastName,
    name: `${lastName} Мария`,
    email: `teacher${i + 1}@sosh1.arzgir.test`,
  }));
  await page.goto(`/${school.slug}/people`);
  for (const teacher of teachers) {
    await page.getByLabel("Кто", { exact: true }).selectOption("TEACHER");
    await page.getByLabel("Фамилия", { exact: true }).fill(teacher.lastName);
    await page.getByLabel("Имя", { exact: true }).fill("Мария");
    await page.getByLabel("Должность", { exact: true }).fill("Учитель начальных классов");
    await page.getByLabel("Электронная почта", { exact: true }).fill(teacher.email);
    await page.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(page.getByLabel(`Выбрать: ${teacher.name}`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Выбрать всех с e-mail" }).click();
  await expect(page.getByText("Выбрано: 5")).toBeVisible();
  await page.getByRole("button", { name: "Пригласить выбранных" }).click();
  await expect(page.getByText("Создано приглашений: 5. Письма отправляются на указанные адреса.")).toBeVisible();
  await expectAccessible(page);
  for (const teacher of teachers) {
    const { letter } = await invitationFor(request, teacher.email);
    expect(letter.text).toContain("Ваша роль: Наставник.");
    expect(letter.text).toContain("Мельникова Ольга Сергеевна приглашает вас");
  }
  journey.teachers = teachers;
});

test("8. a teacher accepts, forgets the password and sets a new one through the e-mailed reset link", async ({ browser, request }) => {
  const school = journey.school!;
  const teacher = journey.teachers![0]!;
  const { path } = await invitationFor(request, teacher.email);
  const accepted = await acceptInvitation(browser, path, `${teacher.name} Ивановна`, "teacher-first-2026");
  await expect(accepted.page).toHaveURL(new RegExp(`/${school.slug}$`));
  await accepted.context.close();

  const visitor = await newVisitor(browser);
  await visitor.page.goto("/login");
  await visitor.page.getByRole("link", { name: "Забыли пароль?" }).click();
  // The login page has an «Электронная почта» field too: type only once the reset page is there.
  await expect(visitor.page.getByRole("heading", { level: 1, name: "Восстановление пароля" })).toBeVisible();
  await visitor.page.getByLabel("Электронная почта").fill(teacher.email);
  await visitor.page.getByRole("button", { name: "Прислать ссылку" }).click();
  await expect(visitor.page.getByText("Если учётная запись с этим адресом есть, на него отправлено письмо со ссылкой.", { exact: false })).toBeVisible();
  await expectAccessible(visitor.page);
  let resetLetter: Awaited<ReturnType<typeof letters>>[number] | undefined;
  await expect
    .poll(async () => {
      resetLetter = (await letters(request)).find((l) => l.to.includes(teacher.email) && l.text.includes("/reset-password/"));
      return resetLetter ? "arrived" : JSON.stringify((await letters(request)).filter((l) => l.to.includes(teacher.email)).map((l) => l.subject));
    }, { message: `the reset letter to ${teacher.email}`, timeout: 30_000 })
    .toBe("arrived");
  expect(resetLetter!.subject).toBe("Восстановление пароля — Наставник");
  const reset = linkIn(resetLetter!, /\/reset-password\//);
  await setPasswordThrough(visitor.page, reset, "teacher-remembered-2026");
  await visitor.context.close();
  const signedIn = await signInFresh(browser, teacher.email, "teacher-remembered-2026");
  await expect(signedIn.page.getByRole("heading", { level: 1 })).toHaveText(`Здравствуйте, ${teacher.name} Ивановна!`);
  await signedIn.context.close();
});

test("9. the curator creates the program: its roadmap order carries the school's requisites and the director's signature", async () => {
  const school = journey.school!;
  const order = await createProgramAndReadOrder(journey.curator!.page, school.slug!);
  for (const expected of [school.name, "ул. Советская, д. 1", `ИНН ${school.inn}, ОГРН ${school.ogrn}`, "ПРИКАЗ", "Директор", "Е.Н. Кравченко"]) expect(order).toContain(expected);
});

test("10. the kindergarten's head accepts and creates the program: the order is signed by «Заведующий»", async ({ browser, request }) => {
  const kindergarten = journey.kindergarten!;
  const { path } = await invitationFor(request, kindergarten.headEmail!);
  const head = await acceptInvitation(browser, path, "Орлова Наталья Викторовна", "kindergarten-golive-2026");
  await expect(head.page).toHaveURL(new RegExp(`/${kindergarten.slug}$`));
  const order = await createProgramAndReadOrder(head.page, kindergarten.slug!);
  for (const expected of [kindergarten.name, `ИНН ${kindergarten.inn}, ОГРН ${kindergarten.ogrn}`, "Заведующий"]) expect(order).toContain(expected);
  expect(order).not.toContain("Директор");
  await head.context.close();
});
