// The personalized program's meeting schedule (график встреч): planned meetings become held ones when
// the meeting is logged (docs/decisions/028). Pure rules; the actions in lib/pairs turn the keys into
// field errors.
import { dayOf, type MeetingKind } from "./pairs";

export type PlannedMeetingLike = { id: string; plannedOn: Date; kind: MeetingKind; meetingId: string | null };
export type PlannedMeetingState = "HELD" | "OVERDUE" | "PLANNED";

/** Held when a logged meeting is linked; overdue when its day has passed without one; planned otherwise. */
export function plannedMeetingState(planned: { plannedOn: Date; meetingId: string | null }, today: Date): PlannedMeetingState {
  if (planned.meetingId) return "HELD";
  return dayOf(planned.plannedOn).getTime() < dayOf(today).getTime() ? "OVERDUE" : "PLANNED";
}

/** The open planned meeting of that day and kind that a logged meeting holds, or null. */
export function matchPlannedMeeting<T extends PlannedMeetingLike>(planned: T[], meeting: { kind: MeetingKind; heldOn: Date }): T | null {
  const day = dayOf(meeting.heldOn).getTime();
  return planned.find((p) => !p.meetingId && p.kind === meeting.kind && dayOf(p.plannedOn).getTime() === day) ?? null;
}

export type PlannedLinkKey = "plannedMeetingNotFound" | "plannedMeetingAlreadyHeld" | "plannedMeetingKindMismatch";

/**
 * May the meeting being logged hold this planned meeting? It must be the program's, not held yet, and
 * of the same kind (a meeting held on another day than planned still holds it: late is still held).
 */
export function plannedLinkKey(planned: PlannedMeetingLike | null, meeting: { kind: MeetingKind }): PlannedLinkKey | null {
  if (!planned) return "plannedMeetingNotFound";
  if (planned.meetingId) return "plannedMeetingAlreadyHeld";
  if (planned.kind !== meeting.kind) return "plannedMeetingKindMismatch";
  return null;
}

/** Counts for the page: planned (open, not overdue), overdue, held. */
export function scheduleSummary(planned: { plannedOn: Date; meetingId: string | null }[], today: Date): Record<PlannedMeetingState, number> {
  const out: Record<PlannedMeetingState, number> = { HELD: 0, OVERDUE: 0, PLANNED: 0 };
  for (const p of planned) out[plannedMeetingState(p, today)] += 1;
  return out;
}
