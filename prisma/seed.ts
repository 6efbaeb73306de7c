import { addMembership, createMember, createOrganization } from "../tests/factories";
import { now } from "../lib/clock";
import { academicYearOf, currentAcademicYear, formatAcademicYear } from "../lib/domain/academic-year";
import { shippedForm } from "../lib/domain/monitoring-forms";
import { storedFormLines } from "../lib/campaigns/form-titles";
import { todayIn } from "../lib/domain/local-date";
import { templateActivityRows, templateIndicatorRows } from "../lib/programs/instantiate";
import type { AppRole } from "../lib/auth/roles";
import type { PrismaClient } from "../lib/db/generated/prisma/client";
import { seedDemoRequisites } from "./seed-requisites";
import { seedDemoCommunities } from "./seed-communities";
import { createDemoSchools, seedDemoSchools } from "./seed-district";
import { seedDemoPartners } from "./seed-partners";
import { seedDemoCrossPairs } from "./seed-cross-pairs";
import { seedOfficePublic } from "./seed-office-public";

// Demo district named after the seed documents (shared/seeds): the Левокумский municipal office
// (seed 002), schools from seeds 000, 001 and 004, and two kindergartens (the second, with no program yet,
// shows a kindergarten's documents signed by «Заведующий»). One user per role; requisites in seed-requisites.ts.
export const DEMO_PASSWORD = "nastavnik2026";
export const DEMO_DISTRICT_SLUG = "levokumsky";
/** Ставропольский край keeps Moscow time. */
const DEMO_TIME_ZONE = "Europe/Moscow";

/**
 * A story date of this academic year, but never after `limit` (today or now): seeded in the first days
 * of September, the demo's September events have not happened yet and are moved to today (decision 011).
 */
const notAfter = (date: Date, limit: Date) => (date.getTime() > limit.getTime() ? limit : date);

export type DemoLogin = { email: string; name: string; organization: string; roles: AppRole[] };

