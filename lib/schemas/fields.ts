import { z } from "zod";
import { enumKeys } from "../actions/enum-keys";

/**
 * The zod fields every area's schemas share (issue #18 item 2). Errors are message keys of `errors.*`
 * (the same keys the client-side forms show), never sentences. Schemas are read by the browser forms too
 * (zodResolver), so this module stays free of server code.
 */

/** The organization's slug an action names (`/[org]/…`). */
export const OrgSlug = z.string().min(1).max(64);

/** A row id; a malformed one is the same as one that does not exist. */
export const Id = z.uuid({ error: "notFound" });
/** A row id the user must choose (a select with no choice made). */
export const RequiredId = z.uuid({ error: "required" });
/** A row id or nothing: an empty select ("" or absent) is null. */
export const OptionalId = z
  .union([Id, z.literal("")])
  .optional()
  .transform((v) => (v ? v : null));

/** Free text up to `max` characters, trimmed; may be empty. */
export const Text = (max: number) => z.string().trim().max(max, { error: "tooLong" });
/** Text that must be filled (absent or blank: "required"). */
export const RequiredText = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
/** Text or nothing: blank or absent is stored as null. */
export const OptionalText = (max: number) => Text(max).optional().transform((v) => (v ? v : null));

const calendarDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
/**
 * A calendar date from a date input (yyyy-MM-dd) as the UTC midnight a `@db.Date` column stores
 * (decision 011: calendar dates are not instants, no zone applies).
 */
export const RequiredDate = z.iso.date({ error: "date" }).transform(calendarDay);
/** A calendar date or nothing (an empty date input is null). */
export const OptionalDate = z
  .union([z.iso.date({ error: "date" }), z.literal("")])
  .optional()
  .transform((v) => (v ? calendarDay(v) : null));

/** A form's repeated field as a list: absent, empty or an unticked checkbox is [], a lone value is [value]. */
export const asList = (v: unknown) => (v === undefined || v === "" || v === false || v === null ? [] : typeof v === "string" ? [v] : v);

/** Tags from a vocabulary (keys of `tags`), at most 30, duplicates dropped. */
export const TagList = <T extends Record<string, string>>(tags: T) =>
  z.preprocess(asList, z.array(z.enum(enumKeys(tags), { error: "unknownTag" })).max(30)).transform((list) => [...new Set(list)]);
