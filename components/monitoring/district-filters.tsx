import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { STAGE_KEYS, type SchoolFilter } from "@/lib/domain/monitoring";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import type { Tr } from "@/lib/monitoring/district-text";
import { stageKeyText } from "@/lib/monitoring/district-xlsx";

// The dashboard's year selector and filters: a plain GET form (works without JavaScript).
export function DistrictFilters({
  t,
  action,
  year,
  years,
  filter,
  municipalities,
  sort,
}: {
  t: Tr;
  action: string;
  year: number;
  years: number[];
  filter: SchoolFilter;
  municipalities: { id: string; name: string }[] | null;
  /** The table's order, kept when the filters change. */
  sort?: string;
}) {
  const label = "text-sm font-medium text-slate-900";
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-4" aria-label={t("filtersTitle")}>
      <div className="field">
        <label htmlFor="f-q" className={label}>
          {t("searchSchool")}
        </label>
        <input id="f-q" name="q" type="search" maxLength={100} defaultValue={filter.q ?? ""} className={CONTROL} />
      </div>
      <div className="field">
        <label htmlFor="f-year" className={label}>
          {t("year")}
        </label>
        <select id="f-year" name="year" defaultValue={String(year)} className={CONTROL}>
          {years.map((y) => (
            <option key={y} value={y}>
              {formatAcademicYear(y)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-stage" className={label}>
          {t("stage")}
        </label>
        <select id="f-stage" name="stage" defaultValue={filter.stage ?? ""} className={CONTROL}>
          <option value="">{t("stageAny")}</option>
          {STAGE_KEYS.map((k) => (
            <option key={k} value={k}>
              {stageKeyText(t, k)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-running" className={label}>
          {t("running")}
        </label>
        <select id="f-running" name="running" defaultValue={filter.running === true ? "yes" : filter.running === false ? "no" : ""} className={CONTROL}>
          <option value="">{t("runningAny")}</option>
          <option value="yes">{t("runningYes")}</option>
          <option value="no">{t("runningNo")}</option>
        </select>
      </div>
      {municipalities ? (
        <div className="field">
          <label htmlFor="f-municipality" className={label}>
            {t("municipality")}
          </label>
          <select id="f-municipality" name="municipality" defaultValue={filter.municipalityId ?? ""} className={CONTROL}>
            <option value="">{t("municipalityAny")}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex items-center gap-2 pb-2">
        <input id="f-lagging" type="checkbox" name="lagging" value="1" defaultChecked={filter.lagging} className="h-4 w-4" />
        <label htmlFor="f-lagging" className={label}>
          {t("laggingOnly")}
        </label>
      </div>
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      <Button type="submit">{t("show")}</Button>
      <Link href={`${action}?year=${year}`} className="pb-2 text-sm text-brand-700 underline">
        {t("reset")}
      </Link>
    </form>
  );
}
