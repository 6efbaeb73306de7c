// Cross-school pairs («открытое наставничество», docs/decisions/058) as pure rules: whether a proposal may be made,
// and which school may take which step in which status. A rule returns a refusal (a code and an `errors` message key
// with its values) or null; the actions do the I/O.
import { formatCalendarDate } from "../format";

export type CrossPairStatus = "PROPOSED" | "CONSENTED" | "ACTIVE" | "DECLINED" | "WITHDRAWN";
/** The school acting: the mentee's (the pair's owner) or the mentor's. */
export type CrossPairSide = "mentee" | "mentor";
export type CrossPairStep = "consent" | "decline" | "approve" | "withdraw" | "meet";
export type CrossPairRefusal = { code: "VALIDATION" | "FORBIDDEN" | "CONFLICT"; key: string; values?: Record<string, string | number> };

/** Statuses in which the pair holds the mentor's seat and the mentee (a second proposal is refused). */
export const LIVE_CROSS_PAIR_STATUSES: readonly CrossPairStatus[] = ["PROPOSED", "CONSENTED", "ACTIVE"];

export type ProposalFacts = {
  /** The mentor as the district bank shows them to the proposing school; null: not in its municipality's bank. */
  mentor: { capacity: number; taken: number; consentProblem: string | null } | null;
  /** The mentee of the proposing school's bank; null: not found there. */
  mentee: { status: "WAITING" | "PAIRED" | "LEFT"; approved: boolean; consentProblem: string | null } | null;
  /** The mentee already has a cross-school pair in play. */
  menteeHasLivePair: boolean;
};

/** Why the curator may not propose this pair, or null. */
export function crossPairProposalRefusal(f: ProposalFacts): CrossPairRefusal | null {
  if (!f.mentor) return { code: "VALIDATION", key: "crossPairMentorNotInBank" };
  if (f.mentor.consentProblem) return { code: "VALIDATION", key: "crossPairMentorConsent", values: { reason: f.mentor.consentProblem } };
  if (f.mentor.taken + 1 > f.mentor.capacity) return { code: "CONFLICT", key: "crossPairMentorFull", values: { taken: f.mentor.taken, capacity: f.mentor.capacity } };
  if (!f.mentee || f.mentee.status === "LEFT") return { code: "VALIDATION", key: "crossPairMenteeNotInBank" };
  if (!f.mentee.approved) return { code: "VALIDATION", key: "crossPairMenteeNotApproved" };
  if (f.mentee.consentProblem) return { code: "VALIDATION", key: "crossPairMenteeConsent", values: { reason: f.mentee.consentProblem } };
  if (f.mentee.status !== "WAITING" || f.menteeHasLivePair) return { code: "CONFLICT", key: "crossPairMenteeBusy" };
  return null;
}

/**
 * May this school take this step now? The mentor's head consents or declines a proposal; the mentee's head
 * approves a consented one; either school withdraws a pair in play; either logs meetings of an active pair.
 */
export function crossPairStepRefusal(status: CrossPairStatus, step: CrossPairStep, side: CrossPairSide): CrossPairRefusal | null {
  switch (step) {
    case "consent":
    case "decline":
      if (side !== "mentor") return { code: "FORBIDDEN", key: "crossPairMentorSchoolOnly" };
      return status === "PROPOSED" ? null : { code: "CONFLICT", key: "crossPairAlreadyDecided" };
    case "approve":
      if (side !== "mentee") return { code: "FORBIDDEN", key: "crossPairMenteeSchoolOnly" };
      if (status === "PROPOSED") return { code: "CONFLICT", key: "crossPairAwaitsConsent" };
      return status === "CONSENTED" ? null : { code: "CONFLICT", key: "crossPairAlreadyDecided" };
    case "withdraw":
      return LIVE_CROSS_PAIR_STATUSES.includes(status) ? null : { code: "CONFLICT", key: "crossPairClosed" };
    case "meet":
      return status === "ACTIVE" ? null : { code: "CONFLICT", key: "crossPairNotActive" };
  }
}

/** A meeting's date: not in the future, not before the pair was approved (calendar days, UTC midnight). */
export function crossMeetingDateKey(heldOn: Date, approvedOn: Date | null, today: Date): string | null {
  if (heldOn.getTime() > today.getTime()) return "crossMeetingInFuture";
  if (approvedOn && heldOn.getTime() < approvedOn.getTime()) return "crossMeetingBeforeApproval";
  return null;
}

/**
 * The mentee's school's order secures a cross-school pair only on the mentor's written consent to the additional duties
 * (ТК РФ ст. 60.2, decision 023), recorded by the mentor's school and dated no later than the order (decision 062).
 */
export function crossPairDutiesRefusal(
  mentor: { name: string; school: string; dutiesConsentAt: Date | null },
  orderDate: Date,
): CrossPairRefusal | null {
  if (!mentor.dutiesConsentAt) return { code: "CONFLICT", key: "crossPairMentorNoDutiesConsent", values: { mentor: mentor.name, school: mentor.school } };
  if (mentor.dutiesConsentAt.getTime() > orderDate.getTime()) {
    return { code: "CONFLICT", key: "crossPairMentorDutiesConsentLate", values: { mentor: mentor.name, date: formatCalendarDate(mentor.dutiesConsentAt), orderDate: formatCalendarDate(orderDate) } };
  }
  return null;
}
