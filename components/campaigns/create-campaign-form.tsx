"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { createCampaign } from "@/lib/campaigns/office-actions";

/** A new campaign: a shipped form, its title (the form's own until changed) and the collection period. */
export function CreateCampaignForm({ org, forms }: { org: string; forms: { key: string; title: string }[] }) {
  const t = useTranslations("campaigns");
  const { onSubmit, pending, result, error } = useFormDataAction(createCampaign, { org });
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <ClientForm className="flex max-w-2xl flex-col gap-4" aria-label={t("createTitle")} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("created")}</Notice> : null}
      <SelectField label={t("form")} name="formKey" defaultValue="" error={fieldError("formKey")} hint={t("formsHint")}>
        <option value="">{t("chooseForm")}</option>
        {forms.map((f) => (
          <option key={f.key} value={f.key}>
            {f.title}
          </option>
        ))}
      </SelectField>
      <TextField label={t("fieldTitle")} name="title" error={fieldError("title")} />
      <div className="flex flex-wrap gap-4">
        <TextField label={t("opensOn")} name="opensOn" type="date" error={fieldError("opensOn")} />
        <TextField label={t("closesOn")} name="closesOn" type="date" error={fieldError("closesOn")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </div>
    </ClientForm>
  );
}
