"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { linkAccount, recordConsent, revokeConsent } from "@/lib/people/actions";
import { CONSENT_PURPOSES, PUBLIC_FIELD_VALUES, LinkAccountInput, RecordConsentInput, RevokeConsentInput } from "@/lib/people/schemas";
import { ClientForm } from "@/components/ui/client-form";


/** `today`: yyyy-mm-dd in the school's zone, from the server, so the browser's clock does not pick the date. */
export function RecordConsentForm({ org, personId, minor, today }: { org: string; personId: string; minor: boolean; today: string }) {
  const t = useTranslations("people");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RecordConsentInput, { consentId: string }>(RecordConsentInput, recordConsent, {
    org,
    personId,
    purposes: [],
    givenBy: minor ? "REPRESENTATIVE" : "SUBJECT",
    representativeName: "",
    representativeDocument: "",
    givenAt: today,
    validUntil: "",
    publicFields: [],
    publicConditions: "",
  });
  const purposesError = fieldError("purposes");
  const publicFieldsError = fieldError("publicFields");
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("recorded")}</Notice> : null}
      <fieldset className="flex flex-col gap-2" aria-describedby={purposesError ? "purposes-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("purposesLegend")}</legend>
        {CONSENT_PURPOSES.map((p) => (
          <label key={p} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={p} {...form.register("purposes")} />
            {t(`purposeTitles.${p}`)}
          </label>
        ))}
        {purposesError ? (
          <p id="purposes-error" className="text-sm text-red-800">
            {purposesError}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby={publicFieldsError ? "public-fields-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("publicFieldsLegend")}</legend>
        {PUBLIC_FIELD_VALUES.map((f) => (
          <label key={f} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={f} {...form.register("publicFields")} />
            {t(`publicFields.${f}`)}
          </label>
        ))}
        {publicFieldsError ? (
          <p id="public-fields-error" className="text-sm text-red-800">
            {publicFieldsError}
          </p>
        ) : null}
      </fieldset>
      <TextField label={t("publicConditions")} error={fieldError("publicConditions")} {...form.register("publicConditions")} />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField label={t("givenBy")} error={fieldError("givenBy")} {...form.register("givenBy")}>
          <option value="SUBJECT">{t("givenBySelf")}</option>
          <option value="REPRESENTATIVE">{t("givenByRepresentative")}</option>
        </SelectField>
        <TextField label={t("representativeName")} error={fieldError("representativeName")} {...form.register("representativeName")} />
        <TextField label={t("representativeDocument")} error={fieldError("representativeDocument")} {...form.register("representativeDocument")} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <TextField label={t("givenAt")} type="date" error={fieldError("givenAt")} {...form.register("givenAt")} />
        <TextField label={t("validUntil")} type="date" error={fieldError("validUntil")} {...form.register("validUntil")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("record")}
        </Button>
      </div>
    </ClientForm>
  );
}

export function RevokeConsentForm({ org, consentId, label, today }: { org: string; consentId: string; label: string; today: string }) {
  const t = useTranslations("people");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RevokeConsentInput>(RevokeConsentInput, revokeConsent, { org, consentId, revokedAt: today, reason: "" });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={label}>
      <TextField label={t("revokedAt")} type="date" error={fieldError("revokedAt")} {...form.register("revokedAt")} />
      <TextField label={t("revokeReason")} error={fieldError("reason")} {...form.register("reason")} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("revoke")}
        </Button>
        <InlineOutcome result={result} okText={t("revokedDone")} />
      </div>
    </ClientForm>
  );
}

export function LinkAccountForm({ org, personId, userId, members }: { org: string; personId: string; userId: string | null; members: { id: string; label: string }[] }) {
  const t = useTranslations("people");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<LinkAccountInput>(LinkAccountInput, linkAccount, { org, personId, userId: userId ?? "" });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("accountTitle")}>
      <SelectField label={t("account")} error={fieldError("userId")} {...form.register("userId")}>
        <option value="">{t("noAccount")}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("linkAccount")}
        </Button>
        <InlineOutcome result={result} okText={t("accountSaved")} />
      </div>
    </ClientForm>
  );
}
