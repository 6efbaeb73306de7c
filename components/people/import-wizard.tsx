"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionError } from "@/lib/actions/result";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";
import { previewPeopleImport } from "@/lib/people/import-actions";
import { startPeopleImport } from "@/lib/tasks/actions";
import { IMPORT_ENCODINGS, type ImportEncoding, type ImportMapping, type ImportPreview } from "@/lib/people/import-schema";
import { PERSON_KINDS } from "@/lib/people/schemas";
import { fileTooLarge, IMPORT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";
import { ImportMappingTable } from "./import-mapping";
import { ImportPreviewView } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { ClientForm } from "@/components/ui/client-form";
import { useIdempotencyKey } from "@/components/ui/use-idempotency-key";

type Kind = (typeof PERSON_KINDS)[number];
type Busy = { stage: "reading"; percent: number } | { stage: "checking"; rows: number | null } | { stage: "importing"; count: number } | null;
type Settings = { encoding: ImportEncoding; defaultKind: Kind; mapping: ImportMapping | null };

const ENCODING_LABEL: Record<ImportEncoding, "auto" | "utf8" | "cp1251"> = { auto: "auto", "utf-8": "utf8", "windows-1251": "cp1251" };
const sameSettings = (a: Settings | null, b: Settings) => JSON.stringify(a) === JSON.stringify(b);

/** Reads the chosen file in the browser, showing how much is read (the server gets the same bytes twice: check, then import). */
function readInBrowser(file: File, onProgress: (percent: number) => void): Promise<File> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(reader.error);
    reader.onload = () => resolve(new File([reader.result as ArrayBuffer], file.name, { type: file.type }));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Upload → columns → check (errors and duplicates) → import all or nothing, as a background task (decision 057): the
 * import starts and the task's page shows its progress and report — the curator may leave it and find it again under
 * «Задачи и файлы».
 */
export function PeopleImport({ org }: { org: string }) {
  const t = useTranslations("peopleImport");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const mappingHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>("auto");
  const [defaultKind, setDefaultKind] = useState<Kind>("TEACHER");
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [checked, setChecked] = useState<Settings | null>(null);
  const [error, setError] = useState<ActionError | string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  // Focus follows the outcome, so that a screen reader user hears what happened.
  useEffect(() => {
    if (preview) (preview.problem ? mappingHeading : previewHeading).current?.focus();
  }, [preview]);

  // Sent with the import (not the preview): a resubmission after a lost answer imports nothing twice.
  const idempotency = useIdempotencyKey();
  const form = (source: File, settings: Settings) => {
    const data = new FormData();
    data.set("org", org);
    data.set("file", source);
    data.set("encoding", settings.encoding);
    data.set("defaultKind", settings.defaultKind);
    if (settings.mapping) data.set("mapping", JSON.stringify(settings.mapping));
    return data;
  };

  async function check(source: File, settings: Settings) {
    setBusy({ stage: "checking", rows: preview?.totalRows ?? null });
    try {
      const res = await previewPeopleImport(form(source, settings));
      if (!res.ok) {
        // A re-check keeps the last preview (and its columns) on screen; it is marked as outdated.
        setError(res.error);
        return;
      }
      setError(null);
      setPreview(res.data);
      setMapping(res.data.mapping);
      setChecked({ ...settings, mapping: res.data.mapping });
    } catch {
      setError(t("networkError"));
    } finally {
      setBusy(null);
    }
  }

  async function onUpload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = fileInput.current?.files?.[0];
    if (!chosen) {
      setError(t("chooseFile"));
      return;
    }
    // The same limit as the action's, checked before anything is sent.
    const tooLarge = fileTooLarge(chosen, IMPORT_MAX_BYTES, "peopleImportTooLarge");
    if (tooLarge) {
      setError(tErrors(tooLarge.key as "peopleImportTooLarge", tooLarge.values));
      return;
    }
    setBusy({ stage: "reading", percent: 0 });
    let read: File;
    try {
      read = await readInBrowser(chosen, (percent) => setBusy({ stage: "reading", percent }));
    } catch {
      setBusy(null);
      setError(t("readFailed"));
      return;
    }
    setFile(read);
    setPreview(null);
    // A new file: columns as suggested from its own header.
    await check(read, { encoding, defaultKind, mapping: null });
  }

  const current: Settings = { encoding, defaultKind, mapping };
  const stale = preview !== null && !sameSettings(checked, current);

  async function onImport() {
    if (!file || !preview || !checked) return;
    setBusy({ stage: "importing", count: preview.toCreate });
    try {
      const data = form(file, checked);
      data.set("expected", String(preview.toCreate));
      data.set(IDEMPOTENCY_FIELD, idempotency.current());
      const res = await startPeopleImport(data);
      if (!res.ok) {
        setError(res.error);
        setBusy(null);
        return;
      }
      idempotency.renew();
      // The task's page shows the progress and the report; the bar stays here until it opens.
      router.push(`/${org}/tasks/${res.data.taskId}`);
    } catch {
      setError(t("networkError"));
      setBusy(null);
    }
  }

  const working = busy !== null;
  const progress =
    busy?.stage === "reading" ? (
      <ImportProgress text={t("reading", { percent: busy.percent })} percent={busy.percent} />
    ) : busy?.stage === "checking" ? (
      <ImportProgress text={busy.rows ? t("checkingRows", { count: busy.rows }) : t("checking")} />
    ) : busy?.stage === "importing" ? (
      <ImportProgress text={t("importing", { count: busy.count })} />
    ) : null;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="people-import-upload" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="people-import-upload" className="mb-4 text-lg font-semibold text-slate-900">
          {t("uploadTitle")}
        </h2>
        <ClientForm onSubmit={onUpload} className="flex flex-col gap-4" noValidate>
          <div className="flex flex-col gap-1">
            <label htmlFor="people-import-file" className="text-sm font-medium text-slate-900">
              {t("file")}
            </label>
            <input
              ref={fileInput}
              id="people-import-file"
              name="file"
              type="file"
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="people-import-file-hint"
              className="text-sm"
              disabled={working}
            />
            <p id="people-import-file-hint" className="text-sm text-slate-600">
              {t("fileHint", { max: megabytes(IMPORT_MAX_BYTES) })}
            </p>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField id="people-import-encoding" label={t("encoding")} hint={t("encodingHint")} value={encoding} disabled={working} onChange={(e) => setEncoding(e.target.value as ImportEncoding)}>
              {IMPORT_ENCODINGS.map((value) => (
                <option key={value} value={value}>
                  {t(`encodings.${ENCODING_LABEL[value]}`)}
                </option>
              ))}
            </SelectField>
            <SelectField id="people-import-kind" label={t("defaultKind")} hint={t("defaultKindHint")} value={defaultKind} disabled={working} onChange={(e) => setDefaultKind(e.target.value as Kind)}>
              {PERSON_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div>
            <Button type="submit" variant={preview ? "secondary" : "primary"} disabled={working}>
              {t("check")}
            </Button>
          </div>
        </ClientForm>
      </section>

      {progress}
      {typeof error === "string" ? <Notice kind="error">{error}</Notice> : error ? <ActionErrorNotice error={error} /> : null}

      {preview ? (
        <>
          <section aria-labelledby="people-import-mapping" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="people-import-mapping" ref={mappingHeading} tabIndex={-1} className="mb-2 text-lg font-semibold text-slate-900 focus:outline-none">
              {t("mappingTitle")}
            </h2>
            <p className="mb-4 text-sm text-slate-700">{t("mappingIntro")}</p>
            {preview.problem ? (
              <div className="mb-4">
                <Notice kind="error">{tErrors(preview.problem.key as never, preview.problem.values as never)}</Notice>
              </div>
            ) : null}
            <ImportMappingTable headers={preview.headers} samples={preview.samples} mapping={mapping} onChange={setMapping} disabled={working} />
            <div className="mt-4 flex flex-col gap-2">
              {stale ? <p className="text-sm font-medium text-amber-900">{t("mappingChanged")}</p> : null}
              <div>
                <Button type="button" variant="secondary" disabled={working || !file} onClick={() => file && check(file, current)}>
                  {t("recheck")}
                </Button>
              </div>
            </div>
          </section>

          {preview.problem ? null : (
            <section aria-labelledby="people-import-preview" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="people-import-preview" ref={previewHeading} tabIndex={-1} className="mb-4 text-lg font-semibold text-slate-900 focus:outline-none">
                {t("previewTitle")}
              </h2>
              <ImportPreviewView preview={preview} />
              <div className="mt-4 flex flex-col gap-2">
                <div>
                  <Button
                    type="button"
                    onClick={onImport}
                    disabled={working || stale || preview.errorCount > 0 || preview.toCreate === 0}
                    aria-describedby={preview.errorCount > 0 || preview.toCreate === 0 ? "people-import-blocked" : undefined}
                  >
                    {t("submit", { count: preview.toCreate })}
                  </Button>
                </div>
                {preview.errorCount > 0 ? (
                  <p id="people-import-blocked" className="text-sm text-red-800">
                    {t("submitBlocked")}
                  </p>
                ) : preview.toCreate === 0 ? (
                  <p id="people-import-blocked" className="text-sm text-slate-700">
                    {t("nothingToCreate")}
                  </p>
                ) : null}
              </div>
            </section>
          )}
        </>
      ) : null}
    </div>
  );
}
