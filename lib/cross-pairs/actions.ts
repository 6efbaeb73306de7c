"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { hasPermission } from "../auth/permissions";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { consentProblem as consentProblemOf, type ConsentProblem } from "../domain/consent";
import type { AppLocale } from "../i18n/config";
import { russian } from "../i18n/russian";
import { problemText } from "../people/problem-text";
import { crossMeetingDateKey, crossPairDutiesRefusal, crossPairProposalRefusal, crossPairStepRefusal, LIVE_CROSS_PAIR_STATUSES, type CrossPairRefusal } from "../domain/cross-school-pairs";
import { CONSENT_SELECT } from "../people/select";
import { issuePairsOrder } from "../pairs/order-issue";
import { crossPairMentorDuties, crossPairOf, crossPairParties } from "./access";
import { districtMentorFacts } from "./bank";
import { ApproveCrossPairInput, ConsentCrossPairInput, DeclineCrossPairInput, LogCrossMeetingInput, ProposeCrossPairInput, WithdrawCrossPairInput } from "./schemas";

// Cross-school pairs («открытое наставничество», docs/decisions/058): the mentee's school proposes and approves by
// order, the mentor's school consents (its head) or declines; either withdraws; both log meetings.

const refusal = (r: CrossPairRefusal) => refuse(r.code, r.key, undefined, { values: r.values });

/** A consent problem as the sentence the refusal quotes, in the user's language. */
const worded = (problem: ConsentProblem | null, locale: AppLocale | undefined) => problem && problemText(problem, locale ?? "ru");

export const proposeCrossPair = defineAction({
  name: "crossPairs.propose",
  scope: "tenant",
  permission: "pairs.propose",
  idempotent: true,
  input: ProposeCrossPairInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const today = organizationToday(ctx);
    const program = await tx.mentoringProgram.findFirst({ where: { id: input.programId, organizationId }, select: { id: true, status: true } });
    if (!program) return refuse("NOT_FOUND", "notFound");
    if (program.status !== "ACTIVE") return refuse("CONFLICT", "programCompleted");
    const [mentor, mentee, livePair] = await Promise.all([
      districtMentorFacts(tx, organizationId, input.mentorId, today),
      tx.menteeProfile.findFirst({
        where: { id: input.menteeId, organizationId },
        select: { status: true, approvedAt: true, person: { select: { birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } } },
      }),
      tx.crossSchoolPair.findFirst({ where: { organizationId, menteeId: input.menteeId, status: { in: [...LIVE_CROSS_PAIR_STATUSES] } }, select: { id: true } }),
    ]);
    const refused = crossPairProposalRefusal({
      mentor: mentor && { ...mentor, consentProblem: worded(mentor.consentProblem, ctx.user.locale) },
      mentee: mentee && mentee.person.active
        ? {
            status: mentee.status,
            approved: mentee.approvedAt !== null,
            consentProblem: worded(consentProblemOf({ birthDate: mentee.person.birthDate, flaggedMinor: mentee.person.minor }, mentee.person.consents, "PAIRS", today), ctx.user.locale),
          }
        : null,
      menteeHasLivePair: livePair !== null,
    });
    if (refused) return refusal(refused);
    const pair = await tx.crossSchoolPair.create({
      data: {
        organizationId,
        programId: program.id,
        menteeId: input.menteeId,
        mentorOrganizationId: mentor!.organizationId,
        mentorId: input.mentorId,
        direction: input.direction,
        proposedById: ctx.user.id,
      },
      select: { id: true },
    });
    return done({ crossSchoolPairId: pair.id }, { targetType: "CrossSchoolPair", targetId: pair.id, data: { mentorOrganizationId: mentor!.organizationId, mentorId: input.mentorId, menteeId: input.menteeId } });
  },
});

