import { describe, expect, it } from "vitest";
import { awardsInAcademicYear, districtAwardName, districtAwardRefusal, officeDocumentDateRefusal } from "./district-recognition";
import { day } from "../../tests/setup/dates";

const today = day("2027-05-20");
const award = { kind: "LETTER_OF_THANKS" as const, title: null, awardedOn: day("2027-05-20"), basis: "Приказ № 112 от 20.05.2027" };

describe("districtAwardRefusal", () => {
  it("accepts an award of today with a basis", () => {
    expect(districtAwardRefusal(award, today)).toBeNull();
  });
  it("refuses a date after the office's today", () => {
    expect(districtAwardRefusal({ ...award, awardedOn: day("2027-05-21") }, today)).toEqual({ key: "districtAwardFuture", field: "awardedOn" });
  });
  it("refuses a mistyped year", () => {
    expect(districtAwardRefusal({ ...award, awardedOn: day("0027-05-20") }, today)?.key).toBe("districtAwardTooOld");
  });
  it("refuses a basis with no letter or digit", () => {
    expect(districtAwardRefusal({ ...award, basis: " — . " }, today)).toEqual({ key: "districtAwardNoBasis", field: "basis" });
    expect(districtAwardRefusal({ ...award, basis: "" }, today)?.key).toBe("districtAwardNoBasis");
  });
  it("asks an «иная награда» for its name", () => {
    expect(districtAwardRefusal({ ...award, kind: "OTHER", title: "  " }, today)).toEqual({ key: "districtAwardNoTitle", field: "title" });
    expect(districtAwardRefusal({ ...award, kind: "OTHER", title: "Премия главы округа" }, today)).toBeNull();
  });
});

describe("districtAwardName", () => {
  it("names the kind, or the own name of another award", () => {
    expect(districtAwardName("CERTIFICATE", null)).toBe("Почётная грамота");
    expect(districtAwardName("BADGE", "ignored")).toBe("Нагрудный знак");
    expect(districtAwardName("OTHER", " Премия главы ")).toBe("Премия главы");
    expect(districtAwardName("OTHER", null)).toBe("Иная награда");
  });
});

describe("officeDocumentDateRefusal", () => {
  it("keeps a past date and refuses a future or mistyped one", () => {
    expect(officeDocumentDateRefusal(day("2026-08-30"), today)).toBeNull();
    expect(officeDocumentDateRefusal(day("2027-05-21"), today)).toBe("officeDocumentFuture");
    expect(officeDocumentDateRefusal(day("1900-01-01"), today)).toBe("officeDocumentTooOld");
  });
});

describe("awardsInAcademicYear", () => {
  it("takes 1 September to 31 August", () => {
    const rows = ["2026-08-31", "2026-09-01", "2027-08-31", "2027-09-01"].map((d) => ({ awardedOn: day(d) }));
    expect(awardsInAcademicYear(rows, 2026).map((r) => r.awardedOn.toISOString().slice(0, 10))).toEqual(["2026-09-01", "2027-08-31"]);
  });
});
