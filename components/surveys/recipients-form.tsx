"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { addSurveyRecipients } from "@/lib/surveys/actions";
import { AddRecipientsInput } from "@/lib/surveys/schemas";
import { LinksList, type ShownLink } from "./links-list";
import { ClientForm } from "@/components/ui/client-form";

export type Candidate = { id: string; name: string; kind: "TEACHER" | "STUDENT" | "EXTERNAL"; details: string; added: boolean; refusal: string | null };

type Values = { org: string; questionnaireId: string; personIds: string[] };

/**
 * People of the school to send the questionnaire to. Whoever may not be asked (no valid consent to
 * surveys, out of active work) is listed with the reason and cannot be ticked.
 */
export function RecipientsForm({ org, questionnaireId, candidates }: { org: string; questionnaireId: string; candidates: Candidate[] }) {
  const t = useTranslations("surveys");
  const tp = useTranslations("people");
  const uid = useId();
  const [links, setLinks] = useState<ShownLink[]>([]);
  const { form, onSubmit, pending, result, fieldError } = useActionForm<Values, { added: number; skipped: number; links: ShownLink[] }>(
    AddRecipientsInput,
    addSurveyRecipients as never,
    { org, questionnaireId, personIds: [] },
    { onSuccess: (data) => {
      setLinks(data.links);
      form.setValue("personIds", []);
    } },
  );
  const open = candidates.filter((c) => !c.added);
  const eligible = open.filter((c) => !c.refusal);
  const error = fieldError("personIds");
  if (open.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        {links.length ? <LinksList links={links} /> : null}
        <p>{t("everyoneAdded")}</p>
      </div>
    );
  }
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("recipientsAdded", { added: result.data.added, skipped: result.data.skipped })}</Notice> : null}
      {links.length ? <LinksList links={links} /> : null}
      <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${uid}-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("recipientsLegend")}</legend>
        {eligible.length > 1 ? (
          <div>
            <Button type="button" variant="link" onClick={() => form.setValue("personIds", eligible.map((c) => c.id))}>
              {t("selectAll", { count: eligible.length })}
            </Button>
          </div>
        ) : null}
        <ul className="flex flex-col gap-2">
          {open.map((c) => {
            const reasonId = `${uid}-${c.id}-reason`;
            return (
              <li key={c.id}>
                <label className={`flex items-start gap-2 text-sm ${c.refusal ? "text-slate-600" : ""}`}>
                  <input type="checkbox" value={c.id} className="mt-1" disabled={Boolean(c.refusal)} aria-describedby={c.refusal ? reasonId : undefined} {...form.register("personIds")} />
                  <span>
                    <span className="font-medium text-slate-900">{c.name}</span>
                    {" · "}
                    {tp(`kinds.${c.kind}`)}
                    {c.details ? `, ${c.details}` : ""}
                  </span>
                </label>
                {c.refusal ? (
                  <p id={reasonId} className="ml-6 text-sm text-red-800">
                    {t("cannotAsk")}: {c.refusal}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
        {error ? (
          <p id={`${uid}-error`} className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending || eligible.length === 0}>
          {t("addRecipients")}
        </Button>
      </div>
    </ClientForm>
  );
}