/** The head of the mentor's school agrees that their teacher mentors the other school's mentee. */
export const consentCrossPair = defineAction({
  name: "crossPairs.consent",
  scope: "tenant",
  permission: "crossPairs.consent",
  input: ConsentCrossPairInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const found = await crossPairOf(tx, organizationId, input.crossSchoolPairId);
    if (!found) return refuse("NOT_FOUND", "notFound");
    const step = crossPairStepRefusal(found.pair.status, "consent", found.side);
    if (step) return refusal(step);
    // The teacher must still be an approved mentor of this school with a valid consent to pairs.
    const mentor = await tx.mentorProfile.findFirst({
      where: { id: found.pair.mentorId, organizationId },
      select: { status: true, person: { select: { birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } } },
    });
    if (!mentor || mentor.status !== "APPROVED" || !mentor.person.active) return refuse("CONFLICT", "crossPairMentorNotInBank");
    const consentProblem = worded(consentProblemOf({ birthDate: mentor.person.birthDate, flaggedMinor: mentor.person.minor }, mentor.person.consents, "PAIRS", organizationToday(ctx)), ctx.user.locale);
    if (consentProblem) return refuse("CONFLICT", "crossPairMentorConsent", undefined, { values: { reason: consentProblem } });
    const updated = await tx.crossSchoolPair.updateMany({
      where: { id: found.pair.id, mentorOrganizationId: organizationId, status: "PROPOSED", version: input.version },
      data: { status: "CONSENTED", version: { increment: 1 }, consentedById: ctx.user.id, consentedAt: now() },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "crossPairAlreadyDecided");
    return done({ crossSchoolPairId: found.pair.id }, { targetType: "CrossSchoolPair", targetId: found.pair.id, data: { step: "consent", menteeSchoolId: found.pair.organizationId } });
  },
});

/** The head of the mentor's school declines, with the reason the other school reads. */
export const declineCrossPair = defineAction({
  name: "crossPairs.decline",
  scope: "tenant",
  permission: "crossPairs.consent",
  input: DeclineCrossPairInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const found = await crossPairOf(tx, organizationId, input.crossSchoolPairId);
    if (!found) return refuse("NOT_FOUND", "notFound");
    const step = crossPairStepRefusal(found.pair.status, "decline", found.side);
    if (step) return refusal(step);
    const updated = await tx.crossSchoolPair.updateMany({
      where: { id: found.pair.id, mentorOrganizationId: organizationId, status: "PROPOSED", version: input.version },
      data: { status: "DECLINED", version: { increment: 1 }, consentedById: ctx.user.id, consentedAt: now(), declineReason: input.reason },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "crossPairAlreadyDecided");
    return done({ crossSchoolPairId: found.pair.id }, { targetType: "CrossSchoolPair", targetId: found.pair.id, data: { step: "decline", reason: input.reason } });
  },
});

/** The head of the mentee's school approves a consented pair by a numbered order (the pair becomes active). */
export const approveCrossPair = defineAction({
  name: "crossPairs.approve",
  scope: "tenant",
  permission: "pairs.approve",
  input: ApproveCrossPairInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const found = await crossPairOf(tx, organizationId, input.crossSchoolPairId);
    if (!found) return refuse("NOT_FOUND", "notFound");
    const step = crossPairStepRefusal(found.pair.status, "approve", found.side);
    if (step) return refusal(step);
    if (found.pair.version !== input.version) return refuse("CONFLICT", "crossPairAlreadyDecided");
    const program = await tx.mentoringProgram.findFirst({ where: { id: found.pair.programId, organizationId }, select: { id: true, status: true, stage: true } });
    if (!program || program.status !== "ACTIVE") return refuse("CONFLICT", "programCompleted");
    if (program.stage < 5) return refuse("CONFLICT", "pairsApproveTooEarly", undefined, { values: { stage: program.stage } });
    const mentee = await tx.menteeProfile.findFirst({
      where: { id: found.pair.menteeId, organizationId },
      select: { status: true, person: { select: { birthDate: true, minor: true, consents: { select: CONSENT_SELECT } } } },
    });
    const consentProblem = mentee && worded(consentProblemOf({ birthDate: mentee.person.birthDate, flaggedMinor: mentee.person.minor }, mentee.person.consents, "PAIRS", input.orderDate), ctx.user.locale);
    if (!mentee || mentee.status === "LEFT") return refuse("CONFLICT", "crossPairMenteeNotInBank");
    if (consentProblem) return refuse("CONFLICT", "crossPairMenteeConsent", undefined, { values: { reason: consentProblem } });
    // The order cites the mentor's written consent to the additional duties (decision 023): the mentor's school records
    // it; this school reads only its date (decision 062).
    const [duties, parties] = await Promise.all([crossPairMentorDuties(tx, organizationId, found.pair.id), crossPairParties(tx, organizationId, found.pair.id)]);
    const party = parties.get(found.pair.id);
    const dutiesRefused = crossPairDutiesRefusal({ name: party?.mentor.name ?? "", school: party?.mentorSchool ?? "", dutiesConsentAt: duties.get(found.pair.id) ?? null }, input.orderDate);
    if (dutiesRefused) return refusal(dutiesRefused);
    const approvedAt = now();
    const updated = await tx.crossSchoolPair.updateMany({
      where: { id: found.pair.id, organizationId, status: "CONSENTED", version: input.version },
      data: { status: "ACTIVE", version: { increment: 1 }, approvedById: ctx.user.id, approvedAt },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "crossPairAlreadyDecided");
    const { orderId, number } = await issuePairsOrder(tx, {
      organizationId, programId: program.id, date: input.orderDate, userId: ctx.user.id, approvedAt,
      title: russian("pairsOrder.crossTitle"),
    });
    await tx.crossSchoolPair.updateMany({ where: { id: found.pair.id, organizationId }, data: { orderId, orderNumber: number, orderDate: input.orderDate } });
    await tx.menteeProfile.updateMany({ where: { id: found.pair.menteeId, organizationId, status: "WAITING" }, data: { status: "PAIRED" } });
    return done({ crossSchoolPairId: found.pair.id, orderId, number }, { targetType: "CrossSchoolPair", targetId: found.pair.id, data: { step: "approve", number } });
  },
});

