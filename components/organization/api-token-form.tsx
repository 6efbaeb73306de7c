"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createApiToken } from "@/lib/api/actions";
import { CreateApiTokenInput } from "@/lib/api/schemas";
import { API_SCOPES, SCOPE_LABEL_KEYS } from "@/lib/api/scopes";

/** The head's form for a new API token; the secret is shown here once, after creation (decision 045). */
export function ApiTokenForm({ org, scopes = API_SCOPES }: { org: string; scopes?: readonly string[] }) {
  const t = useTranslations("apiTokens");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CreateApiTokenInput, { token: string; apiTokenId: string }>(CreateApiTokenInput, createApiToken, { org, name: "", scopes: [] });
  const scopesError = fieldError("scopes");

  return (
    <ClientForm onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4" noValidate aria-label={t("create")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? (
        <Notice kind="success">
          <span>{t("created")}</span>{" "}
          <code className="break-all font-mono" data-testid="api-token-secret">
            {result.data.token}
          </code>
        </Notice>
      ) : null}
      <TextField label={t("name")} hint={t("nameHint")} error={fieldError("name")} {...form.register("name")} />
      <fieldset className="flex flex-col gap-2" aria-describedby={scopesError ? "api-token-scopes-error" : undefined}>
        <legend className="font-medium text-slate-900">{t("scopes")}</legend>
        {scopes.map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <input type="checkbox" value={scope} className="h-4 w-4" {...form.register("scopes")} />
            <span>
              {t(SCOPE_LABEL_KEYS[scope as keyof typeof SCOPE_LABEL_KEYS] as never)} (<code>{scope}</code>)
            </span>
          </label>
        ))}
        {scopesError ? (
          <p id="api-token-scopes-error" className="text-sm text-red-700">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </ClientForm>
  );
}
