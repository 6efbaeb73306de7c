"use client";

import { useTranslations } from "next-intl";
import { CONTROL } from "@/components/ui/field";
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from "@/lib/people/import-schema";

/** One row per column of the file: its name, a sample value, and the field it fills (prefilled from the header). */
export function ImportMappingTable({
  headers,
  samples,
  mapping,
  onChange,
  disabled,
}: {
  headers: string[];
  samples: string[];
  mapping: ImportMapping;
  onChange: (next: ImportMapping) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("peopleImport");
  const set = (index: number, field: ImportField | "") => onChange(headers.map((_, i) => (i === index ? field : (mapping[i] ?? ""))));
  return (
    <div className="overflow-x-auto" role="group" aria-label={t("mappingCaption")} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("mappingCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2 font-semibold">{t("column")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("sample")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("field")}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, i) => {
            const id = `people-import-column-${i}`;
            return (
              <tr key={`${i}-${header}`} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  {header}
                </th>
                <td className="px-3 py-2 text-slate-700">{samples[i] || "—"}</td>
                <td className="px-3 py-2">
                  <label htmlFor={id} className="sr-only">
                    {t("fieldFor", { column: header })}
                  </label>
                  <select id={id} className={`${CONTROL} w-full`} value={mapping[i] ?? ""} disabled={disabled} onChange={(e) => set(i, e.target.value as ImportField | "")}>
                    <option value="">{t("notImported")}</option>
                    {IMPORT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(`fields.${field}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
