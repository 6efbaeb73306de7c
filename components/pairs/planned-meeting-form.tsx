"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MEETING_KINDS, type MeetingKind } from "@/lib/domain/pairs";
import { savePlannedMeeting } from "@/lib/pairs/meeting-schedule-actions";
import { SavePlannedMeetingInput } from "@/lib/pairs/work-schemas";

type Initial = { plannedMeetingId: string; plannedOn: string; kind: MeetingKind; topic: string };

/** Plans a meeting of the program's schedule (date inside the period, kind, topic), or changes one not yet held. */
export function PlannedMeetingForm({
  org,
  pairId,
  period,
  isGroup,
  initial,
  label,
}: {
  org: string;
  pairId: string;
  period: { min: string; max: string };
  isGroup: boolean;
  initial?: Initial;
  label: string;
}) {
  const t = useTranslations("personalProgram");
  const tv = useTranslations("vocabulary");
  const kinds = (Object.keys(MEETING_KINDS) as MeetingKind[]).filter((k) => isGroup || k !== "GROUP_FINAL");
  const empty = { org, pairId, plannedMeetingId: "", plannedOn: "", kind: "REGULAR" as MeetingKind, topic: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SavePlannedMeetingInput>(
    SavePlannedMeetingInput,
    savePlannedMeeting,
    initial ? { org, pairId, ...initial } : empty,
    { onSuccess: () => (initial ? undefined : form.reset(empty)) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={label}>
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t("plannedOn")} type="date" min={period.min} max={period.max} error={fieldError("plannedOn")} {...form.register("plannedOn")} />
        <SelectField label={t("meetingKind")} error={fieldError("kind")} {...form.register("kind")}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tv(`meetingKind.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label={t("topic")} error={fieldError("topic")} {...form.register("topic")} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant={initial ? "secondary" : "primary"} disabled={pending}>
          {initial ? t("save") : t("addMeeting")}
        </Button>
        <InlineOutcome result={result} okText={initial ? t("saved") : t("meetingPlanned")} />
      </div>
    </ClientForm>
  );
}