/** Either school ends the pair (a proposal, a consented one or an active one) with a reason. */
export const withdrawCrossPair = defineAction({
  name: "crossPairs.withdraw",
  scope: "tenant",
  permission: "pairs.manage",
  input: WithdrawCrossPairInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const found = await crossPairOf(tx, organizationId, input.crossSchoolPairId);
    if (!found) return refuse("NOT_FOUND", "notFound");
    const step = crossPairStepRefusal(found.pair.status, "withdraw", found.side);
    if (step) return refusal(step);
    const updated = await tx.crossSchoolPair.updateMany({
      where: {
        id: found.pair.id,
        ...(found.side === "mentee" ? { organizationId } : { mentorOrganizationId: organizationId }),
        status: { in: [...LIVE_CROSS_PAIR_STATUSES] },
        version: input.version,
      },
      data: { status: "WITHDRAWN", version: { increment: 1 }, closedReason: input.reason, closedAt: now(), closedByOrganizationId: organizationId },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "crossPairAlreadyDecided");
    return done({ crossSchoolPairId: found.pair.id }, { targetType: "CrossSchoolPair", targetId: found.pair.id, data: { step: "withdraw", side: found.side, reason: input.reason } });
  },
});

/** A meeting of an active pair: the curator or psychologist of either school, the mentor, the mentee. */
export const logCrossMeeting = defineAction({
  name: "crossPairs.logMeeting",
  scope: "tenant",
  permission: "meetings.log",
  idempotent: true,
  input: LogCrossMeetingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const found = await crossPairOf(tx, organizationId, input.crossSchoolPairId);
    if (!found) return refuse("NOT_FOUND", "notFound");
    const parties = (await crossPairParties(tx, organizationId, found.pair.id)).get(found.pair.id);
    const staff = hasPermission(ctx.roles, "pairs.propose");
    const participant = found.side === "mentor" ? parties?.mentor.userId === ctx.user.id : parties?.mentee.userId === ctx.user.id;
    if (!staff && !participant) return refuse("NOT_FOUND", "notFound");
    const step = crossPairStepRefusal(found.pair.status, "meet", found.side);
    if (step) return refusal(step);
    // The pair works from its order's date (the head may sign the order on an earlier day than they press the button).
    const approvedOn = found.pair.orderDate ?? (found.pair.approvedAt ? organizationToday(ctx, found.pair.approvedAt) : null);
    const dateKey = crossMeetingDateKey(input.heldOn, approvedOn, organizationToday(ctx));
    if (dateKey) return refuse("VALIDATION", "validation", { heldOn: dateKey });
    const meeting = await tx.crossSchoolMeeting.create({
      data: {
        organizationId: found.pair.organizationId,
        mentorOrganizationId: found.pair.mentorOrganizationId,
        pairId: found.pair.id,
        kind: input.kind,
        heldOn: input.heldOn,
        notes: input.notes,
        loggedById: ctx.user.id,
        loggedByOrganizationId: organizationId,
      },
      select: { id: true },
    });
    return done(
      { crossSchoolMeetingId: meeting.id },
      { targetType: "CrossSchoolMeeting", targetId: meeting.id, data: { pairId: found.pair.id, kind: input.kind, heldOn: input.heldOn.toISOString().slice(0, 10) } },
    );
  },
});
