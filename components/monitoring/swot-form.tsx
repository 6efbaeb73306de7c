"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { SWOT_QUADRANTS, type Swot } from "@/lib/domain/swot";
import { saveSwot } from "@/lib/monitoring/swot-actions";

/** The curator's own lines of one form's SWOT: a textarea per quadrant, one item per line (decision 049). */
export function SwotForm({ org, programId, form, formTitle, notes }: { org: string; programId: string; form: string; formTitle: string; notes: Swot }) {
  const t = useTranslations("swot");
  const { onSubmit, pending, result, error } = useFormDataAction(saveSwot, { org, programId, form }, { reset: false });
  return (
    <ClientForm className="flex flex-col gap-3" aria-label={t("editTitle", { form: formTitle })} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("saved")}</Notice> : null}
      <p className="text-sm text-slate-700">{t("editHint")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        {SWOT_QUADRANTS.map((q) => (
          <TextAreaField key={q} label={t(`quadrants.${q}`)} name={q} rows={4} defaultValue={notes[q].join("\n")} error={error?.fieldErrors?.[q]?.[0]} />
        ))}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </ClientForm>
  );
}
