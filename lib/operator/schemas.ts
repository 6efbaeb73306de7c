import { z } from "zod";
import { Email } from "../auth/schemas";
import { isTimeZone } from "../domain/local-date";
import { SLUG_PATTERN } from "../domain/requisites";
import { Id, RequiredId, OptionalText } from "../schemas/fields";

// The platform operator's forms and actions (decision 018). Client-safe: no server imports.
// Empty optional fields come from the forms as "": they mean "not given".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ORGANIZATION_KINDS_OF_OPERATOR = ["REGION", "MUNICIPALITY"] as const;

export const CreateOrganizationInput = z.object({
  kind: z.enum(ORGANIZATION_KINDS_OF_OPERATOR, { error: "required" }),
  name: z.string().trim().min(3, { error: "required" }).max(300, { error: "tooLong" }),
  shortName: OptionalText(120),
  /** A municipality's region; none: a top-level municipality (or a region, which never has one). */
  parentId: z.preprocess(blankToUndefined, Id.optional()),
  place: OptionalText(200),
  timeZone: z.string().refine((v) => isTimeZone(v), { error: "timeZone" }),
  /** Generated from the name (transliteration) when left empty; editable. */
  slug: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().regex(SLUG_PATTERN, { error: "slugInvalid" }).optional()),
  /** The head's e-mail: an invitation (role MUNICIPAL_HEAD) is created with the organization. */
  headEmail: z.preprocess(blankToUndefined, Email.optional()),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

export const InviteHeadInput = z.object({ organizationId: RequiredId, email: Email });
export type InviteHeadInput = z.input<typeof InviteHeadInput>;

export const ArchiveOrganizationInput = z.object({ organizationId: Id });
export const RestoreOrganizationInput = z.object({ organizationId: Id });

export const MoveSchoolInput = z.object({ schoolId: RequiredId, municipalityId: RequiredId });
export type MoveSchoolInput = z.input<typeof MoveSchoolInput>;
