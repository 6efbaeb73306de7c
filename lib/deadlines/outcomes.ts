import "server-only";
import type { Tx } from "../db";
import { deadlineTiming, type DeadlineTiming } from "../domain/deadline-timing";

// When each school did each district deadline (district_deadline_completions(), decision 047) and how that
// compares with the deadline (lib/domain/deadline-timing.ts). Used by the school's roadmap, the district
// dashboard and the annual report — one source for all three.

type Row = { school_id: string; time_zone: string; deadline_id: string; title: string; due_end: Date; done_on: Date | null; done_at: Date | null };

export type DeadlineOutcome = { deadlineId: string; title: string; dueEnd: Date; timing: DeadlineTiming };

/** Per school of the scoped organization (itself when a school): its deadlines of the year, each with its timing at `today`. */
export async function loadDeadlineOutcomes(tx: Tx, organizationId: string, year: number, today: Date): Promise<Map<string, DeadlineOutcome[]>> {
  const rows = await tx.$queryRaw<Row[]>`SELECT * FROM district_deadline_completions(${organizationId}::uuid, ${year}::integer)`;
  const out = new Map<string, DeadlineOutcome[]>();
  for (const r of rows) {
    const list = out.get(r.school_id) ?? [];
    list.push({ deadlineId: r.deadline_id, title: r.title, dueEnd: r.due_end, timing: deadlineTiming({ dueEnd: r.due_end }, { on: r.done_on, at: r.done_at }, r.time_zone, today) });
    out.set(r.school_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.dueEnd.getTime() - b.dueEnd.getTime() || a.title.localeCompare(b.title, "ru"));
  return out;
}

/** The figures the dashboard and the report add per school: deadlines due (done, or past their day), met on time, and the late ones. */
export function deadlineFigures(outcomes: DeadlineOutcome[]): { due: number; onTime: number; late: { title: string; daysLate: number }[] } {
  let due = 0;
  let onTime = 0;
  const late: { title: string; daysLate: number }[] = [];
  for (const o of outcomes) {
    if (o.timing.status === "pending") continue;
    due += 1;
    if (o.timing.status === "onTime") onTime += 1;
    if (o.timing.status === "late") late.push({ title: o.title, daysLate: o.timing.daysLate });
  }
  return { due, onTime, late };
}
