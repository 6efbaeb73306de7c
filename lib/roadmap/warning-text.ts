import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import type { RoadmapWarning } from "./types";

/** A parser's remark as a sentence: the import's refusal details, the roadmap:parse command (Russian). */
export function warningText(w: RoadmapWarning, locale: AppLocale = "ru"): string {
  return translator(locale)(`roadmapWarnings.${w.key}`, w.values);
}

/** All the warnings of a parse, in order, as sentences. */
export const warningTexts = (r: { warnings: RoadmapWarning[] }, locale: AppLocale = "ru") => r.warnings.map((w) => warningText(w, locale));
