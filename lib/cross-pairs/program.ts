import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { Tx } from "../db";
import { plannedMeetingState, scheduleSummary } from "../domain/meeting-schedule";
import type { MeetingKind } from "../domain/pairs";
import type { PlanItemStatus, WorkingMode } from "../domain/personal-programs";

// The personalized program of a cross-school pair as the MENTOR's school reads it (docs/decisions/062): the plan —
// goals, tasks, period, results, plan items, meeting schedule, approval — never the mentee's difficulties. That
// school has no policy on PersonalProgram, PlanItem or PlannedMeeting; it reads through cross_school_pair_plan()
// (SECURITY DEFINER, only the columns allowed, only for its own pairs). The owner, the mentee's school, writes and
// reads the program with the school pair's code (lib/pairs/program-access.ts).

type PlanJson = {
  id: string; startsOn: string; endsOn: string; direction: string; goals: string; tasks: string | null; workingMode: WorkingMode | null;
  intermediateResults: string | null; expectedResults: string; achievedResults: string | null; status: "DRAFT" | "APPROVED";
  version: number; approvedVersion: number | null; approvedAt: string | null; approvedBy: string | null; updatedAt: string;
  items: { id: string; title: string; dueOn: string; status: PlanItemStatus; result: string | null; position: number }[];
  plannedMeetings: { id: string; plannedOn: string; kind: MeetingKind; topic: string }[];
};

/** A JSON date (`2026-09-01`) or timestamp without a zone (stored in UTC) as a Date. */
function when(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
}

export type CrossPairPlan = ReturnType<typeof shape>;

function shape(plan: PlanJson) {
  return {
    id: plan.id,
    startsOn: when(plan.startsOn),
    endsOn: when(plan.endsOn),
    direction: plan.direction,
    goals: plan.goals,
    tasks: plan.tasks,
    workingMode: plan.workingMode,
    intermediateResults: plan.intermediateResults,
    expectedResults: plan.expectedResults,
    achievedResults: plan.achievedResults,
    status: plan.status,
    version: plan.version,
    approvedAt: plan.approvedAt ? when(plan.approvedAt) : null,
    approvedBy: plan.approvedBy ? { name: plan.approvedBy } : null,
    items: plan.items.map((i) => ({ ...i, dueOn: when(i.dueOn) })),
    plannedMeetings: plan.plannedMeetings.map((m) => ({ ...m, plannedOn: when(m.plannedOn) })),
  };
}

/** The plan through the SECURITY DEFINER function, or null (no program, or not a pair of this school). */
export async function loadCrossPairPlan(tx: Tx, organizationId: string, crossPairId: string): Promise<CrossPairPlan | null> {
  const [row] = await tx.$queryRaw<{ plan: PlanJson | null }[]>`SELECT cross_school_pair_plan(${organizationId}::uuid, ${crossPairId}::uuid) AS plan`;
  return row?.plan ? shape(row.plan) : null;
}

type Planned = { id: string; plannedOn: Date; kind: MeetingKind; topic: string };

/**
 * The meeting schedule's states for a cross-school pair: its meetings are CrossSchoolMeeting rows, not linked to the
 * schedule, so a planned meeting counts as held when a meeting of its kind was logged on its day.
 */
export function crossSchedule(planned: Planned[], meetings: { kind: string; heldOn: Date }[], today: Date) {
  const held = new Set(meetings.map((m) => `${m.kind}|${m.heldOn.toISOString().slice(0, 10)}`));
  const rows = planned.map((p) => {
    const match = held.has(`${p.kind}|${p.plannedOn.toISOString().slice(0, 10)}`);
    return { ...p, meetingId: match ? p.id : null };
  });
  const summary = scheduleSummary(rows, today);
  return {
    meetings: rows.map((p) => ({
      id: p.id, plannedOn: p.plannedOn, kind: p.kind, topic: p.topic, meetingId: p.meetingId, meeting: p.meetingId ? { heldOn: p.plannedOn } : null,
      heldOn: p.meetingId ? p.plannedOn : null,
      state: plannedMeetingState(p, today),
    })),
    summary,
  };
}

/** The mentor's school's read of the plan, for its page; null when the school may not see the pair (→ 404). */
export function crossPairPlan(ctx: TenantContext, crossPairId: string) {
  return readTenant(ctx, (tx) => loadCrossPairPlan(tx, ctx.organization.id, crossPairId));
}
