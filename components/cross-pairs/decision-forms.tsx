"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { approveCrossPair, consentCrossPair, declineCrossPair, withdrawCrossPair } from "@/lib/cross-pairs/actions";
import { ApproveCrossPairInput, DeclineCrossPairInput, WithdrawCrossPairInput } from "@/lib/cross-pairs/schemas";

type Pair = { org: string; crossSchoolPairId: string; version: number };

/** The head of the mentor's school: consent, or decline with a reason. */
export function ConsentForms(p: Pair) {
  const t = useTranslations("crossPairs");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<DeclineCrossPairInput>(DeclineCrossPairInput, declineCrossPair, { ...p, reason: "" });
  return (
    <div className="flex flex-col gap-4">
      <ActionButton action={consentCrossPair} input={p} label={t("consent")} done={t("consentDone")} />
      <ClientForm onSubmit={onSubmit} noValidate aria-label={t("decline")} className="flex flex-col gap-3">
        <TextField label={t("declineReason")} error={fieldError("reason")} {...form.register("reason")} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("decline")}
          </Button>
          <InlineOutcome result={result} okText={t("declineDone")} />
        </div>
      </ClientForm>
    </div>
  );
}

/** The head of the mentee's school approves the consented pair by an order of the given date. */
export function ApproveForm({ today, ...p }: Pair & { today: string }) {
  const t = useTranslations("crossPairs");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<ApproveCrossPairInput>(ApproveCrossPairInput, approveCrossPair, { ...p, orderDate: today });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("approveTitle")} className="flex flex-col gap-3">
      <TextField type="date" label={t("orderDate")} error={fieldError("orderDate")} {...form.register("orderDate")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("approve")}
        </Button>
        <InlineOutcome result={result} okText={t("approveDone")} />
      </div>
    </ClientForm>
  );
}

/** Either school ends the pair with a reason. */
export function WithdrawForm(p: Pair) {
  const t = useTranslations("crossPairs");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<WithdrawCrossPairInput>(WithdrawCrossPairInput, withdrawCrossPair, { ...p, reason: "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("withdrawTitle")} className="flex flex-col gap-3">
      <TextField label={t("withdrawReason")} error={fieldError("reason")} {...form.register("reason")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("withdraw")}
        </Button>
        <InlineOutcome result={result} okText={t("withdrawDone")} />
      </div>
    </ClientForm>
  );
}
