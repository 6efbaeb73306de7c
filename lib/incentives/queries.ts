import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import { BASIS_ACT_KINDS } from "../domain/incentives";
import { fullName } from "../domain/names";
import { loadRequisites } from "../organization/requisites";
import { buildIncentiveOrder } from "./order-document";

const NAME = { lastName: true, firstName: true, middleName: true, position: true } as const;
const ACT = { select: { id: true, title: true, number: true, date: true, status: true } } as const;

/**
 * The incentives page: the payments (newest period first) with their mentor and basis act, the mentors who
 * may be proposed (approved, on the staff) and the school's acts a payment may rest on.
 */
export async function listIncentives(ctx: TenantContext) {
  const organizationId = ctx.organization.id;
  const [payments, mentors, acts] = await readTenant(ctx, (tx) =>
    Promise.all([
      tx.incentivePayment.findMany({
        where: { organizationId },
        select: {
          id: true, periodFrom: true, periodTo: true, amount: true, note: true, status: true, approvedAt: true,
          approvedBy: { select: { name: true } },
          mentor: { select: { id: true, person: { select: NAME } } },
          basisAct: ACT,
        },
        orderBy: [{ periodFrom: "desc" }, { periodTo: "desc" }, { mentor: { person: { lastName: "asc" } } }],
      }),
      tx.mentorProfile.findMany({
        where: { organizationId, status: "APPROVED", person: { kind: "TEACHER", active: true } },
        select: { id: true, person: { select: NAME } },
        orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
      }),
      tx.localAct.findMany({
        where: { organizationId, kind: { in: [...BASIS_ACT_KINDS] } },
        select: { id: true, kind: true, title: true, number: true, date: true, status: true },
        orderBy: [{ kind: "asc" }, { createdAt: "desc" }],
      }),
    ]),
  );
  // The periods that have payments, each once: the page offers the order per period.
  const periods = new Map<string, { from: Date; to: Date; approved: number; proposed: number }>();
  for (const p of payments) {
    const key = `${p.periodFrom.toISOString().slice(0, 10)}_${p.periodTo.toISOString().slice(0, 10)}`;
    const period = periods.get(key) ?? { from: p.periodFrom, to: p.periodTo, approved: 0, proposed: 0 };
    if (p.status === "APPROVED") period.approved += 1;
    else period.proposed += 1;
    periods.set(key, period);
  }
  return { payments, mentors: mentors.map((m) => ({ id: m.id, name: fullName(m.person), position: m.person.position })), acts, periods: [...periods.values()] };
}

/**
 * The order «О выплатах стимулирующего характера наставникам» for the approved payments whose period lies
 * within [from, to] (lib/incentives/order-document.ts builds it).
 */
export async function incentiveOrder(ctx: TenantContext, from: Date, to: Date) {
  const organizationId = ctx.organization.id;
  const [requisites, payments, program] = await readTenant(ctx, (tx) =>
    Promise.all([
      loadRequisites(tx, organizationId),
      tx.incentivePayment.findMany({
        where: { organizationId, status: "APPROVED", periodFrom: { gte: from }, periodTo: { lte: to } },
        select: { periodFrom: true, periodTo: true, amount: true, mentor: { select: { person: { select: NAME } } }, basisAct: ACT },
        orderBy: [{ mentor: { person: { lastName: "asc" } } }, { mentor: { person: { firstName: "asc" } } }, { periodFrom: "asc" }],
      }),
      tx.mentoringProgram.findFirst({ where: { organizationId, status: { not: "COMPLETED" } }, select: { title: true, curator: { select: { name: true } } }, orderBy: { academicYear: "desc" } }),
    ]),
  );
  return buildIncentiveOrder(
    requisites,
    payments.map((p) => ({ ...p, mentor: p.mentor.person })),
    program ? { title: program.title, curatorName: program.curator?.name ?? null } : null,
  );
}
