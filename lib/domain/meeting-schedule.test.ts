import { describe, expect, it } from "vitest";
import { matchPlannedMeeting, plannedLinkKey, plannedMeetingState, scheduleSummary } from "./meeting-schedule";
import { approvalKey, planChanged, planItemChanged } from "./program-approval";
import { day as d } from "../../tests/setup/dates";

const planned = [
  { id: "a", plannedOn: d("2026-10-05"), kind: "INTRO" as const, meetingId: "m1" },
  { id: "b", plannedOn: d("2026-10-12"), kind: "PLANNING" as const, meetingId: null },
  { id: "c", plannedOn: d("2026-11-20"), kind: "REGULAR" as const, meetingId: null },
];

describe("planned meetings become held ones", () => {
  it("states: held when linked, overdue when its day passed, planned otherwise", () => {
    expect(plannedMeetingState(planned[0]!, d("2026-11-01"))).toBe("HELD");
    expect(plannedMeetingState(planned[1]!, d("2026-11-01"))).toBe("OVERDUE");
    expect(plannedMeetingState(planned[1]!, d("2026-10-12"))).toBe("PLANNED");
    expect(scheduleSummary(planned, d("2026-11-01"))).toEqual({ HELD: 1, OVERDUE: 1, PLANNED: 1 });
  });

  it("offers the open planned meeting of the same day and kind", () => {
    expect(matchPlannedMeeting(planned, { kind: "PLANNING", heldOn: d("2026-10-12") })?.id).toBe("b");
    expect(matchPlannedMeeting(planned, { kind: "REGULAR", heldOn: d("2026-10-12") })).toBeNull();
    expect(matchPlannedMeeting(planned, { kind: "INTRO", heldOn: d("2026-10-05") })).toBeNull();
  });

  it("links a chosen planned meeting only when it is open and of the same kind", () => {
    expect(plannedLinkKey(planned[1]!, { kind: "PLANNING" })).toBeNull();
    expect(plannedLinkKey(planned[0]!, { kind: "INTRO" })).toBe("plannedMeetingAlreadyHeld");
    expect(plannedLinkKey(planned[2]!, { kind: "FINAL" })).toBe("plannedMeetingKindMismatch");
    expect(plannedLinkKey(null, { kind: "FINAL" })).toBe("plannedMeetingNotFound");
  });
});

describe("approval of the program", () => {
  const plan = {
    startsOn: d("2026-10-01"),
    endsOn: d("2027-05-31"),
    direction: "Адаптация",
    goals: "Цель",
    tasks: null,
    workingMode: "IN_PERSON",
    difficulties: ["A", "B"],
    intermediateResults: "Промежуточные",
    expectedResults: "Итоговые",
  };
  it("sees a change of the plan, not a reordering of difficulties", () => {
    expect(planChanged(plan, { ...plan, difficulties: ["B", "A"], endsOn: d("2027-05-31") })).toBe(false);
    expect(planChanged(plan, { ...plan, workingMode: "MIXED" })).toBe(true);
    expect(planChanged(plan, { ...plan, tasks: "1. Задача" })).toBe(true);
    expect(planChanged(plan, { ...plan, endsOn: d("2027-06-01") })).toBe(true);
  });
  it("counts a new item or a new title or date as a change, not its status", () => {
    expect(planItemChanged(null, { title: "X", dueOn: d("2026-10-01") })).toBe(true);
    expect(planItemChanged({ title: "X", dueOn: d("2026-10-01") }, { title: "X", dueOn: d("2026-10-01") })).toBe(false);
    expect(planItemChanged({ title: "X", dueOn: d("2026-10-01") }, { title: "X", dueOn: d("2026-10-02") })).toBe(true);
  });
  it("approves only the draft version read, with a plan", () => {
    expect(approvalKey({ status: "DRAFT", version: 3, items: 2 }, 3)).toBeNull();
    expect(approvalKey({ status: "DRAFT", version: 4, items: 2 }, 3)).toBe("personalProgramChangedSinceRead");
    expect(approvalKey({ status: "APPROVED", version: 3, items: 2 }, 3)).toBe("personalProgramAlreadyApproved");
    expect(approvalKey({ status: "DRAFT", version: 1, items: 0 }, 1)).toBe("personalProgramNothingToApprove");
  });
});
