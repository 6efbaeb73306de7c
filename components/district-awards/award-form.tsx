"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { giveDistrictAward } from "@/lib/district-awards/actions";
import { GiveDistrictAwardInput } from "@/lib/district-awards/schemas";

const KINDS = ["LETTER_OF_THANKS", "CERTIFICATE", "BADGE", "OTHER"] as const;

/** The office awards a mentor of the district bank: the mentor, the kind (or its own name), the date, the basis. */
export function DistrictAwardForm({ org, mentors, today }: { org: string; mentors: { id: string; label: string }[]; today: string }) {
  const t = useTranslations("districtAwards");
  const tv = useTranslations("vocabulary");
  const id = useId();
  const empty = { org, mentorId: "", kind: "LETTER_OF_THANKS" as const, title: "", awardedOn: today, basis: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<GiveDistrictAwardInput>(GiveDistrictAwardInput, giveDistrictAward, empty, { onSuccess: () => form.reset(empty) });
  const select = "max-w-full rounded-md border border-slate-400 bg-white px-3 py-2";
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("formTitle")}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-mentor`} className="font-medium">
          {t("mentor")}
        </label>
        <select id={`${id}-mentor`} className={select} aria-invalid={Boolean(fieldError("mentorId"))} aria-describedby={fieldError("mentorId") ? `${id}-mentor-error` : undefined} {...form.register("mentorId")}>
          <option value="">{t("mentorChoose")}</option>
          {mentors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        {fieldError("mentorId") ? (
          <p id={`${id}-mentor-error`} className="text-sm text-red-800">
            {fieldError("mentorId")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="font-medium">
          {t("kind")}
        </label>
        <select id={`${id}-kind`} className={`${select} sm:max-w-md`} {...form.register("kind")}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tv(`districtAwardKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t("titleField")} hint={t("titleHint")} error={fieldError("title")} {...form.register("title")} />
      <div className="max-w-xs">
        <TextField label={t("awardedOn")} type="date" error={fieldError("awardedOn")} {...form.register("awardedOn")} />
      </div>
      <TextField label={t("basis")} hint={t("basisHint")} error={fieldError("basis")} {...form.register("basis")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("give")}
        </Button>
        <InlineOutcome result={result} okText={t("given")} />
      </div>
    </ClientForm>
  );
}
