"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { setActivityStatus } from "@/lib/programs/actions";
import { ACTIVITY_STATUSES, SetActivityStatusInput } from "@/lib/programs/schemas";
import { ClientForm } from "@/components/ui/client-form";
import { useHydrated } from "@/components/ui/use-hydrated";

type Row = { org: string; activityId: string; status: string; evidence: string | null; number: string };

/**
 * «Изменить статус» of one roadmap row: a disclosure whose form is built in the browser once the page is
 * interactive. A roadmap page has ten rows and a form is the heaviest markup of a row, so the page's HTML
 * carries only the summary and these few props (issue #14 item 2, docs/decisions/014). Opened before
 * hydration it shows nothing yet, and its form appears — enabled — once the page is live (nothing to click
 * that could be lost, issue #14 item 6).
 */
export function ActivityStatusDisclosure(row: Row) {
  const t = useTranslations("roadmap");
  const hydrated = useHydrated();
  return (
    <details className="mt-1">
      <summary className="link cursor-pointer text-sm">{t("changeStatus")}</summary>
      {hydrated ? (
        <div className="mt-2">
          <ActivityStatusForm {...row} />
        </div>
      ) : null}
    </details>
  );
}

/** Status and evidence of one roadmap row (done needs evidence). */
export function ActivityStatusForm({ org, activityId, status, evidence, number }: Row) {
  const t = useTranslations("roadmap");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SetActivityStatusInput>(SetActivityStatusInput, setActivityStatus, {
    org,
    activityId,
    status: status as SetActivityStatusInput["status"],
    evidence: evidence ?? "",
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex min-w-52 flex-col gap-2" noValidate aria-label={`${t("status")}: ${number}`}>
      <SelectField label={t("status")} {...form.register("status")}>
        {ACTIVITY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("evidenceShort")} error={fieldError("evidence")} {...form.register("evidence")} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        <InlineOutcome result={result} okText={t("saved")} />
      </div>
    </ClientForm>
  );
}
