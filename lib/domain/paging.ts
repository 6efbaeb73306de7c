/** The page of a list to show: `page` (1-based, clamped to the pages there are) and the slice bounds. */
export function pageOf(total: number, size: number, requested: number | undefined) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = requested && requested >= 1 ? Math.min(requested, pages) : 1;
  return { page, pages, from: (page - 1) * size, to: Math.min(page * size, total) };
}

/** A list computed in memory (the district's figures, a campaign's schools), cut to one page the same way. */
export function pageRows<T>(rows: T[], size: number, requested: number | undefined) {
  const shown = pageOf(rows.length, size, requested);
  return { total: rows.length, ...shown, rows: rows.slice(shown.from, shown.to) };
}

/**
 * A text search over a list computed in memory (the district's figures, a campaign's schools): every word of `q`
 * (at most five, any case) is a part of `text`. No words: everything matches.
 */
export function matchesEveryWord(q: string | undefined, text: string): boolean {
  const words = (q ?? "").toLocaleLowerCase("ru").split(/\s+/).filter(Boolean).slice(0, 5);
  const hay = text.toLocaleLowerCase("ru");
  return words.every((w) => hay.includes(w));
}
