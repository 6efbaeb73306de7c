"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createPerson } from "@/lib/people/actions";
import { CreatePersonInput, PERSON_KINDS } from "@/lib/people/schemas";
import { ClientForm } from "@/components/ui/client-form";

const EMPTY = { kind: "TEACHER" as const, lastName: "", firstName: "", middleName: "", birthDate: "", minor: false, position: "", grade: "", externalOrganization: "", email: "", phone: "" };

export function PersonForm({ org }: { org: string }) {
  const t = useTranslations("people");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CreatePersonInput, { personId: string }>(CreatePersonInput, createPerson, { org, ...EMPTY }, {
    onSuccess: () => form.reset({ org, ...EMPTY, kind: form.getValues("kind") }),
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("added")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-4">
        <SelectField label={t("kind")} {...form.register("kind")}>
          {PERSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("lastName")} autoComplete="off" error={fieldError("lastName")} {...form.register("lastName")} />
        <TextField label={t("firstName")} autoComplete="off" error={fieldError("firstName")} {...form.register("firstName")} />
        <TextField label={t("middleName")} autoComplete="off" error={fieldError("middleName")} {...form.register("middleName")} />
      </div>
      <div className="grid gap-4 md:grid-cols-4">
        <TextField label={t("birthDate")} type="date" error={fieldError("birthDate")} {...form.register("birthDate")} />
        <TextField label={t("position")} error={fieldError("position")} {...form.register("position")} />
        <TextField label={t("grade")} error={fieldError("grade")} {...form.register("grade")} />
        <TextField label={t("externalOrganization")} error={fieldError("externalOrganization")} {...form.register("externalOrganization")} />
      </div>
      <div className="grid gap-4 md:grid-cols-4">
        <TextField label={t("email")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />
        <TextField label={t("phone")} autoComplete="off" error={fieldError("phone")} {...form.register("phone")} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("minor")} />
        {t("minorFlag")}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </ClientForm>
  );
}
