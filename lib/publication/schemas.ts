import { z } from "zod";
import { OrgSlug, Id, OptionalId, RequiredText, OptionalDate, Text } from "../schemas/fields";

// Shared by the publication forms and actions; messages are keys under "errors" in the message files.
/** A checkbox or a button's value: true / false (strings from a form as well). */
const Flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "1", "0"])], { error: "required" })
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");

/** Publish or unpublish, and/or change the texts: what is absent stays as it is (at least one is given). */
export const SetSectionInput = z
  .object({
    org: OrgSlug,
    published: Flag.optional(),
    /** Absent: keep what is saved; empty: clear it. */
    intro: Text(5000).optional(),
    contacts: Text(2000).optional(),
  })
  .refine((v) => v.published !== undefined || v.intro !== undefined || v.contacts !== undefined, { error: "required", path: ["published"] });
export type SetSectionInput = z.input<typeof SetSectionInput>;

export const SetActInput = z.object({ org: OrgSlug, actId: Id, published: Flag });
export type SetActInput = z.input<typeof SetActInput>;

export const SaveNewsInput = z.object({
  org: OrgSlug,
  newsId: OptionalId,
  title: RequiredText(300),
  body: RequiredText(20000),
  /** Empty: a draft; a date: published from that day. */
  publishedAt: OptionalDate,
});
export type SaveNewsInput = z.input<typeof SaveNewsInput>;

export const SetNewsPublishedInput = z.object({ org: OrgSlug, newsId: Id, published: Flag });
export type SetNewsPublishedInput = z.input<typeof SetNewsPublishedInput>;

export const DeleteNewsInput = z.object({ org: OrgSlug, newsId: Id });
export type DeleteNewsInput = z.input<typeof DeleteNewsInput>;
