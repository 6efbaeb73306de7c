import "server-only";
import type { Tx } from "../db";
import { academicYearEnd, academicYearStart } from "../domain/academic-year";
import { ACT_KINDS, type MonitoredActKind, type SchoolFacts } from "../domain/monitoring-indicators";
import { loadDistrictFigures } from "../monitoring/district";
import { assessmentGrowth, latestAssessment } from "../domain/effectiveness";

/**
 * What the indicator library reads about the school for the academic year, in the school's own scope (the
 * transaction is the school's): the district figures of itself (the same numbers its office's dashboard
 * shows), the acts registered by kind, the public section, meetings held, cases and awards of the year.
 * Null when the figures function returns no row (not a school).
 */
export async function loadSchoolFacts(tx: Tx, schoolId: string, year: number, today: Date): Promise<SchoolFacts | null> {
  const from = academicYearStart(year);
  const to = academicYearEnd(year);
  const [figures, acts, section, meetings, cases, awards] = await Promise.all([
    loadDistrictFigures(tx, schoolId, year, today),
    tx.localAct.findMany({ where: { organizationId: schoolId, kind: { in: [...ACT_KINDS] } }, select: { kind: true }, distinct: ["kind"] }),
    tx.publicSection.findFirst({ where: { organizationId: schoolId }, select: { publishedAt: true } }),
    tx.meeting.count({ where: { organizationId: schoolId, heldOn: { gte: from, lte: to } } }),
    tx.bestPractice.count({ where: { organizationId: schoolId, createdAt: { gte: from, lt: new Date(to.getTime() + 86_400_000) } } }),
    tx.award.count({ where: { organizationId: schoolId, awardedOn: { gte: from, lte: to } } }),
  ]);
  const own = figures.find((f) => f.schoolId === schoolId);
  if (!own) return null;
  const assessments = own.program
    ? await tx.questionnaire.findMany({
        where: { organizationId: schoolId, programId: own.program.id, status: "CLOSED", kind: { in: ["ASSESSMENT_BEFORE", "ASSESSMENT_AFTER"] } },
        select: { id: true, kind: true, comparedWithId: true, questions: true, recipients: { where: { answeredAt: { not: null } }, select: { answers: true } } },
        orderBy: [{ closedAt: "desc" }],
      })
    : [];
  const present = new Set(acts.map((a) => a.kind));
  const byKind = Object.fromEntries(ACT_KINDS.map((k) => [k, present.has(k)])) as Record<MonitoredActKind, boolean>;
  return { figures: own, acts: byKind, siteSectionPublished: !!section?.publishedAt, meetings, cases, awards, growth: assessmentGrowth(latestAssessment(assessments)) };
}
