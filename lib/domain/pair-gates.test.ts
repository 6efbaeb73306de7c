import { describe, expect, it } from "vitest";
import { crossGatePair, crossPairOpenAtCompletion, pairGateFacts, schoolGatePair } from "./pair-gates";
import { unmetExitConditions, type ProgramFacts } from "./stages";

// Stages 5–7 count a school's cross-school pairs exactly like its own pairs (docs/decisions/062).

const acts: ProgramFacts["approvedActKinds"] = ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"];
const gate = (stage: number, pairs: ProgramFacts["pairs"]) =>
  unmetExitConditions({ stage, curatorAssigned: true, approvedActKinds: acts, stageActivities: [], banks: null, pairs, completion: null }).map((c) => c.code);

const cross = (over: Partial<Parameters<typeof crossGatePair>[0]> = {}) => crossGatePair({ status: "ACTIVE", orderId: "o", personalProgram: { status: "APPROVED" }, meetings: [], ...over });
const school = (over: Partial<Parameters<typeof schoolGatePair>[0]> = {}) => schoolGatePair({ status: "ACTIVE", orderId: "o", personalProgram: { status: "APPROVED" }, meetings: [], ...over });

describe("pair gates over both kinds of pairs", () => {
  it("a school whose only pair is a cross-school pair secured by order with an approved program passes stage 5", () => {
    expect(gate(5, pairGateFacts([cross()], false))).toEqual([]);
  });
  it("a cross-school pair without a program, or with a draft, holds stage 5 as a school pair would", () => {
    expect(gate(5, pairGateFacts([cross({ personalProgram: null })], false))).toEqual(["pair-programs"]);
    expect(gate(5, pairGateFacts([cross({ personalProgram: { status: "DRAFT" } })], false))).toEqual(["pair-programs-approval"]);
    expect(gate(5, pairGateFacts([school({ personalProgram: null })], false))).toEqual(["pair-programs"]);
  });
  it("a cross-school pair not yet approved by the order, or withdrawn, is not secured", () => {
    expect(pairGateFacts([cross({ status: "CONSENTED", orderId: null })], false)).toMatchObject({ approvedByOrder: 0, approvedWithoutProgram: 0 });
    expect(pairGateFacts([cross({ status: "WITHDRAWN" })], false)).toMatchObject({ approvedByOrder: 0, activeWithoutFinalOrClosure: 0 });
    expect(gate(5, pairGateFacts([cross({ status: "WITHDRAWN" })], false))).toEqual(["pairs"]);
  });
  it("stage 6 waits for the final meeting of every working pair of both kinds", () => {
    const facts = pairGateFacts([cross(), school({ meetings: [{}] })], true);
    expect(facts).toMatchObject({ approvedByOrder: 2, activeWithoutFinalOrClosure: 1 });
    expect(gate(6, facts)).toEqual(["final-meetings"]);
    expect(gate(6, pairGateFacts([cross({ meetings: [{}] }), school({ meetings: [{}] })], true))).toEqual([]);
    expect(gate(6, pairGateFacts([cross({ meetings: [{}] })], false))).toEqual(["feedback"]);
  });
  it("counts the two kinds together", () => {
    expect(pairGateFacts([cross(), school({ status: "COMPLETED" }), school({ personalProgram: { status: "DRAFT" } })], false)).toEqual({
      approvedByOrder: 3,
      approvedWithoutProgram: 0,
      programsNotApproved: 1,
      activeWithoutFinalOrClosure: 2,
      feedbackCollected: false,
    });
  });
});

describe("crossPairOpenAtCompletion (stage 7)", () => {
  it("a proposal, a consented pair and an active pair without its final meeting are open; a final meeting or a withdrawal closes it", () => {
    expect(crossPairOpenAtCompletion({ status: "PROPOSED", hasFinal: false })).toBe(true);
    expect(crossPairOpenAtCompletion({ status: "CONSENTED", hasFinal: false })).toBe(true);
    expect(crossPairOpenAtCompletion({ status: "ACTIVE", hasFinal: false })).toBe(true);
    expect(crossPairOpenAtCompletion({ status: "ACTIVE", hasFinal: true })).toBe(false);
    expect(crossPairOpenAtCompletion({ status: "WITHDRAWN", hasFinal: false })).toBe(false);
    expect(crossPairOpenAtCompletion({ status: "DECLINED", hasFinal: false })).toBe(false);
  });
});
