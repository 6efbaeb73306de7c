"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { addCampaignIndicator } from "@/lib/campaigns/office-actions";

/** A line added to the campaign's form: an indicator of the library, or the office's own question with its answer type. */
export function AddIndicatorForm({ org, campaignId, library, types }: { org: string; campaignId: string; library: { key: string; title: string }[]; types: { value: string; label: string }[] }) {
  const t = useTranslations("campaigns");
  const { onSubmit, pending, result, error } = useFormDataAction(addCampaignIndicator, { org, campaignId });
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <ClientForm className="flex max-w-2xl flex-col gap-4" aria-label={t("addTitle")} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("added")}</Notice> : null}
      <SelectField label={t("fromLibrary")} name="libraryKey" defaultValue="" error={fieldError("libraryKey")}>
        <option value="">{t("chooseLibrary")}</option>
        {library.map((l) => (
          <option key={l.key} value={l.key}>
            {l.title}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap gap-4">
        <TextField label={t("ownTitle")} name="title" error={fieldError("title")} />
        <SelectField label={t("answerType")} name="answerType" defaultValue="" error={fieldError("answerType")}>
          <option value="">{t("chooseType")}</option>
          {types.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </ClientForm>
  );
}
