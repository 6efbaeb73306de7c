// The registry's row problems (check.ts finds them as keys with values) as sentences of the reader's language:
// the browser actions word them in the user's language, `npm run orgs:import` in Russian.
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import type { RegistryCheck, RegistryIssue, RegistryProblem } from "./check";
import type { ReadProblem } from "./read";
import { REGISTRY_HEADERS, REGISTRY_KIND_WORD, REGISTRY_KINDS, type RegistryField, type RegistryRowReason } from "./schemas";

// The «Вид» words a list may hold (the template's dropdown): the same in every language, since the cell is read in Russian.
const KIND_CHOICES = REGISTRY_KINDS.map((k) => REGISTRY_KIND_WORD[k]);
const CHOICES = { kinds: KIND_CHOICES.slice(0, -1).join(", "), lastKind: KIND_CHOICES.at(-1)! };

/** Words problems in one language: a problem naming a column gets the template's header and the field's name. */
export function registryWords(locale: AppLocale = "ru"): (issue: RegistryIssue) => string {
  const t = translator(locale);
  return ({ key, values }) => {
    const field = typeof values.field === "string" ? (values.field as RegistryField) : null;
    const column: Record<string, string> = field ? { column: REGISTRY_HEADERS[field], fieldName: t(`registry.fields.${field}`) } : {};
    return t(`registry.problems.${key}`, { ...CHOICES, ...values, ...column });
  };
}

/** The problems with their rows, worded (what the preview and the command's JSON carry). */
export function rowReasons(problems: RegistryProblem[], locale: AppLocale = "ru"): RegistryRowReason[] {
  const word = registryWords(locale);
  return problems.map((p) => ({ row: p.row, reason: word(p) }));
}

/** The refusal lines of a checked list: «Строка 5: …» («Row 5: …»), the first `max` of them. */
export function problemLines(check: RegistryCheck, locale: AppLocale = "ru", max = 20): string[] {
  const t = translator(locale);
  return rowReasons(check.problems.slice(0, max), locale).map(({ row, reason }) => t("registry.problemLine", { row, reason }));
}

/** Why the file was not read as a list (read.ts), in one language; the two required columns by their template headers. */
export function readProblemText(problem: ReadProblem, locale: AppLocale = "ru"): string {
  return translator(locale)(`registry.fileProblems.${problem.key}`, { name: REGISTRY_HEADERS.name, kind: REGISTRY_HEADERS.kind, ...problem.values });
}
