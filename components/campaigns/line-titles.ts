import { getLocale } from "next-intl/server";
import { lineTitleIn } from "@/lib/campaigns/form-titles";
import { toLocale } from "@/lib/i18n/config";

/**
 * A campaign's lines with the titles of the shipped ones worded in the reader's language: a library indicator by
 * its key, a shipped form's own question by its unchanged Russian copy (decision 048). The office's own questions
 * are its text, shown as stored.
 */
export async function wordedLines<T extends { title: string; libraryKey: string | null }>(lines: T[]): Promise<T[]> {
  const locale = toLocale(await getLocale());
  return lines.map((line) => ({ ...line, title: lineTitleIn(locale, line) }));
}
