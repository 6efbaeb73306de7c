"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestPasswordResetForm, resetPasswordForm, type FormState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** «Забыли пароль?»: an address in, the same answer out whether or not it has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [state, action, pending] = useActionState<FormState, FormData>(requestPasswordResetForm, null);
  const error = state && !state.ok ? state.error : null;
  if (state?.ok) return <Notice kind="success">{t("sent")}</Notice>;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required defaultValue={state?.email} error={error?.fieldErrors?.email?.[0]} />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}

/** The new password, twice, from the link in the letter. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordForm, null);
  const error = state && !state.ok ? state.error : null;
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField label={t("newPassword")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} error={fieldError("password")} />
      <TextField label={t("newPasswordRepeat")} name="passwordRepeat" type="password" autoComplete="new-password" required error={fieldError("passwordRepeat")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
