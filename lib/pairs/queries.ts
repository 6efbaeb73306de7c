import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import { fullName } from "../domain/names";

const PERSON_NAME = { select: { lastName: true, firstName: true, middleName: true, position: true, grade: true, kind: true } } as const;

const PAIR_SELECT = {
  id: true,
  status: true,
  version: true,
  form: true,
  type: true,
  direction: true,
  matchScore: true,
  matchCriteria: true,
  startsOn: true,
  decisionComment: true,
  closedReason: true,
  createdAt: true,
  mentor: { select: { id: true, person: PERSON_NAME } },
  mentees: { select: { mentee: { select: { id: true, person: PERSON_NAME } } } },
  order: { select: { id: true, number: true, date: true } },
} as const;

/**
 * The pairs page's data in one statement (relation joins), nested under the organization: the program it works
 * on (this academic year's, or the latest) with its pairs and orders, the waiting mentees (the «one mentee»
 * suggestions) and — when `withMentors` — the approved mentors (for changing the mentor of a proposed row).
 * Null when the school has no program.
 */
export async function loadPairsPage(ctx: TenantContext, { withMentors }: { withMentors: boolean }) {
  const found = await readTenant(ctx, (tx) =>
    tx.organization.findUnique({
      where: { id: ctx.organization.id },
      select: {
        programs: {
          orderBy: { academicYear: "desc" },
          take: 1,
          select: {
            id: true,
            title: true,
            stage: true,
            status: true,
            academicYear: true,
            matchingSettings: true,
            pairs: { select: PAIR_SELECT, orderBy: [{ createdAt: "asc" }] },
            pairOrders: {
              select: { id: true, number: true, date: true, createdBy: { select: { name: true } }, _count: { select: { pairs: true } } },
              orderBy: [{ year: "desc" }, { sequence: "desc" }],
            },
          },
        },
        menteeProfiles: { where: { status: "WAITING" }, select: { id: true, person: PERSON_NAME }, orderBy: { person: { lastName: "asc" } } },
        mentorProfiles: {
          where: { status: "APPROVED" },
          select: { id: true, capacity: true, person: PERSON_NAME },
          orderBy: { person: { lastName: "asc" } },
          ...(withMentors ? {} : { take: 0 }),
        },
      },
    }),
  );
  const current = found?.programs[0];
  if (!found || !current) return null;
  const { pairs, pairOrders, ...program } = current;
  return {
    program,
    pairs: pairs.map((r) => ({ ...r, mentorName: fullName(r.mentor.person), menteeNames: r.mentees.map((m) => fullName(m.mentee.person)) })),
    orders: pairOrders,
    waiting: found.menteeProfiles.map((r) => ({ id: r.id, name: fullName(r.person) })),
    mentors: found.mentorProfiles.map((r) => ({ id: r.id, name: fullName(r.person), capacity: r.capacity })),
  };
}
