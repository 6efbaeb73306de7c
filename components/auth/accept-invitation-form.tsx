"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInvitationAndSignIn, acceptInvitationAsSignedIn, type FormState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** A new person accepts: name and a new password create the account. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
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
      <TextField label={t("name")} name="name" autoComplete="name" required error={fieldError("name")} />
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} error={fieldError("password")} />
      <TextField label={t("passwordRepeat")} name="passwordRepeat" type="password" autoComplete="new-password" required error={fieldError("passwordRepeat")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("accepting") : t("accept")}
      </Button>
    </form>
  );
}

/** The invited account, signed in, accepts with one button: its session proves who it is. */
export function AcceptInvitationSignedInForm({ token }: { token: string }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAsSignedIn, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("accepting") : t("accept")}
      </Button>
    </form>
  );
}
