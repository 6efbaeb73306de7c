import { describe, expect, it } from "vitest";
import { MENTORING_FORMS, type MentoringForm } from "./pairs";
import {
  defaultPeriod,
  inactivitySince,
  insidePeriod,
  isGroup,
  meetingDateKey,
  meetingDeletable,
  programLengthKey,
  PROGRAM_TEMPLATES,
  templateFor,
  templateItems,
  templateMeetings,
  templateWorkingMode,
} from "./personal-programs";
import { day as d } from "../../tests/setup/dates";
import { MESSAGES } from "../i18n/config";

describe("template names", () => {
  it("the page names each template by its key; the Russian name is the template's title", () => {
    for (const template of Object.values(PROGRAM_TEMPLATES)) {
      expect(MESSAGES.ru.personalProgram.templateNames[template.key]).toBe(template.title);
      expect(MESSAGES.en.personalProgram.templateNames[template.key]).toBeTruthy();
    }
  });
});

describe("program period and meeting date keys", () => {
  it("names each reason of programLengthRefusal by its own key", () => {
    expect(programLengthKey(d("2026-10-01"), d("2027-01-01"), "TRADITIONAL")).toBeNull();
    expect(programLengthKey(d("2026-10-01"), d("2026-12-01"), "TRADITIONAL")).toBe("personalProgramTooShort");
    expect(programLengthKey(d("2026-10-01"), d("2027-11-01"), "TRADITIONAL")).toBe("personalProgramTooLong");
    expect(programLengthKey(d("2026-10-01"), d("2026-10-01"), "TRADITIONAL")).toBe("personalProgramEndsBeforeStart");
  });

  it("names each reason of meetingDateRefusal by its own key", () => {
    const program = { startsOn: d("2026-10-01"), endsOn: d("2027-05-31") };
    expect(meetingDateKey(d("2026-11-01"), program, d("2026-11-25"))).toBeNull();
    expect(meetingDateKey(d("2026-11-26"), program, d("2026-11-25"))).toBe("meetingInFuture");
    expect(meetingDateKey(d("2026-09-30"), program, d("2026-11-25"))).toBe("meetingOutsideProgram");
    expect(meetingDateKey(d("2026-09-30"), null, d("2026-11-25"))).toBeNull();
  });

  it("includes both ends of the period", () => {
    const period = { startsOn: d("2026-10-01"), endsOn: d("2027-05-31") };
    expect(insidePeriod(d("2026-10-01"), period)).toBe(true);
    expect(insidePeriod(d("2027-05-31"), period)).toBe(true);
    expect(insidePeriod(d("2026-09-30"), period)).toBe(false);
    expect(insidePeriod(d("2027-06-01"), period)).toBe(false);
  });
});

