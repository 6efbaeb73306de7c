"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { TEXT_ANSWER_MAX, validateAnswers, type AnswerErrorCode, type Answers, type Question } from "@/lib/domain/questionnaires";
import { answerSurvey, answerSurveyByLink } from "@/lib/surveys/actions";
import { ClientForm } from "@/components/ui/client-form";

type Values = { org?: string; recipientId?: string; token?: string; answers: Record<string, string | string[]> };

const ERROR_KEYS: Record<AnswerErrorCode, string> = {
  required: "answerRequired",
  option: "answerOption",
  scale: "answerScale",
  tooLong: "answerTooLong",
  type: "answerType",
};

/** The same per-question rules as the server (lib/domain/questionnaires), checked before sending. */
function schemaFor(questions: Question[]) {
  return z.object({ answers: z.record(z.string(), z.unknown()) }).superRefine((v, ctx) => {
    const check = validateAnswers(questions, v.answers);
    if (check.ok) return;
    for (const [id, e] of Object.entries(check.errors)) ctx.addIssue({ code: "custom", path: ["answers", id], message: ERROR_KEYS[e.code] });
  });
}

function defaults(questions: Question[], initial: Answers | null): Record<string, string | string[]> {
  return Object.fromEntries(
    questions.map((q) => {
      const v = initial?.[q.id];
      if (q.type === "multiple") return [q.id, Array.isArray(v) ? v : typeof v === "string" ? [v] : []];
      return [q.id, v === undefined || Array.isArray(v) ? "" : String(v)];
    }),
  );
}

export type AnswerTarget = { kind: "app"; org: string; recipientId: string } | { kind: "link"; token: string };

/**
 * One questionnaire to fill in: a fieldset per question (legend = the question), errors tied to it.
 * In the app the answers can be changed until the questionnaire closes; a one-time link answers once.
 */
export function AnswerForm({ questions, initial, target, readOnly = false }: { questions: Question[]; initial: Answers | null; target: AnswerTarget; readOnly?: boolean }) {
  const t = useTranslations("surveys");
  const te = useTranslations("errors");
  const [thanked, setThanked] = useState(false);
  const base = target.kind === "app" ? { org: target.org, recipientId: target.recipientId } : { token: target.token };
  const action = (target.kind === "app" ? answerSurvey : answerSurveyByLink) as unknown as (input: Values) => Promise<ActionResult<unknown>>;
  const { form, onSubmit, pending, result } = useActionForm<Values>(
    schemaFor(questions),
    action,
    { ...base, answers: defaults(questions, initial) },
    { onSuccess: () => target.kind === "link" && setThanked(true) },
  );

  if (thanked) {
    return (
      <Notice kind="success">
        <p className="font-medium">{t("thanksTitle")}</p>
        <p>{t("thanksText")}</p>
      </Notice>
    );
  }

  const errorFor = (id: string): string | undefined => {
    const key = (form.formState.errors.answers as Record<string, { message?: string } | undefined> | undefined)?.[id]?.message;
    if (key) return te.has(key as never) ? te(key as never) : te("validation");
    return result && !result.ok ? result.error.fieldErrors?.[id]?.[0] : undefined;
  };

  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok && target.kind === "app" ? <Notice kind="success">{t("savedAnswers")}</Notice> : null}
      <p className="text-sm text-slate-700">{t("requiredNote")}</p>
      <ol className="flex flex-col gap-6">
        {questions.map((q, i) => (
          <li key={q.id}>
            <QuestionField question={q} number={i + 1} register={form.register} error={errorFor(q.id)} readOnly={readOnly} />
          </li>
        ))}
      </ol>
      {readOnly ? null : (
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("sending") : target.kind === "app" ? t("saveAnswers") : t("sendAnswers")}
          </Button>
        </div>
      )}
    </ClientForm>
  );
}

function QuestionField({ question: q, number, register, error, readOnly }: { question: Question; number: number; register: UseFormRegister<Values>; error?: string; readOnly: boolean }) {
  const t = useTranslations("surveys");
  const uid = useId();
  const legendId = `${uid}-legend`;
  const errorId = `${uid}-error`;
  const scaleId = `${uid}-scale`;
  const field = register(`answers.${q.id}`);
  const described = [q.type === "scale" ? scaleId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={described} aria-invalid={error ? true : undefined} disabled={readOnly}>
      <legend id={legendId} className="mb-1 font-medium text-slate-900">
        {number}. {q.text}
        {q.required ? <span className="ml-1 text-sm font-normal text-slate-700">({t("requiredMark")})</span> : null}
      </legend>
      {q.type === "single" || q.type === "multiple" ? (
        <div className="flex flex-col gap-1">
          {q.type === "multiple" ? <p className="text-sm text-slate-600">{t("chooseSeveral")}</p> : null}
          {(q.options ?? []).map((o) => (
            <label key={o.value} className="flex items-start gap-2 text-sm">
              <input type={q.type === "single" ? "radio" : "checkbox"} value={o.value} className="mt-1" {...field} />
              {o.label}
            </label>
          ))}
        </div>
      ) : null}
      {q.type === "scale" && q.scale ? (
        <div className="flex flex-col gap-1">
          <p id={scaleId} className="text-sm text-slate-600">
            {t("scaleHint", { min: q.scale.min, max: q.scale.max, minLabel: q.scale.minLabel || "—", maxLabel: q.scale.maxLabel || "—" })}
          </p>
          <div className="flex flex-wrap gap-3">
            {Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, k) => q.scale!.min + k).map((v) => (
              <label key={v} className="flex items-center gap-1 rounded-md border border-slate-300 px-3 py-1 text-sm">
                <input type="radio" value={String(v)} {...field} />
                {v}
              </label>
            ))}
          </div>
        </div>
      ) : null}
      {q.type === "text" ? (
        <textarea
          rows={4}
          maxLength={TEXT_ANSWER_MAX}
          className={CONTROL}
          aria-labelledby={legendId}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          {...field}
        />
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
