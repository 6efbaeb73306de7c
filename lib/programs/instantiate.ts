import { parseDuePeriod } from "../domain/due-period";
import roadmaps from "../i18n/russian/data/program-roadmaps.json";
import { PASSPORT_INDICATORS, templateFor, type ProgramTemplateId } from "./templates";

// Rows a new program gets from its template: activities laid onto the academic year, and the
// passport indicators with targets for four consecutive years. Used by programs.create and the seed.

/** The school roadmap's deputy is a kindergarten's deputy head (старший воспитатель): a kindergarten has no «директор». */
const KINDERGARTEN_WORDS: { from: string; to: string }[] = roadmaps.kindergartenWording;

/** A new program's title when the curator gives none: «… на 2026/2027 учебный год» (the year as formatAcademicYear writes it). */
export function defaultProgramTitle(academicYear: string): string {
  return roadmaps.programTitle.replace("{year}", () => academicYear);
}

export function templateActivityRows(
  template: ProgramTemplateId,
  ids: { organizationId: string; programId: string },
  academicYear: number,
  options: { schoolKind?: string | null } = {},
) {
  const words = options.schoolKind === "KINDERGARTEN" ? KINDERGARTEN_WORDS : [];
  const reword = (text: string) => words.reduce((t, { from, to }) => t.replaceAll(from, to), text);
  return templateFor(template).flatMap((s) =>
    s.activities.map((a, i) => {
      const due = parseDuePeriod(a.due, academicYear);
      return {
        ...ids,
        academicYear,
        stage: s.stage,
        position: i,
        title: a.title,
        dueText: a.due,
        dueStart: due.start,
        dueEnd: due.end,
        recurrence: due.recurrence,
        responsibleText: reword(a.responsible),
        expectedResult: a.result ?? null,
        forSchools: a.forSchools ?? false,
      };
    }),
  );
}

export function templateIndicatorRows(template: ProgramTemplateId, ids: { organizationId: string; programId: string }, academicYear: number) {
  if (template === "empty") return [];
  return PASSPORT_INDICATORS.map((ind, i) => ({
    ...ids,
    kind: ind.kind,
    title: ind.title,
    position: i,
    targets: Object.fromEntries(ind.targets.map((t, k) => [String(academicYear + k), t])),
  }));
}
