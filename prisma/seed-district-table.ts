// The rest of the demo district (issue #19 item 5): schools, kindergartens, a college and a centre of
// supplementary education of the Левокумский муниципальный округ at varied stages of this year's program,
// so that the methodist's dashboard, lagging schools, the campaign and the report show a real district.
// Names follow the real pattern of the district's organizations (the villages are real, the numbers and
// people made up); ИНН/ОГРН are generated with valid check digits under the made-up tax office 2699
// (prisma/seed-requisites.ts). The story of each row is written by prisma/seed-school-story.ts.

export type DemoSchoolKind = "GENERAL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY";

export type DemoSchool = {
  slug: string;
  kind: DemoSchoolKind;
  shortName: string;
  name: string;
  /** Settlement and street address (the index is the district's). */
  place: string;
  street: string;
  /** The head's full name; their account is director@<login>.demo. */
  head: string;
  login: string;
  /** The stage of this year's program; 0 — no program yet. */
  stage: number;
  /** The program of the year before was completed (all seven stages) — the year-on-year comparison has figures. */
  lastYear?: boolean;
  /** Roadmap activities of the current stage left undone past their date (the school lags). */
  overdue?: number;
  /** Working pairs (or proposed ones at stage 5 «proposed»); the audience BOTH adds a teacher–student pair. */
  pairs?: number;
  audience?: "TEACHERS" | "BOTH";
  /** Stage 5 in progress: pairs proposed and waiting for the order, or secured with programs still drafts. */
  stage5?: "proposed" | "drafts";
  /** Stage 1: the regulation is registered but not yet approved by the head. */
  actsPending?: boolean;
};

const GENERAL = "Муниципальное казённое общеобразовательное учреждение";

