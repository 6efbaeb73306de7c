import { getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { TableRows } from "./table-rows";
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
export async function SchoolTableView({
  table,
  base,
  year,
  locale,
  emptyText,
  limit,
}: {
  table: SchoolTable;
  base: string;
  year: number;
  locale: AppLocale;
  emptyText?: string;
  /** Show at most this many rows (a list, not a summary); the .xlsx export below has them all. */
  limit?: number;
}) {
  const t = await getTranslations("schoolMonitoring");
  const rows = limit === undefined ? table.rows : table.rows.slice(0, limit);
  return (
    <div className="mb-6 flex flex-col gap-2">
      <h3 className="font-semibold text-slate-900">{table.title}</h3>
      {table.rows.length === 0 ? (
        <p>{emptyText ?? t("empty")}</p>
      ) : (
        <Table caption={table.title} head={table.columns.map((c) => c.header)}>
          <TableRows
            rows={rows.map((row) => row.map((cell) => show(cell, locale)))}
            numeric={table.columns.map((_, j) => j > 0 && rows.some((row) => typeof row[j] === "number"))}
            links={rows.map((_, i) => (table.links[i] ? `${base}${table.links[i]}` : null))}
          />
        </Table>
      )}
      {rows.length < table.rows.length ? <p className="text-sm">{t("firstRows", { shown: rows.length, total: table.rows.length })}</p> : null}
      <p className="text-sm">
        <a href={`${base}/monitoring/export?table=${table.key}&year=${year}`} className="link">
          {t("exportXlsx")}
        </a>
      </p>
    </div>
  );
}
