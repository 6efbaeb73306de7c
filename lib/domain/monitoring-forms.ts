// The ready monitoring forms a methodist starts a campaign from (issue #16 item 3, decision 048): the
// municipal monitoring of seed 002 (Левокумский муниципальный округ, roadmap item 10 and section 6 of the
// regulation), the teachers' indicators of the 2021 system of mentoring of pedagogical workers, and the
// students' indicators of the target model (Р-145). The texts are messages of the campaigns namespace
// (`shippedForms.<key>`, `formLines.<key>`, `indicators.<library key>`): pages word them in the reader's language;
// a new campaign stores their Russian copy (lib/campaigns/form-titles.ts), where the office may remove lines
// and add its own questions. No I/O.

import { INDICATOR_LIBRARY, type AnswerType, type LibraryKey } from "./monitoring-indicators";

/** The shipped forms' own questions (not computed by the app), by their message key `formLines.<key>`. */
export type OwnLineKey = "siteLink" | "councilMeetings" | "bestPractice" | "analyticalNote" | "partnerMentors";
export type FormLine = { libraryKey: LibraryKey; ownKey?: undefined; answerType?: undefined } | { libraryKey?: undefined; ownKey: OwnLineKey; answerType: AnswerType };
export type ShippedFormKey = "municipal" | "teachers2021" | "studentsR145";
/** A form's title is the message `shippedForms.<key>`. */
export type ShippedForm = { key: ShippedFormKey; lines: FormLine[] };

const lib = (...keys: LibraryKey[]): FormLine[] => keys.map((libraryKey) => ({ libraryKey }));

export const SHIPPED_FORMS: ShippedForm[] = [
  {
    key: "municipal",
    lines: [
      ...lib("act.modelIntroduction", "act.regulation", "act.roadmap", "act.curator", "act.incentive", "act.pairsOrder", "site.section"),
      { ownKey: "siteLink", answerType: "LINK" },
      ...lib("bank.mentors", "bank.mentees", "pairs.byOrder", "coverage.teachers", "coverage.youngSpecialists", "satisfaction.mentees", "satisfaction.mentors", "cases.count", "awards.count", "deadlines.met"),
      // The effectiveness of the personalized programs the municipal monitoring asks for (seed 002, §6).
      ...lib("programs.personalApproved", "programs.planDone", "growth.criteriaUp", "retention.youngMentored"),
      { ownKey: "councilMeetings", answerType: "NUMBER" },
      { ownKey: "bestPractice", answerType: "TEXT" },
      { ownKey: "analyticalNote", answerType: "FILE" },
    ],
  },
  {
    key: "teachers2021",
    lines: [
      ...lib("act.regulation", "act.roadmap", "act.curator", "act.incentive", "site.section", "bank.mentors", "pairs.byOrder", "pairs.completed", "coverage.teachers", "coverage.youngSpecialists", "satisfaction.mentees", "satisfaction.mentors"),
      ...lib("retention.youngMentored"),
    ],
  },
  {
    key: "studentsR145",
    lines: [
      ...lib("act.modelIntroduction", "act.regulation", "act.roadmap", "site.section", "pairs.byOrder", "coverage.studentMentees", "coverage.studentMentors", "coverage.minorMentees", "coverage.minorMentors", "satisfaction.mentees", "satisfaction.mentors", "meetings.count", "cases.count"),
      { ownKey: "partnerMentors", answerType: "NUMBER" },
    ],
  },
];

export const SHIPPED_FORM_KEYS = SHIPPED_FORMS.map((f) => f.key) as [ShippedFormKey, ...ShippedFormKey[]];

export const shippedForm = (key: string): ShippedForm | undefined => SHIPPED_FORMS.find((f) => f.key === key);

/** The message key (of the campaigns namespace) of a line's title. */
export type LineTitleKey = `indicators.${LibraryKey}` | `formLines.${OwnLineKey}`;

/** A form's lines as the campaign stores them: the title's key and the type, the library key where the app computes it. */
export function formIndicators(form: ShippedForm): { position: number; titleKey: LineTitleKey; answerType: AnswerType; libraryKey: LibraryKey | null }[] {
  return form.lines.map((line, i) =>
    line.libraryKey
      ? { position: i + 1, titleKey: `indicators.${line.libraryKey}` as const, answerType: INDICATOR_LIBRARY[line.libraryKey].answerType, libraryKey: line.libraryKey }
      : { position: i + 1, titleKey: `formLines.${line.ownKey}` as const, answerType: line.answerType, libraryKey: null },
  );
}
