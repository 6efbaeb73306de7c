import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { StoredValues } from "@/lib/domain/monitoring-indicators";
import { wordedLines } from "./line-titles";

type Line = { id: string; title: string; answerType: string; libraryKey: string | null };

/** A school's answer, read-only: each line's value, what the app computed, the school's comment and evidence file. */
export async function AnswerTable({ lines, values, evidence, evidenceHref }: { lines: Line[]; values: StoredValues; evidence: { indicatorId: string; fileName: string }[]; evidenceHref: (indicatorId: string) => string }) {
  const t = await getTranslations("campaigns");
  const worded = await wordedLines(lines);
  const files = new Map(evidence.map((e) => [e.indicatorId, e.fileName]));
  const shown = (type: string, value: string | null | undefined) => (value == null ? t("noValue") : type === "YES_NO" ? t(value === "yes" ? "yes" : "no") : type === "NUMBER" || type === "PERCENT" ? value.replace(".", ",") : value);
  return (
    <Table caption={t("schoolAnswerTitle")} head={[t("colNo"), t("colIndicator"), t("colValue"), t("colComputed"), t("colComment"), t("colEvidence")]}>
      {worded.map((line, i) => {
        const v = values[line.id];
        const file = files.get(line.id);
        return (
          <tr key={line.id}>
            <Td>{i + 1}</Td>
            <Td>{line.title}</Td>
            <Td>{shown(line.answerType, v?.value)}</Td>
            <Td>{line.libraryKey ? shown(line.answerType, v?.computed) : t("noValue")}</Td>
            <Td>{v?.comment ?? ""}</Td>
            <Td>
              {file ? (
                <a href={evidenceHref(line.id)} className="text-brand-700 underline">
                  {file}
                </a>
              ) : null}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
