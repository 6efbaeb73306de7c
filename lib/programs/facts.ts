import type { Tx } from "../db";
import type { ProgramFacts } from "../domain/stages";

/**
 * The facts the stage rules read, from the program's own tables. Banks, pairs and surveys are not
 * kept in the app yet: they are null, which the rules report as unmet with that reason.
 */
export async function loadProgramFacts(tx: Tx, organizationId: string, program: { id: string; stage: number; curatorId: string | null }): Promise<ProgramFacts> {
  const [acts, activities] = await Promise.all([
    tx.localAct.findMany({
      where: { organizationId, status: "APPROVED", OR: [{ programId: program.id }, { programId: null }] },
      select: { kind: true },
    }),
    tx.roadmapActivity.findMany({
      where: { organizationId, programId: program.id, stage: program.stage },
      select: { title: true, status: true, recurrence: true },
      orderBy: { position: "asc" },
    }),
  ]);
  return {
    stage: program.stage,
    curatorAssigned: Boolean(program.curatorId),
    approvedActKinds: acts.map((a) => a.kind),
    stageActivities: activities,
    banks: null,
    pairs: null,
    completion: null,
  };
}
