import { z } from "zod";
import { isTimeZone } from "../domain/local-date";
import { OrgSlug } from "../members/schemas";

// The organization's profile settings. The zone must be one the runtime knows (Intl.supportedValuesOf):
// "today", the academic year, overdue and reminder days are computed in it (decision 011).
export const SetTimeZoneInput = z.object({
  org: OrgSlug,
  timeZone: z.string().refine((v) => isTimeZone(v), { error: "timeZone" }),
});
export type SetTimeZoneInput = z.infer<typeof SetTimeZoneInput>;
