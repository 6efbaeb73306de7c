import { REMINDER_KINDS, type ReminderKind } from "../domain/reminders";
import { formatCalendarDate } from "../format";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

// A reminder worded for its reader (issue #18 item 4, decision 063). The rules store the kind and the values
// (lib/domain/reminders.ts), not sentences: the notifications page words them in the reader's language, the
// e-mail in the recipient account's — the same stored reminder reads in either. Reminders made before the
// migration 20261207060000 kept their Russian title and body: those are shown as they were stored.

/** A reminder as the database keeps it. */
export type StoredReminder = { kind: string; values: unknown; title: string | null; body: string | null };

/** The values that are calendar days (ISO "2026-11-30"): written out when read, as every date of the interface. */
const DATE_VALUES = new Set(["dueOn", "lastMeetingOn", "since", "closesOn"]);

const isReminderKind = (kind: string): kind is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(kind);

/**
 * The stored values as the message's arguments: an ISO day as the interface writes dates, a list of names
 * joined (with `<name>Count` for the plural of its noun), and a missing date as `none` — the messages choose
 * their wording on it (`{closesOn, select, none {…} other {…}}`); a date present is written out (30.11.2026), so it
 * never reads as `none`. Only dates are selected on; any other missing value is a dash.
 */
function messageArgs(values: unknown): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  const entries = values && typeof values === "object" && !Array.isArray(values) ? Object.entries(values) : [];
  for (const [name, value] of entries) {
    if (Array.isArray(value)) {
      args[name] = value.length ? value.join(", ") : "—";
      args[`${name}Count`] = value.length;
    } else if (value === null || value === undefined) args[name] = DATE_VALUES.has(name) ? "none" : "—";
    else if (DATE_VALUES.has(name) && typeof value === "string") args[name] = formatCalendarDate(new Date(`${value}T00:00:00Z`));
    else if (typeof value === "number") args[name] = value;
    else args[name] = String(value);
  }
  return args;
}

/** The title and body of a reminder in `locale`. */
export function reminderText(reminder: StoredReminder, locale: AppLocale): { title: string; body: string } {
  // Made before the messages (or by hand, as the security fixtures do): the text it was stored with.
  if (reminder.title !== null || !isReminderKind(reminder.kind)) return { title: reminder.title ?? reminder.kind, body: reminder.body ?? "" };
  const t = translator(locale);
  const args = messageArgs(reminder.values);
  return { title: t(`reminders.${reminder.kind}.title`, args), body: t(`reminders.${reminder.kind}.body`, args) };
}

/** The e-mail of a reminder in `locale`: the title as its subject, the body and the link (absolute when the app's address is known). */
export function reminderEmail(reminder: StoredReminder & { link: string | null }, locale: AppLocale, appUrl: string | null): { subject: string; text: string } {
  const { title, body } = reminderText(reminder, locale);
  if (!reminder.link) return { subject: title, text: body };
  const t = translator(locale);
  const href = appUrl ? `${appUrl.replace(/\/+$/, "")}${reminder.link}` : reminder.link;
  return { subject: title, text: [body, t("reminders.emailLink", { link: href }), t("letters.automatic")].join("\n\n") };
}
