// A period and a basis act as the page words them, in the reader's language (messages banks.incentives…); the
// order itself cites them in Russian through lib/domain/incentives.ts (periodText, actReference).
import type { BasisAct, Period } from "@/lib/domain/incentives";
import { formatCalendarDate } from "@/lib/format";

type IncentivesTranslator = (key: string, values?: Record<string, string | number>) => string;

/** «01.09.2026 – 31.12.2026». */
export function periodWords(t: IncentivesTranslator, p: Period): string {
  return t("periodRange", { from: formatCalendarDate(p.from), to: formatCalendarDate(p.to) });
}

/** «Regulation on incentive payments (of 28.08.2026, No. 75-од)»: the act's title is the school's own. */
export function actWords(t: IncentivesTranslator, act: BasisAct): string {
  const date = act.date ? formatCalendarDate(act.date) : null;
  if (date && act.number) return t("actDatedNumbered", { title: act.title, date, number: act.number });
  if (date) return t("actDated", { title: act.title, date });
  if (act.number) return t("actNumbered", { title: act.title, number: act.number });
  return act.title;
}
