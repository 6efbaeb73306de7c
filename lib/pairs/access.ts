import "server-only";
import { hasPermission } from "../auth/permissions";
import type { AppRole } from "../auth/roles";
import type { Tx } from "../db";

/** Who is asking: the signed-in user in an organization (TenantContext and the actions' ctx fit). */
export type PairAccessCtx = { user: { id: string }; organization: { id: string }; roles: readonly AppRole[] };

/** Pair statuses in which the mentor and the mentees see their pair: from the director's approval on. */
export const PARTICIPANT_VISIBLE_STATUSES = ["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED"] as const;

const NAME = { lastName: true, firstName: true, middleName: true } as const;

export const PAIR_ACCESS_SELECT = {
  id: true,
  organizationId: true,
  programId: true,
  status: true,
  version: true,
  form: true,
  type: true,
  direction: true,
  startsOn: true,
  endsOn: true,
  decidedAt: true,
  orderId: true,
  createdAt: true,
  mentor: { select: { id: true, person: { select: { id: true, userId: true, kind: true, position: true, ...NAME } } } },
  mentees: {
    select: { menteeId: true, mentee: { select: { id: true, person: { select: { id: true, userId: true, kind: true, position: true, grade: true, ...NAME } } } } },
    orderBy: { mentee: { person: { lastName: "asc" } } },
  },
} as const;

export type AccessiblePair = NonNullable<Awaited<ReturnType<typeof loadPair>>>;
export type PairAccess = { pair: AccessiblePair; as: "staff" | "mentor" | "mentee" };

function loadPair(tx: Tx, organizationId: string, pairId: string) {
  return tx.pair.findFirst({ where: { id: pairId, organizationId }, select: PAIR_ACCESS_SELECT });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * May this user work on this pair, and as whom? Staff who see the school's pairs (director, curator,
 * psychologist: `pairs.view`) see every pair of the organization; the pair's mentor and mentees (their
 * person card linked to the account, Person.userId) see it once the director approved it. null for
 * anyone else — callers answer NOT_FOUND (404), never revealing that another pair exists.
 *
 * Staff wins when one user is both (a curator who also mentors). What each may do is decided by the
 * caller: mentors edit their pair's program, curator and psychologist any program, the director reads;
 * mentees read the program and log meetings.
 */
export async function pairAccess(tx: Tx, ctx: PairAccessCtx, pairId: string): Promise<PairAccess | null> {
  if (!UUID.test(pairId)) return null;
  const pair = await loadPair(tx, ctx.organization.id, pairId);
  if (!pair) return null;
  if (hasPermission(ctx.roles, "pairs.view")) return { pair, as: "staff" };
  if (!(PARTICIPANT_VISIBLE_STATUSES as readonly string[]).includes(pair.status)) return null;
  if (pair.mentor.person.userId === ctx.user.id) return { pair, as: "mentor" };
  if (pair.mentees.some((m) => m.mentee.person.userId === ctx.user.id)) return { pair, as: "mentee" };
  return null;
}

/** The pair's own mentor (whatever else the user is). */
export function isPairMentor(access: PairAccess, userId: string): boolean {
  return access.pair.mentor.person.userId === userId;
}

/**
 * Writes the personalized program: the pair's mentor, the curator and the psychologist. The director
 * reads; mentees read.
 */
export function mayEditProgram(access: PairAccess, ctx: PairAccessCtx): boolean {
  if (access.as === "mentor" || isPairMentor(access, ctx.user.id)) return true;
  return access.as === "staff" && ctx.roles.some((r) => r === "CURATOR" || r === "PSYCHOLOGIST");
}

/** Logs meetings: the pair's mentor and mentees, the curator and the psychologist. */
export function mayLogMeetings(access: PairAccess, ctx: PairAccessCtx): boolean {
  if (access.as === "mentor" || access.as === "mentee") return true;
  if (isPairMentor(access, ctx.user.id) || access.pair.mentees.some((m) => m.mentee.person.userId === ctx.user.id)) return true;
  return ctx.roles.some((r) => r === "CURATOR" || r === "PSYCHOLOGIST");
}
