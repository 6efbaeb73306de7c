"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { closeConsultation } from "@/lib/consultations/actions";
import { CloseConsultationInput } from "@/lib/consultations/schemas";

/** The methodist closes the consultation with its outcome (the school sees it on its page). */
export function CloseForm({ org, consultationId }: { org: string; consultationId: string }) {
  const t = useTranslations("consultations");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CloseConsultationInput>(CloseConsultationInput, closeConsultation, { org, consultationId, outcome: "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("closeTitle")} className="flex flex-col gap-3">
      <TextAreaField label={t("outcome")} rows={4} error={fieldError("outcome")} {...form.register("outcome")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("close")}
        </Button>
        <InlineOutcome result={result} okText={t("closed")} />
      </div>
    </ClientForm>
  );
}
