"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { prepareStage1Pack } from "@/lib/programs/stage1-actions";
import { COUNCIL_VALUES, PrepareStage1Input } from "@/lib/programs/stage1-schemas";

export type PrepareDefaults = Omit<PrepareStage1Input, "org" | "programId">;

/** The curator's (or the head's) form registering the stage-1 pack's acts with numbers, dates and the Положение's agreement chain. */
export function Stage1PrepareForm({ org, programId, defaults }: { org: string; programId: string; defaults: PrepareDefaults }) {
  const t = useTranslations("stage1");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<PrepareStage1Input>(PrepareStage1Input, prepareStage1Pack, { org, programId, ...defaults });
  const council = (name: "agreedBy" | "adoptedBy") => (
    <SelectField label={t(name)} error={fieldError(name)} {...form.register(name)}>
      <option value="">{t("councilNone")}</option>
      {COUNCIL_VALUES.map((c) => (
        <option key={c} value={c}>
          {t(`councils.${c}`)}
        </option>
      ))}
    </SelectField>
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("prepareTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("prepared")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("introNumber")} error={fieldError("introNumber")} {...form.register("introNumber")} />
        <TextField label={t("introDate")} type="date" error={fieldError("introDate")} {...form.register("introDate")} />
        <TextField label={t("curatorNumber")} error={fieldError("curatorNumber")} {...form.register("curatorNumber")} />
        <TextField label={t("curatorDate")} type="date" error={fieldError("curatorDate")} {...form.register("curatorDate")} />
      </div>
      <TextAreaField label={t("workingGroup")} hint={t("workingGroupHint")} rows={4} error={fieldError("workingGroup")} {...form.register("workingGroup")} />
      <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("chainLegend")}</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {council("agreedBy")}
          <TextField label={t("agreedProtocol")} error={fieldError("agreedProtocol")} {...form.register("agreedProtocol")} />
          <TextField label={t("agreedDate")} type="date" error={fieldError("agreedDate")} {...form.register("agreedDate")} />
          {council("adoptedBy")}
          <TextField label={t("adoptedProtocol")} error={fieldError("adoptedProtocol")} {...form.register("adoptedProtocol")} />
          <TextField label={t("adoptedDate")} type="date" error={fieldError("adoptedDate")} {...form.register("adoptedDate")} />
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {t("prepare")}
        </Button>
      </div>
    </ClientForm>
  );
}
