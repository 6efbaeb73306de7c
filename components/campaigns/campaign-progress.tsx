import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import { sortableHead } from "@/components/ui/list-controls";
import type { SchoolAnswerRow } from "@/lib/campaigns/queries";
import type { SortState } from "@/lib/http/list-search";
import { formatDate, formatDateTime } from "@/lib/format";
import { ReopenAnswerForm, ReturnAnswerForm } from "./school-decision-forms";

type ProgressRow = Pick<SchoolAnswerRow, "schoolId" | "name" | "municipality" | "status" | "submittedAt" | "confirmedAt" | "reopenedUntil">;

/**
 * A page of the office's schools with the state of their forms: open its answer, return a submitted one for
 * correction, or reopen the collection for a school that missed the period. The school, status and submitted
 * headers sort the list (links keeping its search: `sortHref`).
 */
export async function CampaignProgress({
  org,
  campaignId,
  schools,
  region,
  zone,
  open,
  windowOver,
  sort,
  sortHref,
}: {
  org: string;
  campaignId: string;
  schools: ProgressRow[];
  region: boolean;
  zone: string;
  open: boolean;
  windowOver: boolean;
  sort: SortState;
  sortHref: (sort: string) => string;
}) {
  const t = await getTranslations("campaigns");
  // A region's rows are sorted by municipality, then school: the «name» order is the municipality column's.
  const { head, sorted } = sortableHead(
    [
      ...(region ? [{ label: t("colMunicipality"), sort: "name" }, { label: t("colSchool") }] : [{ label: t("colSchool"), sort: "name" }]),
      { label: t("colStatus"), sort: "status" },
      { label: t("colSubmittedAt"), sort: "submitted" },
      { label: t("colConfirmedAt") },
      ...(open ? [{ label: t("colActions") }] : []),
    ],
    sort,
    sortHref,
  );
  return (
    <Table caption={t("progressCaption")} head={head} sorted={sorted}>
      {schools.map((s) => {
        const submitted = s.status === "SUBMITTED" || s.status === "CONFIRMED";
        return (
          <tr key={s.schoolId}>
            {region ? <Td>{s.municipality ?? ""}</Td> : null}
            <Td>
              <Link href={`/${org}/district/campaigns/${campaignId}/schools/${s.schoolId}`} className="text-brand-700 underline">
                {s.name}
              </Link>
            </Td>
            <Td>
              {t(`status.${s.status}`)}
              {s.reopenedUntil ? <span className="block text-sm text-slate-700">{t("reopenedUntil", { date: formatDate(s.reopenedUntil) })}</span> : null}
            </Td>
            <Td>{s.submittedAt ? formatDateTime(s.submittedAt, zone) : t("noValue")}</Td>
            <Td>{s.confirmedAt ? formatDateTime(s.confirmedAt, zone) : t("noValue")}</Td>
            {open ? (
              <Td>
                {submitted ? <ReturnAnswerForm org={org} campaignId={campaignId} schoolId={s.schoolId} schoolName={s.name} /> : null}
                {!submitted && windowOver ? <ReopenAnswerForm org={org} campaignId={campaignId} schoolId={s.schoolId} schoolName={s.name} /> : null}
              </Td>
            ) : null}
          </tr>
        );
      })}
    </Table>
  );
}
