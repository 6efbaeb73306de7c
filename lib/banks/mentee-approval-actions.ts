"use server";

import "server-only";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { bankRefusal } from "../domain/banks";
import type { RuleProblem } from "../domain/consent";
import { fullName } from "../domain/names";
import { problemText } from "../people/problem-text";
import { CONSENT_SELECT } from "../people/select";
import { ApproveMenteesInput } from "./schemas";

/**
 * The head approves mentees of the bank (Положение, seed 002: the head «способствует отбору наставников и
 * наставляемых, а также утверждает их») — one, or the selected list at once, the way a head signs the list
 * the curator brings. Every one must still be in the bank with a valid bank consent and not yet approved;
 * otherwise nothing is approved and the refusal names who and why (docs/decisions/025).
 */
export const approveMentees = defineAction({
  name: "mentees.approve",
  scope: "tenant",
  permission: "mentors.approve",
  input: ApproveMenteesInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const ids = [...new Set(input.menteeIds)];
    const entries = await tx.menteeProfile.findMany({
      where: { organizationId, id: { in: ids } },
      select: {
        id: true, status: true, approvedAt: true,
        person: { select: { kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } },
      },
    });
    if (entries.length !== ids.length) return refuse("NOT_FOUND", "notFound");
    const today = organizationToday(ctx);
    // The lines under the refusal are worded here, in the reader's language (the wrapper words the message).
    const problems: string[] = [];
    const line = (p: RuleProblem) => problems.push(problemText(p, ctx.user.locale));
    for (const e of entries) {
      const name = fullName(e.person);
      if (e.status === "LEFT") line({ key: "menteeLeftBankLine", values: { name } });
      else if (e.approvedAt) line({ key: "menteeAlreadyApprovedLine", values: { name } });
      else {
        const refusal = bankRefusal({ birthDate: e.person.birthDate, flaggedMinor: e.person.minor, active: e.person.active, kind: e.person.kind }, e.person.consents, today);
        if (refusal) line({ key: "personProblemLine", values: { name, reason: problemText(refusal, ctx.user.locale) } });
      }
    }
    if (problems.length) return refuse("CONFLICT", "menteesNotApprovable", undefined, { details: problems });
    // Guarded on "not yet approved": two heads approving the same list at once write one approval each.
    const approved = await tx.menteeProfile.updateMany({
      where: { organizationId, id: { in: ids }, approvedAt: null, status: { not: "LEFT" } },
      data: { approvedAt: now(), approvedById: ctx.user.id },
    });
    if (approved.count !== ids.length) return refuse("CONFLICT", "conflict");
    return done({ approved: ids.length }, { targetType: "MenteeProfile", targetId: ids.length === 1 ? ids[0] : undefined, data: { menteeIds: ids } });
  },
});
