import { describe, expect, it } from "vitest";
import { sortSchools } from "./district-order";
import { assessDistrict, filterSchools, readSchoolFilter, type DistrictSchoolFigures } from "./monitoring";
import { pageRows } from "./paging";
import { districtSchoolFigures } from "../../tests/setup/figures";

/** A school's figures for the district's table: a program at `stage` (null: none), `overdue` activities. */
const schoolFigures = (id: string, name: string, stage: number | null, overdue = 0, municipalityName = "Округ") =>
  districtSchoolFigures(id, { name, shortName: null, program: stage === null ? null : { id: `p${id}`, stage, status: "ACTIVE" }, overdueActivities: overdue, municipalityName });

const TODAY = new Date(Date.UTC(2026, 8, 20));
const assess = (figures: DistrictSchoolFigures[]) => assessDistrict(figures, { year: 2026, today: TODAY }).schools;

describe("the district's schools table: search, order, page (issue #19)", () => {
  const schools = assess([
    schoolFigures("a", "МБОУ «СОШ №10»", 3, 2),
    schoolFigures("b", "МБОУ «СОШ №2»", 5, 0),
    schoolFigures("c", "МКДОУ д/с «Ромашка»", null, 7),
    schoolFigures("d", "БОУ «Ковалевская ООШ»", 3, 1, "Другой округ"),
  ]);
  const ids = (list: { schoolId: string }[]) => list.map((s) => s.schoolId);

  it("orders by name in Russian order with numbers as numbers, by municipality first", () => {
    expect(ids(sortSchools(schools, "name", false))).toEqual(["d", "b", "a", "c"]);
    expect(ids(sortSchools(schools, "name", true))).toEqual(["c", "a", "b", "d"]);
  });

  it("orders by stage, overdue activities and status, ties by name, and leaves its input alone", () => {
    expect(ids(sortSchools(schools, "stage", false))).toEqual(["c", "d", "a", "b"]);
    expect(ids(sortSchools(schools, "stage", true))).toEqual(["b", "d", "a", "c"]);
    expect(ids(sortSchools(schools, "overdue", true))).toEqual(["c", "a", "d", "b"]);
    const lagging = sortSchools(schools, "status", false);
    expect(lagging[0]!.lagging).toBe(true);
    expect(ids(schools)).toEqual(["a", "b", "c", "d"]);
  });

  it("finds schools by words of the name or the municipality, any case", () => {
    expect(ids(filterSchools(schools, readSchoolFilter({ q: "сош" })))).toEqual(["a", "b"]);
    expect(ids(filterSchools(schools, readSchoolFilter({ q: "  №2 " })))).toEqual(["b"]);
    expect(ids(filterSchools(schools, readSchoolFilter({ q: "другой ООШ" })))).toEqual(["d"]);
    expect(filterSchools(schools, readSchoolFilter({ q: "%" }))).toEqual([]);
  });

  it("2,000 schools: one page of 50, the last page, nothing lost or repeated", () => {
    const many = assess(Array.from({ length: 2000 }, (_, i) => schoolFigures(`s${i}`, `Школа №${i + 1}`, (i % 7) + 1, i % 4)));
    const sorted = sortSchools(many, "name", false);
    const first = pageRows(sorted, 50, undefined);
    expect(first).toMatchObject({ total: 2000, page: 1, pages: 40, from: 0, to: 50 });
    expect(first.rows.map((s) => s.name).slice(0, 3)).toEqual(["Школа №1", "Школа №2", "Школа №3"]);
    expect(pageRows(sorted, 50, 99_999)).toMatchObject({ page: 40, from: 1950, to: 2000 });
    const seen = new Set(Array.from({ length: 40 }, (_, p) => pageRows(sorted, 50, p + 1).rows.map((s) => s.schoolId)).flat());
    expect(seen.size).toBe(2000);
  });
});
