import Link from "next/link";
import type { ReactNode } from "react";
import { Table, Td, type TableSort } from "@/components/ui/table";
import { sortableHead } from "@/components/ui/list-controls";
import type { SortState } from "@/lib/http/list-search";
import type { AssessedSchool } from "@/lib/domain/monitoring";
import { schoolRowText, type Tr } from "@/lib/monitoring/district-text";

// The district's schools with their figures; a school that needs attention is marked with a word and an icon
// (not colour only) and its reasons are listed. Each name opens the school's aggregates. With `sort`, the name, stage,
// overdue and status headers are the server's sort links (components/ui/list-controls.tsx).
export function DistrictSchoolsTable({
  t,
  caption,
  schools,
  showMunicipality,
  schoolHref,
  sort,
  sortHref,
}: {
  t: Tr;
  caption: string;
  schools: AssessedSchool[];
  showMunicipality: boolean;
  schoolHref: (id: string) => string;
  sort?: SortState;
  sortHref?: (sort: string) => string;
}) {
  const columns = [
    // A region's table names each school's municipality under the school: one column less to fit 1366 px.
    { label: showMunicipality ? t("columns.schoolAndMunicipality") : t("columns.school"), sort: "name" },
    { label: t("columns.stage"), sort: "stage" },
    { label: t("columns.acts") },
    { label: t("columns.pairs") },
    { label: t("columns.coverage") },
    // Soft hyphens let these one-word headers break: at 1366 px the whole table fits (issue #19 item 1).
    { label: t("columns.satisfactionHead") },
    { label: t("columns.overdueHead"), sort: "overdue" },
    { label: t("columns.deadlines") },
    { label: t("columns.status"), sort: "status" },
  ];
  const { head, sorted }: { head: ReactNode[]; sorted: TableSort } = sort && sortHref ? sortableHead(columns, sort, sortHref) : { head: columns.map((c) => c.label), sorted: undefined };
  return (
    <Table caption={caption} head={head} dense sorted={sorted}>
      {schools.map((s) => {
        const text = schoolRowText(t, s);
        return (
          <tr key={s.schoolId} className={s.lagging ? "bg-amber-50" : undefined}>
            <Td className="min-w-36">
              <Link href={schoolHref(s.schoolId)} className="text-brand-700 underline">
                {s.shortName ?? s.name}
              </Link>
              {showMunicipality ? <span className="block text-xs text-slate-700">{s.municipalityName ?? "—"}</span> : null}
            </Td>
            <Td>{text.stage}</Td>
            <Td>
              {text.acts}
              <span className="block text-xs text-slate-600">{text.running}</span>
            </Td>
            <Td className="min-w-28">{text.pairs}</Td>
            <Td className="min-w-32">{text.coverage}</Td>
            <Td>{text.satisfaction}</Td>
            <Td className="num">{s.overdueActivities}</Td>
            <Td>
              {text.deadlines}
              {text.late.length ? (
                <details className="text-xs text-slate-800">
                  <summary className="cursor-pointer">{t("lateSummary", { count: text.late.length })}</summary>
                  <ul className="mt-1 min-w-48">
                    {text.late.map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </Td>
            <Td>
              {s.lagging ? (
                <>
                  {/* The status may wrap: kept on one line it set the column's least width, and the table lost its last
                      column past a 1366 px screen once other schools' rows appeared (issue #19 item 1). */}
                  <span className="inline-flex items-start gap-1 font-semibold text-amber-900">
                    <span aria-hidden="true">⚠</span>
                    {text.status}
                  </span>
                  {/* A row stays one or two lines: the reasons open on demand (issue #19 item 1). */}
                  <details className="text-xs text-slate-800">
                    <summary className="cursor-pointer">{t("reasonsSummary", { count: text.reasons.length })}</summary>
                    <ul className="mt-1 list-disc pl-5">
                      {text.reasons.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                  </details>
                </>
              ) : (
                <span className="inline-flex items-start gap-1 text-green-900">
                  <span aria-hidden="true">✓</span>
                  {text.status}
                </span>
              )}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
