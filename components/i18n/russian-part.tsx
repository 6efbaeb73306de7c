import type { ReactNode } from "react";

/**
 * A Russian word inside a sentence of another language — the position a document prints, a column of a Russian
 * template, a methodology's name — marked lang="ru" (screen readers pronounce it as Russian; the English crawl,
 * tests/english, knows it is meant). The `ru` tag of `t.rich`: "…a kindergarten's head is «<ru>Заведующий</ru>»".
 */
export const russianPart = (chunks: ReactNode) => <span lang="ru">{chunks}</span>;
