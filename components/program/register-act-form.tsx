"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { registerAct } from "@/lib/programs/actions";
import { ACT_KINDS, RegisterActInput } from "@/lib/programs/schemas";
import { ClientForm } from "@/components/ui/client-form";

export function RegisterActForm({ org, programs }: { org: string; programs: { id: string; label: string }[] }) {
  const t = useTranslations("acts");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RegisterActInput>(
    RegisterActInput,
    registerAct,
    { org, programId: programs[0]?.id ?? "", kind: "REGULATION", number: "", date: "", title: "" },
    { onSuccess: () => form.reset({ org, programId: form.getValues("programId"), kind: form.getValues("kind"), number: "", date: "", title: "" }) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("registered")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("kind")} error={fieldError("kind")} {...form.register("kind")}>
          {ACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("forProgram")} error={fieldError("programId")} {...form.register("programId")}>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="">{t("orgWide")}</option>
        </SelectField>
      </div>
      <div className="grid gap-4 md:grid-cols-[10rem_12rem_1fr]">
        <TextField label={t("number")} error={fieldError("number")} {...form.register("number")} />
        <TextField label={t("date")} type="date" error={fieldError("date")} {...form.register("date")} />
        <TextField label={t("actTitle")} error={fieldError("title")} {...form.register("title")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("register")}
        </Button>
      </div>
    </ClientForm>
  );
}
