"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createProgram } from "@/lib/programs/actions";
import { AUDIENCES, CreateProgramInput, TEMPLATES } from "@/lib/programs/schemas";
import { ClientForm } from "@/components/ui/client-form";

export function CreateProgramForm({ org, years, defaultYear, defaultTemplate }: { org: string; years: number[]; defaultYear: number; defaultTemplate: (typeof TEMPLATES)[number] }) {
  const t = useTranslations("program");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CreateProgramInput>(CreateProgramInput, createProgram, {
    org,
    academicYear: defaultYear,
    audience: "BOTH",
    template: defaultTemplate,
    title: "",
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <SelectField label={t("academicYear")} error={fieldError("academicYear")} {...form.register("academicYear")}>
        {years.map((y) => (
          <option key={y} value={y}>
            {`${y}/${y + 1}`}
          </option>
        ))}
      </SelectField>
      <TextField label={t("programTitle")} error={fieldError("title")} {...form.register("title")} />
      <SelectField label={t("audience")} error={fieldError("audience")} {...form.register("audience")}>
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`audiences.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("template")} error={fieldError("template")} {...form.register("template")}>
        {TEMPLATES.map((k) => (
          <option key={k} value={k}>
            {t(`templates.${k}`)}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
    </ClientForm>
  );
}
