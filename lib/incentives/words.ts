import type { BasisAct, Period } from "../domain/incentives";
import { formatCalendarDate } from "../format";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

// A payment's period and its basis act as the pages and the refusals say them, in the reader's language (the
// order .docx says them in Russian: periodText and actReference of ./order-document.ts).

/** «с 01.09.2026 по 31.12.2026» / «01.09.2026 to 31.12.2026». */
export function periodWords(p: Period, locale: AppLocale = "ru"): string {
  return translator(locale)("incentiveWords.period", { from: formatCalendarDate(p.from), to: formatCalendarDate(p.to) });
}

/** «Положение о стимулирующих выплатах (от 28.08.2026 № 75-од)» / «… (of 28.08.2026 No. 75-од)». */
export function actWords(act: BasisAct, locale: AppLocale = "ru"): string {
  const t = translator(locale);
  const approved = [act.date ? t("incentiveWords.actOf", { date: formatCalendarDate(act.date) }) : null, act.number ? t("incentiveWords.actNumber", { number: act.number }) : null]
    .filter(Boolean)
    .join(" ");
  return approved ? t("incentiveWords.act", { title: act.title, approved }) : act.title;
}
