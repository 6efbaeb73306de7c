// What stages 5–7 ask of a program's pairs (docs/domain.md, lib/domain/stages.ts), counted over the school's pairs and
// its cross-school pairs alike (docs/decisions/062): a pair secured by the head's order, its personalized program
// approved by the curator or the director (decision 028), its final meeting or its closure. Pure: lib/programs/facts.ts
// loads the rows and maps them here.

import type { ProgramFacts } from "./stages";

/** One pair as the gates read it, whichever kind. */
export type GatePair = {
  /** An order of the head secured it (and it was not dissolved or withdrawn since). */
  securedByOrder: boolean;
  /** It works now: approved or active, not completed, dissolved or withdrawn. */
  working: boolean;
  program: "NONE" | "DRAFT" | "APPROVED";
  /** A final meeting (итоговая, итоговая групповая) is logged. */
  hasFinal: boolean;
};

type SchoolPairRow = { status: string; orderId: string | null; personalProgram: { status: string } | null; meetings: unknown[] };
type CrossPairRow = { status: string; orderId: string | null; personalProgram: { status: string } | null; meetings: unknown[] };

const programOf = (p: { status: string } | null): GatePair["program"] => (!p ? "NONE" : p.status === "APPROVED" ? "APPROVED" : "DRAFT");

/** A school pair read among the secured ones (APPROVED, ACTIVE, COMPLETED). */
export function schoolGatePair(p: SchoolPairRow): GatePair {
  return { securedByOrder: p.orderId !== null, working: p.status === "APPROVED" || p.status === "ACTIVE", program: programOf(p.personalProgram), hasFinal: p.meetings.length > 0 };
}

/** A cross-school pair (decision 058): secured by the mentee's school's order once ACTIVE; a withdrawn one is closed. */
export function crossGatePair(p: CrossPairRow): GatePair {
  const active = p.status === "ACTIVE";
  return { securedByOrder: active && p.orderId !== null, working: active, program: programOf(p.personalProgram), hasFinal: p.meetings.length > 0 };
}

/** The pair figures of stages 5–6 over pairs of both kinds. */
export function pairGateFacts(pairs: GatePair[], feedbackCollected: boolean): NonNullable<ProgramFacts["pairs"]> {
  const working = pairs.filter((p) => p.working);
  return {
    approvedByOrder: pairs.filter((p) => p.securedByOrder).length,
    approvedWithoutProgram: working.filter((p) => p.program === "NONE").length,
    programsNotApproved: working.filter((p) => p.program === "DRAFT").length,
    activeWithoutFinalOrClosure: working.filter((p) => !p.hasFinal).length,
    feedbackCollected,
  };
}

/**
 * Stage 7: is a cross-school pair still open? A proposal or a consented pair is; an active one until its final meeting
 * (a cross-school pair has no «completed» status: the final meeting ends its work, a withdrawal closes it).
 */
export function crossPairOpenAtCompletion(p: { status: string; hasFinal: boolean }): boolean {
  return p.status === "PROPOSED" || p.status === "CONSENTED" || (p.status === "ACTIVE" && !p.hasFinal);
}
