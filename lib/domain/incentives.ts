// Incentive payments to mentors (issue #15 item 2; docs/decisions/025): the head «определяет размер выплат
// стимулирующего характера за осуществление наставнической деятельности локальными нормативными актами»
// (seed 002). A payment is a sum in whole rubles for a period of calendar dates, under one of the school's
// acts. Pure rules: who may be paid for a period, the period's shape, overlaps, and the order's rows.
import { fullName } from "./names";

/** The most one payment may be, in rubles: far above any school's monthly or yearly mentoring bonus, far below a typo. */
export const MAX_INCENTIVE_RUBLES = 500_000;
/** A period is at most a year (366 days): schools pay monthly, quarterly, per half-year or per year. */
export const MAX_PERIOD_DAYS = 366;
/** The acts a payment may rest on: the school's incentive regulation, or an act registered as «другое» (its pay regulation). */
export const BASIS_ACT_KINDS = ["INCENTIVE_REGULATION", "OTHER"] as const;

const DAY = 86_400_000;
const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;

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

/** «с 01.09.2026 по 31.12.2026». */
export function periodText(p: Period): string {
  return `с ${dmy(p.from)} по ${dmy(p.to)}`;
}

export type BasisAct = { title: string; number: string | null; date: Date | null; status: "REGISTERED" | "APPROVED" };

/** «Положение о стимулирующих выплатах, утв. 28.08.2026 № 75-од» — how the order names an act. */
export function actReference(act: BasisAct): string {
  const approved = [act.date ? `от ${dmy(act.date)}` : null, act.number ? `№ ${act.number}` : null].filter(Boolean).join(" ");
  return approved ? `${act.title} (${approved})` : act.title;
}

/** «локальным нормативным актом «Положение о стимулирующих выплатах» (от 28.08.2026 № 75-од)» — the preamble's citation. */
export function actCitation(act: BasisAct): string {
  const approved = [act.date ? `от ${dmy(act.date)}` : null, act.number ? `№ ${act.number}` : null].filter(Boolean).join(" ");
  return `локальным нормативным актом «${act.title}»${approved ? ` (${approved})` : ""}`;
}

export type OrderPayment = {
  mentor: { lastName: string; firstName: string; middleName: string | null; position: string | null };
  periodFrom: Date;
  periodTo: Date;
  amount: number;
  basisAct: BasisAct | null;
};

/**
 * The rows of the order «О выплатах стимулирующего характера наставникам», or what stops it: no approved
 * payment in the period, or a payment whose basis act is gone or not yet approved by the head (an order
 * cannot cite an act that does not have force).
 */
export function incentiveOrderRows(payments: OrderPayment[]): { ok: true; rows: string[][]; total: number; acts: BasisAct[] } | { ok: false; missing: string[] } {
  if (payments.length === 0) return { ok: false, missing: ["утверждённые руководителем выплаты за этот период (их нет)"] };
  const missing: string[] = [];
  for (const p of payments) {
    if (!p.basisAct) missing.push(`основание выплаты (локальный акт удалён из реестра): ${fullName(p.mentor)}`);
    else if (p.basisAct.status !== "APPROVED") missing.push(`утверждение руководителем локального акта «${p.basisAct.title}» (основание выплаты: ${fullName(p.mentor)})`);
  }
  if (missing.length > 0) return { ok: false, missing: [...new Set(missing)] };
  const acts = [...new Map(payments.map((p) => [actReference(p.basisAct!), p.basisAct!])).values()];
  return {
    ok: true,
    rows: payments.map((p, i) => [String(i + 1), fullName(p.mentor), p.mentor.position?.trim() || "—", periodText({ from: p.periodFrom, to: p.periodTo }), formatRubles(p.amount), actReference(p.basisAct!)]),
    total: payments.reduce((sum, p) => sum + p.amount, 0),
    acts,
  };
}
