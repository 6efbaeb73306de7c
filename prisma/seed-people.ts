// People of the demo district's generated schools (prisma/seed-school-story.ts): Russian full names drawn in
// turn from small pools, so that every name is different within the district and the seed is the same
// on every run. Nobody here is a real person.

const FEMALE = {
  last: ["Иванова", "Петренко", "Сидоренко", "Кравченко", "Захарова", "Морозова", "Павлова", "Соколова", "Лысенко", "Белоусова", "Гусева", "Тимошенко", "Ершова", "Яковлева", "Данилова", "Мирошниченко", "Савченко", "Клименко", "Полякова", "Симонова", "Романенко", "Голубева", "Виноградова", "Тарасенко", "Рябова", "Нестеренко", "Анисимова", "Жукова", "Щербакова", "Логинова", "Федорченко", "Бойко"],
  first: ["Анна", "Елена", "Ольга", "Татьяна", "Светлана", "Наталья", "Ирина", "Юлия", "Марина", "Екатерина", "Виктория", "Алина", "Кристина", "Дарья", "Ксения", "Валентина"],
  middle: ["Александровна", "Сергеевна", "Викторовна", "Николаевна", "Ивановна", "Петровна", "Владимировна", "Андреевна", "Михайловна", "Юрьевна", "Геннадьевна", "Олеговна"],
};
const MALE = {
  last: ["Кузьменко", "Смирнов", "Литвиненко", "Ткачёв", "Головко", "Мартыненко", "Гончаренко", "Авдеев", "Сорокин", "Прохоров", "Мельник", "Зуев", "Чернов", "Денисенко", "Калинин", "Беляев"],
  first: ["Алексей", "Дмитрий", "Сергей", "Андрей", "Павел", "Николай", "Евгений", "Максим", "Артём", "Владимир", "Роман", "Илья"],
  middle: ["Александрович", "Сергеевич", "Викторович", "Николаевич", "Иванович", "Петрович", "Владимирович", "Андреевич", "Михайлович", "Юрьевич"],
};

export type DemoName = { lastName: string; firstName: string; middleName: string };

/** The n-th name of the district: mostly women (as in Russian schools), every fourth a man. */
export function demoName(n: number): DemoName {
  const pool = n % 4 === 3 ? MALE : FEMALE;
  const k = n % 4 === 3 ? (n - 3) / 4 : n - Math.floor(n / 4);
  // Co-prime strides through the pools: the triple repeats only after many names.
  return { lastName: pool.last[k % pool.last.length]!, firstName: pool.first[(k * 5 + 3) % pool.first.length]!, middleName: pool.middle[(k * 7 + 1) % pool.middle.length]! };
}

/** The legal representative of a minor: a parent with the child's surname (feminine or masculine form kept). */
export function representativeOf(child: DemoName, n: number): string {
  const mother = FEMALE.first[(n * 3 + 1) % FEMALE.first.length]!;
  const middle = FEMALE.middle[(n * 5 + 2) % FEMALE.middle.length]!;
  const last = /(ов|ев|ин|ёв)$/.test(child.lastName) ? `${child.lastName}а` : child.lastName;
  return `${last} ${mother} ${middle}`;
}

export type StaffWords = { mentorPosition: string; menteePosition: string; subjects: string[][] };

/** Positions and subjects by the kind of organization (a kindergarten has «воспитатели», a college «преподаватели»). */
export function staffWords(kind: "GENERAL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY"): StaffWords {
  switch (kind) {
    case "KINDERGARTEN":
      return { mentorPosition: "Старший воспитатель", menteePosition: "Воспитатель", subjects: [["Дошкольное образование"], ["Музыкальное развитие"], ["Физическое развитие"]] };
    case "COLLEGE":
      return { mentorPosition: "Преподаватель", menteePosition: "Преподаватель", subjects: [["Агрономия"], ["Механизация сельского хозяйства"], ["Ветеринария"], ["Экономика и бухгалтерский учёт"]] };
    case "SUPPLEMENTARY":
      return { mentorPosition: "Педагог дополнительного образования", menteePosition: "Педагог дополнительного образования", subjects: [["Декоративно-прикладное творчество"], ["Хореография"], ["Робототехника"]] };
    default:
      return {
        mentorPosition: "Учитель",
        menteePosition: "Учитель",
        subjects: [["Русский язык", "Литература"], ["Математика"], ["Английский язык"], ["История", "Обществознание"], ["Биология", "Химия"], ["Начальные классы"], ["Физика"], ["Информатика"]],
      };
  }
}