export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins: DemoLogin[] = [];
  if (await prisma.organization.findUnique({ where: { slug: DEMO_DISTRICT_SLUG } })) return { created: false, logins: DEMO_LOGINS };

  // Ставропольский край keeps Moscow time; the district and its schools inherit the region's zone.
  const region = await createOrganization(prisma, { kind: "REGION", slug: "stavropolsky-krai", name: "Министерство образования Ставропольского края", timeZone: DEMO_TIME_ZONE });
  const district = await createOrganization(prisma, {
    kind: "MUNICIPALITY",
    slug: DEMO_DISTRICT_SLUG,
    name: "Отдел образования администрации Левокумского муниципального округа Ставропольского края",
    shortName: "Отдел образования Левокумского МО",
    address: "с. Левокумское",
    parentId: region.id,
  });
  const school = (slug: string, name: string, shortName: string, address: string, schoolKind: "GENERAL" | "KINDERGARTEN" = "GENERAL") =>
    createOrganization(prisma, { kind: "SCHOOL", schoolKind, slug, name, shortName, address, parentId: district.id });
  const sosh20 = await school("sosh-20", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №20»", "МБОУ «СОШ №20»", "п. Усолье-7");
  const sosh14 = await school("sosh-14", "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 14»", "МАОУ «СОШ № 14»", "ул. Дружбы, 7");
  const kovalevskaya = await school("kovalevskaya-oosh", "Бюджетное общеобразовательное учреждение «Ковалевская основная общеобразовательная школа»", "БОУ «Ковалевская ООШ»", "с. Ковалево");
  const ds1 = await school("ds-solnyshko", "Муниципальное дошкольное образовательное учреждение «Детский сад № 1 «Солнышко»", "МДОУ «Детский сад № 1 «Солнышко»", "с. Левокумское", "KINDERGARTEN");
  const ds3 = await school("ds-rodnichok", "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок»", "МБДОУ «Детский сад № 3 «Родничок»", "с. Левокумское", "KINDERGARTEN");
  await seedDemoRequisites(prisma);
  // The rest of the district: about twenty organizations at varied stages (prisma/seed-district-table.ts).
  const generated = await createDemoSchools(prisma, district.id, DEMO_TIME_ZONE);

  const users = new Map<string, string>();
  const first = { "stavropolsky-krai": region, [DEMO_DISTRICT_SLUG]: district, "sosh-20": sosh20, "sosh-14": sosh14, "kovalevskaya-oosh": kovalevskaya, "ds-solnyshko": ds1, "ds-rodnichok": ds3 } as Record<string, { id: string }>;
  for (const login of DEMO_LOGINS) {
    const org = first[login.organization] ?? { id: generated.get(login.organization)! };
    const user = await createMember(prisma, org.id, login.roles, { email: login.email, name: login.name, password: DEMO_PASSWORD });
    // The mentor also teaches at СОШ № 14: one person, two organizations (the switcher shows both).
    if (login.email === "mentor@sosh20.demo") await addMembership(prisma, { userId: user.id, organizationId: sosh14.id, role: "MENTOR" });
    users.set(login.email, user.id);
    logins.push(login);
  }
  await seedDemoPrograms(prisma, { district, sosh20 }, users);
  await seedDemoPairs(prisma, kovalevskaya.id, users.get("director@kovalevskaya.demo")!, { Мельникова: users.get("mentor@kovalevskaya.demo")!, Королёва: users.get("mentee@kovalevskaya.demo")! });
  await seedDemoLetter(prisma, district.id, [sosh20.id, kovalevskaya.id], users.get("methodist@levokumsky.demo")!);
  await seedDemoCampaign(prisma, district.id, users.get("methodist@levokumsky.demo")!);
  await linkSosh20Accounts(prisma, sosh20.id, users);
  await seedDemoCommunities(prisma, { district, sosh20, kovalevskaya }, { methodistId: users.get("methodist@levokumsky.demo")!, sosh20CuratorId: users.get("curator@sosh20.demo")!, kovalevskayaDirectorId: users.get("director@kovalevskaya.demo")! });
  const named = new Map(DEMO_LOGINS.map((l) => [l.email, { id: users.get(l.email)!, name: l.name }]));
  await seedDemoSchools(prisma, generated, named, { year: currentAcademicYear(DEMO_TIME_ZONE, now()), today: todayIn(DEMO_TIME_ZONE, now()), now: now() }, DEMO_PASSWORD);
  await seedDemoPartners(prisma, { today: todayIn(DEMO_TIME_ZONE, now()), now: now() });
  await seedDemoCrossPairs(prisma, DEMO_TIME_ZONE);
  await seedOfficePublic(prisma, district.id, users.get("methodist@levokumsky.demo")!, DEMO_TIME_ZONE);
  return { created: true, logins };
}

/**
 * СОШ №20's mentor and mentee accounts are linked to their teachers' cards: the school is at stage 2 (its banks are
 * formed in the e2e journey that walks it to stage 6), so «Мои пары» says they have no pair yet — not "not linked".
 */
async function linkSosh20Accounts(prisma: PrismaClient, organizationId: string, users: Map<string, string>) {
  await prisma.person.createMany({
    data: [
      { organizationId, kind: "TEACHER", lastName: "Волков", firstName: "Сергей", middleName: "Николаевич", position: "Учитель истории", subjects: ["История", "Обществознание"], experienceYears: 22, qualificationCategory: "высшая", userId: users.get("mentor@sosh20.demo")! },
      { organizationId, kind: "TEACHER", lastName: "Новикова", firstName: "Дарья", middleName: "Андреевна", position: "Учитель биологии", subjects: ["Биология"], experienceYears: 1, qualificationCategory: "без категории", userId: users.get("mentee@sosh20.demo")! },
    ],
  });
}

/** An information letter of the district office to two of its schools, not yet read (decision 047). */
async function seedDemoLetter(prisma: PrismaClient, officeId: string, schoolIds: string[], methodistId: string) {
  const letter = await prisma.infoLetter.create({
    data: {
      organizationId: officeId,
      subject: "О муниципальном семинаре наставников",
      body: "Просим направить кураторов и наставников на муниципальный семинар «Наставничество: первые итоги».",
      sentById: methodistId,
      sentAt: now(),
    },
  });
  await prisma.infoLetterRecipient.createMany({ data: schoolIds.map((id) => ({ organizationId: id, officeId, letterId: letter.id })) });
}

