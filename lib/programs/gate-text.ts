import "server-only";
import type { UnmetCondition } from "../domain/stages";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

/** An unmet exit condition as a sentence of the reader's language (the stage log keeps Russian ones). */
export function unmetText(condition: UnmetCondition, locale: AppLocale = "ru"): string {
  const t = translator(locale);
  return t(`stageGate.${condition.key}` as "stageGate.regulation", condition.values ?? {});
}
