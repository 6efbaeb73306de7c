import type { OrderDocument } from "../documents/types";
import { formatRubles, incentiveOrderProblems, type BasisAct, type IncentiveOrderProblem, type OrderPayment, type Period } from "../domain/incentives";
import { fullName } from "../domain/names";
import { formatCalendarDate } from "../format";
import { documentAuthor, headSignatory, type OrganizationRequisites } from "../domain/organization-profile";
import { basisPreamble, effectiveAudience } from "../domain/organization-words";
import { russian, russianIn } from "../i18n/russian";

/** «с 01.09.2026 по 31.12.2026» — the order's period (the pages say it in the reader's language: ./words.ts). */
export function periodText(p: Period): string {
  return russian("incentiveOrder.period", { from: formatCalendarDate(p.from), to: formatCalendarDate(p.to) });
}

const approvedText = (act: BasisAct) => [act.date ? russian("incentiveOrder.approvedOn", { date: formatCalendarDate(act.date) }) : null, act.number ? `№ ${act.number}` : null].filter(Boolean).join(" ");

/** «Положение о стимулирующих выплатах (от 28.08.2026 № 75-од)» — how the order's appendix names an act. */
export function actReference(act: BasisAct): string {
  const approved = approvedText(act);
  return approved ? `${act.title} (${approved})` : act.title;
}

/** «локальным нормативным актом «Положение о стимулирующих выплатах» (от 28.08.2026 № 75-од)» — the preamble's citation. */
export function actCitation(act: BasisAct): string {
  const approved = approvedText(act);
  return russian("incentiveOrder.actCitation", { title: act.title, hasApproved: approved ? "yes" : "no", approved });
}

/**
 * The rows of the order's appendix (mentor, position, period, amount, basis act), the total and the acts cited, or
 * what stops the order (lib/domain/incentives.ts incentiveOrderProblems).
 */
export function incentiveOrderRows(payments: OrderPayment[]): { ok: true; rows: string[][]; total: number; acts: BasisAct[] } | { ok: false; missing: IncentiveOrderProblem[] } {
  const missing = incentiveOrderProblems(payments);
  if (missing.length > 0) return { ok: false, missing };
  const acts = [...new Map(payments.map((p) => [actReference(p.basisAct!), p.basisAct!])).values()];
  return {
    ok: true,
    rows: payments.map((p, i) => [String(i + 1), fullName(p.mentor), p.mentor.position?.trim() || "—", periodText({ from: p.periodFrom, to: p.periodTo }), formatRubles(p.amount), actReference(p.basisAct!)]),
    total: payments.reduce((sum, p) => sum + p.amount, 0),
    acts,
  };
}

/**
 * The order «О выплатах стимулирующего характера наставникам» (pure): number and date blank, to be
 * registered and signed; the head («Директор», «Заведующий»…) and the requisites from the profile; the
 * basis preamble (the law, the teachers' recommendations — paid mentors are staff —, ст. 135 ТК РФ, the
 * school's acts the payments rest on); the payments in the appendix. Refused, with what is missing, while
 * a payment's basis act is gone or not approved.
 */
export function buildIncentiveOrder(
  requisites: OrganizationRequisites,
  payments: OrderPayment[],
  program: { title: string; curatorName: string | null } | null,
): { ok: true; document: OrderDocument } | { ok: false; missing: IncentiveOrderProblem[] } {
  const built = incentiveOrderRows(payments);
  if (!built.ok) return built;
  const curator = program?.curatorName ?? null;
  const t = russianIn("incentiveOrder");
  return {
    ok: true,
    document: {
      ...documentAuthor(requisites),
      number: null,
      date: null,
      title: t("title"),
      preamble: basisPreamble(
        effectiveAudience(requisites.schoolKind, "TEACHERS"),
        t("basis", { acts: built.acts.map(actCitation).join(", "), hasProgram: program ? "yes" : "no", program: program?.title ?? "" }),
      ),
      items: [
        t("itemPayments"),
        t("itemAccounting", { total: formatRubles(built.total) }),
        russian("orderDocx.controlItem"),
      ],
      signatory: headSignatory(requisites, null),
      executor: curator ? { name: curator } : null,
      acquainted: [...new Set(payments.map((p) => fullName(p.mentor)))],
      appendix: {
        title: t("appendixTitle"),
        header: [t("number"), t("mentorName"), t("position"), t("periodHeader"), t("amount"), t("basisAct")],
        weights: [7, 24, 18, 18, 12, 25],
        rows: built.rows,
      },
    },
  };
}
