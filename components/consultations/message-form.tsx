"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { replyConsultation, writeConsultation } from "@/lib/consultations/actions";
import { ConsultationMessageInput } from "@/lib/consultations/schemas";

/** A message of the thread: the school writes in its consultation, the office replies (two actions, two permissions). */
export function MessageForm({ org, consultationId, side }: { org: string; consultationId: string; side: "school" | "office" }) {
  const t = useTranslations("consultations");
  const empty = { org, consultationId, body: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<ConsultationMessageInput>(ConsultationMessageInput, side === "office" ? replyConsultation : writeConsultation, empty, {
    onSuccess: () => form.reset(empty),
  });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("messageTitle")} className="flex flex-col gap-3">
      <TextAreaField label={t("message")} rows={4} error={fieldError("body")} {...form.register("body")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("send")}
        </Button>
        <InlineOutcome result={result} okText={t("sent")} />
      </div>
    </ClientForm>
  );
}
