"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { proposeIncentive } from "@/lib/incentives/actions";
import { ProposeIncentiveInput } from "@/lib/incentives/schemas";
import { MAX_INCENTIVE_RUBLES } from "@/lib/domain/incentives";

export type MentorOption = { id: string; label: string };
export type ActOption = { id: string; label: string };

/** The curator's proposal: mentor, period (calendar dates), sum in whole rubles, the act it rests on. */
export function ProposeIncentiveForm({ org, mentors, acts, period }: { org: string; mentors: MentorOption[]; acts: ActOption[]; period: { from: string; to: string } }) {
  const t = useTranslations("banks.incentives");
  const empty = { org, mentorId: "", periodFrom: period.from, periodTo: period.to, amount: "", basisActId: acts[0]?.id ?? "", note: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<ProposeIncentiveInput, { paymentId: string }>(ProposeIncentiveInput, proposeIncentive, empty, {
    // The next mentor of the same period and act: only the mentor and the sum are cleared.
    onSuccess: (_data, values) => form.reset({ ...values, mentorId: "", amount: "", note: "" }),
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("proposeTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("proposed")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("mentor")} error={fieldError("mentorId")} {...form.register("mentorId")}>
          <option value="">{t("chooseMentor")}</option>
          {mentors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("basisAct")} error={fieldError("basisActId")} {...form.register("basisActId")}>
          {acts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <TextField label={t("periodFrom")} type="date" error={fieldError("periodFrom")} {...form.register("periodFrom")} />
        <TextField label={t("periodTo")} type="date" error={fieldError("periodTo")} {...form.register("periodTo")} />
        <TextField label={t("amount")} type="number" min={1} max={MAX_INCENTIVE_RUBLES} step={1} inputMode="numeric" error={fieldError("amount")} {...form.register("amount")} />
        <TextField label={t("note")} error={fieldError("note")} {...form.register("note")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("propose")}
        </Button>
      </div>
    </ClientForm>
  );
}
