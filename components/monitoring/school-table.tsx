import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { SchoolTable, TableCell } from "@/lib/monitoring/school";

function show(cell: TableCell, locale: AppLocale): string {
  if (cell === null) return "—";
  if (cell instanceof Date) return formatDate(cell, locale);
  return String(cell);
}

/**
 * One dashboard table: the chart's data as text, each row's first cell linking to the list behind the
 * figure, and the table's .xlsx export.
 */
export async function SchoolTableView({ table, base, year, locale, emptyText }: { table: SchoolTable; base: string; year: number; locale: AppLocale; emptyText?: string }) {
  const t = await getTranslations("schoolMonitoring");
  return (
    <div className="mb-6 flex flex-col gap-2">
      <h3 className="font-semibold text-slate-900">{table.title}</h3>
      {table.rows.length === 0 ? (
        <p>{emptyText ?? t("empty")}</p>
      ) : (
        <Table caption={table.title} head={table.columns.map((c) => c.header)}>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <Td key={j} className={j > 0 && typeof cell === "number" ? "text-right tabular-nums" : undefined}>
                  {j === 0 && table.links[i] ? (
                    <Link href={`${base}${table.links[i]}`} className="text-brand-700 underline">
                      {show(cell, locale)}
                    </Link>
                  ) : (
                    show(cell, locale)
                  )}
                </Td>
              ))}
            </tr>
          ))}
        </Table>
      )}
      <p className="text-sm">
        <a href={`${base}/monitoring/export?table=${table.key}&year=${year}`} className="text-brand-700 underline">
          {t("exportXlsx")}
        </a>
      </p>
    </div>
  );
}
