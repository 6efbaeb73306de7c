"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { askConsultation } from "@/lib/consultations/actions";
import { AskConsultationInput } from "@/lib/consultations/schemas";

/** The school's question to the district methodist: a topic and the question (decision 061). */
export function AskForm({ org }: { org: string }) {
  const t = useTranslations("consultations");
  const empty = { org, topic: "", question: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<AskConsultationInput>(AskConsultationInput, askConsultation, empty, { onSuccess: () => form.reset(empty) });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("askTitle")} className="flex flex-col gap-3">
      <TextField label={t("topic")} error={fieldError("topic")} {...form.register("topic")} />
      <TextAreaField label={t("question")} rows={5} error={fieldError("question")} {...form.register("question")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("ask")}
        </Button>
        <InlineOutcome result={result} okText={t("asked")} />
      </div>
    </ClientForm>
  );
}
