import { createTranslator } from "use-intl/core";
import consentDocuments from "./russian/consent-documents.json";
import districtFiles from "./russian/district-files.json";
import monitoringReport from "./russian/monitoring-report.json";
import orderDocuments from "./russian/order-documents.json";
import registryFiles from "./russian/registry-files.json";
import stage1Documents from "./russian/stage1-documents.json";

// The Russian that is not interface text (decision 064): the text of the school's documents (orders, consents,
// reports, exports — printed in Russian whatever language the reader uses) and what the operator's console prints
// (lib/i18n/russian-console.ts, kept apart so the command-line tools and the server's start-up load no document text).
// It lives in lib/i18n/russian/<area>.json as ICU messages, one namespace or more per file, and has no English twin;
// the code holds no Russian literal at all (lib/i18n/language-policy.test.ts). Starter content and the words
// recognised in imported files are data, not messages: lib/i18n/russian/data/*.json, imported by the module that
// uses them.

type Namespaces = Record<string, Record<string, unknown>>;

function merge<T extends Namespaces>(...parts: Namespaces[]): T {
  const out: Namespaces = {};
  for (const part of parts) for (const [ns, value] of Object.entries(part)) out[ns] = { ...out[ns], ...value };
  return out as T;
}

type RussianTexts = typeof consentDocuments & typeof districtFiles & typeof monitoringReport & typeof orderDocuments & typeof registryFiles & typeof stage1Documents;
export const RUSSIAN_TEXTS = merge<RussianTexts>(consentDocuments, districtFiles, monitoringReport, orderDocuments, registryFiles, stage1Documents);

/**
 * The Russian texts' translator: `russian("consentDocument.title", { purpose })`, or with a namespace
 * `russianIn("consentDocument")`. A missing key or a malformed message throws — a document never prints a key.
 */
export const russian = createTranslator({ locale: "ru", messages: RUSSIAN_TEXTS, onError: (error) => { throw error; } });

export function russianIn<N extends keyof RussianTexts & string>(namespace: N) {
  return createTranslator<RussianTexts, N>({ locale: "ru", messages: RUSSIAN_TEXTS, namespace, onError: (error) => { throw error; } });
}
