// Approval of a personalized program by the curator (or the director) — «согласование с куратором»
// (docs/decisions/028). The approved version is the plan as it was read: changing the plan afterwards
// returns the program to the draft; recording progress (item statuses and results, achieved results,
// logged meetings) does not.

/** The fields that make the plan: a change of any of them needs a new approval. */
export type PlanFields = {
  startsOn: Date;
  endsOn: Date;
  direction: string;
  goals: string;
  tasks: string | null;
  workingMode: string | null;
  difficulties: string[];
  intermediateResults: string | null;
  expectedResults: string;
};

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Array.isArray(a) && Array.isArray(b) ? [...a].sort().join("\n") === [...b].sort().join("\n") : (a ?? null) === (b ?? null);

/** Did the plan change between these two versions? */
export function planChanged(before: PlanFields, after: PlanFields): boolean {
  return (Object.keys(after) as (keyof PlanFields)[]).some((key) => !same(before[key], after[key]));
}

/** Does a changed plan item count as a change of the plan? Its title or due date do; status and result do not. */
export function planItemChanged(before: { title: string; dueOn: Date } | null, after: { title: string; dueOn: Date }): boolean {
  return !before || before.title !== after.title || before.dueOn.getTime() !== after.dueOn.getTime();
}

export type ApprovalKey = "personalProgramAlreadyApproved" | "personalProgramChangedSinceRead" | "personalProgramNothingToApprove";

/** May this version be approved now? Only the draft the approver read (its version), with a plan item. */
export function approvalKey(program: { status: "DRAFT" | "APPROVED"; version: number; items: number }, seenVersion: number): ApprovalKey | null {
  if (program.version !== seenVersion) return "personalProgramChangedSinceRead";
  if (program.status === "APPROVED") return "personalProgramAlreadyApproved";
  if (program.items === 0) return "personalProgramNothingToApprove";
  return null;
}
