import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { deleteDeadline } from "@/lib/deadlines/actions";
import { formatCalendarDate } from "@/lib/format";

type Row = { id: string; title: string; stage: number; dueStart: Date | null; dueEnd: Date; condition: "ACT" | "BANKS" | "SURVEY" | "MARKED"; actKind: string | null; outsideYear: boolean; done: number; schools: number };

/** The office's deadlines of a year: what, stage, dates, condition, how many schools did it; edit and delete. */
export async function OfficeDeadlinesTable({ org, rows, year, yearText }: { org: string; rows: Row[]; year: number; yearText: string }) {
  const t = await getTranslations("deadlines");
  const tActs = await getTranslations("acts.kinds");
  return (
    <Table caption={t("caption", { year: yearText })} head={[t("colTitle"), t("colStage"), t("colDue"), t("colCondition"), t("colDone"), t("colActions")]}>
      {rows.map((d) => (
        <tr key={d.id}>
          <Td>{d.title}</Td>
          <Td>{d.stage}</Td>
          <Td>
            {d.dueStart ? t("period", { from: formatCalendarDate(d.dueStart), to: formatCalendarDate(d.dueEnd) }) : t("by", { date: formatCalendarDate(d.dueEnd) })}
            {d.outsideYear ? (
              <span className="block text-sm font-semibold text-amber-900">
                <span aria-hidden="true">⚠ </span>
                {t("outsideYear", { year: yearText })}
              </span>
            ) : null}
          </Td>
          <Td>{d.condition === "ACT" && d.actKind ? t("conditionAct", { kind: tActs(d.actKind as "OTHER") }) : t(`condition.${d.condition}`)}</Td>
          <Td>
            <Link href={`/${org}/district/deadlines/${d.id}`} className="text-brand-700 underline">
              {t("marksLink", { done: d.done, total: d.schools })}
              <span className="sr-only">: {d.title}</span>
            </Link>
          </Td>
          <Td>
            <div className="flex flex-col gap-2">
              <Link href={`/${org}/district/deadlines?year=${year}&edit=${d.id}#edit`} className="text-brand-700 underline">
                {t("edit")}
                <span className="sr-only">: {d.title}</span>
              </Link>
              <ActionButton action={deleteDeadline} input={{ org, deadlineId: d.id }} label={t("delete")} confirm={t("deleteConfirm")} done={t("deleted")} variant="danger" />
            </div>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
