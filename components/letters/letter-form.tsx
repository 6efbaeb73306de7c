"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { sendLetter } from "@/lib/letters/actions";

/** The office's letter: subject, text, all or chosen schools, an optional file (FormData to the action). */
export function LetterForm({ org, schools, accept, maxBytes, maxMb }: { org: string; schools: { id: string; name: string }[]; accept: string; maxBytes: number; maxMb: number }) {
  const t = useTranslations("letters");
  const id = useId();
  const { onSubmit, pending, result, error } = useFormDataAction(sendLetter, { org }, { maxBytes });
  return (
    <ClientForm
      className="flex flex-col gap-4"
      aria-label={t("composeTitle")}
      onSubmit={onSubmit}
    >
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("sent")}</Notice> : null}
      <TextField label={t("subject")} name="subject" error={error?.fieldErrors?.subject?.[0]} />
      <TextAreaField label={t("body")} name="body" rows={6} error={error?.fieldErrors?.body?.[0]} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t("chooseSchools")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="toAll" value="on" />
          {t("toAll")}
        </label>
        {schools.map((s) => (
          <label key={s.id} className="flex items-center gap-2">
            <input type="checkbox" name="schoolIds" value={s.id} />
            {s.name}
          </label>
        ))}
        {error?.fieldErrors?.schoolIds ? <p className="text-sm text-red-800">{error.fieldErrors.schoolIds[0]}</p> : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm">
          {t("file", { max: maxMb })}
        </label>
        <input id={id} name="file" type="file" accept={accept} className="max-w-64 text-sm" />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("send")}
        </Button>
      </div>
    </ClientForm>
  );
}
