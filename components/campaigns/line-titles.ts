import { getTranslations } from "next-intl/server";
import { shippedOwnLine } from "@/lib/campaigns/form-titles";
import { isLibraryKey } from "@/lib/domain/monitoring-indicators";

/**
 * A campaign's lines with the titles of the shipped ones worded in the reader's language: a library indicator by
 * its key, a shipped form's own question by its unchanged Russian copy (decision 048). The office's own questions
 * are its text, shown as stored.
 */
export async function wordedLines<T extends { title: string; libraryKey: string | null }>(lines: T[]): Promise<T[]> {
  const t = await getTranslations("campaigns");
  return lines.map((line) => {
    if (isLibraryKey(line.libraryKey)) return { ...line, title: t(`indicators.${line.libraryKey}`) };
    const own = line.libraryKey ? undefined : shippedOwnLine(line.title);
    return own ? { ...line, title: t(`formLines.${own}`) } : line;
  });
}
