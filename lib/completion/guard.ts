import "server-only";
import { refuse, type Refusal } from "../actions/result";
import type { Tx } from "../db";

// A completed program is read-only (stage 7 passed): its roadmap, passport, pairs, personalized programs,
// meetings and awards are no longer written. Reading and reporting go on.

/** The refusal for a write to a completed program's data, null while the program runs (or is not found). */
export async function completedProgramRefusal(tx: Tx, organizationId: string, programId: string): Promise<Refusal | null> {
  const program = await tx.mentoringProgram.findFirst({ where: { id: programId, organizationId }, select: { status: true } });
  return program?.status === "COMPLETED" ? refuse("CONFLICT", "programCompleted") : null;
}

/** The same, for a write to one pair's data (its status, program, plan, meetings). */
export async function completedPairProgramRefusal(tx: Tx, organizationId: string, pairId: string): Promise<Refusal | null> {
  const pair = await tx.pair.findFirst({ where: { id: pairId, organizationId }, select: { program: { select: { status: true } } } });
  return pair?.program.status === "COMPLETED" ? refuse("CONFLICT", "programCompleted") : null;
}
