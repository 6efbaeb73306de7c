"use client";

import { useTranslations } from "next-intl";
import { Table, Td } from "@/components/ui/table";
import type { RegistryPreview } from "@/lib/registry/schemas";

/** Every row of the checked list: what will be created, its page address (editable), and its problems. */
export function RegistryPreviewTable({
  preview,
  slugs,
  onSlug,
  disabled,
}: {
  preview: RegistryPreview;
  slugs: Record<string, string>;
  onSlug: (row: number, slug: string) => void;
  disabled: boolean;
}) {
  const t = useTranslations("registry");
  return (
    <Table caption={t("previewCaption")} head={[t("colRow"), t("colName"), t("colKind"), t("colInn"), t("colHead"), t("colSlug"), t("colCheck")]}>
      {preview.rows.map((r) => (
        <tr key={r.row} className={r.problems.length ? "bg-red-50" : undefined} data-row={r.row}>
          <Td>{r.row}</Td>
          <Td>
            {r.name || "—"}
            {r.shortName ? <span className="block text-slate-700">{r.shortName}</span> : null}
          </Td>
          <Td>{r.kind ? t(`kinds.${r.kind}`) : "—"}</Td>
          <Td>{r.inn ?? "—"}</Td>
          <Td>
            {r.headName ?? "—"}
            {r.headEmail ? <span className="block text-slate-700">{r.headEmail}</span> : null}
          </Td>
          <Td>
            <input
              type="text"
              aria-label={t("slugLabel", { row: r.row })}
              className="w-48 rounded-md border border-slate-500 bg-white px-2 py-1 font-mono text-slate-900"
              value={slugs[String(r.row)] ?? r.slug ?? ""}
              onChange={(e) => onSlug(r.row, e.target.value)}
              disabled={disabled}
              spellCheck={false}
              autoComplete="off"
            />
          </Td>
          <Td>
            {r.problems.length ? (
              <ul className="list-disc pl-4 text-red-800">
                {r.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <span className="text-green-800">{t("rowOk")}</span>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
