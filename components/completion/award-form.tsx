"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordAward } from "@/lib/completion/actions";
import { AWARD_KINDS, RecordAwardInput } from "@/lib/completion/schemas";
import { ClientForm } from "@/components/ui/client-form";

export type AwardCandidate = { id: string; name: string; mentor: boolean; mentee: boolean };

/** Records an award (letter of thanks, certificate…) of a mentor or a mentee of the school's banks. */
export function AwardForm({ org, programId, candidates, defaultDate }: { org: string; programId: string; candidates: AwardCandidate[]; defaultDate: string }) {
  const t = useTranslations("completion");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RecordAwardInput>(
    RecordAwardInput,
    recordAward,
    { org, programId, personId: "", kind: "LETTER_OF_THANKS", title: "", awardedOn: defaultDate, basis: "" },
    { onSuccess: () => form.reset({ org, programId, personId: "", kind: form.getValues("kind"), title: "", awardedOn: form.getValues("awardedOn"), basis: form.getValues("basis") }) },
  );
  const role = (c: AwardCandidate) => [c.mentor ? t("asMentor") : null, c.mentee ? t("asMentee") : null].filter(Boolean).join(", ");
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("recordAward")} className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField label={t("awardPerson")} error={fieldError("personId")} {...form.register("personId")}>
          <option value="">{t("choosePerson")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({role(c)})
            </option>
          ))}
        </SelectField>
        <SelectField label={t("awardKind")} error={fieldError("kind")} {...form.register("kind")}>
          {AWARD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`awardKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("awardTitle")} hint={t("awardTitleHint")} error={fieldError("title")} {...form.register("title")} />
        <TextField label={t("awardedOn")} type="date" error={fieldError("awardedOn")} {...form.register("awardedOn")} />
        <TextField label={t("awardBasis")} hint={t("awardBasisHint")} error={fieldError("basis")} {...form.register("basis")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("recordAward")}
        </Button>
        <InlineOutcome result={result} okText={t("awardRecorded")} />
      </div>
    </ClientForm>
  );
}
