"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { TagCheckboxes } from "@/components/banks/bank-fields";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { WORKING_MODES, type WorkingMode } from "@/lib/domain/personal-programs";
import { programFromTemplate, savePersonalProgram } from "@/lib/pairs/personal-program-actions";
import { FromTemplateInput, SaveProgramInput } from "@/lib/pairs/work-schemas";
import { ClientForm } from "@/components/ui/client-form";

export type ProgramValues = {
  startsOn: string;
  endsOn: string;
  direction: string;
  goals: string;
  tasks: string;
  workingMode: WorkingMode;
  difficulties: string[];
  intermediateResults: string;
  expectedResults: string;
  achievedResults: string;
};

/** The bounds of the pair's type as message values (lib/domain/program-length.ts programLengthValues). */
export type LengthValues = Record<string, string | number>;

/**
 * Writes the pair's personalized program: the period (by the pair's type: 3 to 12 months, a short plan
 * for speed and situational mentoring), working mode, direction, goal and tasks, the mentees'
 * difficulties it addresses (only those in their bank entries are offered), intermediate, final
 * (expected) and achieved results. Saving a changed plan of an approved program returns it to the draft.
 */
export function ProgramForm({
  org,
  pairId,
  values,
  difficultyOptions,
  exists,
  lengthValues,
}: {
  org: string;
  pairId: string;
  values: ProgramValues;
  /** Tag → words, only the difficulties the pair's mentees have. */
  difficultyOptions: Record<string, string>;
  exists: boolean;
  lengthValues: LengthValues;
}) {
  const t = useTranslations("personalProgram");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SaveProgramInput, { returnedToDraft: boolean }>(SaveProgramInput, savePersonalProgram, {
    org,
    pairId,
    ...values,
    difficulties: values.difficulties as SaveProgramInput["difficulties"],
  });
  const hasOptions = Object.keys(difficultyOptions).length > 0;
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("formTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{result.data.returnedToDraft ? t("savedReturnedToDraft") : exists ? t("saved") : t("created")}</Notice> : null}
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t("periodLegend")}</legend>
        <TextField label={t("startsOn")} type="date" error={fieldError("startsOn")} {...form.register("startsOn")} />
        <TextField label={t("endsOn")} type="date" hint={t("periodHint", lengthValues)} error={fieldError("endsOn")} {...form.register("endsOn")} />
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("direction")} error={fieldError("direction")} {...form.register("direction")} />
        <SelectField label={t("workingMode")} error={fieldError("workingMode")} {...form.register("workingMode")}>
          {(Object.keys(WORKING_MODES) as WorkingMode[]).map((mode) => (
            <option key={mode} value={mode}>
              {t(`workingModes.${mode}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t("goals")} rows={3} error={fieldError("goals")} {...form.register("goals")} />
      <TextAreaField label={t("tasks")} rows={4} error={fieldError("tasks")} {...form.register("tasks")} />
      {hasOptions ? (
        <TagCheckboxes id={`difficulties-${pairId}`} legend={t("difficultiesLegend")} tags={difficultyOptions} register={form.register("difficulties")} error={fieldError("difficulties")} />
      ) : (
        <p className="text-sm text-slate-700">{t("noDifficulties")}</p>
      )}
      <TextAreaField label={t("intermediateResults")} rows={3} error={fieldError("intermediateResults")} {...form.register("intermediateResults")} />
      <TextAreaField label={t("expectedResults")} rows={3} error={fieldError("expectedResults")} {...form.register("expectedResults")} />
      <TextAreaField label={t("achievedResults")} hint={t("achievedHint")} rows={3} error={fieldError("achievedResults")} {...form.register("achievedResults")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {exists ? t("save") : t("create")}
        </Button>
      </div>
    </ClientForm>
  );
}

/** «Заполнить по шаблону»: the ready program for the pair's form; dates only when there is no program yet. */
export function FromTemplateForm({
  org,
  pairId,
  open,
  sectionTitle,
  templateTitle,
  itemsCount,
  period,
  lengthValues,
}: {
  org: string;
  pairId: string;
  /** The plan is still empty: the template can be applied. Once applied, only the confirmation remains. */
  open: boolean;
  sectionTitle: string;
  templateTitle: string;
  itemsCount: number;
  /** The suggested period when the program does not exist yet; null when it does. */
  period: { startsOn: string; endsOn: string } | null;
  lengthValues: LengthValues;
}) {
  const t = useTranslations("personalProgram");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<FromTemplateInput>(FromTemplateInput, programFromTemplate, {
    org,
    pairId,
    startsOn: period?.startsOn ?? "",
    endsOn: period?.endsOn ?? "",
  });
  // The form goes away with the empty plan: the confirmation takes its place and the focus.
  const confirmation = useRef<HTMLDivElement>(null);
  const applied = !open && result?.ok === true;
  useEffect(() => {
    if (applied) confirmation.current?.focus();
  }, [applied]);
  if (!open) {
    return applied ? (
      <div ref={confirmation} tabIndex={-1} className="mb-8">
        <Notice kind="success">{t("templateApplied")}</Notice>
      </div>
    ) : null;
  }
  return (
    <Section title={sectionTitle} id="template">
      <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("templateTitle")}>
        <p>{t("templateIntro", { title: templateTitle, count: itemsCount })}</p>
        {period ? (
          <fieldset className="grid gap-4 md:grid-cols-2">
            <legend className="mb-1 text-sm font-medium">{t("periodLegend")}</legend>
            <TextField label={t("startsOn")} type="date" error={fieldError("startsOn")} {...form.register("startsOn")} />
            <TextField label={t("endsOn")} type="date" hint={t("periodHint", lengthValues)} error={fieldError("endsOn")} {...form.register("endsOn")} />
          </fieldset>
        ) : null}
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("fromTemplate")}
          </Button>
          <InlineOutcome result={result} okText={t("templateApplied")} />
        </div>
      </ClientForm>
    </Section>
  );
}
