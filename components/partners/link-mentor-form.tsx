"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { linkPartnerMentor } from "@/lib/partners/actions";
import { LinkPartnerMentorInput } from "@/lib/partners/schemas";

/** Links an external mentor of the bank to the partner organization that provided them (or unlinks). */
export function LinkMentorForm({ org, mentors, partners }: { org: string; mentors: { id: string; name: string }[]; partners: { id: string; name: string }[] }) {
  const t = useTranslations("partners");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<LinkPartnerMentorInput>(LinkPartnerMentorInput, linkPartnerMentor, { org, personId: mentors[0]?.id ?? "", partnerId: partners[0]?.id ?? "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("linkTitle")} className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField label={t("mentor")} error={fieldError("personId")} {...form.register("personId")}>
          {mentors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("partner")} error={fieldError("partnerId")} {...form.register("partnerId")}>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="">{t("noPartner")}</option>
        </SelectField>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("link")}
        </Button>
        <InlineOutcome result={result} okText={t("linked")} />
      </div>
    </ClientForm>
  );
}
