"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { STAGES } from "@/lib/domain/stages";
import { saveActivity } from "@/lib/programs/actions";
import { SaveActivityInput } from "@/lib/programs/schemas";
import { ClientForm } from "@/components/ui/client-form";

type Staff = { id: string; name: string };
type Initial = { activityId?: string; stage: number; title: string; content?: string | null; dueText: string; responsibleUserId?: string | null; responsibleText?: string | null; expectedResult?: string | null };

/** Adds or edits a roadmap activity; warns (but saves) when the due date is outside the academic year. */
export function ActivityForm({ org, programId, staff, academicYear, initial }: { org: string; programId: string; staff: Staff[]; academicYear: string; initial?: Initial }) {
  const t = useTranslations("roadmap");
  const tStages = useTranslations("stages");
  const [warning, setWarning] = useState(false);
  const empty = { stage: 1, title: "", content: "", dueText: "", responsibleUserId: "", responsibleText: "", expectedResult: "" };
  const start = { ...empty, ...Object.fromEntries(Object.entries(initial ?? {}).map(([k, v]) => [k, v ?? ""])) };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SaveActivityInput, { activityId: string; outsideAcademicYear: boolean }>(
    SaveActivityInput,
    saveActivity,
    { org, programId, ...start },
    {
      onSuccess: (data) => {
        setWarning(data.outsideAcademicYear);
        if (!initial?.activityId) form.reset({ org, programId, ...empty, stage: form.getValues("stage") });
      },
    },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind={warning ? "info" : "success"}>{warning ? t("outsideYear", { year: academicYear }) : t("saved")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("stage")} error={fieldError("stage")} {...form.register("stage")}>
          {STAGES.map((s) => (
            <option key={s.number} value={s.number}>
              {s.number}. {tStages(`title${s.number}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("dueText")} hint={t("dueHint")} error={fieldError("dueText")} {...form.register("dueText")} />
      </div>
      <TextAreaField label={t("titleField")} rows={2} error={fieldError("title")} {...form.register("title")} />
      <TextAreaField label={t("content")} rows={2} error={fieldError("content")} {...form.register("content")} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("responsibleUser")} error={fieldError("responsibleUserId")} {...form.register("responsibleUserId")}>
          <option value="">{t("noResponsibleUser")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("responsibleText")} hint={t("responsibleTextHint")} error={fieldError("responsibleText")} {...form.register("responsibleText")} />
      </div>
      <TextField label={t("expectedResult")} error={fieldError("expectedResult")} {...form.register("expectedResult")} />
      <div>
        <Button type="submit" disabled={pending}>
          {initial?.activityId ? t("save") : t("add")}
        </Button>
      </div>
    </ClientForm>
  );
}
