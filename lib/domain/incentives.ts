// Incentive payments to mentors (issue #15 item 2; docs/decisions/025): the head «определяет размер выплат
// стимулирующего характера за осуществление наставнической деятельности локальными нормативными актами»
// (seed 002). A payment is a sum in whole rubles for a period of calendar dates, under one of the school's
// acts. Pure rules: who may be paid for a period, the period's shape, overlaps, and what stops the order (its Russian
// rows are the order's own: lib/incentives/order-document.ts).
import { fullName } from "./names";

/** The most one payment may be, in rubles: far above any school's monthly or yearly mentoring bonus, far below a typo. */
export const MAX_INCENTIVE_RUBLES = 500_000;
/** A period is at most a year (366 days): schools pay monthly, quarterly, per half-year or per year. */
export const MAX_PERIOD_DAYS = 366;
/** The acts a payment may rest on: the school's incentive regulation, or an act registered as «другое» (its pay regulation). */
export const BASIS_ACT_KINDS = ["INCENTIVE_REGULATION", "OTHER"] as const;

const DAY = 86_400_000;

export type Period = { from: Date; to: Date };

/** The period's flaw as a field error key, or null: it ends before it starts, or is longer than a year. */
export function periodProblem(p: Period): "periodReversed" | "periodTooLong" | null {
  if (p.to.getTime() < p.from.getTime()) return "periodReversed";
  if ((p.to.getTime() - p.from.getTime()) / DAY + 1 > MAX_PERIOD_DAYS) return "periodTooLong";
  return null;
}

/** Two periods of calendar dates share at least one day (both ends included). */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.from.getTime() <= b.to.getTime() && b.from.getTime() <= a.to.getTime();
}

export type PairSpan = { status: string; startsOn: Date | null; endsOn: Date | null; closedAt: Date | null };

/**
 * The pair worked during some day of the period: approved by the order (it has a start date) and not
 * proposed or rejected; a completed or dissolved pair counts up to the day it closed.
 */
export function pairActiveIn(pair: PairSpan, period: Period): boolean {
  if (!["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED"].includes(pair.status) || !pair.startsOn) return false;
  const closed = pair.status === "COMPLETED" || pair.status === "DISSOLVED" ? (pair.closedAt ? new Date(Date.UTC(pair.closedAt.getUTCFullYear(), pair.closedAt.getUTCMonth(), pair.closedAt.getUTCDate())) : pair.endsOn) : null;
  const end = closed ?? new Date(8.64e15);
  return periodsOverlap({ from: pair.startsOn, to: end }, period);
}

/**
 * Why this mentor may not be paid for the period (a message key under "errors"), or null: only a mentor
 * the head approved, on the school's staff, with a pair working in the period, is paid for mentoring.
 */
export function paymentRefusal(
  mentor: { status: string; person: { kind: string }; pairs: PairSpan[] },
  period: Period,
): "incentiveMentorNotApproved" | "incentiveNotEmployee" | "incentiveNoActivePair" | null {
  if (mentor.status !== "APPROVED") return "incentiveMentorNotApproved";
  // Paid under the school's pay regulation: its staff. A pupil or student mentor, or an external one
  // (an employer's specialist), is thanked otherwise (awards, letters), not paid by the school.
  if (mentor.person.kind !== "TEACHER") return "incentiveNotEmployee";
  if (!mentor.pairs.some((p) => pairActiveIn(p, period))) return "incentiveNoActivePair";
  return null;
}

/** The payment overlapping the period among the mentor's others, if any. */
export function overlappingPayment<T extends { periodFrom: Date; periodTo: Date }>(others: T[], period: Period): T | null {
  return others.find((o) => periodsOverlap({ from: o.periodFrom, to: o.periodTo }, period)) ?? null;
}

/** «15 000» — rubles with a space between thousands, as orders print them (no locale-dependent separators). */
export function formatRubles(amount: number): string {
  return String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

export type BasisAct = { title: string; number: string | null; date: Date | null; status: "REGISTERED" | "APPROVED" };

export type OrderPayment = {
  mentor: { lastName: string; firstName: string; middleName: string | null; position: string | null };
  periodFrom: Date;
  periodTo: Date;
  amount: number;
  basisAct: BasisAct | null;
};

/** What stops the order, as a message key of `errors` with its values (the page words it in the reader's language). */
export type IncentiveOrderProblem =
  | { key: "incentiveOrderNoPayments"; values: Record<string, never> }
  | { key: "incentiveOrderActGone"; values: { mentor: string } }
  | { key: "incentiveOrderActNotApproved"; values: { act: string; mentor: string } };

/**
 * What stops the order «О выплатах стимулирующего характера наставникам» (lib/incentives/order-document.ts), each
 * once: no approved payment in the period, or a payment whose basis act is gone or not yet approved by the head (an
 * order cannot cite an act that does not have force). Empty — the order can be made.
 */
export function incentiveOrderProblems(payments: OrderPayment[]): IncentiveOrderProblem[] {
  if (payments.length === 0) return [{ key: "incentiveOrderNoPayments", values: {} }];
  const problems = new Map<string, IncentiveOrderProblem>();
  for (const p of payments) {
    const problem: IncentiveOrderProblem | null = !p.basisAct
      ? { key: "incentiveOrderActGone", values: { mentor: fullName(p.mentor) } }
      : p.basisAct.status !== "APPROVED"
        ? { key: "incentiveOrderActNotApproved", values: { act: p.basisAct.title, mentor: fullName(p.mentor) } }
        : null;
    if (problem) problems.set(JSON.stringify(problem), problem);
  }
  return [...problems.values()];
}
