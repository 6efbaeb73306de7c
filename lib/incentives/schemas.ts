import { z } from "zod";
import { MAX_INCENTIVE_RUBLES } from "../domain/incentives";
import { OrgSlug } from "../members/schemas";

const Id = z.uuid({ error: "notFound" });
const CalendarDate = z.iso.date({ error: "date" }).transform((v) => new Date(`${v}T00:00:00Z`));

/** The curator's (or the head's) proposal: one mentor, one period, a sum in whole rubles, the school's act it rests on. */
export const ProposeIncentiveInput = z.object({
  org: OrgSlug,
  mentorId: z.uuid({ error: "required" }),
  periodFrom: CalendarDate,
  periodTo: CalendarDate,
  amount: z.coerce
    .number({ error: "incentiveAmountRange" })
    .int({ error: "incentiveAmountWhole" })
    .min(1, { error: "incentiveAmountRange" })
    .max(MAX_INCENTIVE_RUBLES, { error: "incentiveAmountRange" }),
  basisActId: z.uuid({ error: "required" }),
  note: z.string().trim().max(500, { error: "tooLong" }).optional().transform((v) => (v ? v : null)),
});
export type ProposeIncentiveInput = z.input<typeof ProposeIncentiveInput>;

/** The head approves the selected proposed payments at once. */
export const ApproveIncentivesInput = z.object({ org: OrgSlug, paymentIds: z.array(Id).min(1, { error: "incentivesRequired" }).max(500, { error: "validation" }) });
export type ApproveIncentivesInput = z.input<typeof ApproveIncentivesInput>;

/** A proposal withdrawn before the head approved it (a typo, a wrong period). */
export const WithdrawIncentiveInput = z.object({ org: OrgSlug, paymentId: Id });
export type WithdrawIncentiveInput = z.input<typeof WithdrawIncentiveInput>;

/** The order's period in the download address. */
export const IncentiveOrderSearch = z.object({ from: z.iso.date(), to: z.iso.date(), format: z.enum(["docx", "pdf"]).optional() });