export const DEMO_SCHOOLS: DemoSchool[] = [
  { slug: "sosh-1", kind: "GENERAL", shortName: "МКОУ «СОШ № 1»", name: `${GENERAL} «Средняя общеобразовательная школа № 1»`, place: "с. Левокумское", street: "ул. Бульвар Школьный, д. 2", head: "Гаврилова Людмила Васильевна", login: "sosh1", stage: 6, lastYear: true, pairs: 3, audience: "BOTH" },
  { slug: "sosh-2", kind: "GENERAL", shortName: "МКОУ «СОШ № 2»", name: `${GENERAL} «Средняя общеобразовательная школа № 2»`, place: "с. Левокумское", street: "ул. Калинина, д. 186", head: "Руденко Виктор Павлович", login: "sosh2", stage: 6, lastYear: true, pairs: 3 },
  { slug: "sosh-3", kind: "GENERAL", shortName: "МКОУ «СОШ № 3»", name: `${GENERAL} «Средняя общеобразовательная школа № 3»`, place: "с. Величаевское", street: "ул. Гагарина, д. 25", head: "Мамедова Севиль Алиевна", login: "sosh3", stage: 5, pairs: 2, stage5: "drafts" },
  { slug: "sosh-4", kind: "GENERAL", shortName: "МКОУ «СОШ № 4»", name: `${GENERAL} «Средняя общеобразовательная школа № 4»`, place: "п. Кумская Долина", street: "ул. Школьная, д. 4", head: "Пономарёва Галина Ивановна", login: "sosh4", stage: 7, lastYear: true, pairs: 2 },
  { slug: "sosh-5", kind: "GENERAL", shortName: "МКОУ «СОШ № 5»", name: `${GENERAL} «Средняя общеобразовательная школа № 5»`, place: "с. Николо-Александровское", street: "ул. Ленина, д. 57", head: "Дьяченко Андрей Викторович", login: "sosh5", stage: 4, pairs: 2 },
  { slug: "sosh-6", kind: "GENERAL", shortName: "МКОУ «СОШ № 6»", name: `${GENERAL} «Средняя общеобразовательная школа № 6»`, place: "с. Правокумское", street: "ул. Советская, д. 61", head: "Шевченко Ирина Александровна", login: "sosh6", stage: 6, pairs: 2, audience: "BOTH", overdue: 1 },
  { slug: "sosh-7", kind: "GENERAL", shortName: "МКОУ «СОШ № 7»", name: `${GENERAL} «Средняя общеобразовательная школа № 7»`, place: "с. Владимировка", street: "ул. Кирова, д. 11", head: "Абдуллаев Руслан Магомедович", login: "sosh7", stage: 5, pairs: 2, stage5: "proposed", overdue: 2 },
  { slug: "sosh-8", kind: "GENERAL", shortName: "МКОУ «СОШ № 8»", name: `${GENERAL} «Средняя общеобразовательная школа № 8»`, place: "п. Новокумский", street: "ул. Школьная, д. 1", head: "Ковалёва Наталья Николаевна", login: "sosh8", stage: 3, overdue: 2 },
  { slug: "sosh-9", kind: "GENERAL", shortName: "МКОУ «СОШ № 9»", name: `${GENERAL} «Средняя общеобразовательная школа № 9»`, place: "с. Урожайное", street: "ул. Красная, д. 98", head: "Бондаренко Сергей Иванович", login: "sosh9", stage: 4, pairs: 2, overdue: 1 },
  { slug: "sosh-10", kind: "GENERAL", shortName: "МКОУ «СОШ № 10»", name: `${GENERAL} «Средняя общеобразовательная школа № 10»`, place: "с. Приозёрское", street: "ул. Школьная, д. 12", head: "Халилова Патимат Рашидовна", login: "sosh10", stage: 2, overdue: 3 },
  { slug: "sosh-11", kind: "GENERAL", shortName: "МКОУ «СОШ № 11»", name: `${GENERAL} «Средняя общеобразовательная школа № 11»`, place: "п. Заря", street: "ул. Мира, д. 3", head: "Литвинова Оксана Геннадьевна", login: "sosh11", stage: 1, overdue: 3, actsPending: true },
  { slug: "sosh-12", kind: "GENERAL", shortName: "МКОУ «СОШ № 12»", name: `${GENERAL} «Средняя общеобразовательная школа № 12»`, place: "с. Турксад", street: "ул. Садовая, д. 20", head: "Джумаев Ахмед Исмаилович", login: "sosh12", stage: 3 },
  { slug: "oosh-13", kind: "GENERAL", shortName: "МКОУ «ООШ № 13»", name: `${GENERAL} «Основная общеобразовательная школа № 13»`, place: "с. Бургун-Маджары", street: "ул. Молодёжная, д. 5", head: "Очирова Байрта Николаевна", login: "oosh13", stage: 0 },
  { slug: "ds-romashka", kind: "KINDERGARTEN", shortName: "МКДОУ «Детский сад № 5 «Ромашка»", name: "Муниципальное казённое дошкольное образовательное учреждение «Детский сад № 5 «Ромашка»", place: "с. Величаевское", street: "ул. Мира, д. 18", head: "Семенченко Татьяна Владимировна", login: "ds5", stage: 6, pairs: 2 },
  { slug: "ds-kolosok", kind: "KINDERGARTEN", shortName: "МКДОУ «Детский сад № 9 «Колосок»", name: "Муниципальное казённое дошкольное образовательное учреждение «Детский сад № 9 «Колосок»", place: "с. Урожайное", street: "ул. Ленина, д. 40", head: "Карпенко Елена Юрьевна", login: "ds9", stage: 1 },
  { slug: "cdt-levokumskoe", kind: "SUPPLEMENTARY", shortName: "МКУ ДО «ЦДТ»", name: "Муниципальное казённое учреждение дополнительного образования «Центр детского творчества»", place: "с. Левокумское", street: "ул. Борцов Революции, д. 9", head: "Зинченко Марина Олеговна", login: "cdt", stage: 2 },
  { slug: "lak", kind: "COLLEGE", shortName: "ГБПОУ «Левокумский аграрный колледж»", name: "Государственное бюджетное профессиональное образовательное учреждение «Левокумский аграрный колледж»", place: "с. Левокумское", street: "ул. Подгорная, д. 2", head: "Назаренко Игорь Викторович", login: "lak", stage: 6, lastYear: true, pairs: 2 },
];

/** The INN of a legal entity (10 digits) with a valid check digit. */
export function demoInn(n: number): string {
  const body = `26990${String(3000 + n).padStart(4, "0")}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + String((sum % 11) % 10);
}

/** The OGRN (13 digits) with a valid check digit. */
export function demoOgrn(n: number): string {
  const body = `10226990${String(3000 + n).padStart(4, "0")}`;
  return body + String(Number(BigInt(body) % 11n) % 10);
}

const PHONE = (n: number) => `8 (86543) ${String(4 + (n % 5))}-${String(10 + n).padStart(2, "0")}-${String(30 + n * 3).slice(-2)}`;

/** The organization's profile: the same fields seed-requisites.ts writes for the first schools. */
export function demoSchoolProfile(school: DemoSchool, n: number) {
  return {
    place: school.place,
    address: `3579${String(60 + (n % 20)).padStart(2, "0")}, Ставропольский край, Левокумский муниципальный округ, ${school.place}, ${school.street}`,
    phone: PHONE(n),
    email: `${school.login}@levokumsky.demo`,
    website: `${school.login}-levokumsky.demo`,
    inn: demoInn(n),
    ogrn: demoOgrn(n),
    headPosition: null,
    headName: school.head,
  };
}
