import "server-only";
import type { Tx } from "../db";
import { russian } from "../i18n/russian";

/**
 * Takes the school's next pairs' order number ({n}-НП, per calendar year; decision 036) under a per-school advisory
 * lock and registers the order as an approved local act (kind PAIRS_ORDER), so the acts register and the stage gates
 * see it. Used by the batch approval of the school's pairs and by the approval of a cross-school pair (decision 058).
 */
export async function issuePairsOrder(
  tx: Tx,
  o: { organizationId: string; programId: string; date: Date; userId: string; approvedAt: Date; title?: string },
): Promise<{ orderId: string; number: string }> {
  const { organizationId } = o;
  // Numbering is serialized per school so that two batches never take the same number.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pairs.order:${organizationId}`}, 0))::text`;
  const year = o.date.getUTCFullYear();
  const last = await tx.pairOrder.findFirst({ where: { organizationId, year }, orderBy: { sequence: "desc" }, select: { sequence: true } });
  const sequence = (last?.sequence ?? 0) + 1;
  const number = russian("pairsOrder.orderNumber", { sequence: String(sequence) });
  const act = await tx.localAct.create({
    data: {
      organizationId,
      programId: o.programId,
      kind: "PAIRS_ORDER",
      number,
      date: o.date,
      title: o.title ?? russian("pairsOrder.title"),
      status: "APPROVED",
      registeredById: o.userId,
      approvedById: o.userId,
      approvedAt: o.approvedAt,
    },
    select: { id: true },
  });
  const order = await tx.pairOrder.create({
    data: { organizationId, programId: o.programId, year, sequence, number, date: o.date, localActId: act.id, createdById: o.userId },
    select: { id: true },
  });
  return { orderId: order.id, number };
}
