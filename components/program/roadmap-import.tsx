"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionError } from "@/lib/actions/result";
import { STAGES } from "@/lib/domain/stages";
import { importRoadmap } from "@/lib/programs/actions";
import { previewRoadmapImport } from "@/lib/programs/import-actions";
import type { ParsedRoadmap, RoadmapWarning } from "@/lib/roadmap/types";
import { ACCEPT, fileTooLarge, IMPORT_MAX_BYTES } from "@/lib/uploads/limits";
import { ClientForm } from "@/components/ui/client-form";
import { useIdempotencyKey } from "@/components/ui/use-idempotency-key";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";

type Row = { key: string; section: string; include: boolean; stage: string; title: string; due: string; responsible: string; result: string };

const CELL = "w-full rounded border border-slate-500 bg-white px-2 py-1 text-sm";

/** Upload or paste → preview mapped to stages → fix → import (all rows in one transaction). */
export function RoadmapImport({ org, programId }: { org: string; programId: string }) {
  const t = useTranslations("import");
  const tr = useTranslations("roadmap");
  const tErrors = useTranslations("errors");
  const tWarnings = useTranslations("roadmapWarnings");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [warnings, setWarnings] = useState<RoadmapWarning[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [replace, setReplace] = useState(false);
  const [imported, setImported] = useState<number | null>(null);

  const preview = (formData: FormData) =>
    startTransition(async () => {
      formData.set("org", org);
      // The action's own limit, checked before the file is sent.
      const file = formData.get("file");
      const tooLarge = file instanceof File ? fileTooLarge(file, IMPORT_MAX_BYTES) : null;
      if (tooLarge) {
        setError({ code: "VALIDATION", message: tErrors(tooLarge.key as "fileTooLarge", tooLarge.values) });
        setRows([]);
        return;
      }
      const res = await previewRoadmapImport(formData);
      setImported(null);
      if (!res.ok) {
        setError(res.error);
        setRows([]);
        return;
      }
      setError(null);
      const parsed: ParsedRoadmap = res.data;
      setWarnings(parsed.warnings);
      setRows(
        parsed.stages.flatMap((s, si) =>
          s.activities.map((a, ai) => ({
            key: `${si}-${ai}`,
            section: `${s.number}. ${s.title}`,
            include: s.stage !== null,
            stage: s.stage ? String(s.stage) : "",
            title: a.title,
            due: a.due,
            responsible: a.responsible,
            result: a.result,
          })),
        ),
      );
    });

  const update = (key: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const chosen = rows.filter((r) => r.include);

  const idempotency = useIdempotencyKey();
  const submit = () =>
    startTransition(async () => {
      const res = await importRoadmap({
        [IDEMPOTENCY_FIELD]: idempotency.current(),
        org,
        programId,
        replace,
        activities: chosen.map((r) => ({ stage: Number(r.stage) as never, title: r.title, due: r.due, responsible: r.responsible, result: r.result })),
      });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      idempotency.renew();
      setError(null);
      setImported(res.data.imported);
      setRows([]);
    });

  return (
    <div className="flex flex-col gap-6">
      <ClientForm action={preview} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium">
            {t("file")}
          </label>
          <input id="import-file" name="file" type="file" accept={ACCEPT.roadmap} className="text-sm" />
        </div>
        <TextAreaField id="import-text" name="text" label={t("text")} rows={6} />
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? t("previewing") : t("preview")}
          </Button>
        </div>
      </ClientForm>

      {error ? <ActionErrorNotice error={error} /> : null}
      {imported !== null ? <Notice kind="success">{t("done", { count: imported })}</Notice> : null}

      {rows.length > 0 ? (
        <section aria-labelledby="preview-title" className="flex flex-col gap-4">
          <h2 id="preview-title" className="text-lg font-semibold">
            {t("previewTitle", { count: rows.length })}
          </h2>
          {warnings.length > 0 ? (
            <Notice kind="info">
              <p className="font-medium">{t("warnings")}</p>
              <ul className="list-disc pl-5">
                {warnings.map((w, i) => (
                  <li key={i}>{tWarnings(w.key, w.values)}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <div className="overflow-x-auto" role="group" aria-label={t("previewTitle", { count: rows.length })} tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("previewTitle", { count: rows.length })}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="px-2 py-2">{t("keep")}</th>
                  <th scope="col" className="px-2 py-2">{tr("stage")}</th>
                  <th scope="col" className="px-2 py-2">{tr("activity")}</th>
                  <th scope="col" className="px-2 py-2">{tr("due")}</th>
                  <th scope="col" className="px-2 py-2">{tr("responsible")}</th>
                  <th scope="col" className="px-2 py-2">{tr("result")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.key} className={`border-b border-slate-200 align-top ${r.include && !r.stage ? "bg-amber-50" : ""}`}>
                    <td className="px-2 py-2">
                      <input type="checkbox" aria-label={`${t("keep")}: ${i + 1}`} checked={r.include} onChange={(e) => update(r.key, { include: e.target.checked })} />
                    </td>
                    <td className="px-2 py-2">
                      <select aria-label={`${tr("stage")}: ${i + 1}`} className={CELL} value={r.stage} onChange={(e) => update(r.key, { stage: e.target.value })}>
                        <option value="">—</option>
                        {STAGES.map((s) => (
                          <option key={s.number} value={s.number}>
                            {s.number}
                          </option>
                        ))}
                      </select>
                      <span className="mt-1 block text-xs text-slate-700">{r.section}</span>
                      {!r.stage ? <span className="block text-xs text-amber-900">{t("unmapped")}</span> : null}
                    </td>
                    <td className="px-2 py-2">
                      <textarea aria-label={`${tr("activity")}: ${i + 1}`} className={CELL} rows={2} value={r.title} onChange={(e) => update(r.key, { title: e.target.value })} />
                    </td>
                    <td className="px-2 py-2">
                      <input aria-label={`${tr("due")}: ${i + 1}`} className={CELL} value={r.due} onChange={(e) => update(r.key, { due: e.target.value })} />
                    </td>
                    <td className="px-2 py-2">
                      <input aria-label={`${tr("responsible")}: ${i + 1}`} className={CELL} value={r.responsible} onChange={(e) => update(r.key, { responsible: e.target.value })} />
                    </td>
                    <td className="px-2 py-2">
                      <input aria-label={`${tr("result")}: ${i + 1}`} className={CELL} value={r.result} onChange={(e) => update(r.key, { result: e.target.value })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            {t("replace")}
          </label>
          <div>
            <Button type="button" onClick={submit} disabled={pending || chosen.length === 0 || chosen.some((r) => !r.stage)}>
              {pending ? t("submitting") : t("submit", { count: chosen.length })}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
