"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/field";

/** A group of checkboxes over a tag vocabulary, with its error tied to the group. */
export function TagCheckboxes({ id, legend, tags, register, error }: { id: string; legend: string; tags: Record<string, string>; register: UseFormRegisterReturn; error?: string }) {
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-1 md:grid-cols-2">
        {Object.entries(tags).map(([value, label]) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" value={value} className="mt-1" {...register} />
            {label}
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

/** A person not yet in the bank; `refused`: may not enter it today (why: on the person's card). */
export type Candidate = { id: string; label: string; refused: boolean; kind: "TEACHER" | "STUDENT" | "EXTERNAL" };

/** People not yet in the bank; those who may not enter it today are listed but not selectable. */
export function PersonSelect({ candidates, register, error }: { candidates: Candidate[]; register: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("banks");
  return (
    <SelectField label={t("person")} error={error} hint={t("candidatesHint")} {...register}>
      <option value="">{t("choosePerson")}</option>
      {candidates.map((c) => (
        <option key={c.id} value={c.id} disabled={c.refused}>
          {c.refused ? `${c.label} — ${t("cannotAdd")}` : c.label}
        </option>
      ))}
    </SelectField>
  );
}
