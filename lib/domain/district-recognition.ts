// District recognition and the office's public section (issue #17 items 4 and 5, docs/decisions/060): the rules the
// office's actions decide by. No database, no clock: today is an argument (the office's calendar day).
// The kinds' Russian words are the message files' (vocabulary.*, decision 063): documents and the audit log's record
// print them, pages translate the keys in the reader's language.
import words from "../i18n/messages/ru.vocabulary.json";

/** The kinds of a district award, in the words of the offices' orders. */
export const DISTRICT_AWARD_KINDS = words.vocabulary.districtAwardKind;
export type DistrictAwardKind = keyof typeof DISTRICT_AWARD_KINDS;

/** The kinds of an office's document shown in its public section. */
export const OFFICE_DOCUMENT_KINDS = words.vocabulary.officeDocumentKind;
export type OfficeDocumentKind = keyof typeof OFFICE_DOCUMENT_KINDS;

/** The earliest date an award or a document may carry: anything earlier is a mistyped year. */
const EARLIEST = Date.UTC(1990, 0, 1);

export type RecognitionRefusal = { key: "districtAwardFuture" | "districtAwardTooOld" | "districtAwardNoBasis" | "districtAwardNoTitle"; field: "awardedOn" | "basis" | "title" };

/**
 * Why an award cannot be recorded as given, or null: a date after the office's today or before 1990, a basis with no
 * letter or digit («—», «.»), an «иная награда» without its name.
 */
export function districtAwardRefusal(input: { kind: DistrictAwardKind; title: string | null; awardedOn: Date; basis: string }, today: Date): RecognitionRefusal | null {
  if (input.awardedOn.getTime() > today.getTime()) return { key: "districtAwardFuture", field: "awardedOn" };
  if (input.awardedOn.getTime() < EARLIEST) return { key: "districtAwardTooOld", field: "awardedOn" };
  if (!/[\p{L}\p{N}]/u.test(input.basis)) return { key: "districtAwardNoBasis", field: "basis" };
  if (input.kind === "OTHER" && !input.title?.trim()) return { key: "districtAwardNoTitle", field: "title" };
  return null;
}

/** What an award is called on a mentor's card and in the reports: the kind, or the own name of an «иная награда». */
export function districtAwardName(kind: DistrictAwardKind, title: string | null): string {
  return kind === "OTHER" && title?.trim() ? title.trim() : DISTRICT_AWARD_KINDS[kind];
}

/** Why an office's document date cannot be kept, or null (documents are dated the day they were issued). */
export function officeDocumentDateRefusal(issuedOn: Date, today: Date): "officeDocumentFuture" | "officeDocumentTooOld" | null {
  if (issuedOn.getTime() > today.getTime()) return "officeDocumentFuture";
  if (issuedOn.getTime() < EARLIEST) return "officeDocumentTooOld";
  return null;
}

/** The district awards of a school given within an academic year (1 September – 31 August), for its reports. */
export function awardsInAcademicYear<T extends { awardedOn: Date }>(awards: readonly T[], academicYear: number): T[] {
  const from = Date.UTC(academicYear, 8, 1);
  const to = Date.UTC(academicYear + 1, 8, 1);
  return awards.filter((a) => a.awardedOn.getTime() >= from && a.awardedOn.getTime() < to);
}
