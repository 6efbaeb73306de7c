import "server-only";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import type { MatchText } from "../domain/matching";
import { difficultyKey, sayMatch, type MatchWords } from "./match-text";

// The matching's words in a locale outside a page (an action's refusal details, tests): `words` for sayMatch
// (lib/pairs/match-text.ts), `t` the `pairs` namespace (the pair problems).

export function matchWords(locale: AppLocale): { t: (key: string, values?: Record<string, string | number>) => string; words: MatchWords } {
  const all = translator(locale);
  const t = (key: string, values?: Record<string, string | number>) => all(`pairs.${key}` as never, values as never);
  const difficulty = (tag: string) => {
    const key = `vocabulary.difficulty.${difficultyKey(tag)}`;
    return all.has(key as never) ? all(key as never) : tag.trim();
  };
  return { t, words: { say: (key, values) => t(`matching.${key}`, values), difficulty } };
}

/** A matching sentence in Russian (tests, and whatever must read as the Russian page does). */
export const inRussian = (text: MatchText): string => sayMatch(matchWords("ru").words, text);
