import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";

// The read path of consultations (decision 061). A school reads its own consultations (organizationId); the
// office reads those addressed to it (officeId). The filter is the first wall, row-level security the second.

const OWN = (ctx: TenantContext) => (ctx.organization.kind === "SCHOOL" ? { organizationId: ctx.organization.id } : { officeId: ctx.organization.id });

/** The organization's consultations, open first then newest, with the school's name and the thread's length. */
export async function listConsultations(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const rows = await tx.consultation.findMany({
      where: OWN(ctx),
      select: { id: true, topic: true, askedAt: true, status: true, closedAt: true, organization: { select: { name: true, shortName: true } }, _count: { select: { messages: true } } },
      orderBy: [{ status: "asc" }, { askedAt: "desc" }],
      take: 500,
    });
    return rows.map(({ organization, _count, ...c }) => ({ ...c, school: organization.shortName ?? organization.name, messages: _count.messages }));
  });
}

/** One consultation with its thread, or null when it is neither the school's own nor addressed to the office. */
export async function getConsultation(ctx: TenantContext, consultationId: string) {
  return readTenant(ctx, async (tx) => {
    const c = await tx.consultation.findFirst({
      where: { id: consultationId, ...OWN(ctx) },
      select: {
        id: true,
        topic: true,
        question: true,
        askedAt: true,
        status: true,
        outcome: true,
        closedAt: true,
        organizationId: true,
        organization: { select: { name: true, shortName: true } },
        messages: { select: { id: true, organizationId: true, body: true, authorName: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!c) return null;
    const { organization, messages, ...rest } = c;
    return { ...rest, school: organization.shortName ?? organization.name, messages: messages.map((m) => ({ ...m, fromSchool: m.organizationId === c.organizationId })) };
  });
}
