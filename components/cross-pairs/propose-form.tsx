"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { proposeCrossPair } from "@/lib/cross-pairs/actions";
import { ProposeCrossPairInput } from "@/lib/cross-pairs/schemas";

type Choices = {
  programs: { id: string; title: string }[];
  mentees: { id: string; name: string }[];
  mentors: { id: string; name: string; organizationName: string; free: number; capacity: number }[];
};

/** «Пара с наставником другой организации»: the curator picks a mentee of the school and a mentor of the district bank. */
export function ProposeCrossPairForm({ org, choices }: { org: string; choices: Choices }) {
  const t = useTranslations("crossPairs");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<ProposeCrossPairInput>(ProposeCrossPairInput, proposeCrossPair, {
    org,
    programId: choices.programs[0]?.id ?? "",
    menteeId: choices.mentees[0]?.id ?? "",
    mentorId: choices.mentors[0]?.id ?? "",
    direction: "",
  });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("proposeTitle")} className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField label={t("program")} error={fieldError("programId")} {...form.register("programId")}>
          {choices.programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("mentee")} error={fieldError("menteeId")} {...form.register("menteeId")}>
          {choices.mentees.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("mentor")} error={fieldError("mentorId")} {...form.register("mentorId")}>
          {choices.mentors.map((m) => (
            <option key={m.id} value={m.id}>
              {t("mentorOption", { name: m.name, school: m.organizationName, free: m.free, capacity: m.capacity })}
            </option>
          ))}
        </SelectField>
        <TextField label={t("direction")} error={fieldError("direction")} {...form.register("direction")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("propose")}
        </Button>
        <InlineOutcome result={result} okText={t("proposed")} />
      </div>
    </ClientForm>
  );
}
