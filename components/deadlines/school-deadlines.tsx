import { getTranslations } from "next-intl/server";
import { MarkDoneForm } from "@/components/deadlines/mark-done-form";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { SchoolDeadline } from "@/lib/deadlines/queries";
import { deadlineStatusText } from "@/components/deadlines/deadline-status";
import { formatCalendarDate } from "@/lib/format";
import { ACCEPT, DOCUMENT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";

/** A school's district deadlines on its roadmap: done or not, on time or late by N days; a mark form where the school marks it. */
export async function SchoolDeadlines({ org, deadlines, canMark }: { org: string; deadlines: SchoolDeadline[]; canMark: boolean }) {
  const t = await getTranslations("deadlines");
  const tActs = await getTranslations("acts.kinds");
  const status = (d: SchoolDeadline) => deadlineStatusText(t, d.timing);
  return (
    <Section title={t("schoolTitle")} id="district-deadlines">
      <p className="mb-3 text-slate-700">{t("schoolIntro")}</p>
      <Table caption={t("schoolCaption")} head={[t("colStage"), t("colTitle"), t("colDue"), t("colCondition"), t("colStatus")]}>
        {deadlines.map((d) => {
          const done = d.timing.status === "onTime" || d.timing.status === "late";
          return (
            <tr key={d.deadlineId} className={d.timing.status === "overdue" ? "bg-red-50" : undefined}>
              <Td>{d.stage}</Td>
              <Td>
                {d.title}
                <span className="block text-xs text-slate-600">{d.officeName}</span>
              </Td>
              <Td>{d.dueStart ? t("period", { from: formatCalendarDate(d.dueStart), to: formatCalendarDate(d.dueEnd) }) : t("by", { date: formatCalendarDate(d.dueEnd) })}</Td>
              <Td>{d.condition === "ACT" && d.actKind ? t("conditionAct", { kind: tActs(d.actKind as "OTHER") }) : t(`condition.${d.condition}`)}</Td>
              <Td>
                <span className={done ? "font-semibold text-green-900" : d.timing.status === "overdue" ? "font-semibold text-red-800" : undefined}>{status(d)}</span>
                {d.mark ? (
                  <span className="block text-xs text-slate-700">{t("evidence", { text: [d.mark.comment, d.mark.link, d.mark.fileName].filter(Boolean).join(" · ") })}</span>
                ) : null}
                {!done && canMark && d.condition === "MARKED" ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-brand-700 underline">{t("markTitle")}</summary>
                    <MarkDoneForm org={org} deadlineId={d.deadlineId} title={d.title} accept={ACCEPT.letter} maxBytes={DOCUMENT_MAX_BYTES} maxMb={megabytes(DOCUMENT_MAX_BYTES)} />
                  </details>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
