"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/field";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, STUDENT_CATEGORIES, TEACHER_CATEGORIES } from "@/lib/domain/banks";

// The banks' fields that speak the domain's vocabulary (namespace «vocabulary»), apart from bank-fields.tsx,
// whose TagCheckboxes the pairs' program form uses without that namespace (docs/decisions/014).

/** The difficulties or the competencies as TagCheckboxes wants them: key → the reader's word (namespace «vocabulary»). */
export function useVocabularyTags(group: "difficulty" | "competency"): Record<string, string> {
  const tv = useTranslations("vocabulary");
  return group === "difficulty"
    ? Object.fromEntries(Object.keys(DIFFICULTY_TAGS).map((k) => [k, tv(`difficulty.${k}`)]))
    : Object.fromEntries(Object.keys(COMPETENCY_TAGS).map((k) => [k, tv(`competency.${k}`)]));
}

/** Mentee categories, grouped for teachers and for students (only the fitting group when the kind is known). */
export function CategorySelect({ kind, register, error }: { kind?: "TEACHER" | "STUDENT" | "EXTERNAL"; register: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("banks");
  const tv = useTranslations("vocabulary");
  const groups = [
    { label: t("teacherCategories"), list: TEACHER_CATEGORIES, show: kind !== "STUDENT" },
    { label: t("studentCategories"), list: STUDENT_CATEGORIES, show: !kind || kind === "STUDENT" },
  ];
  return (
    <SelectField label={t("category")} error={error} {...register}>
      <option value="">—</option>
      {groups
        .filter((g) => g.show)
        .map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.list.map((c) => (
              <option key={c} value={c}>
                {tv(`menteeCategory.${c}`)}
              </option>
            ))}
          </optgroup>
        ))}
    </SelectField>
  );
}
