import { z } from "zod";
import { MAX_INCENTIVE_RUBLES } from "../domain/incentives";
import { Id, OptionalText, OrgSlug, RequiredDate, RequiredId } from "../schemas/fields";

/** The curator's (or the head's) proposal: one mentor, one period, a sum in whole rubles, the school's act it rests on. */
export const ProposeIncentiveInput = z.object({
  org: OrgSlug,
  mentorId: RequiredId,
  periodFrom: RequiredDate,
  periodTo: RequiredDate,
  amount: z.coerce
    .number({ error: "incentiveAmountRange" })
    .int({ error: "incentiveAmountWhole" })
    .min(1, { error: "incentiveAmountRange" })
    .max(MAX_INCENTIVE_RUBLES, { error: "incentiveAmountRange" }),
  basisActId: RequiredId,
  note: OptionalText(500),
});
export type ProposeIncentiveInput = z.input<typeof ProposeIncentiveInput>;

/** The head approves the selected proposed payments at once. */
export const ApproveIncentivesInput = z.object({ org: OrgSlug, paymentIds: z.array(Id).min(1, { error: "incentivesRequired" }).max(500, { error: "validation" }) });
export type ApproveIncentivesInput = z.input<typeof ApproveIncentivesInput>;

/** A proposal withdrawn before the head approved it (a typo, a wrong period). */
export const WithdrawIncentiveInput = z.object({ org: OrgSlug, paymentId: Id });
export type WithdrawIncentiveInput = z.input<typeof WithdrawIncentiveInput>;

