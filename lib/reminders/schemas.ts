import { z } from "zod";
import { OrgSlug } from "../schemas/fields";

// Inputs of the notification and outbox actions. Each asks for more than the organization, so a bare
// { org } (the permission-matrix test, a forged request) is refused as invalid.

export const MarkReadInput = z.object({
  org: OrgSlug,
  reminderId: z.uuid({ error: "notificationNotFound" }),
});
export type MarkReadInput = z.input<typeof MarkReadInput>;

export const MarkAllReadInput = z.object({
  org: OrgSlug,
  /** Deliberate: the button sends "all". */
  confirm: z.literal("all", { error: "validation" }),
});
export type MarkAllReadInput = z.input<typeof MarkAllReadInput>;

export const RunNowInput = z.object({
  org: OrgSlug,
  /** Deliberate: the button sends "run". */
  confirm: z.literal("run", { error: "validation" }),
});
export type RunNowInput = z.input<typeof RunNowInput>;
