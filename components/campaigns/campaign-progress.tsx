import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { SchoolAnswerRow } from "@/lib/campaigns/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import { ReopenAnswerForm, ReturnAnswerForm } from "./school-decision-forms";

/**
 * Each school of the office with the state of its form: open its answer, return a submitted one for
 * correction, or reopen the collection for a school that missed the period.
 */
export async function CampaignProgress({ org, campaignId, schools, zone, open, windowOver }: { org: string; campaignId: string; schools: SchoolAnswerRow[]; zone: string; open: boolean; windowOver: boolean }) {
  const t = await getTranslations("campaigns");
  const region = schools.some((s) => s.municipality);
  const head = [...(region ? [t("colMunicipality")] : []), t("colSchool"), t("colStatus"), t("colSubmittedAt"), t("colConfirmedAt"), ...(open ? [t("colActions")] : [])];
  return (
    <Table caption={t("progressCaption")} head={head}>
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