describe("templates", () => {
  it("has a template for every form of mentoring", () => {
    for (const form of Object.keys(MENTORING_FORMS) as MentoringForm[]) expect(templateFor(form, "TRADITIONAL").items.length).toBeGreaterThanOrEqual(6);
    expect(templateFor("TEACHER_TEACHER", "TRADITIONAL").title).toBe("Адаптация молодого педагога");
    expect(templateFor("TEACHER_STUDENT", "GROUP").title).toBe("Повышение образовательных результатов");
    expect(templateFor("EMPLOYER_PUPIL", "SHORT_TERM").key).toBe("CAREER");
  });

  it("gives speed and situational mentoring the short plan, and fills every section of the program", () => {
    expect(templateFor("TEACHER_TEACHER", "SPEED").key).toBe("SHORT_PLAN");
    expect(templateFor("TEACHER_STUDENT", "SITUATIONAL").key).toBe("SHORT_PLAN");
    for (const template of Object.values(PROGRAM_TEMPLATES)) {
      for (const text of [template.goals, template.tasks, template.intermediateResults, template.expectedResults]) expect(text.length).toBeGreaterThan(20);
      expect(template.meetings.length).toBeGreaterThanOrEqual(1);
    }
    expect(templateWorkingMode("VIRTUAL")).toBe("REMOTE");
    expect(templateWorkingMode("TRADITIONAL")).toBe("IN_PERSON");
  });

  it("places the template's meetings inside the period; a one-day speed program has them all on that day", () => {
    const schedule = templateMeetings(PROGRAM_TEMPLATES.TEACHER_ADAPTATION, d("2026-10-01"), d("2027-05-31"));
    expect(schedule[0]!.kind).toBe("INTRO");
    expect(schedule.at(-1)).toMatchObject({ kind: "FINAL", plannedOn: d("2027-05-31") });
    for (const m of schedule) expect(insidePeriod(m.plannedOn, { startsOn: d("2026-10-01"), endsOn: d("2027-05-31") })).toBe(true);
    const speed = templateMeetings(PROGRAM_TEMPLATES.SHORT_PLAN, d("2026-10-05"), d("2026-10-05"));
    expect(speed).toEqual([{ kind: "REGULAR", topic: expect.any(String), plannedOn: d("2026-10-05") }]);
  });

  it("covers the adaptation steps of a young teacher in 6 to 8 items", () => {
    const titles = PROGRAM_TEMPLATES.TEACHER_ADAPTATION.items.map((i) => i.title.toLowerCase()).join("\n");
    expect(PROGRAM_TEMPLATES.TEACHER_ADAPTATION.items.length).toBeLessThanOrEqual(8);
    for (const step of ["нормативной базой", "посещение уроков наставника", "планирование уроков", "взаимопосещение", "родител", "открытый урок", "рефлексия"]) {
      expect(titles).toContain(step);
    }
  });

  it("spreads the items over the period, in order, the last on the last day", () => {
    for (const template of Object.values(PROGRAM_TEMPLATES)) {
      const items = templateItems(template, d("2026-10-01"), d("2027-05-31"));
      expect(items).toHaveLength(template.items.length);
      for (const item of items) expect(insidePeriod(item.dueOn, { startsOn: d("2026-10-01"), endsOn: d("2027-05-31") })).toBe(true);
      const times = items.map((i) => i.dueOn.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(items.at(-1)!.dueOn).toEqual(d("2027-05-31"));
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i));
    }
    // A three-month program still keeps every date inside it.
    const short = templateItems(PROGRAM_TEMPLATES.TEACHER_ADAPTATION, d("2026-10-01"), d("2027-01-01"));
    expect(short[0]!.dueOn.getTime()).toBeGreaterThanOrEqual(d("2026-10-01").getTime());
  });

  it("takes the pair's dates when they make a valid period, otherwise nine months from today", () => {
    const T = "TRADITIONAL" as const;
    expect(defaultPeriod({ startsOn: d("2026-10-01"), endsOn: d("2027-05-31"), type: T }, d("2026-11-25"))).toEqual({ startsOn: d("2026-10-01"), endsOn: d("2027-05-31") });
    expect(defaultPeriod({ startsOn: null, endsOn: null, type: T }, new Date("2026-11-25T15:30:00Z"))).toEqual({ startsOn: d("2026-11-25"), endsOn: d("2027-08-25") });
    expect(defaultPeriod({ startsOn: d("2026-10-01"), endsOn: d("2026-11-01"), type: T }, d("2026-11-25"))).toEqual({ startsOn: d("2026-10-01"), endsOn: d("2027-07-01") });
    // A speed pair: its one-month dates fit; without dates, two weeks.
    expect(defaultPeriod({ startsOn: d("2026-10-01"), endsOn: d("2026-11-01"), type: "SPEED" }, d("2026-11-25"))).toEqual({ startsOn: d("2026-10-01"), endsOn: d("2026-11-01") });
    expect(defaultPeriod({ startsOn: null, endsOn: null, type: "SPEED" }, d("2026-11-25"))).toEqual({ startsOn: d("2026-11-25"), endsOn: d("2026-12-09") });
  });
});

describe("pairs at work", () => {
  it("a group has two or more mentees", () => {
    expect(isGroup(1)).toBe(false);
    expect(isGroup(2)).toBe(true);
  });

  it("expects meetings from the approval, or from the program's start when later", () => {
    expect(inactivitySince({ approvedOn: d("2026-10-01"), createdAt: d("2026-09-20"), programStartsOn: null })).toEqual(d("2026-10-01"));
    expect(inactivitySince({ approvedOn: d("2026-10-01"), createdAt: d("2026-09-20"), programStartsOn: d("2026-11-01") })).toEqual(d("2026-11-01"));
    expect(inactivitySince({ approvedOn: null, createdAt: d("2026-09-20"), programStartsOn: d("2026-09-01") })).toEqual(d("2026-09-20"));
  });

  it("lets staff delete any meeting, others only their own within a day", () => {
    const meeting = { loggedById: "u1", createdAt: new Date("2026-11-25T08:00:00Z") };
    expect(meetingDeletable(meeting, "u1", false, new Date("2026-11-25T20:00:00Z"))).toBe(true);
    expect(meetingDeletable(meeting, "u1", false, new Date("2026-11-26T09:00:00Z"))).toBe(false);
    expect(meetingDeletable(meeting, "u2", false, new Date("2026-11-25T09:00:00Z"))).toBe(false);
    expect(meetingDeletable(meeting, "u2", true, new Date("2027-01-01T00:00:00Z"))).toBe(true);
  });
});
