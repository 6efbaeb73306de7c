import "server-only";
import { hasPermission } from "../auth/permissions";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { loadDistrictMentors } from "../banks/district";
import { fullName } from "../domain/names";
import { LIVE_CROSS_PAIR_STATUSES, type CrossPairSide } from "../domain/cross-school-pairs";
import { CROSS_PAIR_SELECT, crossPairOf, crossPairParties, type CrossPairParties } from "./access";

// Reads of the cross-school pairs (docs/decisions/058). Every query filters by the organization on the side it is on
// (the first wall); row-level security lets the mentor's school read the owner's rows it is named on (the second).

type PairRow = { id: string; organizationId: string; status: string; version: number; direction: string | null; consentedAt: Date | null; declineReason: string | null; approvedAt: Date | null; closedReason: string | null; closedAt: Date | null; closedByOrganizationId: string | null; createdAt: Date; orderNumber: string | null; orderDate: Date | null };

export type CrossPairView = Omit<PairRow, "organizationId" | "closedByOrganizationId"> & CrossPairParties & { side: CrossPairSide; closedBy: CrossPairSide | null };

const view = (organizationId: string, p: PairRow, parties: CrossPairParties | undefined): CrossPairView | null => {
  if (!parties) return null;
  const { organizationId: owner, closedByOrganizationId, ...rest } = p;
  const side: CrossPairSide = owner === organizationId ? "mentee" : "mentor";
  const closedBy: CrossPairSide | null = closedByOrganizationId ? (closedByOrganizationId === owner ? "mentee" : "mentor") : null;
  return { ...rest, ...parties, side, closedBy };
};

/** Staff see every pair of the school on either side; a mentor or mentee only the pairs they are in. */
function visibleTo(ctx: TenantContext, v: CrossPairView): boolean {
  if (hasPermission(ctx.roles, "pairs.view")) return true;
  return (v.side === "mentor" ? v.mentor.userId : v.mentee.userId) === ctx.user.id;
}

/** The school's cross-school pairs on both sides, newest first. */
export function listCrossPairs(ctx: TenantContext): Promise<CrossPairView[]> {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const [pairs, parties] = await Promise.all([
      tx.crossSchoolPair.findMany({
        where: { OR: [{ organizationId }, { mentorOrganizationId: organizationId }] },
        select: CROSS_PAIR_SELECT,
        orderBy: { createdAt: "desc" },
        take: 500,
      }),
      crossPairParties(tx, organizationId),
    ]);
    return pairs.map((p) => view(organizationId, p, parties.get(p.id))).filter((v): v is CrossPairView => v !== null && visibleTo(ctx, v));
  });
}

/** One pair with its meetings, or null (a 404) for anyone its two schools' rules do not let see it. */
export function crossPairPage(ctx: TenantContext, pairId: string) {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const found = await crossPairOf(tx, organizationId, pairId);
    if (!found) return null;
    const [parties, meetings] = await Promise.all([
      crossPairParties(tx, organizationId, found.pair.id),
      tx.crossSchoolMeeting.findMany({
        where: { pairId: found.pair.id, ...(found.side === "mentee" ? { organizationId } : { mentorOrganizationId: organizationId }) },
        select: { id: true, kind: true, heldOn: true, notes: true, loggedByOrganizationId: true },
        orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
      }),
    ]);
    const pair = view(organizationId, found.pair, parties.get(found.pair.id));
    if (!pair || !visibleTo(ctx, pair)) return null;
    return {
      pair,
      meetings: meetings.map((m) => ({ id: m.id, kind: m.kind, heldOn: m.heldOn, notes: m.notes, loggedBy: (m.loggedByOrganizationId === found.pair.organizationId ? "mentee" : "mentor") as CrossPairSide })),
    };
  });
}

/** What the proposal form offers: the school's active programs, its approved waiting mentees, district mentors with a free seat. */
export function crossPairChoices(ctx: TenantContext) {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const [programs, mentees, mentors] = await Promise.all([
      tx.mentoringProgram.findMany({ where: { organizationId, status: "ACTIVE" }, select: { id: true, title: true }, orderBy: { createdAt: "desc" } }),
      tx.menteeProfile.findMany({
        where: { organizationId, status: "WAITING", approvedAt: { not: null }, person: { active: true }, crossPairs: { none: { status: { in: [...LIVE_CROSS_PAIR_STATUSES] } } } },
        select: { id: true, person: { select: { lastName: true, firstName: true, middleName: true } } },
        orderBy: { person: { lastName: "asc" } },
        take: 500,
      }),
      loadDistrictMentors(tx, organizationId, organizationToday(ctx)),
    ]);
    return {
      programs,
      mentees: mentees.map((m) => ({ id: m.id, name: fullName(m.person) })),
      mentors: mentors.filter((m) => m.remainingCapacity > 0).map((m) => ({ id: m.id, name: m.name, organizationName: m.organizationName, free: m.remainingCapacity, capacity: m.capacity })),
    };
  });
}
