"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { addMentor, recordTraining, setDistrictVisibility, updateMentor } from "@/lib/banks/actions";
import { AddMentorInput, DistrictVisibilityInput, RecordTrainingInput, UpdateMentorInput } from "@/lib/banks/schemas";
import { MAX_MENTOR_CAPACITY, TRAINING_KINDS, type TrainingKind } from "@/lib/domain/banks";
import { PersonSelect, TagCheckboxes, type Candidate } from "./bank-fields";
import { useVocabularyTags } from "./vocabulary-fields";
import { ClientForm } from "@/components/ui/client-form";


export function AddMentorForm({ org, candidates }: { org: string; candidates: Candidate[] }) {
  const t = useTranslations("banks");
  const competencies = useVocabularyTags("competency");
  const empty = { org, personId: "", competencies: [], achievements: "", capacity: "1" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<AddMentorInput, { mentorId: string }>(AddMentorInput, addMentor, empty, {
    onSuccess: () => form.reset(empty),
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("addMentorTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("added")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <PersonSelect candidates={candidates} register={form.register("personId")} error={fieldError("personId")} />
        <TextField label={t("capacity")} type="number" min={1} max={MAX_MENTOR_CAPACITY} error={fieldError("capacity")} {...form.register("capacity")} />
      </div>
      <TagCheckboxes id="add-competencies" legend={t("competenciesLegend")} tags={competencies} register={form.register("competencies")} error={fieldError("competencies")} />
      <TextAreaField label={t("achievements")} rows={2} error={fieldError("achievements")} {...form.register("achievements")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </ClientForm>
  );
}

export function EditMentorForm({ org, mentorId, values }: { org: string; mentorId: string; values: { competencies: string[]; achievements: string | null; capacity: number } }) {
  const t = useTranslations("banks");
  const competencies = useVocabularyTags("competency");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<UpdateMentorInput>(UpdateMentorInput, updateMentor, {
    org,
    mentorId,
    competencies: values.competencies as UpdateMentorInput["competencies"],
    achievements: values.achievements ?? "",
    capacity: String(values.capacity),
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("editTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <TextField label={t("capacity")} type="number" min={1} max={MAX_MENTOR_CAPACITY} error={fieldError("capacity")} {...form.register("capacity")} />
      </div>
      <TagCheckboxes id="edit-competencies" legend={t("competenciesLegend")} tags={competencies} register={form.register("competencies")} error={fieldError("competencies")} />
      <TextAreaField label={t("achievements")} rows={2} error={fieldError("achievements")} {...form.register("achievements")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <InlineOutcome result={result} okText={t("saved")} />
      </div>
    </ClientForm>
  );
}

/** `today`: yyyy-mm-dd in the school's zone, from the server (the date input's max and default). */
export function RecordTrainingForm({ org, mentorId, today }: { org: string; mentorId: string; today: string }) {
  const t = useTranslations("banks");
  const tv = useTranslations("vocabulary");
  const empty = { org, mentorId, kind: "SESSION" as TrainingKind, title: "", finishedOn: today, hours: "", document: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RecordTrainingInput>(RecordTrainingInput, recordTraining, empty, {
    onSuccess: () => form.reset(empty),
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("recordTraining")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField label={t("trainingKind")} error={fieldError("kind")} {...form.register("kind")}>
          {Object.keys(TRAINING_KINDS).map((value) => (
            <option key={value} value={value}>
              {tv(`trainingKind.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("trainingTitle")} error={fieldError("title")} {...form.register("title")} />
        <TextField label={t("finishedOn")} type="date" max={today} error={fieldError("finishedOn")} {...form.register("finishedOn")} />
        <TextField label={t("hours")} type="number" min={1} error={fieldError("hours")} {...form.register("hours")} />
        <TextField label={t("document")} error={fieldError("document")} {...form.register("document")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("recordTraining")}
        </Button>
        <InlineOutcome result={result} okText={t("trainingRecorded")} />
      </div>
    </ClientForm>
  );
}

export function DistrictVisibilityForm({ org, mentorId, since, today }: { org: string; mentorId: string; since: string | null; today: string }) {
  const t = useTranslations("banks");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<DistrictVisibilityInput>(DistrictVisibilityInput, setDistrictVisibility, {
    org,
    mentorId,
    visible: since ? "yes" : "no",
    agreedOn: since ?? today,
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("districtTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField label={t("visible")} error={fieldError("visible")} {...form.register("visible")}>
          <option value="yes">{t("visibleYes")}</option>
          <option value="no">{t("visibleNo")}</option>
        </SelectField>
        <TextField label={t("agreedOn")} type="date" max={today} error={fieldError("agreedOn")} {...form.register("agreedOn")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <InlineOutcome result={result} okText={t("districtSaved")} />
      </div>
    </ClientForm>
  );
}
