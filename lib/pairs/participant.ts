// A pair's participant as pages and documents describe them: an adult by position, a student by class.
// The query returns the parts; the words come from the reader's messages (pages) or the Russian ones (documents).

/** What the queries return of a participant besides the name. */
export type ParticipantParts = { student: boolean; grade: string | null; position: string | null };

/** The parts of a person record (kind STUDENT, its class; otherwise the position). */
export function participantParts(p: { kind: string; position: string | null; grade?: string | null }): ParticipantParts {
  return p.kind === "STUDENT" ? { student: true, grade: p.grade ?? null, position: null } : { student: false, grade: null, position: p.position };
}

/** The translator of the `personalProgram` namespace, as far as this needs it. */
type Words = (key: "participantStudent" | "participantStudentOfGrade", values?: { grade: string }) => string;

/** «обучающийся 7А класса», «обучающийся», a position, or null — in the words of `t`. */
export function participantDetails(t: Words, p: ParticipantParts): string | null {
  if (!p.student) return p.position;
  return p.grade ? t("participantStudentOfGrade", { grade: p.grade }) : t("participantStudent");
}
