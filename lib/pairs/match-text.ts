import type { MatchText } from "../domain/matching";

// The matching's sentences (lib/domain/matching.ts returns them as keys of `pairs.matching` with values) in the
// reader's words: the matching panel (browser), the pair's page, the refusal details and the tests.

/**
 * `say`: a key of `pairs.matching` with its values, translated; `difficulty`: a difficulty tag's label
 * (vocabulary.difficulty; a free tag as written). Browser code builds both from literal-prefixed calls
 * (t(`matching.${key}`)), so that only those keys travel to it (docs/decisions/014).
 */
export type MatchWords = { say: (key: string, values?: Record<string, string | number>) => string; difficulty: (tag: string) => string };

export function sayMatch(words: MatchWords, text: MatchText): string {
  const values: Record<string, string | number> = { ...text.values };
  for (const [name, inner] of Object.entries(text.texts ?? {})) values[name] = sayMatch(words, inner);
  for (const [name, list] of Object.entries(text.lists ?? {})) values[name] = list.map((inner) => sayMatch(words, inner)).join("; ");
  if (text.difficulties) values.list = text.difficulties.map((tag) => words.difficulty(tag)).join("; ");
  return words.say(text.key, values);
}

/** Why a pair is excluded: the reasons in one sentence, capitalized, with a full stop. */
export function sayExcluded(words: MatchWords, reasons: MatchText[]): string {
  const sentence = reasons.map((r) => sayMatch(words, r)).join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** A criterion's note as stored with a pair: a MatchText, or the Russian sentence of pairs proposed before. */
export function sayNote(words: MatchWords, note: MatchText | string): string {
  return typeof note === "string" ? note : sayMatch(words, note);
}

/** The difficulty key of a tag as the matching compares it (trimmed, upper case). */
export const difficultyKey = (tag: string) => tag.trim().toUpperCase();
