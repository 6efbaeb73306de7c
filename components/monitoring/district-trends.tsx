import { Section } from "@/components/ui/page-header";
import { formatDecimal } from "@/lib/format";
import { Table, Td } from "@/components/ui/table";
import type { Tr } from "@/lib/monitoring/district-text";
import type { DistrictSummary } from "@/lib/domain/monitoring";
import { compareYears, type TrendRow, type TrendScope } from "@/lib/domain/monitoring-trends";


function directionKey(r: TrendRow): string {
  if (r.direction === null) return "none";
  if (r.direction === "same") return "same";
  return `${r.direction}${r.better ? "Better" : "Worse"}`;
}

/** The comparison with the year before (issue #16 item 4) of a district (region) dashboard or of a school: the report's rows, translated. */
export function DistrictTrends({ t, previous, current, yearText, previousText, scope = "district" }: { t: Tr; previous: DistrictSummary; current: DistrictSummary; yearText: string; previousText: string; scope?: TrendScope }) {
  const title = t("trends.title", { year: yearText, previous: previousText });
  if (previous.withProgram === 0) {
    return (
      <Section title={title} id="trends">
        <p>{t("trends.none", { previous: previousText })}</p>
      </Section>
    );
  }
  const rows = compareYears(previous, current, scope);
  const change = (r: TrendRow) => (r.change === null ? "—" : `${r.change > 0 ? "+" : r.change < 0 ? "−" : ""}${formatDecimal(Math.abs(r.change))}${r.unit === "percent" && r.change !== 0 ? ` ${t("trends.points")}` : ""}`);
  const compared = rows.filter((r) => r.change !== null).length;
  return (
    <Section title={title} id="trends">
      <p className="mb-2">{t("trends.summary", { better: rows.filter((r) => r.better === true).length, compared, worse: rows.filter((r) => r.better === false).length })}</p>
      <p className="mb-3 text-sm text-slate-700">{t("trends.note")}</p>
      <Table caption={t("trends.caption")} head={[t("trends.head.indicator"), previousText, yearText, t("trends.head.change"), t("trends.head.direction")]}>
        {rows.map((r) => (
          <tr key={r.key}>
            <Td>{t(`trends.rows.${r.key}`)}</Td>
            <Td>{formatDecimal(r.previous)}</Td>
            <Td>{formatDecimal(r.current)}</Td>
            <Td>{change(r)}</Td>
            <Td>{t(`trends.direction.${directionKey(r)}`)}</Td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
