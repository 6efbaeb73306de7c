"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { uploadOfficeDocument } from "@/lib/office-site/actions";

const KINDS = ["MUNICIPAL_REGULATION", "MUNICIPAL_ROADMAP", "OTHER"] as const;

/** The office's document: kind, title, number and date, the file, shown on the site at once or not (FormData to the action). */
export function OfficeDocumentForm({ org, accept, maxBytes, maxMb }: { org: string; accept: string; maxBytes: number; maxMb: number }) {
  const t = useTranslations("officeSite");
  const tv = useTranslations("vocabulary");
  const id = useId();
  const { onSubmit, pending, result, error } = useFormDataAction(uploadOfficeDocument, { org }, { maxBytes });
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <ClientForm className="flex flex-col gap-4" aria-label={t("documentUploadTitle")} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("documentUploaded")}</Notice> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="font-medium">
          {t("documentKind")}
        </label>
        <select id={`${id}-kind`} name="kind" className="w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2" defaultValue="MUNICIPAL_REGULATION">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tv(`officeDocumentKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t("documentTitle")} name="title" error={fieldError("title")} />
      <div className="flex flex-wrap gap-4">
        <div className="w-40">
          <TextField label={t("documentNumber")} name="number" error={fieldError("number")} />
        </div>
        <div className="w-48">
          <TextField label={t("documentDate")} name="issuedOn" type="date" error={fieldError("issuedOn")} />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="font-medium">
          {t("documentFile", { max: maxMb })}
        </label>
        <input id={`${id}-file`} name="file" type="file" accept={accept} className="max-w-64 text-sm" />
        {fieldError("file") ? <p className="text-sm text-red-800">{fieldError("file")}</p> : null}
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="publishedOnSite" value="on" defaultChecked />
        {t("documentOnSite")}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {t("documentUpload")}
        </Button>
      </div>
    </ClientForm>
  );
}
