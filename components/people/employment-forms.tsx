"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelLeaving, recordLeaving, setHiredOn } from "@/lib/people/employment-actions";
import { LEAVE_REASON_VALUES, RecordLeavingInput, SetHiredOnInput } from "@/lib/people/schemas";

/** The hire date of the card (yyyy-mm-dd; empty clears it). */
export function HiredOnForm({ org, personId, hiredOn }: { org: string; personId: string; hiredOn: string }) {
  const t = useTranslations("people");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SetHiredOnInput>(SetHiredOnInput, setHiredOn, { org, personId, hiredOn });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate aria-label={t("hiredOn")}>
      <TextField label={t("hiredOn")} type="date" error={fieldError("hiredOn")} {...form.register("hiredOn")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("saveHiredOn")}
      </Button>
      <InlineOutcome result={result} okText={t("hiredOnSaved")} />
    </ClientForm>
  );
}

/** A person left: the day (`today` from the server, in the school's zone), the reason, a note. */
export function LeavingForm({ org, personId, today }: { org: string; personId: string; today: string }) {
  const t = useTranslations("people");
  const tv = useTranslations("vocabulary");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RecordLeavingInput>(RecordLeavingInput, recordLeaving, { org, personId, leftOn: today, reason: "OWN_WISH", note: "" });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("leavingTitle")}>
      <TextField label={t("leftOn")} type="date" error={fieldError("leftOn")} {...form.register("leftOn")} />
      <SelectField label={t("leaveReason")} error={fieldError("reason")} {...form.register("reason")}>
        {LEAVE_REASON_VALUES.map((r) => (
          <option key={r} value={r}>
            {tv(`leaveReason.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("leaveNote")} error={fieldError("note")} {...form.register("note")} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("recordLeaving")}
        </Button>
        <InlineOutcome result={result} okText={t("leavingSaved")} />
      </div>
    </ClientForm>
  );
}

/** `gone`: no leaving is recorded (or it was just withdrawn: the confirmation stays in the button's place). */
export function CancelLeavingButton({ org, personId, gone }: { org: string; personId: string; gone: boolean }) {
  const t = useTranslations("people");
  return <ActionButton action={cancelLeaving} input={{ org, personId }} label={t("cancelLeaving")} done={t("leavingCancelled")} gone={gone} />;
}
