import { NO_RESULTS } from "../../lib/domain/district-results";
import type { DistrictSchoolFigures } from "../../lib/domain/monitoring";

/**
 * A school's row of the district's monitoring, for the pure rules' tests: «Школа <id>» («СОШ <id>») of the district
 * «Округ», a program at stage 3, every act in place and nothing counted yet — a test overrides what its case is about.
 */
export function districtSchoolFigures(id: string, over: Partial<DistrictSchoolFigures> = {}): DistrictSchoolFigures {
  return {
    schoolId: id,
    name: `Школа ${id}`,
    shortName: `СОШ ${id}`,
    schoolKind: "GENERAL",
    municipalityId: "m1",
    municipalityName: "Округ",
    program: { id: `p${id}`, stage: 3, status: "ACTIVE" },
    acts: { regulation: true, roadmap: true, curator: true },
    pairs: { byOrder: 0, active: 0, completed: 0, dissolved: 0 },
    menteesInBank: 0,
    mentorsApproved: 0,
    teachers: 0,
    teachersInvolved: 0,
    youngSpecialists: 0,
    youngSpecialistsCovered: 0,
    students: 0,
    studentMentees: 0,
    studentMentors: 0,
    overdueActivities: 0,
    deadlinesDue: 0,
    deadlinesMet: 0,
    menteeSatisfaction: null,
    mentorSatisfaction: null,
    results: NO_RESULTS,
    ...over,
  };
}
