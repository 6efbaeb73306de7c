import type { AssessedSchool } from "./monitoring";

/** The columns the district's schools table sorts by (its headers' links; the .xlsx export keeps the same order). */
export const DISTRICT_SORT_COLUMNS = ["name", "stage", "overdue", "status"] as const;
export type DistrictSortColumn = (typeof DISTRICT_SORT_COLUMNS)[number];

const collator = new Intl.Collator("ru", { numeric: true });
const byName = (a: AssessedSchool, b: AssessedSchool) =>
  collator.compare(a.municipalityName ?? "", b.municipalityName ?? "") || collator.compare(a.shortName ?? a.name, b.shortName ?? b.name) || a.schoolId.localeCompare(b.schoolId);

/**
 * The district's schools in the order asked (a new array): by name (municipality, then the short name, in Russian
 * order), by stage (the program's rank), by overdue activities, or by status (lagging first). Ties go by name, so a
 * page boundary never moves between requests.
 */
export function sortSchools<T extends AssessedSchool>(schools: T[], column: DistrictSortColumn, descending: boolean): T[] {
  const key: Record<DistrictSortColumn, (s: AssessedSchool) => number> = {
    name: () => 0,
    stage: (s) => s.rank,
    overdue: (s) => s.overdueActivities,
    status: (s) => (s.lagging ? 0 : 1),
  };
  const sign = descending ? -1 : 1;
  return [...schools].sort((a, b) => {
    const primary = key[column](a) - key[column](b);
    return primary !== 0 ? sign * primary : (column === "name" ? sign : 1) * byName(a, b);
  });
}
