"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { setActivityStatus } from "@/lib/programs/actions";
import { ACTIVITY_STATUSES, SetActivityStatusInput } from "@/lib/programs/schemas";
import { ClientForm } from "@/components/ui/client-form";

/** Status and evidence of one roadmap row (done needs evidence). */
export function ActivityStatusForm({ org, activityId, status, evidence, label }: { org: string; activityId: string; status: string; evidence: string | null; label: string }) {
  const t = useTranslations("roadmap");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SetActivityStatusInput>(SetActivityStatusInput, setActivityStatus, {
    org,
    activityId,
    status: status as SetActivityStatusInput["status"],
    evidence: evidence ?? "",
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex min-w-52 flex-col gap-2" noValidate aria-label={label}>
      <SelectField label={t("status")} {...form.register("status")}>
        {ACTIVITY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("evidenceShort")} error={fieldError("evidence")} {...form.register("evidence")} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        <InlineOutcome result={result} okText={t("saved")} />
      </div>
    </ClientForm>
  );
}
