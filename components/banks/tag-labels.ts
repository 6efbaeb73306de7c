// The banks' tags (difficulties, competencies) as the reader's words (namespace «vocabulary»), for server and
// browser components alike: the caller passes its translator of that namespace.

type VocabularyTranslator = { (key: string): string; has(key: string): boolean };

/** Tags joined with «; », «—» for none; a tag the vocabulary does not know (an old or imported value) is shown as stored. */
export function tagLabels(tv: VocabularyTranslator, group: "competency" | "difficulty", tags: string[]): string {
  return tags.length ? tags.map((tag) => (tv.has(`${group}.${tag}`) ? tv(`${group}.${tag}`) : tag)).join("; ") : "—";
}
