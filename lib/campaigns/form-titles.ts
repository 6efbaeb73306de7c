import { formIndicators, type LineTitleKey, type OwnLineKey, type ShippedForm } from "../domain/monitoring-forms";
import { isLibraryKey, type LibraryKey } from "../domain/monitoring-indicators";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

// A campaign stores its own copy of each line's title (decision 048): the office's form is a document of its own,
// which the consolidated .xlsx and .docx print. The copy is in Russian whatever the methodist's language; pages
// word a library line by its key instead. No "server-only": the seed (a plain Node entry point) imports it.

/** A line's Russian title, as a new campaign stores it. */
export const lineTitleRu = (key: LineTitleKey): string => translator("ru")(`campaigns.${key}`);

/** A library indicator's Russian title. */
export const indicatorTitleRu = (key: LibraryKey): string => lineTitleRu(`indicators.${key}`);

/** A shipped form's lines as a new campaign stores them: the Russian title, the type, the library key. */
export function storedFormLines(form: ShippedForm) {
  return formIndicators(form).map(({ titleKey, ...line }) => ({ ...line, title: lineTitleRu(titleKey) }));
}

const OWN_LINE_KEYS = ["siteLink", "councilMeetings", "bestPractice", "analyticalNote", "partnerMentors"] as const satisfies readonly OwnLineKey[];

/**
 * The shipped own question a stored line is an unchanged copy of, if any: a line without a library key whose
 * title is a shipped line's Russian text (the office cannot edit a line's title, only remove it or add its own).
 */
export function shippedOwnLine(title: string): OwnLineKey | undefined {
  return OWN_LINE_KEYS.find((key) => lineTitleRu(`formLines.${key}`) === title);
}

/**
 * A stored line's title in `locale`: a library indicator by its key, a shipped form's own question by its
 * unchanged Russian copy; the office's own questions are its text, as stored.
 */
export function lineTitleIn(locale: AppLocale, line: { title: string; libraryKey: string | null }): string {
  if (isLibraryKey(line.libraryKey)) return translator(locale)(`campaigns.indicators.${line.libraryKey}`);
  const own = line.libraryKey ? undefined : shippedOwnLine(line.title);
  return own ? translator(locale)(`campaigns.formLines.${own}`) : line.title;
}
