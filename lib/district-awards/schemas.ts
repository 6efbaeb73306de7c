import { z } from "zod";
import { Id, OrgSlug, OptionalText, RequiredDate, RequiredText } from "../schemas/fields";

// District recognition (issue #17 item 4, docs/decisions/060). Messages are keys under "errors".

export const DISTRICT_AWARD_KIND_KEYS = ["LETTER_OF_THANKS", "CERTIFICATE", "BADGE", "OTHER"] as const;

export const GiveDistrictAwardInput = z.object({
  org: OrgSlug,
  /** A mentor of the district bank (district_open_mentors): the office sees no one else of its schools. */
  mentorId: Id,
  kind: z.enum(DISTRICT_AWARD_KIND_KEYS, { error: "required" }),
  /** The award's own name, for «иная награда». */
  title: OptionalText(200),
  awardedOn: RequiredDate,
  /** «Приказ управления образования № 112 от 20.05.2027». */
  basis: RequiredText(300),
});
export type GiveDistrictAwardInput = z.input<typeof GiveDistrictAwardInput>;

export const DeleteDistrictAwardInput = z.object({ org: OrgSlug, districtAwardId: Id });
export type DeleteDistrictAwardInput = z.input<typeof DeleteDistrictAwardInput>;
