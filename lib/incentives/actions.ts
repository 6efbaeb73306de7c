"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { BASIS_ACT_KINDS, overlappingPayment, paymentRefusal, periodProblem } from "../domain/incentives";
import { translator } from "../i18n/translator";
import { periodWords } from "./words";
import { fullName } from "../domain/names";
import { ApproveIncentivesInput, ProposeIncentiveInput, WithdrawIncentiveInput } from "./schemas";

const PAIR_SPAN = { select: { status: true, startsOn: true, endsOn: true, closedAt: true } } as const;

/**
 * The curator (or the head) proposes an incentive payment to a mentor for a period under the school's act.
 * Only a mentor the head approved, with a pair working in the period, is paid; one mentor has at most one
 * payment for any day (periods do not overlap). Payments of one mentor are written one at a time (a lock
 * on the mentor), so two proposals racing for overlapping periods cannot both pass the overlap check.
 */
export const proposeIncentive = defineAction({
  name: "incentives.propose",
  scope: "tenant",
  idempotent: true,
  permission: "incentives.propose",
  input: ProposeIncentiveInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const period = { from: input.periodFrom, to: input.periodTo };
    const shape = periodProblem(period);
    if (shape) return refuse("VALIDATION", "validation", { periodTo: shape });
    const [mentor, act] = await Promise.all([
      tx.mentorProfile.findFirst({ where: { id: input.mentorId, organizationId }, select: { id: true, status: true, person: { select: { kind: true, lastName: true, firstName: true, middleName: true } }, pairs: PAIR_SPAN } }),
      tx.localAct.findFirst({ where: { id: input.basisActId, organizationId }, select: { id: true, kind: true } }),
    ]);
    if (!mentor) return refuse("NOT_FOUND", "notFound", { mentorId: "notFound" });
    if (!act) return refuse("NOT_FOUND", "notFound", { basisActId: "notFound" });
    if (!(BASIS_ACT_KINDS as readonly string[]).includes(act.kind)) return refuse("VALIDATION", "validation", { basisActId: "incentiveBasisKind" });
    const refusal = paymentRefusal(mentor, period);
    if (refusal) return refuse("CONFLICT", refusal, undefined, { values: { name: fullName(mentor.person), period: periodWords(period, ctx.user.locale) } });
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`incentives:${mentor.id}`}, 0))::text`;
    const others = await tx.incentivePayment.findMany({ where: { organizationId, mentorId: mentor.id }, select: { periodFrom: true, periodTo: true } });
    const clash = overlappingPayment(others, period);
    if (clash) return refuse("CONFLICT", "incentiveOverlap", undefined, { values: { name: fullName(mentor.person), period: periodWords({ from: clash.periodFrom, to: clash.periodTo }, ctx.user.locale) } });
    const payment = await tx.incentivePayment.create({
      data: { organizationId, mentorId: mentor.id, periodFrom: input.periodFrom, periodTo: input.periodTo, amount: input.amount, basisActId: act.id, note: input.note, proposedById: ctx.user.id },
      select: { id: true },
    });
    return done({ paymentId: payment.id }, { targetType: "IncentivePayment", targetId: payment.id, data: { mentorId: mentor.id, amount: input.amount } });
  },
});

/**
 * The head approves the selected proposed payments at once. Each is checked again — the mentor may have
 * left the bank since the proposal — and if any fails, nothing is approved and the refusal names it.
 */
export const approveIncentives = defineAction({
  name: "incentives.approve",
  scope: "tenant",
  permission: "incentives.approve",
  input: ApproveIncentivesInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const ids = [...new Set(input.paymentIds)];
    const payments = await tx.incentivePayment.findMany({
      where: { organizationId, id: { in: ids } },
      select: { id: true, status: true, periodFrom: true, periodTo: true, mentor: { select: { status: true, person: { select: { kind: true, lastName: true, firstName: true, middleName: true } }, pairs: PAIR_SPAN } } },
    });
    if (payments.length !== ids.length) return refuse("NOT_FOUND", "notFound");
    const problems: string[] = [];
    const t = translator(ctx.user.locale ?? "ru");
    const LINE = { incentiveMentorNotApproved: "incentiveLineMentorNotApproved", incentiveNotEmployee: "incentiveLineNotEmployee", incentiveNoActivePair: "incentiveLineNoActivePair" } as const;
    for (const p of payments) {
      const values = { name: fullName(p.mentor.person), period: periodWords({ from: p.periodFrom, to: p.periodTo }, ctx.user.locale) };
      if (p.status !== "PROPOSED") problems.push(t("errors.incentiveLineApproved", values));
      const refusal = paymentRefusal(p.mentor, { from: p.periodFrom, to: p.periodTo });
      if (refusal) problems.push(t(`errors.${LINE[refusal]}`, values));
    }
    if (problems.length) return refuse("CONFLICT", "incentivesNotApprovable", undefined, { details: problems });
    const approved = await tx.incentivePayment.updateMany({
      where: { organizationId, id: { in: ids }, status: "PROPOSED" },
      data: { status: "APPROVED", approvedById: ctx.user.id, approvedAt: now() },
    });
    // Another head approved some of them since they were read: the whole batch rolls back.
    if (approved.count !== ids.length) return refuse("CONFLICT", "conflict");
    return done({ approved: ids.length }, { targetType: "IncentivePayment", targetId: ids.length === 1 ? ids[0] : undefined, data: { paymentIds: ids } });
  },
});

/** A proposal is withdrawn before the head approves it; an approved payment stays (it is in the order). */
export const withdrawIncentive = defineAction({
  name: "incentives.withdraw",
  scope: "tenant",
  permission: "incentives.propose",
  input: WithdrawIncentiveInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const payment = await tx.incentivePayment.findFirst({ where: { id: input.paymentId, organizationId }, select: { id: true, status: true, mentorId: true, amount: true } });
    if (!payment) return refuse("NOT_FOUND", "notFound");
    if (payment.status !== "PROPOSED") return refuse("CONFLICT", "incentiveAlreadyApproved");
    const removed = await tx.incentivePayment.deleteMany({ where: { id: payment.id, organizationId, status: "PROPOSED" } });
    if (removed.count !== 1) return refuse("CONFLICT", "incentiveAlreadyApproved");
    return done({ paymentId: payment.id }, { targetType: "IncentivePayment", targetId: payment.id, data: { mentorId: payment.mentorId, amount: payment.amount, withdrawn: true } });
  },
});