/**
 * A monitoring campaign of the district from its own shipped form (seed 002), open for a month from today, no school
 * has answered yet (decision 048): the methodist's «Сбор данных» and every school's «Мониторинги округа» show it.
 */
async function seedDemoCampaign(prisma: PrismaClient, officeId: string, methodistId: string) {
  const form = shippedForm("municipal")!;
  const opensOn = todayIn(DEMO_TIME_ZONE, now());
  const campaign = await prisma.monitoringCampaign.create({
    data: {
      organizationId: officeId,
      title: `Мониторинг реализации системы наставничества за ${formatAcademicYear(academicYearOf(opensOn))} учебный год`,
      formKey: form.key,
      academicYear: academicYearOf(opensOn),
      opensOn,
      closesOn: new Date(opensOn.getTime() + 30 * DAY),
      createdById: methodistId,
    },
  });
  await prisma.monitoringIndicator.createMany({ data: storedFormLines(form).map((i) => ({ ...i, organizationId: officeId, campaignId: campaign.id })) });
}

export const DEMO_LOGINS: DemoLogin[] = [
  // The region's methodist: the region dashboard over its municipalities' schools (the demo has one district).
  { email: "methodist@stavkrai.demo", name: "Андреева Марина Павловна", organization: "stavropolsky-krai", roles: ["METHODIST"] },
  { email: "head@levokumsky.demo", name: "Кирпичёва Наталья Алексеевна", organization: DEMO_DISTRICT_SLUG, roles: ["MUNICIPAL_HEAD"] },
  { email: "methodist@levokumsky.demo", name: "Белова Ирина Викторовна", organization: DEMO_DISTRICT_SLUG, roles: ["METHODIST"] },
  { email: "director@sosh20.demo", name: "Смирнова Елена Петровна", organization: "sosh-20", roles: ["DIRECTOR"] },
  { email: "curator@sosh20.demo", name: "Орлова Татьяна Сергеевна", organization: "sosh-20", roles: ["CURATOR"] },
  { email: "psychologist@sosh20.demo", name: "Кузнецова Анна Игоревна", organization: "sosh-20", roles: ["PSYCHOLOGIST"] },
  { email: "mentor@sosh20.demo", name: "Волков Сергей Николаевич", organization: "sosh-20", roles: ["MENTOR"] },
  { email: "mentee@sosh20.demo", name: "Новикова Дарья Андреевна", organization: "sosh-20", roles: ["MENTEE"] },
  { email: "director@sosh14.demo", name: "Косарева Ирина Евгеньевна", organization: "sosh-14", roles: ["DIRECTOR"] },
  { email: "curator@sosh14.demo", name: "Фёдорова Ольга Михайловна", organization: "sosh-14", roles: ["CURATOR", "MENTOR"] },
  { email: "director@kovalevskaya.demo", name: "Чеховская Ольга Михайловна", organization: "kovalevskaya-oosh", roles: ["DIRECTOR"] },
  // The mentor and the mentee of the school's first working pair, their accounts linked to their cards: «Мои пары»
  // on the home page shows the pair, its next meeting and «Отметить встречу».
  { email: "mentor@kovalevskaya.demo", name: "Мельникова Ольга Ивановна", organization: "kovalevskaya-oosh", roles: ["MENTOR"] },
  { email: "mentee@kovalevskaya.demo", name: "Королёва Анастасия Сергеевна", organization: "kovalevskaya-oosh", roles: ["MENTEE"] },
  // МКОУ «СОШ № 1» (prisma/seed-district-table.ts): at stage 6 after a completed year; its mentor and mentee are the
  // first pair — its program, meetings, an open questionnaire to answer and last year's answered ones.
  { email: "director@sosh1.demo", name: "Гаврилова Людмила Васильевна", organization: "sosh-1", roles: ["DIRECTOR"] },
  { email: "curator@sosh1.demo", name: "Пахомова Светлана Ивановна", organization: "sosh-1", roles: ["CURATOR"] },
  { email: "mentor@sosh1.demo", name: "Захарченко Ольга Викторовна", organization: "sosh-1", roles: ["MENTOR"] },
  { email: "mentee@sosh1.demo", name: "Кириенко Алина Сергеевна", organization: "sosh-1", roles: ["MENTEE"] },
  { email: "director@sosh4.demo", name: "Пономарёва Галина Ивановна", organization: "sosh-4", roles: ["DIRECTOR"] },
  { email: "director@ds1.demo", name: "Лебедева Марина Юрьевна", organization: "ds-solnyshko", roles: ["DIRECTOR"] },
  { email: "director@ds3.demo", name: "Гончарова Светлана Викторовна", organization: "ds-rodnichok", roles: ["DIRECTOR"] },
  { email: "curator@ds3.demo", name: "Ткаченко Наталья Сергеевна", organization: "ds-rodnichok", roles: ["CURATOR"] },
];

