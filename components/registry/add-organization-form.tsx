"use client";

import { useTranslations } from "next-intl";
import { russianPart } from "@/components/i18n/russian-part";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { addOrganization } from "@/lib/registry/actions";
import { AddOrganizationInput, type RegistryKindKey } from "@/lib/registry/schemas";

type Added = { id: string; slug: string; invited: boolean };
const TEXT_FIELDS = ["shortName", "place", "address", "inn", "ogrn", "headPosition", "headName", "headEmail", "slug"] as const;
const HINTED = new Set<string>(["inn", "ogrn", "headPosition", "headEmail", "slug"]);

/** One organization of the office's tree, with its requisites; the same checks as a row of a list. */
export function AddOrganizationForm({ org, kinds }: { org: string; kinds: RegistryKindKey[] }) {
  const t = useTranslations("registry");
  const empty = { org, name: "", kind: kinds[0], shortName: "", place: "", address: "", inn: "", ogrn: "", headPosition: "", headName: "", headEmail: "", slug: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<AddOrganizationInput, Added>(AddOrganizationInput, addOrganization, empty, {
    onSuccess: () => form.reset(empty),
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? (
        <Notice kind="success">{result.data.invited ? t("addedInvited", { slug: result.data.slug }) : t("added", { slug: result.data.slug })}</Notice>
      ) : null}
      <TextField id="registry-add-name" label={t("fields.name")} required error={fieldError("name")} {...form.register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="registry-add-kind" label={t("fields.kind")} error={fieldError("kind")} {...form.register("kind")}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {TEXT_FIELDS.map((field) => (
          <TextField
            key={field}
            id={`registry-add-${field}`}
            label={t(`fields.${field}`)}
            hint={HINTED.has(field) ? t.rich(`hints.${field as "inn"}`, { ru: russianPart }) : undefined}
            type={field === "headEmail" ? "email" : "text"}
            inputMode={field === "inn" || field === "ogrn" ? "numeric" : undefined}
            autoComplete="off"
            error={fieldError(field)}
            {...form.register(field)}
          />
        ))}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </div>
    </ClientForm>
  );
}
