import { z } from "zod";
import { OrgSlug, Id, OptionalText, OptionalDate } from "../schemas/fields";

// The stage-1 pack's inputs (issue #15 items 1 and 4); messages are keys under "errors".
export const COUNCIL_VALUES = ["PEDAGOGICAL_COUNCIL", "PARENTS_COUNCIL", "GENERAL_MEETING"] as const;
const OptionalCouncil = z
  .union([z.enum(COUNCIL_VALUES, { error: "required" }), z.literal("")])
  .optional()
  .transform((v) => (v ? v : null));

export const PrepareStage1Input = z.object({
  org: OrgSlug,
  programId: Id,
  /** The introduction order's registration number and date (the Положение is approved by it). */
  introNumber: OptionalText(40),
  introDate: OptionalDate,
  curatorNumber: OptionalText(40),
  curatorDate: OptionalDate,
  /** One person a line: «Ткаченко Н.С., старший воспитатель». */
  workingGroup: OptionalText(2000),
  agreedBy: OptionalCouncil,
  agreedProtocol: OptionalText(40),
  agreedDate: OptionalDate,
  adoptedBy: OptionalCouncil,
  adoptedProtocol: OptionalText(40),
  adoptedDate: OptionalDate,
});
export type PrepareStage1Input = z.input<typeof PrepareStage1Input>;

export const SaveRegulationInput = z.object({
  org: OrgSlug,
  programId: Id,
  /** The Положение's text with {placeholders}; empty — back to the default template. */
  text: z.string().max(100_000, { error: "tooLong" }),
});
export type SaveRegulationInput = z.input<typeof SaveRegulationInput>;
