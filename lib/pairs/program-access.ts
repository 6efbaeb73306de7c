import "server-only";
import { hasPermission } from "../auth/permissions";
import type { Tx } from "../db";
import type { MentoringForm } from "../domain/pairs";
import { pairAccess, PARTICIPANT_VISIBLE_STATUSES, type AccessiblePair, type PairAccess, type PairAccessCtx } from "./access";

// Whose personalized program an id names (docs/decisions/062): a pair of the school, or a cross-school pair the
// school owns as the mentee's school (decision 058). Both are UUIDs, unique across the two tables, so the program's
// actions, pages and document keep one input (`pairId`) and one code path; this module resolves which it is and
// gives the program code the pair in the one shape it reads (AccessiblePair). The mentor's school never comes through
// here: it does not own the program (no policy lets it read or write PersonalProgram) and reads the plan through
// cross_school_pair_plan() instead (lib/cross-pairs/program.ts).

/** Where the program's row hangs: `{ pairId }` or `{ crossPairId }` (a CHECK keeps exactly one set). */
export type ProgramKey = { pairId: string } | { crossPairId: string };

export type ProgramAccess = PairAccess & {
  key: ProgramKey;
  /** The cross-school pair's other party, for the pages and the document; null for a school pair. */
  cross: { mentorSchool: string } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type MentorRow = { mentor_last_name: string; mentor_first_name: string; mentor_middle_name: string | null; mentor_position: string | null; mentor_school_name: string };

/** A cross-school pair's status as the program code reads a pair's: proposed until the order, then working, then closed. */
function pairStatusOf(status: string): AccessiblePair["status"] {
  if (status === "ACTIVE") return "ACTIVE";
  if (status === "PROPOSED" || status === "CONSENTED") return "PROPOSED";
  return "DISSOLVED";
}

async function crossProgramAccess(tx: Tx, ctx: PairAccessCtx, crossPairId: string): Promise<ProgramAccess | null> {
  const organizationId = ctx.organization.id;
  // The owner's own row only (the first wall); the mentor's school reads the plan elsewhere.
  const pair = await tx.crossSchoolPair.findFirst({
    where: { id: crossPairId, organizationId },
    select: {
      id: true, organizationId: true, programId: true, status: true, version: true, direction: true, approvedAt: true, orderId: true, orderDate: true, createdAt: true, mentorId: true,
      mentee: { select: { id: true, person: { select: { id: true, userId: true, kind: true, position: true, grade: true, lastName: true, firstName: true, middleName: true } } } },
    },
  });
  if (!pair) return null;
  const [mentor] = await tx.$queryRaw<MentorRow[]>`SELECT mentor_last_name, mentor_first_name, mentor_middle_name, mentor_position, mentor_school_name FROM cross_school_pair_parties(${organizationId}::uuid) WHERE pair_id = ${pair.id}::uuid`;
  if (!mentor) return null;
  const status = pairStatusOf(pair.status);
  // The form is not chosen for a cross-school pair: a mentor of the district bank with a teacher or a student.
  const form: MentoringForm = pair.mentee.person.kind === "STUDENT" ? "TEACHER_STUDENT" : "TEACHER_TEACHER";
  const shaped: AccessiblePair = {
    id: pair.id,
    organizationId: pair.organizationId,
    programId: pair.programId,
    status,
    version: pair.version,
    form,
    type: "TRADITIONAL",
    direction: pair.direction,
    startsOn: pair.orderDate,
    endsOn: null,
    decidedAt: pair.approvedAt,
    orderId: pair.orderId,
    createdAt: pair.createdAt,
    // Another school's person: no account link here, so the mentor never writes the owner's program.
    mentor: {
      id: pair.mentorId,
      person: { id: pair.mentorId, userId: null, kind: "TEACHER", position: mentor.mentor_position, lastName: mentor.mentor_last_name, firstName: mentor.mentor_first_name, middleName: mentor.mentor_middle_name },
    },
    mentees: [{ menteeId: pair.mentee.id, mentee: pair.mentee }],
  };
  const key: ProgramKey = { crossPairId: pair.id };
  const cross = { mentorSchool: mentor.mentor_school_name };
  if (hasPermission(ctx.roles, "pairs.view")) return { pair: shaped, as: "staff", key, cross };
  if (!(PARTICIPANT_VISIBLE_STATUSES as readonly string[]).includes(status)) return null;
  if (pair.mentee.person.userId === ctx.user.id) return { pair: shaped, as: "mentee", key, cross };
  return null;
}

/**
 * The pair whose program this id names, and as whom the user works on it (lib/pairs/access.ts pairAccess for a
 * school pair; for a cross-school pair of this school: staff, or its mentee). null for anything else → 404.
 */
export async function programAccess(tx: Tx, ctx: PairAccessCtx, pairId: string): Promise<ProgramAccess | null> {
  if (!UUID.test(pairId)) return null;
  const access = await pairAccess(tx, ctx, pairId);
  if (access) return { ...access, key: { pairId }, cross: null };
  return crossProgramAccess(tx, ctx, pairId);
}
