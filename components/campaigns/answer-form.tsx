"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { saveCampaignAnswers } from "@/lib/campaigns/school-actions";

export type AnswerLine = { id: string; title: string; answerType: string; libraryKey: string | null; computed: string | null; value: string | null; comment: string | null; evidence: string | null };

const shownNumber = (v: string | null) => (v === null ? "" : v.replace(".", ","));

/**
 * The school's answer: every line pre-filled from the school's data (what the app computed is shown under
 * it), a comment where a computed value is changed, saved as a draft or sent to the office.
 */
export function AnswerForm({ org, campaignId, lines }: { org: string; campaignId: string; lines: AnswerLine[] }) {
  const t = useTranslations("campaigns");
  const { onSubmit, pending, result, error } = useFormDataAction(saveCampaignAnswers, { org, campaignId }, { reset: false });
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  const submitted = result?.ok && (result.data as { status?: string }).status === "SUBMITTED";
  return (
    <ClientForm className="flex flex-col gap-5" aria-label={t("schoolAnswerTitle")} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{submitted ? t("submitted") : t("saved")}</Notice> : null}
      <ol className="flex flex-col gap-5">
        {lines.map((line, i) => {
          const name = `answers.${line.id}`;
          const label = `${i + 1}. ${line.title}`;
          const hint = line.libraryKey ? (line.computed === null ? t("computedNone") : t("computedHint", { value: line.answerType === "YES_NO" ? (line.computed === "yes" ? t("yes") : t("no")) : shownNumber(line.computed) })) : undefined;
          return (
            <li key={line.id} className="flex flex-col gap-2 border-b border-slate-200 pb-4">
              {line.answerType === "YES_NO" ? (
                <SelectField label={label} name={name} defaultValue={line.value ?? ""} hint={hint} error={fieldError(name)}>
                  <option value="">{t("choose")}</option>
                  <option value="yes">{t("yes")}</option>
                  <option value="no">{t("no")}</option>
                </SelectField>
              ) : line.answerType === "TEXT" ? (
                <TextAreaField label={label} name={name} defaultValue={line.value ?? ""} error={fieldError(name)} />
              ) : line.answerType === "FILE" ? (
                <p>
                  <span className="font-medium">{label}</span>
                  <span className="block text-sm text-slate-700">{line.evidence ? t("fileAttached", { name: line.evidence }) : t("evidenceTitle")}</span>
                </p>
              ) : (
                <TextField label={label} name={name} type={line.answerType === "LINK" ? "url" : "text"} inputMode={line.answerType === "LINK" ? "url" : "decimal"} defaultValue={line.answerType === "LINK" ? (line.value ?? "") : shownNumber(line.value)} hint={hint} error={fieldError(name)} />
              )}
              {line.libraryKey && line.computed !== null ? <input type="hidden" name={`shown.${line.id}`} value={line.computed} /> : null}
              {line.libraryKey ? <TextField label={t("comment")} name={`comments.${line.id}`} defaultValue={line.comment ?? ""} hint={t("commentHint")} error={fieldError(`comments.${line.id}`)} /> : null}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </ClientForm>
  );
}
