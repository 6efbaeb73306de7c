import "server-only";
import type { Tx } from "../db";
import type { PairStatus } from "../domain/pairs";
import { youngRetention, type YoungRetention } from "../domain/retention";

/** Pairs whose mentees count as mentored: approved by order or later — a dissolved pair too (its mentee may have left). */
const MENTORED: PairStatus[] = ["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED"];

/** The young specialists' retention of the school for its program's year (lib/domain/retention.ts); everyone recorded, left people included. */
export async function loadYoungRetention(tx: Tx, organizationId: string, programId: string, year: number): Promise<YoungRetention> {
  const [people, pairs] = await Promise.all([
    tx.person.findMany({ where: { organizationId, kind: "TEACHER" }, select: { id: true, kind: true, experienceYears: true, hiredOn: true, leftOn: true, leaveReason: true } }),
    tx.pair.findMany({ where: { organizationId, programId, status: { in: MENTORED } }, select: { mentees: { select: { mentee: { select: { personId: true } } } } } }),
  ]);
  const mentees = new Set(pairs.flatMap((p) => p.mentees.map((m) => m.mentee.personId)));
  return youngRetention(people, mentees, year);
}
