import "server-only";
import { z } from "zod";
import { readTenant, type TenantContext } from "../auth/tenant";
import { fullName } from "../domain/names";
import { pageOf } from "../domain/paging";
import { optionalParam } from "../http/params";
import { containing, everyWord, ListSearch, sortOf, sortParam } from "../http/list-search";

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

/** Pairs that hold their mentees: a mentee in one of these is not waiting for a pair of this program. */
const HOLDING = ["PROPOSED", "APPROVED", "ACTIVE"] as const;

/**
 * The pairs page's data but the list of decided pairs (listPairsPage), nested under the organization: the program it
 * works on (this academic year's, or the latest) with its proposed pairs (the head's inbox) and orders, and — when
 * `withMentors` — the approved mentors (for changing the mentor of a proposed row), and the mentees waiting with no
 * proposed or live pair in that program (the «one mentee» suggestions). One statement. Null when the school has no
 * program.
 */
export async function loadPairsPage(ctx: TenantContext, { withMentors }: { withMentors: boolean }) {
  return readTenant(ctx, async (tx) => {
    const found = await tx.organization.findUnique({
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
            pairs: { where: { status: "PROPOSED" }, select: PAIR_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
            pairOrders: {
              select: { id: true, number: true, date: true, createdBy: { select: { name: true } }, _count: { select: { pairs: true } } },
              orderBy: [{ year: "desc" }, { sequence: "desc" }],
            },
          },
        },
        // Waiting mentees with the proposed and live pairs they are in (any program): those of the current program are
        // left out below — in this statement, as the program's id is not known before it.
        menteeProfiles: {
          where: { status: "WAITING" },
          select: { id: true, person: PERSON_NAME, pairs: { where: { pair: { status: { in: [...HOLDING] } } }, select: { pair: { select: { programId: true } } } } },
          orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { id: "asc" }],
        },
        mentorProfiles: {
          where: { status: "APPROVED" },
          select: { id: true, capacity: true, person: PERSON_NAME },
          orderBy: { person: { lastName: "asc" } },
          ...(withMentors ? {} : { take: 0 }),
        },
      },
    });
    const current = found?.programs[0];
    if (!found || !current) return null;
    const { pairs, pairOrders, ...program } = current;
    const waiting = found.menteeProfiles.filter((m) => !m.pairs.some((p) => p.pair.programId === program.id));
    return {
      program,
      proposed: pairs.map(withNames),
      orders: pairOrders,
      waiting: waiting.map((r) => ({ id: r.id, name: fullName(r.person) })),
      mentors: found.mentorProfiles.map((r) => ({ id: r.id, name: fullName(r.person), capacity: r.capacity })),
    };
  });
}

function withNames<T extends { mentor: { person: Parameters<typeof fullName>[0] }; mentees: { mentee: { person: Parameters<typeof fullName>[0] } }[] }>(r: T) {
  return { ...r, mentorName: fullName(r.mentor.person), menteeNames: r.mentees.map((m) => fullName(m.mentee.person)) };
}

/** How many pairs a page of the list shows. */
export const PAIRS_PAGE_SIZE = 50;

/** The decided pairs' search in the address: a name (the mentor's or a mentee's), the status, the order, the page. */
export const PairsSearchInput = ListSearch.extend({
  status: optionalParam(z.enum(["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED", "REJECTED"])),
  sort: sortParam(["created", "mentor", "status"]),
});
export type PairsSearch = z.output<typeof PairsSearchInput>;

/**
 * One page of the program's decided pairs (all but the proposed ones, which are the head's inbox), filtered and
 * sorted by the database (issue #19), with the count of all that match.
 */
export async function listPairsPage(ctx: TenantContext, programId: string, search: PairsSearch, size = PAIRS_PAGE_SIZE) {
  const person = (w: string) => [{ lastName: containing(w) }, { firstName: containing(w) }, { middleName: containing(w) }];
  const where = {
    organizationId: ctx.organization.id,
    programId,
    status: search.status ?? { not: "PROPOSED" as const },
    // Every word is a part of the mentor's name or of a mentee's.
    ...everyWord(search.q, (w) => [...person(w).map((p) => ({ mentor: { person: p } })), { mentees: { some: { mentee: { person: { OR: person(w) } } } } }]),
  };
  const sort = sortOf(search.sort, "created");
  const d = sort.descending ? ("desc" as const) : ("asc" as const);
  const byMentor = (dir: "asc" | "desc") => [{ mentor: { person: { lastName: dir } } }, { mentor: { person: { firstName: dir } } }, { mentor: { person: { middleName: dir } } }];
  const orderBy = sort.column === "mentor" ? [...byMentor(d), { createdAt: "asc" as const }, { id: "asc" as const }] : sort.column === "status" ? [{ status: d }, ...byMentor("asc"), { id: "asc" as const }] : [{ createdAt: d }, { id: d }];
  return readTenant(ctx, async (tx) => {
    const total = await tx.pair.count({ where });
    const shown = pageOf(total, size, search.page);
    const rows = await tx.pair.findMany({ where, select: PAIR_SELECT, orderBy, skip: shown.from, take: size });
    return { total, ...shown, rows: rows.map(withNames) };
  });
}
