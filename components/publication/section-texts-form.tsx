"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { setOfficeSection } from "@/lib/office-site/actions";
import { setPublicSection } from "@/lib/publication/actions";
import { SetSectionInput } from "@/lib/publication/schemas";
import { ClientForm } from "@/components/ui/client-form";

/** The intro and the contacts of the public section; saving leaves it published or not as it is. `office`: an office's (decision 060). */
export function SectionTextsForm({ org, intro, contacts, office = false }: { org: string; intro: string; contacts: string; office?: boolean }) {
  const t = useTranslations("publication");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SetSectionInput>(SetSectionInput, office ? setOfficeSection : setPublicSection, { org, intro, contacts });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextAreaField label={t("introField")} hint={t("introHint")} rows={6} error={fieldError("intro")} {...form.register("intro")} />
      <TextAreaField label={t("contactsField")} hint={t("contactsHint")} rows={3} error={fieldError("contacts")} {...form.register("contacts")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <InlineOutcome result={result} okText={t("saved")} />
      </div>
    </ClientForm>
  );
}
