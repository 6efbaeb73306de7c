import { describe, expect, it } from "vitest";
import { crossMeetingDateKey, crossPairDutiesRefusal, crossPairProposalRefusal, crossPairStepRefusal, type ProposalFacts } from "./cross-school-pairs";

const ok: ProposalFacts = {
  mentor: { capacity: 2, taken: 1, consentProblem: null },
  mentee: { status: "WAITING", approved: true, consentProblem: null },
  menteeHasLivePair: false,
};

describe("crossPairProposalRefusal", () => {
  it("accepts a mentor of the bank with a free seat and an approved waiting mentee with consent", () => {
    expect(crossPairProposalRefusal(ok)).toBeNull();
  });
  it("refuses a mentor outside the municipality's bank (another municipality, not visible, not approved)", () => {
    expect(crossPairProposalRefusal({ ...ok, mentor: null })).toMatchObject({ code: "VALIDATION", key: "crossPairMentorNotInBank" });
  });
  it("refuses a mentor without a valid consent, with the reason", () => {
    expect(crossPairProposalRefusal({ ...ok, mentor: { capacity: 2, taken: 0, consentProblem: "согласие отозвано" } })).toEqual({ code: "VALIDATION", key: "crossPairMentorConsent", values: { reason: "согласие отозвано" } });
  });
  it("refuses a mentor at capacity (the load counts every school's pairs)", () => {
    expect(crossPairProposalRefusal({ ...ok, mentor: { capacity: 2, taken: 2, consentProblem: null } })).toEqual({ code: "CONFLICT", key: "crossPairMentorFull", values: { taken: 2, capacity: 2 } });
  });
  it("refuses a mentee not in the bank, not approved, without consent, or already in a pair", () => {
    expect(crossPairProposalRefusal({ ...ok, mentee: null })?.key).toBe("crossPairMenteeNotInBank");
    expect(crossPairProposalRefusal({ ...ok, mentee: { status: "LEFT", approved: true, consentProblem: null } })?.key).toBe("crossPairMenteeNotInBank");
    expect(crossPairProposalRefusal({ ...ok, mentee: { status: "WAITING", approved: false, consentProblem: null } })?.key).toBe("crossPairMenteeNotApproved");
    expect(crossPairProposalRefusal({ ...ok, mentee: { status: "WAITING", approved: true, consentProblem: "нет согласия" } })?.key).toBe("crossPairMenteeConsent");
    expect(crossPairProposalRefusal({ ...ok, mentee: { status: "PAIRED", approved: true, consentProblem: null } })?.key).toBe("crossPairMenteeBusy");
    expect(crossPairProposalRefusal({ ...ok, menteeHasLivePair: true })?.key).toBe("crossPairMenteeBusy");
  });
});

describe("crossPairStepRefusal", () => {
  it("lets only the mentor's school consent or decline, once", () => {
    expect(crossPairStepRefusal("PROPOSED", "consent", "mentor")).toBeNull();
    expect(crossPairStepRefusal("PROPOSED", "decline", "mentor")).toBeNull();
    expect(crossPairStepRefusal("PROPOSED", "consent", "mentee")).toMatchObject({ code: "FORBIDDEN" });
    expect(crossPairStepRefusal("CONSENTED", "consent", "mentor")).toMatchObject({ code: "CONFLICT", key: "crossPairAlreadyDecided" });
    expect(crossPairStepRefusal("DECLINED", "decline", "mentor")).toMatchObject({ code: "CONFLICT" });
  });
  it("lets only the mentee's school approve, after the consent, once", () => {
    expect(crossPairStepRefusal("CONSENTED", "approve", "mentee")).toBeNull();
    expect(crossPairStepRefusal("CONSENTED", "approve", "mentor")).toMatchObject({ code: "FORBIDDEN", key: "crossPairMenteeSchoolOnly" });
    expect(crossPairStepRefusal("PROPOSED", "approve", "mentee")).toMatchObject({ code: "CONFLICT", key: "crossPairAwaitsConsent" });
    expect(crossPairStepRefusal("ACTIVE", "approve", "mentee")).toMatchObject({ code: "CONFLICT", key: "crossPairAlreadyDecided" });
  });
  it("lets either school withdraw a pair in play, and log meetings of an active one", () => {
    for (const side of ["mentee", "mentor"] as const) {
      for (const status of ["PROPOSED", "CONSENTED", "ACTIVE"] as const) expect(crossPairStepRefusal(status, "withdraw", side)).toBeNull();
      expect(crossPairStepRefusal("WITHDRAWN", "withdraw", side)).toMatchObject({ code: "CONFLICT", key: "crossPairClosed" });
      expect(crossPairStepRefusal("ACTIVE", "meet", side)).toBeNull();
      expect(crossPairStepRefusal("CONSENTED", "meet", side)).toMatchObject({ code: "CONFLICT", key: "crossPairNotActive" });
    }
  });
});

describe("crossMeetingDateKey", () => {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  it("refuses a future date and a date before the approval", () => {
    expect(crossMeetingDateKey(day("2026-12-08"), day("2026-12-01"), day("2026-12-07"))).toBe("crossMeetingInFuture");
    expect(crossMeetingDateKey(day("2026-11-30"), day("2026-12-01"), day("2026-12-07"))).toBe("crossMeetingBeforeApproval");
    expect(crossMeetingDateKey(day("2026-12-07"), day("2026-12-01"), day("2026-12-07"))).toBeNull();
  });
});

describe("crossPairDutiesRefusal (decision 062)", () => {
  const order = new Date("2026-11-02T00:00:00Z");
  it("refuses a mentor without the written consent to the additional duties, naming the mentor and their school", () => {
    expect(crossPairDutiesRefusal({ name: "Наставникова Берта", school: "Школа Б", dutiesConsentAt: null }, order)).toEqual({
      code: "CONFLICT",
      key: "crossPairMentorNoDutiesConsent",
      values: { mentor: "Наставникова Берта", school: "Школа Б" },
    });
  });
  it("refuses a consent dated after the order, accepts one on or before it", () => {
    expect(crossPairDutiesRefusal({ name: "Н", school: "Б", dutiesConsentAt: new Date("2026-11-03T00:00:00Z") }, order)).toMatchObject({ key: "crossPairMentorDutiesConsentLate", values: { date: "03.11.2026", orderDate: "02.11.2026" } });
    expect(crossPairDutiesRefusal({ name: "Н", school: "Б", dutiesConsentAt: order }, order)).toBeNull();
    expect(crossPairDutiesRefusal({ name: "Н", school: "Б", dutiesConsentAt: new Date("2026-09-07T00:00:00Z") }, order)).toBeNull();
  });
});
