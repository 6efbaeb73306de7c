"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { createPartner } from "@/lib/partners/actions";
import { CreatePartnerInput } from "@/lib/partners/schemas";

/** A new partner organization of the register: name, ИНН, the agreement, the contact (decision 061). */
export function PartnerForm({ org }: { org: string }) {
  const t = useTranslations("partners");
  const empty = { org, name: "", inn: "", agreementNumber: "", agreementDate: "", contactName: "", phone: "", email: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<CreatePartnerInput>(CreatePartnerInput, createPartner, empty, { onSuccess: () => form.reset(empty) });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("addTitle")} className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t("name")} error={fieldError("name")} {...form.register("name")} />
        <TextField label={t("inn")} inputMode="numeric" error={fieldError("inn")} {...form.register("inn")} />
        <TextField label={t("agreementNumber")} error={fieldError("agreementNumber")} {...form.register("agreementNumber")} />
        <TextField label={t("agreementDate")} type="date" error={fieldError("agreementDate")} {...form.register("agreementDate")} />
        <TextField label={t("contactName")} error={fieldError("contactName")} {...form.register("contactName")} />
        <TextField label={t("phone")} type="tel" error={fieldError("phone")} {...form.register("phone")} />
        <TextField label={t("email")} type="email" error={fieldError("email")} {...form.register("email")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
        <InlineOutcome result={result} okText={t("added")} />
      </div>
    </ClientForm>
  );
}
