"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveRegulationText } from "@/lib/programs/stage1-actions";
import { SaveRegulationInput } from "@/lib/programs/stage1-schemas";

/** The school edits its Положение: the text with {placeholders}; an empty text brings back the default template. */
export function RegulationEditor({ org, programId, text }: { org: string; programId: string; text: string }) {
  const t = useTranslations("stage1");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SaveRegulationInput>(SaveRegulationInput, saveRegulationText, { org, programId, text });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("regulationTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("regulationSaved")}</Notice> : null}
      <TextAreaField label={t("regulationText")} lang="ru" rows={18} hint={t("resetRegulation")} error={fieldError("text")} {...form.register("text")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("saveRegulation")}
        </Button>
      </div>
    </ClientForm>
  );
}
