import { stageTitle } from "../domain/stages";
import type { LagReason, StageKey } from "../domain/monitoring";
import { russian } from "../i18n/russian";
import { translator } from "../i18n/translator";
import { lateDeadlineText, reasonText, stageInText, type Tr } from "./district-text";

// The small cell formats the report's sections share (lib/monitoring/report.ts, ./report-school.ts). The report is a
// Russian document: the words the dashboard shows in the reader's language come here from the Russian messages.

const ru = translator("ru");
/** The dashboard's words (monitoring.district) in Russian, whatever the reader's language. */
const district: Tr = (key, values) => ru(`monitoring.district.${key}` as never, values as never);

/** Rounded to one decimal for tables (null stays null). */
export const share = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
export const yesNo = (v: boolean) => (v ? russian("monitoringDocx.yes") : russian("monitoringDocx.no"));
/** «„Отчёт о наставниках“ — с опозданием на 3 дня» per late deadline (decision 047). */
export const lateList = (late: { title: string; daysLate: number }[]) => late.map((l) => lateDeadlineText(district, l)).join("; ");
/** «этап 3», «программа завершена», «нет программы». */
export const stageCell = (rank: number) => stageInText(district, rank);
/** A lagging school's reasons, one sentence each. */
export const reasonSentences = (reasons: LagReason[]) => reasons.map((r) => reasonText(district, r));
/** A row of the table of stages: «Программа не создана», «3. …» (the stage's title), «Программа завершена». */
export function stageKeyTitle(key: StageKey): string {
  if (key === "none") return district("stageNone");
  if (key === "completed") return district("stageCompleted");
  return `${key}. ${stageTitle(Number(key))}`;
}
