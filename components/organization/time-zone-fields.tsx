"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { setOrganizationTimeZone } from "@/lib/organization/actions";
import { SetTimeZoneInput } from "@/lib/organization/schemas";

/** The form of TimeZoneForm (time-zone-form.tsx). */
export function TimeZoneFields({ org, timeZone, zones }: { org: string; timeZone: string; zones: string[] }) {
  const t = useTranslations("home");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SetTimeZoneInput, { timeZone: string }>(SetTimeZoneInput, setOrganizationTimeZone, { org, timeZone });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={t("timeZone")}>
      {result && !result.ok ? <Notice kind="error">{result.error.message}</Notice> : null}
      {result?.ok ? <Notice kind="success">{t("timeZoneSaved", { timeZone: result.data.timeZone })}</Notice> : null}
      <SelectField label={t("timeZone")} hint={t("timeZoneHint")} error={fieldError("timeZone")} {...form.register("timeZone")}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("saveTimeZone")}
        </Button>
      </div>
    </ClientForm>
  );
}
