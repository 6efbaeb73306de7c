import "server-only";
import { refuse, type Refusal } from "../actions/result";
import { completedProgramRefusal } from "../completion/guard";
import type { Tx } from "../db";
import { mayEditProgram, type PairAccessCtx } from "./access";
import { programAccess, type ProgramAccess, type ProgramKey } from "./program-access";

// Shared by the program's actions (lib/pairs/personal-program-actions.ts, meeting-schedule-actions.ts):
// who may write the plan now, and what a change of the plan does to the curator's approval.

/** The pair (a school pair or a cross-school pair this school owns), if this user may write its program now; otherwise the refusal. */
export async function editablePair(tx: Tx, ctx: PairAccessCtx, pairId: string): Promise<ProgramAccess | Refusal> {
  const access = await programAccess(tx, ctx, pairId);
  if (!access) return refuse("NOT_FOUND", "notFound");
  if (!mayEditProgram(access, ctx)) return refuse("FORBIDDEN", "personalProgramReadOnlyForYou");
  const completed = await completedProgramRefusal(tx, ctx.organization.id, access.pair.programId);
  if (completed) return completed;
  const status = access.pair.status;
  if (status === "PROPOSED") return refuse("CONFLICT", "personalProgramBeforeApproval");
  if (status !== "APPROVED" && status !== "ACTIVE") return refuse("CONFLICT", "personalProgramPairClosed");
  return access;
}

/** The program hanging on this pair (`access.key`: a school pair's or a cross-school pair's). */
export function programOf(tx: Tx, organizationId: string, key: ProgramKey) {
  return tx.personalProgram.findFirst({
    where: { organizationId, ...key },
    select: { id: true, startsOn: true, endsOn: true, status: true, version: true, _count: { select: { items: true, plannedMeetings: true } } },
  });
}

/**
 * The plan changed (items, schedule, period, texts): a new version, and a draft again — an approved
 * program needs a new approval (decision 028). Returns whether it was approved before the change.
 */
export async function planTouched(tx: Tx, organizationId: string, programId: string): Promise<boolean> {
  const before = await tx.personalProgram.findFirst({ where: { id: programId, organizationId }, select: { status: true } });
  await tx.personalProgram.updateMany({ where: { id: programId, organizationId }, data: { status: "DRAFT", version: { increment: 1 } } });
  return before?.status === "APPROVED";
}
