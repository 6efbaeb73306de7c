"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveIndicator, updatePassport } from "@/lib/programs/actions";
import { AUDIENCES, SaveIndicatorInput, UpdatePassportInput } from "@/lib/programs/schemas";
import { ClientForm } from "@/components/ui/client-form";

type Staff = { id: string; name: string };

export function PassportForm({ org, programId, staff, initial, readOnly }: { org: string; programId: string; staff: Staff[]; initial: Omit<UpdatePassportInput, "org" | "programId">; readOnly: boolean }) {
  const t = useTranslations();
  const { form, onSubmit, pending, result, fieldError } = useActionForm<UpdatePassportInput>(UpdatePassportInput, updatePassport, { org, programId, ...initial });
  const text = (name: "goal" | "tasks" | "expectedResults" | "risks") => (
    <TextAreaField label={t(`passport.${name}`)} rows={3} disabled={readOnly} error={fieldError(name)} {...form.register(name)} />
  );
  const person = (name: "curatorId" | "coordinatorId", label: string) => (
    <SelectField label={label} disabled={readOnly} error={fieldError(name)} {...form.register(name)}>
      <option value="">{t("program.notSet")}</option>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("passport.saved")}</Notice> : null}
      <TextField label={t("passport.programTitle")} disabled={readOnly} error={fieldError("title")} {...form.register("title")} />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField label={t("program.audience")} disabled={readOnly} {...form.register("audience")}>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {t(`program.audiences.${a}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("passport.startDate")} type="date" disabled={readOnly} error={fieldError("startDate")} {...form.register("startDate")} />
        <TextField label={t("passport.endDate")} type="date" disabled={readOnly} error={fieldError("endDate")} {...form.register("endDate")} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {person("curatorId", t("program.curator"))}
        {person("coordinatorId", t("program.coordinator"))}
      </div>
      {text("goal")}
      {text("tasks")}
      {text("expectedResults")}
      {text("risks")}
      {readOnly ? null : (
        <div>
          <Button type="submit" disabled={pending}>
            {t("passport.save")}
          </Button>
        </div>
      )}
    </ClientForm>
  );
}

/** One indicator's target for this year and its actual value (who entered it is recorded on the server). */
export function IndicatorForm({ org, programId, indicator, label }: { org: string; programId: string; indicator?: { id: string; title: string; unit: string; target: number | null; actual: number | null }; label: string }) {
  const t = useTranslations("passport");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SaveIndicatorInput>(
    SaveIndicatorInput,
    saveIndicator,
    {
      org,
      programId,
      indicatorId: indicator?.id ?? "",
      title: indicator?.title ?? "",
      unit: indicator?.unit ?? "%",
      target: indicator?.target ?? "",
      actualValue: indicator?.actual ?? "",
    },
    { onSuccess: () => (indicator ? undefined : form.reset()) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate aria-label={label}>
      {indicator ? <input type="hidden" {...form.register("title")} /> : <div className="min-w-64 flex-1"><TextField label={t("newIndicator")} error={fieldError("title")} {...form.register("title")} /></div>}
      <div className="w-24">
        <TextField label={t("target")} inputMode="decimal" error={fieldError("target")} {...form.register("target")} />
      </div>
      <div className="w-24">
        <TextField label={t("actual")} inputMode="decimal" error={fieldError("actualValue")} {...form.register("actualValue")} />
      </div>
      <div className="w-20">
        <TextField label={t("unit")} error={fieldError("unit")} {...form.register("unit")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {indicator ? t("saveIndicator") : t("addIndicator")}
      </Button>
      <InlineOutcome result={result} okText={t("savedIndicator")} />
    </ClientForm>
  );
}
