"use client";

import { useTranslations } from "next-intl";
import { russianPart } from "@/components/i18n/russian-part";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Notice } from "@/components/ui/notice";
import { useIdempotencyKey } from "@/components/ui/use-idempotency-key";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";
import type { ActionError } from "@/lib/actions/result";
import { importRegistry, previewRegistryImport } from "@/lib/registry/actions";
import { MAX_REGISTRY_ROWS, type RegistryImportReport, type RegistryPreview } from "@/lib/registry/schemas";
import { fileTooLarge, megabytes, REGISTRY_MAX_BYTES } from "@/lib/uploads/limits";
import { RegistryPreviewTable } from "./registry-preview";

type Busy = "checking" | "importing" | null;

/** Upload → preview with per-row errors and editable page addresses → create all (or none) → report. */
export function RegistryImport({ org, templateHref }: { org: string; templateHref: string }) {
  const t = useTranslations("registry");
  const tErrors = useTranslations("errors");
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<RegistryPreview | null>(null);
  const [slugs, setSlugs] = useState<Record<string, string>>({});
  const [checkedSlugs, setCheckedSlugs] = useState("{}");
  const [report, setReport] = useState<RegistryImportReport | null>(null);
  const [error, setError] = useState<ActionError | string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const idempotency = useIdempotencyKey();

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  const form = (source: File, edits: Record<string, string>) => {
    const data = new FormData();
    data.set("org", org);
    data.set("file", source);
    data.set("slugs", JSON.stringify(edits));
    return data;
  };

  async function check(source: File, edits: Record<string, string>) {
    setBusy("checking");
    try {
      const res = await previewRegistryImport(form(source, edits));
      if (!res.ok) {
        setError(res.error);
        setPreview(null);
        return;
      }
      setError(null);
      setPreview(res.data);
      setCheckedSlugs(JSON.stringify(edits));
    } catch {
      setError(t("networkError"));
    } finally {
      setBusy(null);
    }
  }

  async function onUpload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setReport(null);
    const chosen = fileInput.current?.files?.[0];
    if (!chosen) return setError(t("chooseFile"));
    const tooLarge = fileTooLarge(chosen, REGISTRY_MAX_BYTES, "registryTooLarge");
    if (tooLarge) return setError(tErrors("registryTooLarge", tooLarge.values));
    const bytes = new File([await chosen.arrayBuffer()], chosen.name, { type: chosen.type });
    setFile(bytes);
    setSlugs({});
    await check(bytes, {});
  }

  // The addresses the user typed (by row) are sent with every check and with the import.
  const edits = (): Record<string, string> => Object.fromEntries(Object.entries(slugs).filter(([, v]) => v.trim() !== ""));
  const stale = preview !== null && JSON.stringify(edits()) !== checkedSlugs;

  async function onImport() {
    if (!file || !preview) return;
    setBusy("importing");
    try {
      const data = form(file, JSON.parse(checkedSlugs));
      data.set(IDEMPOTENCY_FIELD, idempotency.current());
      const res = await importRegistry(data);
      if (!res.ok) {
        setError(res.error);
        return;
      }
      idempotency.renew();
      setError(null);
      setPreview(null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      setReport(res.data);
    } catch {
      setError(t("networkError"));
    } finally {
      setBusy(null);
    }
  }

  const working = busy !== null;
  const toCreate = preview ? preview.totalRows - preview.rowsWithErrors : 0;
  return (
    <div className="flex flex-col gap-4">
      <p>{t.rich("importIntro", { ru: russianPart })}</p>
      <p>
        <a href={templateHref} className="text-brand-700 underline" download>
          {t("template")}
        </a>
      </p>
      <ClientForm onSubmit={onUpload} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="registry-import-file" className="text-sm font-medium text-slate-900">
            {t("file")}
          </label>
          <input
            ref={fileInput}
            id="registry-import-file"
            name="file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby="registry-import-file-hint"
            className="text-sm"
            disabled={working}
          />
          <p id="registry-import-file-hint" className="text-sm text-slate-600">
            {t("fileHint", { max: megabytes(REGISTRY_MAX_BYTES), rows: MAX_REGISTRY_ROWS })}
          </p>
        </div>
        <div>
          <Button type="submit" variant={preview ? "secondary" : "primary"} disabled={working}>
            {busy === "checking" ? t("checking") : t("check")}
          </Button>
        </div>
      </ClientForm>

      {busy === "importing" ? <Notice kind="info">{t("importing")}</Notice> : null}
      {typeof error === "string" ? <Notice kind="error">{error}</Notice> : error ? <ActionErrorNotice error={error} /> : null}

      {preview ? (
        <section aria-labelledby="registry-preview" className="flex flex-col gap-3">
          <h3 id="registry-preview" ref={previewHeading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
            {t("previewTitle")}
          </h3>
          <p>{t("previewSummary", { file: preview.fileName, total: preview.totalRows, errors: preview.rowsWithErrors, invitations: preview.invitations })}</p>
          <RegistryPreviewTable preview={preview} slugs={slugs} onSlug={(row, slug) => setSlugs((s) => ({ ...s, [String(row)]: slug }))} disabled={working} />
          {stale ? (
            <div className="flex flex-col gap-2">
              <p className="text-sm font-medium text-amber-900">{t("slugsChanged")}</p>
              <div>
                <Button type="button" variant="secondary" disabled={working || !file} onClick={() => file && check(file, edits())}>
                  {t("recheck")}
                </Button>
              </div>
            </div>
          ) : null}
          <div>
            <Button
              type="button"
              onClick={onImport}
              disabled={working || stale || preview.rowsWithErrors > 0 || toCreate === 0}
              aria-describedby={preview.rowsWithErrors > 0 ? "registry-import-blocked" : undefined}
            >
              {t("submit", { count: toCreate })}
            </Button>
          </div>
          {preview.rowsWithErrors > 0 ? (
            <p id="registry-import-blocked" className="text-sm text-red-800">
              {t("submitBlocked")}
            </p>
          ) : null}
        </section>
      ) : null}

      {report ? (
        <div>
          <h3 ref={reportRef} tabIndex={-1} className="sr-only focus:outline-none">
            {t("previewTitle")}
          </h3>
          <Notice kind="success">{t("created", { count: report.created, invitations: report.invitations })}</Notice>
        </div>
      ) : null}
    </div>
  );
}
