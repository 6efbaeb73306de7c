"use client";

import { useTranslations } from "next-intl";
import { Table, Td } from "@/components/ui/table";
import type { ImportPreview } from "@/lib/people/import-schema";

/** The check's outcome: counts, every listed error and duplicate in words, and the first rows as they will be imported. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const t = useTranslations("peopleImport");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        {t("fileRead", { name: preview.fileName, row: preview.headerRow })} {preview.encoding ? t("fileEncoding", { encoding: preview.encoding === "windows-1251" ? "Windows-1251" : preview.encoding.toUpperCase() }) : null}
      </p>
      <p className="font-medium">
        {t("summary", { total: preview.totalRows, create: preview.toCreate, duplicates: preview.duplicateCount, errorRows: preview.rowsWithErrors })}
      </p>

      {preview.errorCount > 0 ? (
        // Not an alert: a list of up to 200 rows would be read out at once; focus moves to the heading above instead.
        <section aria-labelledby="people-import-errors" className="flex flex-col gap-2">
          <div className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
            <h3 id="people-import-errors" className="font-semibold">
              {t("errorsTitle", { count: preview.errorCount })}
            </h3>
            <p>{t("errorsIntro")}</p>
            {preview.errors.length < preview.errorCount ? <p>{t("listedFirst", { shown: preview.errors.length, count: preview.errorCount })}</p> : null}
            <ul className="mt-2 list-disc pl-5">
              {preview.errors.map((e, i) => (
                <li key={`${e.row}-${i}`}>{t("rowError", { row: e.row, column: e.column, message: e.message })}</li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      {preview.duplicateCount > 0 ? (
        <section aria-labelledby="people-import-duplicates" className="flex flex-col gap-2">
          <div className="rounded-md border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-sm text-brand-900">
            <h3 id="people-import-duplicates" className="font-semibold">
              {t("duplicatesTitle", { count: preview.duplicateCount })}
            </h3>
            <p>{t("duplicatesIntro")}</p>
            {preview.duplicates.length < preview.duplicateCount ? <p>{t("listedFirst", { shown: preview.duplicates.length, count: preview.duplicateCount })}</p> : null}
            <ul className="mt-2 list-disc pl-5">
              {preview.duplicates.map((d) => (
                <li key={d.row}>
                  {d.existing
                    ? t("duplicateExisting", { row: d.row, name: d.name, existing: d.existing.name, by: d.by })
                    : t("duplicateOfRow", { row: d.row, name: d.name, of: d.ofRow ?? 0, by: d.by })}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      {preview.rows.length > 0 ? (
        <Table caption={t("previewCaption")} head={[t("row"), t("name"), t("kind"), t("birthDate"), t("details"), t("contacts"), t("result")]}>
          {preview.rows.map((r) => (
            <tr key={r.row} className={r.status === "error" ? "bg-red-50" : r.status === "duplicate" ? "bg-slate-50" : undefined}>
              <Td>{r.row}</Td>
              <Td>
                {r.name || "—"}
                {r.minor ? <span className="block text-xs text-slate-700">{t("minor")}</span> : null}
              </Td>
              <Td>{r.kind ? t(`kinds.${r.kind}`) : "—"}</Td>
              <Td>{r.birthDate ?? "—"}</Td>
              <Td>{r.details || "—"}</Td>
              <Td>{r.contacts || "—"}</Td>
              <Td className={r.status === "error" ? "text-red-800" : undefined}>
                {r.status === "ok" ? t("statusOk") : r.status === "error" ? t("statusError", { note: r.note ?? "" }) : t("statusDuplicate", { note: r.note ?? "" })}
              </Td>
            </tr>
          ))}
        </Table>
      ) : null}
    </div>
  );
}