export function formatDemoLogins(logins: DemoLogin[]): string {
  const lines = logins.map((l) => `  ${l.email.padEnd(30)} ${l.roles.join(", ").padEnd(18)} /${l.organization}`);
  return [`Демо-входы (пароль для всех: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}

/**
 * This academic year's programs: the district office runs the municipal roadmap (its deadlines show on
 * the schools' roadmaps); СОШ №20 has passed stage 1 with its orders approved and is forming the mentee bank.
 */
async function seedDemoPrograms(prisma: PrismaClient, orgs: { district: { id: string }; sosh20: { id: string } }, users: Map<string, string>) {
  const year = currentAcademicYear(DEMO_TIME_ZONE, now());
  const user = (email: string) => users.get(email)!;

  const municipal = await prisma.mentoringProgram.create({
    data: {
      organizationId: orgs.district.id,
      academicYear: year,
      title: `Система наставничества педагогических работников Левокумского муниципального округа на ${year}/${year + 1} учебный год`,
      audience: "TEACHERS",
      curatorId: user("methodist@levokumsky.demo"),
      startDate: new Date(Date.UTC(year, 8, 1)),
      endDate: new Date(Date.UTC(year + 1, 7, 31)),
    },
  });
  const municipalIds = { organizationId: orgs.district.id, programId: municipal.id };
  await prisma.roadmapActivity.createMany({ data: templateActivityRows("municipal", municipalIds, year) });

  const program = await prisma.mentoringProgram.create({
    data: {
      organizationId: orgs.sosh20.id,
      academicYear: year,
      title: `Программа наставничества МБОУ «СОШ №20» на ${year}/${year + 1} учебный год`,
      audience: "BOTH",
      stage: 2,
      curatorId: user("curator@sosh20.demo"),
      coordinatorId: user("psychologist@sosh20.demo"),
      goal: "Создание эффективной модели наставничества в МБОУ «СОШ №20»",
      tasks: "1. Формирование нормативной базы по методологии наставничества; 2. Изучение передового опыта и апробация его в учреждении; 3. Формирование механизмов взаимодействия между участниками программы.",
      expectedResults: "Профессиональный рост педагогов; закрепление молодых специалистов в профессии; улучшение психологического климата в коллективе.",
      startDate: new Date(Date.UTC(year, 8, 1)),
      endDate: new Date(Date.UTC(year + 1, 5, 30)),
    },
  });
  const ids = { organizationId: orgs.sosh20.id, programId: program.id };
  await prisma.roadmapActivity.createMany({ data: templateActivityRows("school", ids, year) });
  await prisma.programIndicator.createMany({ data: templateIndicatorRows("school", ids, year) });
  await prisma.roadmapActivity.updateMany({
    where: { programId: program.id, stage: 1, recurrence: "ONCE" },
    data: { status: "DONE", evidence: "Протокол педагогического совета № 1", completedAt: notAfter(new Date(Date.UTC(year, 8, 29)), now()) },
  });
  const director = user("director@sosh20.demo");
  const acts = [
    { kind: "REGULATION", number: "112-од", title: "Об утверждении Положения о программе наставничества" },
    { kind: "ROADMAP_APPROVAL", number: "113-од", title: `Об утверждении дорожной карты реализации программы наставничества на ${year}/${year + 1} учебный год` },
    { kind: "CURATOR_APPOINTMENT", number: "114-од", title: "О назначении куратора программы наставничества" },
  ] as const;
  for (const act of acts) {
    await prisma.localAct.create({
      data: {
        ...ids,
        ...act,
        date: new Date(Date.UTC(year, 8, 1)),
        status: "APPROVED",
        registeredById: user("curator@sosh20.demo"),
        approvedById: director,
        approvedAt: notAfter(new Date(Date.UTC(year, 8, 1, 9)), now()),
      },
    });
  }
  await prisma.stageTransition.create({
    data: { ...ids, kind: "ADVANCE", fromStage: 1, toStage: 2, actorId: user("curator@sosh20.demo"), createdAt: notAfter(new Date(Date.UTC(year, 8, 30, 10)), now()) },
  });
}

const DAY = 24 * 3600 * 1000;

/**
 * БОУ «Ковалевская ООШ» is further on: people with consents, both banks, an order securing two pairs,
 * their personalized programs and first meetings; one young teacher still waits for a mentor and one
 * mentor is open to the district. Dates are relative to today so that the meetings are in the past.
 */
/** `accounts`: surname → the demo user linked to that person's card. */
async function seedDemoPairs(prisma: PrismaClient, organizationId: string, directorId: string, accounts: Record<string, string>) {
  const today = todayIn(DEMO_TIME_ZONE, now());
  const year = currentAcademicYear(DEMO_TIME_ZONE, now());
  // Relative to today so that the meetings are in the past, but not before the program's year began — and
  // not after its personal programs end (31 May): in June–August the story is told as of that day, else the
  // demo's meetings would lie outside their own programs (test:repeat as of 31 August).
  const yearStart = new Date(Date.UTC(year, 8, 1));
  const programsEnd = new Date(Date.UTC(year + 1, 4, 31));
  const storyDay = new Date(Math.min(today.getTime(), programsEnd.getTime()));
  const ago = (days: number) => new Date(Math.max(yearStart.getTime(), storyDay.getTime() - days * DAY));
  // An instant (approved, published…) `days` ago: never after now. In the first hours of 1 September the
  // year's first calendar day (UTC midnight) can still be ahead of now in UTC — a news item dated so was
  // "not yet published" at 08:00 in Vladivostok (test:repeat at 2026-09-01T08:00+10:00).
  const agoInstant = (days: number) => notAfter(ago(days), now());
  const program = await prisma.mentoringProgram.create({
    data: {
      organizationId,
      academicYear: year,
      title: `Программа наставничества БОУ «Ковалевская ООШ» на ${year}/${year + 1} учебный год`,
      audience: "TEACHERS",
      stage: 6,
      curatorId: directorId,
      goal: "Адаптация молодых педагогов и профессиональный рост педагогического коллектива",
      startDate: new Date(Date.UTC(year, 8, 1)),
      endDate: new Date(Date.UTC(year + 1, 4, 31)),
    },
  });
  const ids = { organizationId, programId: program.id };
  await prisma.roadmapActivity.createMany({ data: templateActivityRows("school", ids, year) });
  await prisma.programIndicator.createMany({ data: templateIndicatorRows("school", ids, year) });
  await prisma.roadmapActivity.updateMany({
    where: { programId: program.id, stage: { lt: 6 }, recurrence: "ONCE" },
    data: { status: "DONE", evidence: "Протокол совещания при директоре", completedAt: agoInstant(60) },
  });
  const people = [
    { lastName: "Мельникова", firstName: "Ольга", middleName: "Ивановна", position: "Учитель начальных классов", subjects: ["Русский язык", "Математика"], experienceYears: 27, qualificationCategory: "высшая" },
    { lastName: "Тарасов", firstName: "Игорь", middleName: "Петрович", position: "Учитель математики", subjects: ["Математика", "Информатика"], experienceYears: 18, qualificationCategory: "первая" },
    { lastName: "Королёва", firstName: "Анастасия", middleName: "Сергеевна", position: "Учитель английского языка", subjects: ["Английский язык"], experienceYears: 1, qualificationCategory: "без категории" },
    { lastName: "Фёдорова", firstName: "Марина", middleName: "Алексеевна", position: "Учитель математики", subjects: ["Математика"], experienceYears: 2, qualificationCategory: "без категории" },
    { lastName: "Лебедев", firstName: "Никита", middleName: "Олегович", position: "Педагог-организатор", subjects: [], experienceYears: 0, qualificationCategory: "без категории" },
  ];
  const personIds: string[] = [];
  for (const p of people) {
    const person = await prisma.person.create({ data: { organizationId, kind: "TEACHER", ...p, userId: accounts[p.lastName] ?? null } });
    await prisma.consent.create({
      data: { organizationId, personId: person.id, purposes: ["BANK", "PAIRS", "SURVEYS"], givenBy: "SUBJECT", givenAt: notAfter(new Date(Date.UTC(year, 8, 5)), today), recordedById: directorId },
    });
    personIds.push(person.id);
  }
  const [melnikova, tarasov, koroleva, fedorova, lebedev] = personIds as [string, string, string, string, string];
  const mentor = async (personId: string, competencies: string[], districtVisibleSince: Date | null) => {
    const m = await prisma.mentorProfile.create({
      data: { organizationId, personId, competencies, capacity: 2, status: "APPROVED", approvedById: directorId, approvedAt: agoInstant(70), addedById: directorId, districtVisibleSince, dutiesConsentAt: agoInstant(72) },
    });
    await prisma.mentorTraining.create({ data: { organizationId, mentorId: m.id, kind: "SESSION", title: "Установочная сессия для наставников", finishedOn: ago(75), hours: 6 } });
    return m.id;
  };
  const mentee = (personId: string, difficulties: string[]) =>
    // Approved by the head with the bank (decision 025): the demo's waiting mentee can be paired at once.
    prisma.menteeProfile.create({ data: { organizationId, personId, category: "YOUNG_SPECIALIST", difficulties, source: "QUESTIONNAIRE", addedById: directorId, approvedById: directorId, approvedAt: agoInstant(60) } }).then((m) => m.id);
  const mMelnikova = await mentor(melnikova, ["DISCIPLINE", "PARENTS", "COLLECTIVE", "UPBRINGING"], agoInstant(70));
  const mTarasov = await mentor(tarasov, ["LESSON_PLANNING", "ASSESSMENT", "SUBJECT", "DIGITAL"], null);
  const eKoroleva = await mentee(koroleva, ["DISCIPLINE", "PARENTS"]);
  const eFedorova = await mentee(fedorova, ["LESSON_PLANNING", "ASSESSMENT"]);
  await mentee(lebedev, ["UPBRINGING"]);

  const act = await prisma.localAct.create({
    data: { ...ids, kind: "PAIRS_ORDER", number: "1-НП", date: ago(50), title: "О закреплении наставнических пар / групп", status: "APPROVED", registeredById: directorId, approvedById: directorId, approvedAt: agoInstant(50) },
  });
  const order = await prisma.pairOrder.create({ data: { ...ids, year: ago(50).getUTCFullYear(), sequence: 1, number: "1-НП", date: ago(50), localActId: act.id, createdById: directorId } });
  const pairs: [string, string, string, string[]][] = [
    [mMelnikova, eKoroleva, "Адаптация молодого педагога: дисциплина на уроке и работа с родителями", ["DISCIPLINE", "PARENTS"]],
    [mTarasov, eFedorova, "Планирование уроков математики и оценивание", ["LESSON_PLANNING", "ASSESSMENT"]],
  ];
  for (const [mentorId, menteeId, direction, difficulties] of pairs) {
    const pair = await prisma.pair.create({
      data: { ...ids, mentorId, form: "TEACHER_TEACHER", type: "TRADITIONAL", direction, status: "ACTIVE", version: 3, proposedById: directorId, decidedById: directorId, decidedAt: agoInstant(50), orderId: order.id, startsOn: ago(50) },
    });
    await prisma.pairMentee.create({ data: { organizationId, pairId: pair.id, menteeId } });
    await prisma.menteeProfile.update({ where: { id: menteeId }, data: { status: "PAIRED" } });
    const personal = await prisma.personalProgram.create({
      data: {
        organizationId, pairId: pair.id, startsOn: ago(45), endsOn: programsEnd, direction,
        goals: "Успешная адаптация молодого педагога, освоение практических приёмов ведения урока",
        tasks: "1. Освоить нормативную базу и культуру школы.\n2. Научиться планировать уроки и оценивать результаты.\n3. Выстроить работу с родителями.",
        workingMode: "IN_PERSON",
        intermediateResults: "Разработаны технологические карты уроков; проведён самоанализ посещённых уроков",
        difficulties, expectedResults: "Молодой педагог уверенно ведёт уроки, проводит открытый урок, выстраивает работу с родителями",
        // Approved by the director after the program was written (decision 028).
        status: "APPROVED", approvedVersion: 1, approvedAt: agoInstant(44), approvedById: directorId,
      },
    });
    const items = ["Знакомство с образовательной организацией и нормативной базой", "Посещение уроков наставника", "Совместное планирование уроков", "Открытый урок наставляемого"];
    await prisma.planItem.createMany({
      data: items.map((title, i) => ({ organizationId, personalProgramId: personal.id, title, dueOn: new Date(ago(40).getTime() + i * 45 * DAY), status: i === 0 ? "DONE" : "PLANNED", result: i === 0 ? "Изучены локальные акты, пройден инструктаж" : null, position: i })),
    });
    // The meeting schedule: the first three held (linked to their records), the final one planned.
    for (const [kind, days, topic] of [["INTRO", 40, "Знакомство"], ["TRIAL", 30, "Пробная рабочая встреча"], ["PLANNING", 20, "Планирование работы"]] as const) {
      const meeting = await prisma.meeting.create({ data: { organizationId, pairId: pair.id, kind, heldOn: ago(days), attendeeIds: [menteeId], notes: null, loggedById: directorId } });
      await prisma.plannedMeeting.create({ data: { organizationId, personalProgramId: personal.id, plannedOn: ago(days), kind, topic, meetingId: meeting.id } });
    }
    await prisma.plannedMeeting.create({ data: { organizationId, personalProgramId: personal.id, plannedOn: programsEnd, kind: "FINAL", topic: "Итоговая встреча: результаты и план развития" } });
  }
  await prisma.stageTransition.create({ data: { ...ids, kind: "ADVANCE", fromStage: 5, toStage: 6, actorId: directorId, createdAt: agoInstant(45) } });

  // The public «Наставничество» section: published, with the regulation, one news item and the one mentor
  // who gave a separate consent to publication (Мельникова); Тарасов did not and is not shown.
  const acts = [
    { kind: "REGULATION", number: "45-од", title: "Об утверждении Положения о программе наставничества", publishedOnSite: true },
    { kind: "ROADMAP_APPROVAL", number: "46-од", title: `Об утверждении дорожной карты программы наставничества на ${year}/${year + 1} учебный год`, publishedOnSite: true },
    { kind: "CURATOR_APPOINTMENT", number: "47-од", title: "О назначении куратора программы наставничества", publishedOnSite: false },
  ] as const;
  for (const a of acts) {
    await prisma.localAct.create({
      data: { ...ids, ...a, date: new Date(Date.UTC(year, 8, 1)), status: "APPROVED", registeredById: directorId, approvedById: directorId, approvedAt: notAfter(new Date(Date.UTC(year, 8, 1, 9)), now()) },
    });
  }
  await prisma.consent.create({
    data: { organizationId, personId: melnikova, purposes: ["PUBLICATION"], publicFields: ["NAME", "POSITION", "SUBJECTS", "COMPETENCIES"], givenBy: "SUBJECT", givenAt: notAfter(new Date(Date.UTC(year, 8, 6)), today), recordedById: directorId },
  });
  await prisma.publicSection.create({
    data: {
      organizationId,
      publishedAt: agoInstant(30),
      intro: "В школе реализуется целевая модель наставничества педагогических работников: опытные учителя помогают молодым специалистам войти в профессию.",
      contacts: "Куратор программы наставничества — директор школы, тел. 8 (86543) 2-11-11",
    },
  });
  await prisma.news.create({
    data: {
      organizationId,
      title: "Закреплены наставнические пары",
      body: "Приказом № 1-НП закреплены две наставнические пары «учитель – учитель». Пары составили персонализированные программы и провели первые встречи.",
      publishedAt: agoInstant(49),
      authorId: directorId,
    },
  });
}
