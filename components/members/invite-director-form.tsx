"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/result";
import { inviteDirector } from "@/lib/members/actions";
import { InviteDirectorInput } from "@/lib/members/schemas";
import { InvitationLink } from "./invite-member-form";

export function InviteDirectorForm({ org, schools }: { org: string; schools: { id: string; name: string }[] }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ path: string; email: string }> | null>(null);
  const form = useForm<InviteDirectorInput>({ resolver: zodResolver(InviteDirectorInput), defaultValues: { org, schoolId: schools[0]?.id ?? "", email: "" } });
  const fieldError = (name: "email" | "schoolId") => {
    const key = form.formState.errors[name]?.message;
    if (key) return t(`errors.${key}` as "errors.required");
    return result && !result.ok ? result.error.fieldErrors?.[name]?.[0] : undefined;
  };
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const res = await inviteDirector(values);
      setResult(res);
      if (res.ok) form.reset({ org, schoolId: values.schoolId, email: "" });
    }),
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {result && result.ok ? <InvitationLink created={result.data} message={t("schools.invited", { email: result.data.email })} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("schools.school")} error={fieldError("schoolId")} {...form.register("schoolId")}>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("members.email")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("members.inviting") : t("schools.inviteDirector")}
        </Button>
      </div>
    </form>
  );
}
