"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { AppRole } from "@/lib/auth/roles";
import { inviteMember } from "@/lib/members/actions";
import { InviteMemberInput } from "@/lib/members/schemas";
import { ClientForm } from "@/components/ui/client-form";

type Created = { path: string; email: string; mailed?: boolean };

/** Shared by the invitation forms: shows the one-time link after success. */
export function InvitationLink({ created, message, note }: { created: Created; message: string; note?: string }) {
  const t = useTranslations("members");
  const url = typeof window === "undefined" ? created.path : `${window.location.origin}${created.path}`;
  return (
    <Notice kind="success">
      <p className="mb-2">{message}</p>
      <label htmlFor="invitation-link" className="sr-only">
        {message}
      </label>
      <input id="invitation-link" readOnly value={url} className="w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      <p className="mt-2">{t("copyHint")}</p>
      {note ? <p className="mt-2">{note}</p> : null}
    </Notice>
  );
}

export function InviteMemberForm({ org, roles }: { org: string; roles: AppRole[] }) {
  const t = useTranslations();
  const { form, onSubmit, pending, result, fieldError } = useActionForm<InviteMemberInput, Created>(
    InviteMemberInput,
    inviteMember,
    { org, email: "", role: roles[0]! },
    {
      onSuccess: (_data, values) => {
        form.reset({ org, email: "", role: values.role });
      },
    },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {result?.ok ? <InvitationLink
          created={result.data}
          message={t("members.invited", { email: result.data.email })}
          note={result.data.mailed ? t("members.mailedToo", { email: result.data.email }) : undefined}
        /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("members.email")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />
        <SelectField label={t("members.role")} error={fieldError("role")} {...form.register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("members.inviting") : t("members.invite")}
        </Button>
      </div>
    </ClientForm>
  );
}
