"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { inviteDirector } from "@/lib/members/actions";
import { InviteDirectorInput } from "@/lib/members/schemas";
import { InvitationLink } from "./invite-member-form";
import { ClientForm } from "@/components/ui/client-form";

type Created = { path: string; email: string };

export function InviteDirectorForm({ org, schools }: { org: string; schools: { id: string; name: string }[] }) {
  const t = useTranslations();
  const { form, onSubmit, pending, result, fieldError } = useActionForm<InviteDirectorInput, Created>(
    InviteDirectorInput,
    inviteDirector,
    { org, schoolId: schools[0]?.id ?? "", email: "" },
    {
      onSuccess: (_data, values) => {
        form.reset({ org, schoolId: values.schoolId, email: "" });
      },
    },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {result?.ok ? <InvitationLink created={result.data} message={t("schools.invited", { email: result.data.email })} /> : null}
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
    </ClientForm>
  );
}
