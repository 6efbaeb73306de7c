import { describe, expect, it } from "vitest";
import { isLeavingNote, leavingNote, leavingRefusal, youngRetention, type EmployedPerson, type Words } from "./retention";
import { translator } from "../i18n/translator";
import { day } from "../../tests/setup/dates";

const teacher = (id: string, extra: Partial<EmployedPerson> = {}): EmployedPerson => ({ id, kind: "TEACHER", experienceYears: 1, hiredOn: null, leftOn: null, leaveReason: null, ...extra });

describe("young specialists' retention in an academic year (issue #16 item 4)", () => {
  // 2026/2027: 1 September 2026 – 31 August 2027.
  const people: EmployedPerson[] = [
    teacher("stays-mentored", { hiredOn: day("2026-08-25") }),
    teacher("left-mentored", { hiredOn: day("2026-09-01"), leftOn: day("2027-03-15"), leaveReason: "RELOCATION" }),
    teacher("left-alone", { leftOn: day("2026-12-30"), leaveReason: "CHANGED_PROFESSION" }),
    teacher("hired-alone", { hiredOn: day("2027-02-01") }),
    teacher("left-before-year", { leftOn: day("2026-06-30"), leaveReason: "OWN_WISH" }),
    teacher("hired-next-year", { hiredOn: day("2027-09-01") }),
    teacher("experienced", { experienceYears: 12, leftOn: day("2027-01-10"), leaveReason: "RETIREMENT" }),
    teacher("left-after-year", { leftOn: day("2027-09-10"), leaveReason: "TRANSFER" }),
    { ...teacher("student"), kind: "STUDENT" },
  ];
  const mentees = new Set(["stays-mentored", "left-mentored", "left-after-year"]);

  it("counts who worked in the year, who had a mentor and stayed, who left and why, who was hired and got a mentor", () => {
    expect(youngRetention(people, mentees, 2026)).toEqual({
      young: 5, // stays-mentored, left-mentored, left-alone, hired-alone, left-after-year
      mentored: 3,
      mentoredStayed: 2, // leaving after the year's end is not a leaving of this year
      retainedShare: 66.7,
      left: { mentored: 1, notMentored: 1, byReason: [{ reason: "CHANGED_PROFESSION", count: 1 }, { reason: "RELOCATION", count: 1 }] },
      hired: 2,
      hiredMentored: 1,
    });
  });

  it("has no share without mentored young specialists", () => {
    expect(youngRetention([teacher("a")], new Set(), 2026)).toMatchObject({ young: 1, mentored: 0, retainedShare: null });
  });
});

describe("recording a leaving", () => {
  const today = day("2027-05-20");
  it("refuses a day after today, before the hire date, or a person still in working pairs", () => {
    expect(leavingRefusal({ leftOn: day("2027-05-21"), hiredOn: null, livePairs: 0 }, today)).toBe("leftInFuture");
    expect(leavingRefusal({ leftOn: day("2027-01-01"), hiredOn: day("2027-02-01"), livePairs: 0 }, today)).toBe("leftBeforeHired");
    expect(leavingRefusal({ leftOn: day("2027-05-20"), hiredOn: null, livePairs: 1 }, today)).toBe("leavingWithPairs");
    expect(leavingRefusal({ leftOn: day("2027-05-20"), hiredOn: day("2027-05-20"), livePairs: 0 }, today)).toBeNull();
  });
  const words = (locale: "ru" | "en"): Words => {
    const t = translator(locale);
    return (key, values) => t(key as never, values as never);
  };
  it("words the inactivity note: stored in Russian, shown to an English reader in English", () => {
    const leaving = { leftOnText: "20.05.2027", reason: "OTHER" as const, note: "Декретный отпуск" };
    expect(leavingNote(words("ru"), leaving)).toBe("Выбыл(а) 20.05.2027: Другое (Декретный отпуск)");
    expect(leavingNote(words("ru"), { leftOnText: "31.05.2027", reason: "RELOCATION", note: null })).toBe("Выбыл(а) 31.05.2027: Переезд");
    expect(leavingNote(words("en"), { leftOnText: "31.05.2027", reason: "RELOCATION", note: null })).toBe("Left on 31.05.2027: Moved away");
    expect(isLeavingNote("Выбыл(а) 20.05.2027: Другое (Декретный отпуск)", leaving, words("ru"))).toBe(true);
    expect(isLeavingNote("Согласие отозвано: Заявление", leaving, words("ru"))).toBe(false);
    expect(isLeavingNote(null, leaving, words("ru"))).toBe(false);
  });
});
