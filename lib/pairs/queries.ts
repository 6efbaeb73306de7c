import { readTenant, type TenantContext } from "../auth/tenant";
import { fullName } from "../domain/names";

const PERSON_NAME = { select: { lastName: true, firstName: true, middleName: true, position: true, grade: true, kind: true } } as const;

/** The program the pairs page works on: this academic year's, or the latest. */
export async function currentProgram(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.mentoringProgram.findFirst({
      where: { organizationId: ctx.organization.id },
      orderBy: { academicYear: "desc" },
      select: { id: true, title: true, stage: true, status: true, academicYear: true, matchingSettings: true },
    }),
  );
}

export async function listPairs(ctx: TenantContext, programId: string) {
  const rows = await readTenant(ctx, (tx) =>
    tx.pair.findMany({
      where: { organizationId: ctx.organization.id, programId },
      select: {
        id: true, status: true, version: true, form: true, type: true, direction: true, matchScore: true, matchCriteria: true, startsOn: true,
        decisionComment: true, closedReason: true, createdAt: true,
        mentor: { select: { id: true, person: PERSON_NAME } },
        mentees: { select: { mentee: { select: { id: true, person: PERSON_NAME } } } },
        order: { select: { id: true, number: true, date: true } },
      },
      orderBy: [{ createdAt: "asc" }],
    }),
  );
  return rows.map((r) => ({
    ...r,
    mentorName: fullName(r.mentor.person),
    menteeNames: r.mentees.map((m) => fullName(m.mentee.person)),
  }));
}

export async function listPairOrders(ctx: TenantContext, programId: string) {
  return readTenant(ctx, (tx) =>
    tx.pairOrder.findMany({
      where: { organizationId: ctx.organization.id, programId },
      select: { id: true, number: true, date: true, createdBy: { select: { name: true } }, _count: { select: { pairs: true } } },
      orderBy: [{ year: "desc" }, { sequence: "desc" }],
    }),
  );
}

/** Mentees of the bank the matching can consider (for the "one mentee" suggestions select). */
export async function waitingMentees(ctx: TenantContext) {
  const rows = await readTenant(ctx, (tx) =>
    tx.menteeProfile.findMany({ where: { organizationId: ctx.organization.id, status: "WAITING" }, select: { id: true, person: PERSON_NAME }, orderBy: { person: { lastName: "asc" } } }),
  );
  return rows.map((r) => ({ id: r.id, name: fullName(r.person) }));
}

/** Approved mentors of the school, for changing the mentor of a proposed row. */
export async function approvedMentors(ctx: TenantContext) {
  const rows = await readTenant(ctx, (tx) =>
    tx.mentorProfile.findMany({ where: { organizationId: ctx.organization.id, status: "APPROVED" }, select: { id: true, capacity: true, person: PERSON_NAME }, orderBy: { person: { lastName: "asc" } } }),
  );
  return rows.map((r) => ({ id: r.id, name: fullName(r.person), capacity: r.capacity }));
}
