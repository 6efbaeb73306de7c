import { createTranslator } from "use-intl/core";
import consoleTexts from "./russian/console.json";

// What the command-line tools, the backups and the server's start-up print for the operator (decision 064), in
// Russian: lib/i18n/russian/console.json. Apart from lib/i18n/russian.ts so that these load no document text.

/** `consoleText("backup.done", { file })`; a missing key or a malformed message throws. */
export const consoleText = createTranslator({ locale: "ru", messages: consoleTexts, onError: (error) => { throw error; } });
