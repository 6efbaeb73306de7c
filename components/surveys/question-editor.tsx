"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormReturn } from "react-hook-form";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { QUESTION_TYPES, type Question, type QuestionType } from "@/lib/domain/questionnaires";
import { updateSurveyQuestions } from "@/lib/surveys/actions";
import { UpdateQuestionsInput } from "@/lib/surveys/schemas";
import { ClientForm } from "@/components/ui/client-form";

type EditedQuestion = Omit<Question, "options" | "scale"> & {
  options: { value: string; label: string }[];
  scale: { min: number | string; max: number | string; minLabel: string; maxLabel: string };
};
type Values = { org: string; questionnaireId: string; title: string; questions: EditedQuestion[] };

// Random, not time-based: ids only need to be unique within the questionnaire (getRandomValues works
// on plain-http school networks too, unlike crypto.randomUUID).
const newId = (prefix: string) => `${prefix}${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, "0")).join("")}`;
const DEFAULT_SCALE = { min: 1, max: 5, minLabel: "", maxLabel: "" };

function toEdited(q: Question): EditedQuestion {
  return { ...q, options: q.options ?? [], scale: q.scale ?? DEFAULT_SCALE };
}

/** Reads a nested error message (a key under "errors") at a dotted path. */
function errorAt(errors: FieldErrors<Values>, path: (string | number)[]): string | undefined {
  let node: unknown = errors;
  for (const part of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  const message = node && typeof node === "object" ? (node as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : undefined;
}

/** Edits a draft questionnaire: texts, required, the four types, options and scales; add, move, remove. */
export function QuestionEditor({ org, questionnaireId, title, questions }: { org: string; questionnaireId: string; title: string; questions: Question[] }) {
  const t = useTranslations("surveys");
  const te = useTranslations("errors");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<Values>(UpdateQuestionsInput, updateSurveyQuestions as never, {
    org,
    questionnaireId,
    title,
    questions: questions.map(toEdited),
  });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "questions" });
  const err = (path: (string | number)[]) => {
    const key = errorAt(form.formState.errors, path);
    return key ? (te.has(key as never) ? te(key as never) : te("validation")) : undefined;
  };

  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("questionsSaved")}</Notice> : null}
      <TextField label={t("surveyTitle")} error={fieldError("title")} {...form.register("title")} />
      {fieldError("questions") ? <p className="text-sm text-red-800">{fieldError("questions")}</p> : null}
      <ol className="flex flex-col gap-4">
        {fields.map((f, index) => (
          <li key={f.id}>
            <QuestionCard
              form={form}
              index={index}
              count={fields.length}
              err={err}
              onRemove={() => remove(index)}
              onMove={(to) => move(index, to)}
            />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            append({
              id: newId("q"),
              type: "single",
              text: "",
              required: false,
              options: [
                { value: newId("o"), label: "" },
                { value: newId("o"), label: "" },
              ],
              scale: DEFAULT_SCALE,
            })
          }
        >
          {t("addQuestion")}
        </Button>
        <Button type="submit" disabled={pending}>
          {t("saveQuestions")}
        </Button>
      </div>
    </ClientForm>
  );
}

function QuestionCard({
  form,
  index,
  count,
  err,
  onRemove,
  onMove,
}: {
  form: UseFormReturn<Values>;
  index: number;
  count: number;
  err: (path: (string | number)[]) => string | undefined;
  onRemove: () => void;
  onMove: (to: number) => void;
}) {
  const t = useTranslations("surveys");
  const control = form.control as Control<Values>;
  const type = useWatch({ control, name: `questions.${index}.type` }) as QuestionType;
  const maps = useWatch({ control, name: `questions.${index}.maps` });
  const options = useFieldArray({ control, name: `questions.${index}.options` });
  const base = `questions.${index}` as const;
  const heading = t("questionNumber", { number: index + 1 });
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-4">
      <legend className="px-1 font-medium">{heading}</legend>
      <TextAreaField label={t("questionText")} rows={2} error={err(["questions", index, "text"])} {...form.register(`${base}.text`)} />
      <div className="flex flex-wrap items-end gap-4">
        {maps ? (
          // A question that feeds a bank or an indicator keeps its type.
          <p className="text-sm">
            <span className="font-medium">{t("questionType")}:</span> {t(`types.${type}`)}
            <span className="block text-slate-700">{t(`maps.${maps}`)}</span>
          </p>
        ) : (
          <SelectField
            label={t("questionType")}
            {...form.register(`${base}.type`, {
              onChange: (e: { target: { value: string } }) => {
                const next = e.target.value;
                if ((next === "single" || next === "multiple") && options.fields.length === 0) {
                  options.append([
                    { value: newId("o"), label: "" },
                    { value: newId("o"), label: "" },
                  ]);
                }
              },
            })}
          >
            {QUESTION_TYPES.map((qt) => (
              <option key={qt} value={qt}>
                {t(`types.${qt}`)}
              </option>
            ))}
          </SelectField>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register(`${base}.required`)} />
          {t("requiredQuestion")}
        </label>
      </div>

      {type === "single" || type === "multiple" ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("optionsLegend", { number: index + 1 })}</legend>
          {options.fields.map((o, j) => (
            <div key={o.id} className="flex items-end gap-2">
              <input type="hidden" {...form.register(`${base}.options.${j}.value`)} />
              <div className="grow">
                <TextField label={t("optionLabel", { number: j + 1 })} error={err(["questions", index, "options", j, "label"])} {...form.register(`${base}.options.${j}.label`)} />
              </div>
              <Button type="button" variant="secondary" onClick={() => options.remove(j)} aria-label={t("removeOptionLabel", { number: j + 1, question: index + 1 })}>
                {t("removeOption")}
              </Button>
            </div>
          ))}
          <div>
            <Button type="button" variant="secondary" onClick={() => options.append({ value: newId("o"), label: "" })}>
              {t("addOption")}
            </Button>
          </div>
        </fieldset>
      ) : null}

      {type === "scale" ? (
        <div className="grid gap-3 md:grid-cols-4">
          <SelectField label={t("scaleMin")} error={err(["questions", index, "scale", "min"])} {...form.register(`${base}.scale.min`)}>
            <option value="0">0</option>
            <option value="1">1</option>
          </SelectField>
          <SelectField label={t("scaleMax")} error={err(["questions", index, "scale", "max"])} {...form.register(`${base}.scale.max`)}>
            {Array.from({ length: 9 }, (_, k) => k + 2).map((v) => (
              <option key={v} value={String(v)}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField label={t("scaleMinLabel")} error={err(["questions", index, "scale", "minLabel"])} {...form.register(`${base}.scale.minLabel`)} />
          <TextField label={t("scaleMaxLabel")} error={err(["questions", index, "scale", "maxLabel"])} {...form.register(`${base}.scale.maxLabel`)} />
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t("moveUpLabel", { number: index + 1 })}>
          {t("moveUp")}
        </Button>
        <Button type="button" variant="secondary" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t("moveDownLabel", { number: index + 1 })}>
          {t("moveDown")}
        </Button>
        <Button type="button" variant="danger" disabled={count === 1} onClick={onRemove} aria-label={t("removeQuestionLabel", { number: index + 1 })}>
          {t("removeQuestion")}
        </Button>
      </div>
    </fieldset>
  );
}
