import { z } from "zod";
import { enumKeys } from "../actions/enum-keys";
import { MEETING_KINDS } from "../domain/pairs";
import { Id, OptionalText, OrgSlug, RequiredDate, RequiredText } from "../schemas/fields";

// Cross-school pairs (docs/decisions/058): shared by the forms and the actions; messages are keys under "errors".

/** The mentee's school's curator proposes a mentee of its bank with a mentor of the district bank. */
export const ProposeCrossPairInput = z.object({
  org: OrgSlug,
  programId: Id,
  menteeId: Id,
  mentorId: Id,
  direction: OptionalText(300),
});
export type ProposeCrossPairInput = z.input<typeof ProposeCrossPairInput>;

/** A decision on the version the head saw (the mentor's head consents; the mentee's head approves by order). */
export const ConsentCrossPairInput = z.object({ org: OrgSlug, crossSchoolPairId: Id, version: z.coerce.number().int().min(1) });
export type ConsentCrossPairInput = z.input<typeof ConsentCrossPairInput>;

export const DeclineCrossPairInput = ConsentCrossPairInput.extend({ reason: RequiredText(1000) });
export type DeclineCrossPairInput = z.input<typeof DeclineCrossPairInput>;

export const ApproveCrossPairInput = ConsentCrossPairInput.extend({ orderDate: RequiredDate });
export type ApproveCrossPairInput = z.input<typeof ApproveCrossPairInput>;

export const WithdrawCrossPairInput = ConsentCrossPairInput.extend({ reason: RequiredText(1000) });
export type WithdrawCrossPairInput = z.input<typeof WithdrawCrossPairInput>;

export const LogCrossMeetingInput = z.object({
  org: OrgSlug,
  crossSchoolPairId: Id,
  kind: z.enum(enumKeys(MEETING_KINDS), { error: "required" }),
  heldOn: RequiredDate,
  notes: OptionalText(4000),
});
export type LogCrossMeetingInput = z.input<typeof LogCrossMeetingInput>;
