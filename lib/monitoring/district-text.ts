import { COMPLETED_RANK, type AssessedSchool, type LagReason, type SchoolFilter } from "../domain/monitoring";
import { formatDateTime, formatPercent } from "../format";

// The dashboard's words for a school's figures, shared by the pages, the .xlsx exports and — through
// translator("ru") — the analytical report's Russian (lib/monitoring/report-cells.ts). `t` is a translator bound to
// the "monitoring.district" namespace (next-intl's getTranslations or lib/i18n/translator).

export type Tr = (key: string, values?: Record<string, string | number>) => string;

export function stageText(t: Tr, rank: number): string {
  if (rank <= 0) return t("noProgram");
  if (rank >= COMPLETED_RANK) return t("completed");
  return t("stageValue", { stage: rank });
}

/** The stage inside a sentence: «этап 3», «программа завершена», «нет программы». */
export function stageInText(t: Tr, rank: number): string {
  if (rank <= 0) return t("stageInText.none");
  if (rank >= COMPLETED_RANK) return t("stageInText.completed");
  return t("stageInText.stage", { stage: rank });
}

/** A lagging school's reason as a sentence (lib/domain/monitoring.ts lagReasons): its message, the acts and the median named. */
export function reasonText(t: Tr, reason: LagReason): string {
  const values: Record<string, string | number> = { ...reason.values };
  if (reason.acts) values.acts = reason.acts.map((a) => t(`actNames.${a}`)).join(", ");
  if (reason.code === "behind-median") values.median = stageInText(t, Number(reason.values.median));
  return t(`reasons.${reason.code}`, values);
}

/** «„Отчёт о наставниках“ — с опозданием на 3 дня» per late deadline (decision 047). */
export function lateDeadlineText(t: Tr, late: { title: string; daysLate: number }): string {
  return t("lateDeadline", { title: late.title, days: late.daysLate });
}

export function actsCount(s: AssessedSchool): number {
  return Number(s.acts.regulation) + Number(s.acts.roadmap) + Number(s.acts.curator);
}

/** The main table's row as words (the page shows these, the export writes them). */
export function schoolRowText(t: Tr, s: AssessedSchool) {
  return {
    stage: stageText(t, s.rank),
    acts: t("actsValue", { count: actsCount(s) }),
    running: s.runsSystem ? t("runsYes") : t("runsNo"),
    pairs: t("pairsValue", { byOrder: s.pairs.byOrder, active: s.pairs.active }),
    coverage: t("coverageValue", { teachers: formatPercent(s.coverage.teachersInvolved), young: formatPercent(s.coverage.youngSpecialistsCovered) }),
    satisfaction: t("satisfactionValue", { mentee: formatPercent(s.menteeSatisfaction), mentor: formatPercent(s.mentorSatisfaction) }),
    deadlines: t("deadlinesValue", { met: s.deadlinesMet, due: s.deadlinesDue }),
    late: (s.lateDeadlines ?? []).map((l) => lateDeadlineText(t, l)),
    status: s.lagging ? t("lagging") : t("onTrack"),
    reasons: s.reasons.map((r) => reasonText(t, r)),
  };
}

/** The dashboard's current search parameters (year, filters, order), as its links and forms carry them. */
export function dashboardQuery(year: number, filter: SchoolFilter, sort: string | undefined): Record<string, string | undefined> {
  return {
    year: String(year),
    stage: filter.stage ?? undefined,
    lagging: filter.lagging ? "1" : undefined,
    running: filter.running === true ? "yes" : filter.running === false ? "no" : undefined,
    municipality: filter.municipalityId ?? undefined,
    q: filter.q,
    sort,
  };
}

/** A dashboard link keeping the current search parameters, with some changed (null removes one). */
export function dashboardHref(path: string, current: Record<string, string | undefined>, changes: Record<string, string | null> = {}, hash = ""): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) if (value !== null && value !== undefined && value !== "") params.set(key, value);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ""}${hash}`;
}

/**
 * «Данные на 14:05» — how fresh the dashboard's figures are (read on the replica: its last replayed commit when it
 * lags), as the office's wall clock shows it; the date too when it is not today's.
 */
export function freshnessText(t: Tr, asOf: Date, current: Date, timeZone: string): string {
  const [date, time] = formatDateTime(asOf, timeZone).split(" ") as [string, string];
  const [today] = formatDateTime(current, timeZone).split(" ") as [string, string];
  return date === today ? t("dataAsOf", { time }) : t("dataAsOfDay", { date, time });
}
