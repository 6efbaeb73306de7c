import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { confirmCampaignAnswer } from "@/lib/campaigns/school-actions";
import type { getSchoolCampaign } from "@/lib/campaigns/queries";
import { formatDate, formatDateTime } from "@/lib/format";

type Data = NonNullable<Awaited<ReturnType<typeof getSchoolCampaign>>>;

/** Where the school's form stands: returned with the office's comment, sent, confirmed, or closed for changes; the head's confirmation. */
export async function SchoolCampaignState({ org, campaignId, data, zone, canConfirm }: { org: string; campaignId: string; data: Data; zone: string; canConfirm: boolean }) {
  const t = await getTranslations("campaigns");
  const tErrors = await getTranslations("errors");
  const { submission, status, window, campaign } = data;
  return (
    <div className="mb-6 flex flex-col gap-3">
      {status === "RETURNED" && submission?.returnComment ? <Notice kind="error">{t("returnedNotice", { comment: submission.returnComment })}</Notice> : null}
      {submission?.submittedAt && (status === "SUBMITTED" || status === "CONFIRMED") ? <Notice kind="info">{t("submittedNotice", { date: formatDateTime(submission.submittedAt, zone) })}</Notice> : null}
      {submission?.confirmedAt && status === "CONFIRMED" ? <Notice kind="success">{t("confirmedNotice", { date: formatDateTime(submission.confirmedAt, zone) })}</Notice> : null}
      {!window.open && status !== "SUBMITTED" && status !== "CONFIRMED" ? <Notice kind="info">{t("lockedNotice", { reason: tErrors(window.reason, { date: formatDate(window.date) }) })}</Notice> : null}
      {status === "SUBMITTED" && canConfirm && !campaign.closedAt ? (
        <div>
          <p className="mb-2 text-sm text-slate-700">{t("confirmHint")}</p>
          <ActionButton action={confirmCampaignAnswer} input={{ org, campaignId }} label={t("confirm")} done={t("confirmed")} />
        </div>
      ) : null}
    </div>
  );
}
