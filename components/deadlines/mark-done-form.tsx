"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { markDeadlineDone } from "@/lib/deadlines/actions";
import { useFormDataAction } from "@/components/ui/use-form-data-action";

/** The school marks a district deadline done with its evidence: a comment, a link or a file (FormData to the action). */
export function MarkDoneForm({ org, deadlineId, title, accept, maxBytes, maxMb }: { org: string; deadlineId: string; title: string; accept: string; maxBytes: number; maxMb: number }) {
  const t = useTranslations("deadlines");
  const id = useId();
  const { onSubmit, pending, result, error } = useFormDataAction(markDeadlineDone, { org, deadlineId }, { maxBytes });
  return (
    <ClientForm
      className="flex flex-col gap-2"
      aria-label={`${t("markTitle")}: ${title}`}
      onSubmit={onSubmit}
    >
      <p className="text-sm text-slate-700">{t("markVisible")}</p>
      <TextField label={t("markComment")} name="comment" error={error?.fieldErrors?.comment?.[0]} />
      <TextField label={t("markLink")} name="link" type="url" error={error?.fieldErrors?.link?.[0]} />
      <label htmlFor={id} className="text-sm">
        {t("markFile", { max: maxMb })}
      </label>
      <input id={id} name="file" type="file" accept={accept} className="max-w-64 text-sm" />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("mark")}
        </Button>
      </div>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error.message}
        </span>
      ) : null}
      {result?.ok ? (
        <span role="status" className="text-sm text-green-800">
          {t("marked")}
        </span>
      ) : null}
    </ClientForm>
  );
}
