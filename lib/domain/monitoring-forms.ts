// The ready monitoring forms a methodist starts a campaign from (issue #16 item 3, decision 048): the
// municipal monitoring of seed 002 (Левокумский муниципальный округ, roadmap item 10 and section 6 of the
// regulation), the teachers' indicators of the 2021 system of mentoring of pedagogical workers, and the
// students' indicators of the target model (Р-145). The texts are document content, copied into the
// campaign's form, where the office may remove lines and add its own questions. No I/O.

import { INDICATOR_LIBRARY, type AnswerType, type LibraryKey } from "./monitoring-indicators";

export type FormLine = { libraryKey: LibraryKey; title?: undefined; answerType?: undefined } | { libraryKey?: undefined; title: string; answerType: AnswerType };
export type ShippedForm = { key: string; title: string; lines: FormLine[] };

const lib = (...keys: LibraryKey[]): FormLine[] => keys.map((libraryKey) => ({ libraryKey }));

export const SHIPPED_FORMS: ShippedForm[] = [
  {
    key: "municipal",
    title: "Мониторинг реализации системы наставничества педагогических работников в образовательной организации",
    lines: [
      ...lib("act.modelIntroduction", "act.regulation", "act.roadmap", "act.curator", "act.incentive", "act.pairsOrder", "site.section"),
      { title: "Ссылка на раздел «Наставничество» на официальном сайте", answerType: "LINK" },
      ...lib("bank.mentors", "bank.mentees", "pairs.byOrder", "coverage.teachers", "coverage.youngSpecialists", "satisfaction.mentees", "satisfaction.mentors", "cases.count", "awards.count", "deadlines.met"),
      // The effectiveness of the personalized programs the municipal monitoring asks for (seed 002, §6).
      ...lib("programs.personalApproved", "programs.planDone", "growth.criteriaUp", "retention.youngMentored"),
      { title: "Число заседаний муниципального Совета наставников с участием кураторов и наставников школы", answerType: "NUMBER" },
      { title: "Лучшая практика наставничества года (кратко)", answerType: "TEXT" },
      { title: "Аналитическая справка о реализации системы наставничества", answerType: "FILE" },
    ],
  },
  {
    key: "teachers2021",
    title: "Показатели системы наставничества педагогических работников",
    lines: [
      ...lib("act.regulation", "act.roadmap", "act.curator", "act.incentive", "site.section", "bank.mentors", "pairs.byOrder", "pairs.completed", "coverage.teachers", "coverage.youngSpecialists", "satisfaction.mentees", "satisfaction.mentors"),
      ...lib("retention.youngMentored"),
    ],
  },
  {
    key: "studentsR145",
    title: "Показатели целевой модели наставничества обучающихся (методология Р-145)",
    lines: [
      ...lib("act.modelIntroduction", "act.regulation", "act.roadmap", "site.section", "pairs.byOrder", "coverage.studentMentees", "coverage.studentMentors", "coverage.minorMentees", "coverage.minorMentors", "satisfaction.mentees", "satisfaction.mentors", "meetings.count", "cases.count"),
      { title: "Число организаций-партнёров, предоставивших наставников", answerType: "NUMBER" },
    ],
  },
];

export const SHIPPED_FORM_KEYS = SHIPPED_FORMS.map((f) => f.key) as [string, ...string[]];

export const shippedForm = (key: string): ShippedForm | undefined => SHIPPED_FORMS.find((f) => f.key === key);

/** A form's lines as the campaign stores them: title and type, the library key where the app computes it. */
export function formIndicators(form: ShippedForm): { position: number; title: string; answerType: AnswerType; libraryKey: LibraryKey | null }[] {
  return form.lines.map((line, i) =>
    line.libraryKey
      ? { position: i + 1, title: INDICATOR_LIBRARY[line.libraryKey].title, answerType: INDICATOR_LIBRARY[line.libraryKey].answerType, libraryKey: line.libraryKey }
      : { position: i + 1, title: line.title, answerType: line.answerType, libraryKey: null },
  );
}
