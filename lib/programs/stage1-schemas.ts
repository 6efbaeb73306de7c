import { z } from "zod";
import { OrgSlug } from "../members/schemas";

// The stage-1 pack's inputs (issue #15 items 1 and 4); messages are keys under "errors".
const Id = z.uuid({ error: "notFound" });
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null));
const OptionalDate = z
  .union([z.iso.date({ error: "date" }), z.literal("")])
  .optional()
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));
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
