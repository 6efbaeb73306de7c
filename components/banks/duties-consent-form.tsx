"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordDutiesConsent } from "@/lib/banks/duties-actions";
import { RecordDutiesConsentInput } from "@/lib/banks/schemas";

/** The date the mentor signed their consent to the additional duties; `today` from the server (the school's calendar). */
export function DutiesConsentForm({ org, mentorId, givenAt, today }: { org: string; mentorId: string; givenAt: string | null; today: string }) {
  const t = useTranslations("banks");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RecordDutiesConsentInput>(RecordDutiesConsentInput, recordDutiesConsent, { org, mentorId, givenAt: givenAt ?? today });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={t("dutiesTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <TextField label={t("dutiesGivenAt")} type="date" max={today} error={fieldError("givenAt")} {...form.register("givenAt")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("dutiesRecord")}
        </Button>
        <InlineOutcome result={result} okText={t("dutiesRecorded")} />
      </div>
    </ClientForm>
  );
}
