"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { login, type FormState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

// A plain form bound to a server action: works before (and without) JavaScript.
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<FormState, FormData>(login, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state?.email}
        error={error?.fieldErrors?.email?.[0]}
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={error?.fieldErrors?.password?.[0]}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
