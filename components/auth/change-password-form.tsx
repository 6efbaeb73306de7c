"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAndRenewSession, type FormState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAndRenewSession, null);
  const error = state && !state.ok ? state.error : null;
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <input type="hidden" name="username" value={email} autoComplete="username" />
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError("currentPassword")} />
      <TextField label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" required error={fieldError("newPassword")} />
      <TextField label={t("newPasswordRepeat")} name="newPasswordRepeat" type="password" autoComplete="new-password" required error={fieldError("newPasswordRepeat")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("changing") : t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
