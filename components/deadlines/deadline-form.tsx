"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createDeadline, updateDeadline } from "@/lib/deadlines/actions";
import { CreateDeadlineInput, UpdateDeadlineInput } from "@/lib/deadlines/schemas";
import { DEADLINE_CONDITIONS } from "@/lib/domain/deadline-timing";

export type Option = { value: string; label: string };
export type DeadlineValues = { deadlineId?: string; title: string; stage: string; dueStart: string; dueEnd: string; condition: string; actKind: string };

/** The office's deadline: create (no id) or edit. A date outside the academic year is saved with a warning. */
export function DeadlineForm({ org, year, yearText, stages, actKinds, initial, cancelHref }: { org: string; year: number; yearText: string; stages: Option[]; actKinds: Option[]; initial: DeadlineValues; cancelHref?: string }) {
  const t = useTranslations("deadlines");
  const editing = Boolean(initial.deadlineId);
  const values = { org, academicYear: String(year), ...initial };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CreateDeadlineInput & { deadlineId?: string }, { deadlineId: string; warning: string | null }>(
    editing ? UpdateDeadlineInput : CreateDeadlineInput,
    (input) => (editing ? updateDeadline(input as UpdateDeadlineInput) : createDeadline(input)),
    values as never,
    { onSuccess: () => (editing ? undefined : form.reset(values as never)) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={editing ? t("editTitle") : t("createTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{result.data.warning ? t("savedOutsideYear", { year: yearText }) : t("saved")}</Notice> : null}
      <TextField label={t("fieldTitle")} error={fieldError("title")} {...form.register("title")} />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField label={t("fieldStage")} error={fieldError("stage")} {...form.register("stage")}>
          {stages.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fieldDueStart")} type="date" error={fieldError("dueStart")} {...form.register("dueStart")} />
        <TextField label={t("fieldDueEnd")} type="date" error={fieldError("dueEnd")} {...form.register("dueEnd")} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("fieldCondition")} error={fieldError("condition")} {...form.register("condition")}>
          {DEADLINE_CONDITIONS.map((c) => (
            <option key={c} value={c}>
              {t(`condition.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("fieldActKind")} error={fieldError("actKind")} {...form.register("actKind")}>
          <option value="">{t("chooseActKind")}</option>
          {actKinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {cancelHref ? (
          <Link href={cancelHref} className="text-brand-700 underline">
            {t("cancelEdit")}
          </Link>
        ) : null}
      </div>
    </ClientForm>
  );
}
