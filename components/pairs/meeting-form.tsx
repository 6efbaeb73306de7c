"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { MEETING_KINDS, type MeetingKind } from "@/lib/domain/pairs";
import { logMeeting } from "@/lib/pairs/meeting-actions";
import { LogMeetingInput } from "@/lib/pairs/work-schemas";
import { ClientForm } from "@/components/ui/client-form";

/** A group of checkboxes with a legend, its hint and error tied to the group. */
function CheckboxGroup({
  id,
  legend,
  hint,
  options,
  register,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  register: UseFormRegisterReturn;
  error?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-1 md:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" value={o.value} className="mt-1" aria-invalid={error ? true : undefined} {...register} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}


/**
 * Logs a meeting of the pair: its kind (the group final only for a group), the date (not in the future,
 * inside the program), who of the mentees attended, the plan items it worked on, notes, and the planned
 * meeting of the schedule it holds — the one of the same day and kind is offered by itself.
 */
export function LogMeetingForm({
  org,
  pairId,
  isGroup,
  mentees,
  items,
  period,
  today,
  planned,
}: {
  org: string;
  pairId: string;
  isGroup: boolean;
  mentees: { id: string; name: string }[];
  items: { id: string; label: string }[];
  /** Planned meetings of the schedule not yet held: day (yyyy-mm-dd), kind, label. */
  planned: { id: string; plannedOn: string; kind: MeetingKind; label: string }[];
  period: { min: string; max: string } | null;
  /** yyyy-mm-dd in the school's zone, from the server: the browser's clock and zone do not decide «not in the future». */
  today: string;
}) {
  const t = useTranslations("meetings");
  const tv = useTranslations("vocabulary");
  const kinds = (Object.keys(MEETING_KINDS) as MeetingKind[]).filter((k) => isGroup || k !== "GROUP_FINAL");
  const empty = { org, pairId, kind: "REGULAR" as MeetingKind, heldOn: today, attendeeIds: mentees.map((m) => m.id), notes: "", planItemIds: [] as string[], plannedMeetingId: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<LogMeetingInput, { meetingId: string; pairStarted: boolean; plannedMeetingId: string | null }>(
    LogMeetingInput,
    logMeeting,
    empty,
    { onSuccess: () => form.reset(empty) },
  );
  const max = period && period.max < today ? period.max : today;
  // Offer the planned meeting of the chosen day and kind (the server links it too when none is chosen).
  const kind = form.watch("kind");
  const heldOn = form.watch("heldOn");
  useEffect(() => {
    const match = planned.find((p) => p.kind === kind && p.plannedOn === heldOn);
    if (match) form.setValue("plannedMeetingId", match.id);
  }, [kind, heldOn, planned, form]);
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("logTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? (
        <Notice kind="success">
          {result.data.pairStarted ? t("loggedAndStarted") : t("logged")}
          {result.data.plannedMeetingId ? ` ${t("loggedHeldPlanned")}` : ""}
        </Notice>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("kind")} hint={isGroup ? undefined : t("groupFinalHint")} error={fieldError("kind")} {...form.register("kind")}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tv(`meetingKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("heldOn")} type="date" min={period?.min} max={max} hint={t("heldOnHint")} error={fieldError("heldOn")} {...form.register("heldOn")} />
      </div>
      {planned.length ? (
        <SelectField label={t("plannedLabel")} hint={t("plannedHint")} error={fieldError("plannedMeetingId")} {...form.register("plannedMeetingId")}>
          <option value="">{t("plannedNone")}</option>
          {planned.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      <CheckboxGroup
        id={`attendees-${pairId}`}
        legend={t("attendeesLegend")}
        options={mentees.map((m) => ({ value: m.id, label: m.name }))}
        register={form.register("attendeeIds")}
        error={fieldError("attendeeIds")}
      />
      {items.length ? (
        <CheckboxGroup
          id={`items-${pairId}`}
          legend={t("itemsLegend")}
          hint={t("itemsHint")}
          options={items.map((i) => ({ value: i.id, label: i.label }))}
          register={form.register("planItemIds")}
          error={fieldError("planItemIds")}
        />
      ) : null}
      <TextAreaField label={t("notes")} rows={3} error={fieldError("notes")} {...form.register("notes")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("log")}
        </Button>
      </div>
    </ClientForm>
  );
}
