"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { createCommunity } from "@/lib/communities/actions";
import { COMMUNITY_KINDS } from "@/lib/domain/communities";

/** A new community of the office: its kind, name and — for a методическое объединение — its subject or area. */
export function CommunityForm({ org }: { org: string }) {
  const t = useTranslations("communities");
  const { onSubmit, pending, result, error } = useFormDataAction(createCommunity, { org });
  return (
    <ClientForm className="flex max-w-xl flex-col gap-4" aria-label={t("createTitle")} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("created")}</Notice> : null}
      <SelectField label={t("kind")} name="kind" defaultValue="MENTOR_COUNCIL" error={error?.fieldErrors?.kind?.[0]}>
        {COMMUNITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("name")} name="name" error={error?.fieldErrors?.name?.[0]} />
      <TextField label={t("area")} name="area" error={error?.fieldErrors?.area?.[0]} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </div>
    </ClientForm>
  );
}
