"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from "@/lib/domain/personal-programs";
import { savePlanItem } from "@/lib/pairs/personal-program-actions";
import { SavePlanItemInput } from "@/lib/pairs/work-schemas";
import { ClientForm } from "@/components/ui/client-form";

type Initial = { itemId: string; title: string; dueOn: string; status: PlanItemStatus; result: string | null };

/**
 * Adds a plan item, or edits one (status and result included): the due date lies inside the program's
 * period; an item marked done says what came of it.
 */
export function PlanItemForm({ org, pairId, period, initial, label }: { org: string; pairId: string; period: { min: string; max: string }; initial?: Initial; label: string }) {
  const t = useTranslations("personalProgram");
  const empty = { org, pairId, itemId: "", title: "", dueOn: "", status: "PLANNED" as PlanItemStatus, result: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SavePlanItemInput>(
    SavePlanItemInput,
    savePlanItem,
    initial ? { org, pairId, ...initial, result: initial.result ?? "" } : empty,
    { onSuccess: () => (initial ? undefined : form.reset(empty)) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={label}>
      <TextAreaField label={t("itemTitle")} rows={2} error={fieldError("title")} {...form.register("title")} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t("dueOn")} type="date" min={period.min} max={period.max} error={fieldError("dueOn")} {...form.register("dueOn")} />
        <SelectField label={t("itemStatus")} error={fieldError("status")} {...form.register("status")}>
          {(Object.keys(PLAN_ITEM_STATUSES) as PlanItemStatus[]).map((s) => (
            <option key={s} value={s}>
              {t(`itemStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t("itemResult")} hint={t("itemResultHint")} rows={2} error={fieldError("result")} {...form.register("result")} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant={initial ? "secondary" : "primary"} disabled={pending}>
          {initial ? t("save") : t("addItem")}
        </Button>
        <InlineOutcome result={result} okText={initial ? t("saved") : t("itemAdded")} />
      </div>
    </ClientForm>
  );
}
