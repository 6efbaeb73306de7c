import { parseDuePeriod } from "../domain/due-period";
import { PASSPORT_INDICATORS, templateFor, type ProgramTemplateId } from "./templates";

// Rows a new program gets from its template: activities laid onto the academic year, and the
// passport indicators with targets for four consecutive years. Used by programs.create and the seed.

export function templateActivityRows(template: ProgramTemplateId, ids: { organizationId: string; programId: string }, academicYear: number) {
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
        responsibleText: a.responsible,
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
