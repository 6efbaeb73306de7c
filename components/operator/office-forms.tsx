"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { inviteHead, moveSchool } from "@/lib/operator/actions";
import { InviteHeadInput, MoveSchoolInput } from "@/lib/operator/schemas";
import { CreatedLink } from "./created-link";

type Option = { id: string; name: string };

/** Invite (another) head of an existing region or municipality. */
export function InviteHeadForm({ offices }: { offices: Option[] }) {
  const t = useTranslations("operator");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<InviteHeadInput, { path: string; email: string }>(
    InviteHeadInput,
    inviteHead,
    { organizationId: offices[0]?.id ?? "", email: "" },
    { onSuccess: (_data, values) => form.reset({ organizationId: values.organizationId, email: "" }) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("inviteTitle")}>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {result?.ok ? <CreatedLink message={t("invited", { email: result.data.email })} path={result.data.path} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("fieldOrganization")} error={fieldError("organizationId")} {...form.register("organizationId")}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fieldEmail")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />
      </div>
      <div>
        <Button type="submit" disabled={pending || offices.length === 0}>
          {pending ? t("inviting") : t("invite")}
        </Button>
      </div>
    </ClientForm>
  );
}

/** Move a school to another municipality, with its data. */
export function MoveSchoolForm({ schools, municipalities }: { schools: Option[]; municipalities: Option[] }) {
  const t = useTranslations("operator");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<MoveSchoolInput, unknown>(MoveSchoolInput, moveSchool, {
    schoolId: schools[0]?.id ?? "",
    municipalityId: municipalities[0]?.id ?? "",
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("moveTitle")}>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {result?.ok ? <Notice kind="success">{t("moved")}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("fieldSchool")} error={fieldError("schoolId")} {...form.register("schoolId")}>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("fieldMunicipality")} error={fieldError("municipalityId")} {...form.register("municipalityId")}>
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Button type="submit" disabled={pending || schools.length === 0 || municipalities.length === 0}>
          {pending ? t("moving") : t("move")}
        </Button>
      </div>
    </ClientForm>
  );
}
