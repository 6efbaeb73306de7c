import { z } from "zod";
import { enumKeys } from "../actions/enum-keys";
import { MENTORING_FORMS } from "../domain/pairs";
import { noteLines, SWOT_NOTE_MAX, SWOT_NOTES_MAX } from "../domain/swot";
import { Id, OrgSlug, Text } from "../schemas/fields";

// The curator's SWOT lines of one form (decision 049): a textarea per quadrant, one line per item. Shared by the
// form and the action; errors are keys of `errors.*`.

/** A quadrant's textarea as its lines; the whole text is capped first so a huge paste is refused cheaply. */
const Lines = Text(SWOT_NOTES_MAX * (SWOT_NOTE_MAX + 2))
  .optional()
  .transform(noteLines)
  .pipe(z.array(z.string().max(SWOT_NOTE_MAX, { error: "swotLineTooLong" })).max(SWOT_NOTES_MAX, { error: "swotTooManyLines" }));

export const SaveSwotInput = z.object({
  org: OrgSlug,
  programId: Id,
  form: z.enum(enumKeys(MENTORING_FORMS), { error: "required" }),
  strengths: Lines,
  weaknesses: Lines,
  opportunities: Lines,
  threats: Lines,
});
export type SaveSwotInput = z.input<typeof SaveSwotInput>;
