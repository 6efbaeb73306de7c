"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { QUESTIONNAIRE_KINDS } from "@/lib/domain/questionnaires";
import { createSurvey } from "@/lib/surveys/actions";
import { CreateSurveyInput } from "@/lib/surveys/schemas";
import { ClientForm } from "@/components/ui/client-form";

type Values = { org: string; kind: string; title: string; programId: string; closesOn: string; audience: string; comparedWithId: string };

/** A new questionnaire from a ready template; the page of the new draft opens next. */
export function CreateSurveyForm({
  org,
  programs,
  befores,
}: {
  org: string;
  programs: { id: string; label: string }[];
  befores: { id: string; label: string }[];
}) {
  const t = useTranslations("surveys");
  const router = useRouter();
  const { form, onSubmit, pending, result, fieldError } = useActionForm<Values, { questionnaireId: string }>(
    CreateSurveyInput,
    createSurvey as never,
    { org, kind: "MENTEE_NEEDS", title: "", programId: programs[0]?.id ?? "", closesOn: "", audience: "", comparedWithId: befores[0]?.id ?? "" },
    { onSuccess: (data) => router.push(`/${org}/surveys/${data.questionnaireId}`) },
  );
  const kind = useWatch({ control: form.control, name: "kind" });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <SelectField label={t("template")} hint={t(`kindHints.${kind as (typeof QUESTIONNAIRE_KINDS)[number]}`)} error={fieldError("kind")} {...form.register("kind")}>
        {QUESTIONNAIRE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("surveyTitle")} hint={t("titleHint")} error={fieldError("title")} {...form.register("title")} />
        <TextField label={t("closesOn")} type="date" hint={t("closesOnHint")} error={fieldError("closesOn")} {...form.register("closesOn")} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("program")} hint={t("programHint")} error={fieldError("programId")} {...form.register("programId")}>
          <option value="">{t("noProgram")}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
        {kind === "MENTEE_NEEDS" ? (
          <SelectField label={t("audience")} hint={t("audienceHint")} error={fieldError("audience")} {...form.register("audience")}>
            <option value="">{t("audienceFromProgram")}</option>
            <option value="TEACHERS">{t("audiences.TEACHERS")}</option>
            <option value="STUDENTS">{t("audiences.STUDENTS")}</option>
            <option value="BOTH">{t("audiences.BOTH")}</option>
          </SelectField>
        ) : null}
        {kind === "ASSESSMENT_AFTER" ? (
          <SelectField label={t("comparedWith")} error={fieldError("comparedWithId")} {...form.register("comparedWithId")}>
            <option value="">—</option>
            {befores.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </div>
    </ClientForm>
  );
}
