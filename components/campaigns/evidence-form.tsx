"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { attachCampaignEvidence } from "@/lib/campaigns/school-actions";

/** A file attached to one line of the school's answer (a file line's answer is the file itself). */
export function EvidenceForm({ org, campaignId, lines, accept, maxBytes, maxMb }: { org: string; campaignId: string; lines: { id: string; title: string }[]; accept: string; maxBytes: number; maxMb: number }) {
  const t = useTranslations("campaigns");
  const id = useId();
  const { onSubmit, pending, result, error } = useFormDataAction(attachCampaignEvidence, { org, campaignId }, { maxBytes });
  return (
    <ClientForm className="flex max-w-2xl flex-col gap-3" aria-label={t("evidenceTitle")} onSubmit={onSubmit}>
      <SelectField label={t("evidenceFor")} name="indicatorId" defaultValue={lines[0]?.id} error={error?.fieldErrors?.indicatorId?.[0]}>
        {lines.map((l, i) => (
          <option key={l.id} value={l.id}>
            {`${i + 1}. ${l.title}`.slice(0, 120)}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm">
          {t("evidenceFile", { max: maxMb })}
        </label>
        <input id={id} name="file" type="file" accept={accept} className="max-w-64 text-sm" />
        {error?.fieldErrors?.file ? <p className="text-sm text-red-800">{error.fieldErrors.file[0]}</p> : null}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("attach")}
        </Button>
        <InlineOutcome result={result} okText={t("attached")} />
      </div>
    </ClientForm>
  );
}
