import { z } from "zod";
import { Email } from "../auth/schemas";
import { isTimeZone } from "../domain/local-date";
import { checkInn, checkOgrn } from "../domain/requisites";
import { OrgSlug, Text, RequiredText, OptionalText } from "../schemas/fields";

// The organization's profile (issue #13 item 3): the requisites every generated document reads, and the
// organization's time zone — "today", the academic year, overdue and reminder days are computed in it
// (decision 011). Shared by the form (zodResolver) and the action; messages are keys under "errors".

export const SCHOOL_KINDS = ["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY"] as const;

const TimeZone = z.string().refine((v) => isTimeZone(v), { error: "timeZone" });

/** ИНН: empty, or 10 (12) digits with valid check digits; spaces between groups are dropped. */
const Inn = Text(20)
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const checked = checkInn(v);
    if (checked.ok) return checked.inn;
    ctx.addIssue({ code: "custom", message: checked.problem === "innLength" ? "innLength" : "innChecksum" });
    return z.NEVER;
  });

/** ОГРН: empty, or 13 digits (15 for an individual entrepreneur) with a valid check digit. */
const Ogrn = Text(20)
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const checked = checkOgrn(v);
    if (checked.ok) return checked.ogrn;
    ctx.addIssue({ code: "custom", message: checked.problem === "ogrnLength" ? "ogrnLength" : "ogrnChecksum" });
    return z.NEVER;
  });

/** «8 (86543) 3-12-45», «+7 865 433-12-45, доб. 12»: digits and the usual separators, at least five digits. */
const Phone = OptionalText(60).refine((v) => v === null || (/^[\d\s+()\-–.,]*(доб\.?\s*\d+)?$/i.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5), { error: "phone" });

/** «school20.ru» or «https://sosh20.gosuslugi.ru/»: an address without spaces, with a dot in the host. */
const Website = OptionalText(200).refine((v) => v === null || /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i.test(v), { error: "website" });

const OptionalEmail = z
  .union([z.literal(""), Email])
  .optional()
  .transform((v) => (v ? v : null));

export const UpdateProfileInput = z.object({
  org: OrgSlug,
  name: RequiredText(500),
  shortName: OptionalText(200),
  /** Only a school's kind is the head's to set; ignored for a municipality or a region. */
  schoolKind: z.enum(SCHOOL_KINDS, { error: "required" }).optional(),
  place: OptionalText(200),
  address: OptionalText(500),
  phone: Phone,
  email: OptionalEmail,
  website: Website,
  inn: Inn,
  ogrn: Ogrn,
  headPosition: OptionalText(200),
  headName: OptionalText(200),
  timeZone: TimeZone,
});
export type UpdateProfileInput = z.input<typeof UpdateProfileInput>;
