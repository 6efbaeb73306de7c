"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { closePair } from "@/lib/pairs/actions";
import { ClosePairInput } from "@/lib/pairs/schemas";
import { ClientForm } from "@/components/ui/client-form";

export function ClosePairForm({ org, pairId, version }: { org: string; pairId: string; version: number }) {
  const t = useTranslations("pairs");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<ClosePairInput>(ClosePairInput, closePair, { org, pairId, version, outcome: "COMPLETED", reason: "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("closeTitle")} className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField label={t("outcome")} error={fieldError("outcome")} {...form.register("outcome")}>
          <option value="COMPLETED">{t("outcomes.COMPLETED")}</option>
          <option value="DISSOLVED">{t("outcomes.DISSOLVED")}</option>
        </SelectField>
        <TextField label={t("closeReason")} error={fieldError("reason")} {...form.register("reason")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("close")}
        </Button>
        <InlineOutcome result={result} okText={t("closed")} />
      </div>
    </ClientForm>
  );
}
