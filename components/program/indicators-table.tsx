import { getTranslations } from "next-intl/server";
import { IndicatorForm } from "@/components/program/passport-form";
import { Table, Td } from "@/components/ui/table";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { listIndicators } from "@/lib/programs/queries";

/**
 * The program's indicators (app/(app)/[org]/program/passport/page.tsx): each one's targets by year, this year's target
 * and actual value and who entered it, with its edit form while the program may be changed.
 */
export async function IndicatorsTable({
  indicators,
  org,
  programId,
  academicYear,
  editable,
  locale,
}: {
  indicators: Awaited<ReturnType<typeof listIndicators>>;
  org: string;
  programId: string;
  academicYear: number;
  editable: boolean;
  locale: AppLocale;
}) {
  const t = await getTranslations();
  const y = String(academicYear);
  return (
    <Table caption={t("passport.indicators")} head={[t("passport.indicator"), t("passport.target"), t("passport.actual"), t("passport.enteredBy")]}>
      {indicators.map((ind) => {
        const target = (ind.targets as Record<string, number>)[y] ?? null;
        return (
          <tr key={ind.id}>
            <Td>
              <p>{ind.title}</p>
              <p className="text-sm text-slate-700">
                {Object.entries(ind.targets as Record<string, number>)
                  .sort(([a], [b]) => Number(a) - Number(b))
                  .map(([yr, v]) => `${formatAcademicYear(Number(yr))}: ${v} ${ind.unit}`)
                  .join(" → ")}
              </p>
              {editable ? (
                <div className="mt-2">
                  <IndicatorForm
                    org={org}
                    programId={programId}
                    label={ind.title}
                    indicator={{ id: ind.id, title: ind.title, unit: ind.unit, target, actual: ind.actualValue }}
                  />
                </div>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap">{target === null ? "—" : `${target} ${ind.unit}`}</Td>
            <Td className="whitespace-nowrap">{ind.actualValue === null ? "—" : `${ind.actualValue} ${ind.unit}`}</Td>
            <Td>{ind.actualEnteredAt ? `${ind.actualEnteredBy?.name ?? ""}, ${formatDate(ind.actualEnteredAt, locale)}` : "—"}</Td>
          </tr>
        );
      })}
    </Table>
  );
}
