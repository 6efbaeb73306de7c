"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createOrganization } from "@/lib/operator/actions";
import { CreateOrganizationInput, ORGANIZATION_KINDS_OF_OPERATOR } from "@/lib/operator/schemas";
import { CreatedLink } from "./created-link";

type Created = { organizationId: string; slug: string; invitation: { path: string; email: string } | null };
type Option = { id: string; name: string };

const EMPTY = { kind: "MUNICIPALITY", name: "", shortName: "", parentId: "", place: "", slug: "", headEmail: "" } as const;

/** A new region or municipality (decision 018), with its head's invitation when an e-mail is given. */
export function CreateOrganizationForm({ regions, zones, defaultZone }: { regions: Option[]; zones: string[]; defaultZone: string }) {
  const t = useTranslations("operator");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CreateOrganizationInput, Created>(
    CreateOrganizationInput,
    createOrganization,
    { ...EMPTY, timeZone: defaultZone },
    { onSuccess: (_data, values) => form.reset({ ...EMPTY, kind: values.kind, parentId: values.parentId, timeZone: values.timeZone }) },
  );
  const created = result?.ok ? result.data : null;
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("createTitle")}>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {created ? <Notice kind="success">{t("created", { name: form.getValues("name") || created.slug, slug: created.slug })}</Notice> : null}
      {created?.invitation ? <CreatedLink message={t("invited", { email: created.invitation.email })} path={created.invitation.path} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("fieldKind")} error={fieldError("kind")} {...form.register("kind")}>
          {ORGANIZATION_KINDS_OF_OPERATOR.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("fieldParent")} error={fieldError("parentId")} {...form.register("parentId")}>
          <option value="">{t("noParent")}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fieldName")} error={fieldError("name")} {...form.register("name")} />
        <TextField label={t("fieldShortName")} error={fieldError("shortName")} {...form.register("shortName")} />
        <TextField label={t("fieldPlace")} error={fieldError("place")} {...form.register("place")} />
        <SelectField label={t("fieldTimeZone")} error={fieldError("timeZone")} {...form.register("timeZone")}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fieldSlug")} hint={t("fieldSlugHint")} error={fieldError("slug")} autoComplete="off" {...form.register("slug")} />
        <TextField label={t("fieldHeadEmail")} hint={t("fieldHeadEmailHint")} type="email" autoComplete="off" error={fieldError("headEmail")} {...form.register("headEmail")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
    </ClientForm>
  );
}
