import "server-only";
import type { RuleProblem } from "../domain/consent";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

/**
 * A rule's problem (consent, bank, approval) as a sentence of the reader's language, for the already-worded
 * lines under a refusal (`details`); a refusal's own message is translated by the action wrapper.
 */
export function problemText(problem: RuleProblem, locale: AppLocale = "ru"): string {
  const t = translator(locale);
  return t(`errors.${problem.key}` as "errors.notFound", (problem.values ?? {}) as never);
}
