import type { ReminderDraft } from "../../lib/domain/reminders";
import { reminderText } from "../../lib/reminders/text";

// Reminders in tests: a rule's draft as its Russian reader reads it, and a reminder cycle that logs nothing.

/** A draft as its Russian reader reads it (the words come from the messages, lib/reminders/text.ts). */
export const draftInRussian = (d: ReminderDraft | undefined) => reminderText({ kind: d!.kind, values: d!.values, title: null, body: null }, "ru");

/** The log of a reminder cycle whose lines a test does not read. */
export const silent = () => undefined;
