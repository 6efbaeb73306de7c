import Link from "next/link";
import { Table, Td } from "@/components/ui/table";
import type { AssessedSchool } from "@/lib/domain/monitoring";
import { schoolRowText, type Tr } from "@/lib/monitoring/district-text";

// The district's schools with their figures; a school that needs attention is marked with a word and an icon
// (not colour only) and its reasons are listed. Each name opens the school's aggregates.
export function DistrictSchoolsTable({ t, caption, schools, showMunicipality, schoolHref }: { t: Tr; caption: string; schools: AssessedSchool[]; showMunicipality: boolean; schoolHref: (id: string) => string }) {
  const head = [
    t("columns.school"),
    ...(showMunicipality ? [t("columns.municipality")] : []),
    t("columns.stage"),
    t("columns.acts"),
    t("columns.pairs"),
    t("columns.coverage"),
    t("columns.satisfaction"),
    t("columns.overdue"),
    t("columns.deadlines"),
    t("columns.status"),
  ];
  return (
    <Table caption={caption} head={head}>
      {schools.map((s) => {
        const text = schoolRowText(t, s);
        return (
          <tr key={s.schoolId} className={s.lagging ? "bg-amber-50" : undefined}>
            <Td>
              <Link href={schoolHref(s.schoolId)} className="text-brand-700 underline">
                {s.shortName ?? s.name}
              </Link>
            </Td>
            {showMunicipality ? <Td>{s.municipalityName ?? "—"}</Td> : null}
            <Td>{text.stage}</Td>
            <Td>
              {text.acts}
              <span className="block text-xs text-slate-600">{text.running}</span>
            </Td>
            <Td>{text.pairs}</Td>
            <Td>{text.coverage}</Td>
            <Td>{text.satisfaction}</Td>
            <Td>{s.overdueActivities}</Td>
            <Td>
              {text.deadlines}
              {text.late.length ? (
                <ul className="mt-1 text-xs text-slate-800">
                  {text.late.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              ) : null}
            </Td>
            <Td>
              {s.lagging ? (
                <>
                  <span className="inline-flex items-center gap-1 font-semibold text-amber-900">
                    <span aria-hidden="true">⚠</span>
                    {text.status}
                  </span>
                  <ul className="mt-1 list-disc pl-5 text-xs text-slate-800">
                    {text.reasons.map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <span className="inline-flex items-center gap-1 text-green-900">
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
