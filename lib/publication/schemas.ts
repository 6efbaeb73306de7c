import { z } from "zod";
import { OrgSlug } from "../members/schemas";

// Shared by the publication forms and actions; messages are keys under "errors" in the message files.
const Id = z.uuid({ error: "notFound" });
const RequiredText = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
/** Absent: keep what is saved; empty: clear it. */
const KeptText = (max: number) => z.string().trim().max(max, { error: "tooLong" }).optional();
/** A checkbox or a button's value: true / false (strings from a form as well). */
const Flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "1", "0"])], { error: "required" })
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");
const OptionalDate = z
  .union([z.iso.date({ error: "date" }), z.literal("")])
  .optional()
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

/** Publish or unpublish, and/or change the texts: what is absent stays as it is (at least one is given). */
export const SetSectionInput = z
  .object({
    org: OrgSlug,
    published: Flag.optional(),
    intro: KeptText(5000),
    contacts: KeptText(2000),
  })
  .refine((v) => v.published !== undefined || v.intro !== undefined || v.contacts !== undefined, { error: "required", path: ["published"] });
export type SetSectionInput = z.input<typeof SetSectionInput>;

export const SetActInput = z.object({ org: OrgSlug, actId: Id, published: Flag });
export type SetActInput = z.input<typeof SetActInput>;

export const SaveNewsInput = z.object({
  org: OrgSlug,
  newsId: z
    .union([z.uuid({ error: "notFound" }), z.literal("")])
    .optional()
    .transform((v) => (v ? v : null)),
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
