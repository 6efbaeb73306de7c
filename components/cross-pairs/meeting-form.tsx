"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { logCrossMeeting } from "@/lib/cross-pairs/actions";
import { LogCrossMeetingInput } from "@/lib/cross-pairs/schemas";
import { MEETING_KINDS, type MeetingKind } from "@/lib/domain/pairs";

/** Logs a meeting of a cross-school pair (from either school). */
export function CrossMeetingForm({ org, crossSchoolPairId, today }: { org: string; crossSchoolPairId: string; today: string }) {
  const t = useTranslations("crossPairs");
  const tv = useTranslations("vocabulary");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<LogCrossMeetingInput>(LogCrossMeetingInput, logCrossMeeting, { org, crossSchoolPairId, kind: "REGULAR", heldOn: today, notes: "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("logMeeting")} className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-3">
        <SelectField label={t("kind")} error={fieldError("kind")} {...form.register("kind")}>
          {(Object.keys(MEETING_KINDS) as MeetingKind[])
            .filter((k) => k !== "GROUP_FINAL")
            .map((k) => (
              <option key={k} value={k}>
                {tv(`meetingKind.${k}`)}
              </option>
            ))}
        </SelectField>
        <TextField type="date" label={t("heldOn")} error={fieldError("heldOn")} {...form.register("heldOn")} />
        <TextField label={t("notes")} error={fieldError("notes")} {...form.register("notes")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("logMeeting")}
        </Button>
        <InlineOutcome result={result} okText={t("logged")} />
      </div>
    </ClientForm>
  );
}
