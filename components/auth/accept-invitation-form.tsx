"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInvitationAndSignIn, type FormState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function AcceptInvitationForm({ token, email, accountExists }: { token: string; email: string; accountExists: boolean }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAndSignIn, null);
  const error = state && !state.ok ? state.error : null;
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers pair the new password with the account's email. */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      {accountExists ? null : <TextField label={t("name")} name="name" autoComplete="name" required error={fieldError("name")} />}
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete={accountExists ? "current-password" : "new-password"}
        required
        hint={accountExists ? undefined : t("passwordHint")}
        error={fieldError("password")}
      />
      {accountExists ? null : (
        <TextField label={t("passwordRepeat")} name="passwordRepeat" type="password" autoComplete="new-password" required error={fieldError("passwordRepeat")} />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("accepting") : t("accept")}
      </Button>
    </form>
  );
}
