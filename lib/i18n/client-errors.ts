// The keys of the shared "errors" namespace that the browser can show (docs/decisions/014). The namespace
// holds every refusal of every server action (≈ 160 messages, 21 KB in a page); those are translated on
// the server and arrive as text. The browser translates only what it produces itself — the zod schemas'
// messages in the forms' validation, file-size checks, questionnaire answer checks — and a few keys the
// server hands over for it to translate. ClientMessages sends only these under "errors".

/**
 * Keys written as string literals in code that runs in the browser. lib/i18n/client-messages.test.ts
 * derives this list from the code and fails with the expected list when it differs.
 */
export const BROWSER_ERROR_KEYS = [
  "academicYear", "agreedOnRequired", "answerOption", "answerRequired", "answerScale", "answerTooLong", "answerType",
  "awardPersonRequired", "awardTitleRequired", "capacityRange", "date", "email", "evidenceRequired", "fileRequired",
  "fileTooLarge", "fileType", "hoursRange", "importEmpty", "importTooLarge", "invalidStage",
  "meetingAttendeesRequired", "meetingInFuture", "meetingOutsideProgram", "menteesRequired", "notFound", "number",
  "optionLabelRequired", "pairsRequired", "passwordTooLong", "passwordTooShort", "passwordsDiffer",
  "peopleImportTooLarge", "personalProgramEndsBeforeStart", "personalProgramTooLong", "personalProgramTooShort",
  "planItemResultRequired", "practiceFileType", "practicePairRequired", "practiceSummaryRequired",
  "practiceTagTooLong", "practiceTitleRequired", "practiceTooManyTags", "publicationSeparate", "purposesRequired",
  "questionTextRequired", "questionsRequired", "reasonRequired", "reasonShort", "recipientsRequired",
  "representativeRequired", "required", "responsibleRequired", "scaleRange", "scanType", "surveyBeforeRequired",
  "timeZone", "tooLong", "tooManyOptions", "tooManyQuestions", "unknownTag", "validation", "weightRange",
] as const;

/**
 * Keys the server returns untranslated for the browser to translate: the people import's preview reports a
 * problem with the whole file as `{ key, values }` (lib/people/import.ts, shown by import-wizard.tsx).
 */
export const SERVER_FED_ERROR_KEYS = [
  "peopleImportNotSpreadsheet", "peopleImportEncoding", "peopleImportTooLarge", "peopleImportTooManyRows",
  "peopleImportMappingTwice", "peopleImportMissingColumns", "peopleImportNoRows",
] as const;

export const CLIENT_ERROR_KEYS: ReadonlySet<string> = new Set<string>([...BROWSER_ERROR_KEYS, ...SERVER_FED_ERROR_KEYS]);
