import { isLeavingNote, leavingNote, type LeaveReason, type Words } from "../domain/retention";
import { formatCalendarDate } from "../format";
import { translator } from "../i18n/translator";

// A leaving (lib/people/employment-actions.ts) stores its note in Russian in the free-text columns that also hold what
// people type (the person's inactivity, a bank entry's reason for leaving). A page words that note again, from the
// card's leaving, in the reader's language (components/i18n/reader-words.ts); any other note shows as it was stored.

/** The leaving as the person's card keeps it (Person.leftOn, leaveReason, leaveNote). */
export type LeavingFields = { leftOn: Date | null; leaveReason: LeaveReason | null; leaveNote: string | null };

const ru = translator("ru");
/** The stored notes' words: Russian, whatever the reader's language. */
export const russianWords: Words = (key, values) => ru(key as never, values as never);

/** The stored note in the reader's words when the leaving wrote it, else as stored. */
export function rewordLeavingNote(stored: string, person: LeavingFields, reader: Words): string {
  if (!person.leftOn || !person.leaveReason) return stored;
  const leaving = { leftOnText: formatCalendarDate(person.leftOn), reason: person.leaveReason, note: person.leaveNote };
  return isLeavingNote(stored, leaving, russianWords) ? leavingNote(reader, leaving) : stored;
}
