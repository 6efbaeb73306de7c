import { getTranslations } from "next-intl/server";
import { deadlineStatusText } from "@/components/deadlines/deadline-status";
import { Table, Td } from "@/components/ui/table";
import type { getOfficeDeadlinePage } from "@/lib/deadlines/queries";
import { formatCalendarDate } from "@/lib/format";

type MarkRow = NonNullable<Awaited<ReturnType<typeof getOfficeDeadlinePage>>>["rows"][number];

/**
 * Each school's outcome of an office's deadline and its mark with the evidence — comment, link, file
 * (app/(app)/[org]/district/deadlines/[deadlineId]/page.tsx; a region's office sees the municipality too).
 */
export async function DeadlineMarksTable({ rows, org, deadlineId, region }: { rows: MarkRow[]; org: string; deadlineId: string; region: boolean }) {
  const t = await getTranslations("deadlines");
  const head = [...(region ? [t("colMunicipality")] : []), t("colSchool"), t("colStatus"), t("colEvidence")];
  return (
    <Table caption={t("marksCaption")} head={head}>
      {rows.map((r) => (
        <tr key={r.schoolId}>
          {region ? <Td>{r.municipality ?? "—"}</Td> : null}
          <Td>{r.name}</Td>
          <Td>{r.timing ? deadlineStatusText(t, r.timing) : "—"}</Td>
          <Td>
            {r.mark ? (
              <ul className="space-y-1">
                <li className="text-sm text-slate-700">{t("markedAt", { date: formatCalendarDate(r.mark.markedAt) })}</li>
                {r.mark.comment ? <li>{t("markCommentOf", { text: r.mark.comment })}</li> : null}
                {r.mark.link ? (
                  <li>
                    <a href={r.mark.link} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                      {t("markLinkText")}
                      <span className="sr-only">: {r.name}</span>
                    </a>
                  </li>
                ) : null}
                {r.mark.fileName ? (
                  <li>
                    <a href={`/${org}/deadlines/${deadlineId}/files/${r.schoolId}`} className="text-brand-700 underline">
                      {t("markFileOf", { name: r.mark.fileName })}
                    </a>
                  </li>
                ) : null}
              </ul>
            ) : (
              t("noEvidence")
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
