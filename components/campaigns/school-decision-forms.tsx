"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { reopenCampaignAnswer, returnCampaignAnswer } from "@/lib/campaigns/office-actions";

type Props = { org: string; campaignId: string; schoolId: string; schoolName: string };

/** The methodist returns a school's submitted form with what to correct. */
export function ReturnAnswerForm({ org, campaignId, schoolId, schoolName }: Props) {
  const t = useTranslations("campaigns");
  const { onSubmit, pending, result, error } = useFormDataAction(returnCampaignAnswer, { org, campaignId, schoolId });
  return (
    <ClientForm className="flex flex-wrap items-end gap-2" aria-label={`${t("return")}: ${schoolName}`} onSubmit={onSubmit}>
      <TextField label={t("returnComment")} name="comment" error={error?.fieldErrors?.comment?.[0]} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("return")}
      </Button>
      <InlineOutcome result={result} okText={t("returned")} />
    </ClientForm>
  );
}

/** The methodist lets a late school submit up to a day. */
export function ReopenAnswerForm({ org, campaignId, schoolId, schoolName }: Props) {
  const t = useTranslations("campaigns");
  const { onSubmit, pending, result, error } = useFormDataAction(reopenCampaignAnswer, { org, campaignId, schoolId });
  return (
    <ClientForm className="flex flex-wrap items-end gap-2" aria-label={`${t("reopen")}: ${schoolName}`} onSubmit={onSubmit}>
      <TextField label={t("reopenUntil")} name="until" type="date" error={error?.fieldErrors?.until?.[0]} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reopen")}
      </Button>
      <InlineOutcome result={result} okText={t("reopened")} />
    </ClientForm>
  );
}
