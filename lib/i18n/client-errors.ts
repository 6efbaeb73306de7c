// The shared "errors" namespace holds every refusal of every server action (≈ 160 messages, 21 KB in a
// page); those are translated on the server and arrive as text. The browser translates only what it
// produces itself — the zod schemas' messages in the forms' validation, file-size checks, questionnaire
// answer checks: keys written as string literals in browser code, found by lib/i18n/client-messages.test.ts
// — and the few keys the server hands over for it to translate, listed here (docs/decisions/014).

/**
 * Keys the server returns untranslated for the browser to translate: the people import's preview reports a
 * problem with the whole file as `{ key, values }` (lib/people/import.ts, shown by import-wizard.tsx).
 */
export const SERVER_FED_ERROR_KEYS = [
  "peopleImportNotSpreadsheet", "peopleImportEncoding", "peopleImportTooLarge", "peopleImportTooManyRows",
  "peopleImportMappingTwice", "peopleImportMissingColumns", "peopleImportNoRows",
] as const;

