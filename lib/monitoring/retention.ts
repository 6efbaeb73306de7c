import "server-only";
import type { Tx } from "../db";
import { MENTORED_PAIR_STATUSES, youngRetention, type YoungRetention } from "../domain/retention";

/**
 * The young specialists' retention of the school for its program's year (lib/domain/retention.ts); everyone recorded,
 * left people included. For the report; the dashboard gets the same figure from its one statement (./school.ts).
 */
export async function loadYoungRetention(tx: Tx, organizationId: string, programId: string, year: number): Promise<YoungRetention> {
  const [people, pairs] = await Promise.all([
    tx.person.findMany({ where: { organizationId, kind: "TEACHER" }, select: { id: true, kind: true, experienceYears: true, hiredOn: true, leftOn: true, leaveReason: true } }),
    tx.pair.findMany({ where: { organizationId, programId, status: { in: [...MENTORED_PAIR_STATUSES] } }, select: { mentees: { select: { mentee: { select: { personId: true } } } } } }),
  ]);
  const mentees = new Set(pairs.flatMap((p) => p.mentees.map((m) => m.mentee.personId)));
  return youngRetention(people, mentees, year);
}
