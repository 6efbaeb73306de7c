import { lateText } from "../domain/deadline-timing";

// The small cell formats the report's sections share (lib/monitoring/report.ts, ./report-school.ts).

/** Rounded to one decimal for tables (null stays null). */
export const share = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
export const yesNo = (v: boolean) => (v ? "да" : "нет");
/** «Отчёт о наставниках — с опозданием на 3 дня» per late deadline (decision 047). */
export const lateList = (late: { title: string; daysLate: number }[]) => late.map((l) => `«${l.title}» — ${lateText(l.daysLate)}`).join("; ");
