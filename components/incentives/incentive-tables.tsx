import { getTranslations } from "next-intl/server";
import { PdfLink } from "@/components/documents/pdf-link";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { actWords, periodWords } from "@/components/incentives/incentive-words";
import { formatRubles } from "@/lib/domain/incentives";
import { isoDate } from "@/lib/domain/local-date";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { withdrawIncentive } from "@/lib/incentives/actions";
import type { listIncentives } from "@/lib/incentives/queries";

type Listed = Awaited<ReturnType<typeof listIncentives>>;

/** The periods that have payments, each with its order (.docx and PDF) for the approved ones. */
export async function IncentivePeriods({ org, periods }: { org: string; periods: Listed["periods"] }) {
  const t = await getTranslations("banks.incentives");
  if (periods.length === 0) return <p>{t("noPayments")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {periods.map((p) => {
        const query = `from=${isoDate(p.from)}&to=${isoDate(p.to)}`;
        return (
          <li key={query} className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <span className="font-medium">{periodWords(t, p)}</span>
            <span className="text-sm text-slate-700">{t("periodCounts", { approved: p.approved, proposed: p.proposed })}</span>
            {p.approved > 0 ? (
              <>
                <a href={`/${org}/mentors/incentives/order?${query}`} className="text-brand-700 underline">
                  {t("orderDocx", { period: periodWords(t, p) })}
                </a>
                <PdfLink href={`/${org}/mentors/incentives/order?${query}`}>{t("orderPdf", { period: periodWords(t, p) })}</PdfLink>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Every payment with its state; a proposal may be withdrawn until the head approves it. */
export async function IncentivePayments({ org, payments, locale, canWithdraw }: { org: string; payments: Listed["payments"]; locale: AppLocale; canWithdraw: boolean }) {
  const t = await getTranslations("banks.incentives");
  if (payments.length === 0) return <p>{t("noPayments")}</p>;
  return (
    <Table caption={t("paymentsTitle")} head={[t("mentor"), t("period"), t("amount"), t("basisAct"), t("status"), t("actions")]}>
      {payments.map((p) => (
        <tr key={p.id}>
          <Td>{fullName(p.mentor.person)}</Td>
          <Td>{periodWords(t, { from: p.periodFrom, to: p.periodTo })}</Td>
          <Td>{formatRubles(p.amount)}</Td>
          <Td>
            {p.basisAct ? actWords(t, p.basisAct) : t("basisMissing")}
            {p.basisAct && p.basisAct.status !== "APPROVED" ? ` — ${t("actNotApproved")}` : ""}
          </Td>
          <Td>{p.status === "APPROVED" && p.approvedAt ? t("approvedBy", { name: p.approvedBy?.name ?? "—", date: formatDate(p.approvedAt, locale) }) : t("statusProposed")}</Td>
          <Td>
            {canWithdraw && p.status === "PROPOSED" ? (
              <ActionButton action={withdrawIncentive} input={{ org, paymentId: p.id }} label={t("withdraw")} confirm={t("withdrawConfirm")} done={t("withdrawn")} variant="danger" />
            ) : null}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
