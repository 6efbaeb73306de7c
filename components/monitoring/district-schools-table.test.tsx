import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sortSchools } from "@/lib/domain/district-order";
import { NO_RESULTS } from "@/lib/domain/district-results";
import { assessDistrict, type DistrictSchoolFigures } from "@/lib/domain/monitoring";
import { pageRows } from "@/lib/domain/paging";
import type { Tr } from "@/lib/monitoring/district-text";
import { DistrictSchoolsTable } from "./district-schools-table";

const figures = (i: number): DistrictSchoolFigures => ({
  schoolId: `s${i}`, name: `Школа №${i + 1}`, shortName: null, schoolKind: "GENERAL", municipalityId: "m1", municipalityName: "Округ",
  program: { id: `p${i}`, stage: (i % 7) + 1, status: "ACTIVE" }, acts: { regulation: true, roadmap: true, curator: true },
  pairs: { byOrder: 0, active: 0, completed: 0, dissolved: 0 }, menteesInBank: 0, mentorsApproved: 0, teachers: 0, teachersInvolved: 0,
  youngSpecialists: 0, youngSpecialistsCovered: 0, students: 0, studentMentees: 0, studentMentors: 0, overdueActivities: i % 3,
  deadlinesDue: 0, deadlinesMet: 0, menteeSatisfaction: null, mentorSatisfaction: null, results: NO_RESULTS,
});
const t: Tr = (key) => key;

// Issue #19 item 1: a district of 2,000 schools must not render 2,000 rows. The dashboard cuts its computed list to
// one page (app/(app)/[org]/district/page.tsx: pageRows of the sorted, filtered schools) and the table renders that.
describe("the district's schools table with 2,000 schools", () => {
  it("renders one page of 50 rows, not 2,000", () => {
    const schools = assessDistrict(Array.from({ length: 2000 }, (_, i) => figures(i)), { year: 2026, today: new Date(Date.UTC(2026, 8, 20)) }).schools;
    const page = pageRows(sortSchools(schools, "name", false), 50, 3);
    const html = renderToStaticMarkup(<DistrictSchoolsTable t={t} caption="Школы" schools={page.rows} showMunicipality={false} schoolHref={(id) => `/d/${id}`} />);
    expect(html.match(/<tr[\s>]/g)).toHaveLength(1 + 50);
    expect(html.match(/href="\/d\/s\d+"/g)).toHaveLength(50);
    // The third page: schools 101–150 in name order.
    expect(html).toContain(">Школа №101<");
    expect(html).toContain(">Школа №150<");
    expect(html).not.toContain(">Школа №151<");
    expect(html).not.toContain(">Школа №100<");
  });
});
