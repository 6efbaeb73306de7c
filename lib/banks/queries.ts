import "server-only";
import { DISTRICT_AWARDS_OF_MENTOR } from "../district-awards/queries";
import { z } from "zod";
import { hasPermission } from "../auth/permissions";
import { matchesEveryWord, pageOf, pageRows } from "../domain/paging";
import { optionalParam } from "../http/params";
import { containing, everyWord, ListSearch, sortOf, sortParam } from "../http/list-search";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { bankRefusal } from "../domain/banks";
import { CONSENT_SELECT } from "../people/select";
import { loadDistrictMentors } from "./district";

const NAME = { lastName: true, firstName: true, middleName: true } as const;
/** The person's leaving: a page words the note it stored in the bank entry again in the reader's language (lib/people/leaving-words.ts). */
const LEAVING = { leftOn: true, leaveReason: true, leaveNote: true } as const;

/** Category, difficulties and requests are sensitive: shown to the curator and the psychologist only. */
export function seesSensitive(ctx: TenantContext): boolean {
  return hasPermission(ctx.roles, "banks.sensitive");
}

/** The head's approval as a filter of the bank (decision 025): approved, awaiting approval, or everyone. */
export type MenteeApprovalFilter = "all" | "approved" | "awaiting";

/** How many rows a page of a bank shows. */
export const BANK_PAGE_SIZE = 100;

/** The mentee bank's search in the address: a name, the head's approval, the status, the order, the page. */
export const MenteeBankSearchInput = ListSearch.extend({
  approval: optionalParam(z.enum(["all", "approved", "awaiting"])),
  status: optionalParam(z.enum(["WAITING", "PAIRED", "LEFT"])),
  sort: sortParam(["status", "name", "approval"]),
});
export type MenteeBankSearch = z.output<typeof MenteeBankSearchInput>;

/** The mentor bank's search in the address: a name, the status, the order, the page. */
export const MentorBankSearchInput = ListSearch.extend({
  status: optionalParam(z.enum(["CANDIDATE", "TRAINED", "APPROVED", "LEFT"])),
  sort: sortParam(["status", "name", "capacity"]),
});
export type MentorBankSearch = z.output<typeof MentorBankSearchInput>;

/** Every word of the search is a part of the person's last, first or middle name. */
const personNamed = (q: string | undefined) => everyWord(q, (w) => [{ person: { lastName: containing(w) } }, { person: { firstName: containing(w) } }, { person: { middleName: containing(w) } }]);
const byPersonName = (d: "asc" | "desc") => [{ person: { lastName: d } }, { person: { firstName: d } }, { person: { middleName: d } }, { id: d }];

/** In the bank and left it: the page header's counts, over the whole bank whatever the filter. */
function bankCounts(groups: { status: string; _count: { _all: number } }[]) {
  const left = groups.find((g) => g.status === "LEFT")?._count._all ?? 0;
  return { active: groups.reduce((n, g) => n + g._count._all, 0) - left, left };
}

const approvalWhere = (approval: MenteeApprovalFilter | undefined) =>
  approval === "approved" ? { approvedAt: { not: null } } : approval === "awaiting" ? { approvedAt: null, status: { not: "LEFT" as const } } : {};

/**
 * One page of the mentee bank (issue #19), filtered and sorted by the database, with the count of all that match
 * and the bank's counts. Sensitive fields are stripped for those who may not see them.
 */
export async function listMenteesPage(ctx: TenantContext, search: MenteeBankSearch, size = BANK_PAGE_SIZE) {
  const sensitive = seesSensitive(ctx);
  const where = { organizationId: ctx.organization.id, ...approvalWhere(search.approval), ...(search.status ? { status: search.status } : {}), ...personNamed(search.q) };
  const sort = sortOf(search.sort, "status");
  const d = sort.descending ? ("desc" as const) : ("asc" as const);
  const orderBy =
    sort.column === "name" ? byPersonName(d) : sort.column === "approval" ? [{ approvedAt: { sort: d, nulls: "first" as const } }, ...byPersonName("asc")] : [{ status: d }, ...byPersonName("asc")];
  const { total, shown, rows, counts } = await readTenant(ctx, async (tx) => {
    const [total, groups] = await Promise.all([tx.menteeProfile.count({ where }), tx.menteeProfile.groupBy({ by: ["status"], where: { organizationId: ctx.organization.id }, _count: { _all: true } })]);
    const shown = pageOf(total, size, search.page);
    const rows = await tx.menteeProfile.findMany({
      where,
      select: {
        id: true, status: true, source: true, leftReason: true, createdAt: true, category: true, difficulties: true, request: true, approvedAt: true,
        person: { select: { id: true, kind: true, grade: true, position: true, minor: true, active: true, ...LEAVING, ...NAME } },
      },
      orderBy,
      skip: shown.from,
      take: size,
    });
    return { total, shown, rows, counts: bankCounts(groups) };
  });
  return {
    total,
    ...shown,
    counts,
    sensitive,
    rows: rows.map(({ category, difficulties, request, ...r }) => (sensitive ? { ...r, category, difficulties, request } : { ...r, category: null, difficulties: [] as string[], request: null })),
  };
}

/** One page of the mentor bank (issue #19), filtered and sorted by the database, with the counts. */
export async function listMentorsPage(ctx: TenantContext, search: MentorBankSearch, size = BANK_PAGE_SIZE) {
  const where = { organizationId: ctx.organization.id, ...(search.status ? { status: search.status } : {}), ...personNamed(search.q) };
  const sort = sortOf(search.sort, "status");
  const d = sort.descending ? ("desc" as const) : ("asc" as const);
  const orderBy = sort.column === "name" ? byPersonName(d) : sort.column === "capacity" ? [{ capacity: d }, ...byPersonName("asc")] : [{ status: d }, ...byPersonName("asc")];
  return readTenant(ctx, async (tx) => {
    const [total, groups] = await Promise.all([tx.mentorProfile.count({ where }), tx.mentorProfile.groupBy({ by: ["status"], where: { organizationId: ctx.organization.id }, _count: { _all: true } })]);
    const shown = pageOf(total, size, search.page);
    const rows = await tx.mentorProfile.findMany({
      where,
      select: {
        id: true, status: true, competencies: true, capacity: true, achievements: true, districtVisibleSince: true, leftReason: true, approvedAt: true,
        person: { select: { id: true, kind: true, position: true, subjects: true, experienceYears: true, externalOrganization: true, grade: true, active: true, ...LEAVING, ...NAME } },
        _count: { select: { trainings: true } },
        // The office's awards to the mentor (decision 060): the school's own rows naming the office.
        districtAwards: DISTRICT_AWARDS_OF_MENTOR,
      },
      orderBy,
      skip: shown.from,
      take: size,
    });
    return { total, ...shown, counts: bankCounts(groups), rows };
  });
}

/** The whole bank, or those the head approved / still has to approve (the approval list, the tests). */
export async function listMentees(ctx: TenantContext, approval: MenteeApprovalFilter = "all") {
  const sensitive = seesSensitive(ctx);
  const rows = await readTenant(ctx, (tx) =>
    tx.menteeProfile.findMany({
      where: { organizationId: ctx.organization.id, ...approvalWhere(approval) },
      select: {
        id: true, status: true, source: true, leftReason: true, createdAt: true, category: true, difficulties: true, request: true, approvedAt: true,
        person: { select: { id: true, kind: true, grade: true, position: true, minor: true, active: true, ...NAME } },
      },
      orderBy: [{ status: "asc" }, { person: { lastName: "asc" } }],
    }),
  );
  return {
    sensitive,
    // Stripped here, not in the page: what is not selected for the page cannot leak into it.
    rows: rows.map(({ category, difficulties, request, ...r }) => (sensitive ? { ...r, category, difficulties, request } : { ...r, category: null, difficulties: [], request: null })),
  };
}

export async function getMentee(ctx: TenantContext, menteeId: string) {
  const sensitive = seesSensitive(ctx);
  const row = await readTenant(ctx, (tx) =>
    tx.menteeProfile.findFirst({
      where: { id: menteeId, organizationId: ctx.organization.id },
      select: {
        id: true, status: true, source: true, leftReason: true, createdAt: true, updatedAt: true, category: true, difficulties: true, request: true, fromRecipientId: true,
        approvedAt: true, approvedBy: { select: { name: true } },
        addedBy: { select: { name: true } },
        person: { select: { id: true, kind: true, grade: true, position: true, minor: true, active: true, ...LEAVING, ...NAME } },
      },
    }),
  );
  if (!row) return null;
  const { category, difficulties, request, ...rest } = row;
  return sensitive ? { ...rest, sensitive, category, difficulties, request } : { ...rest, sensitive, category: null, difficulties: [] as string[], request: null };
}

export async function getMentor(ctx: TenantContext, mentorId: string) {
  return readTenant(ctx, (tx) =>
    tx.mentorProfile.findFirst({
      where: { id: mentorId, organizationId: ctx.organization.id },
      select: {
        id: true, status: true, competencies: true, capacity: true, achievements: true, districtVisibleSince: true, leftReason: true, approvedAt: true, createdAt: true,
        dutiesConsentAt: true, dutiesConsentFileName: true,
        approvedBy: { select: { name: true } },
        addedBy: { select: { name: true } },
        person: { select: { id: true, kind: true, position: true, subjects: true, experienceYears: true, qualificationCategory: true, externalOrganization: true, grade: true, active: true, ...LEAVING, ...NAME } },
        trainings: { select: { id: true, kind: true, title: true, finishedOn: true, hours: true, document: true }, orderBy: { finishedOn: "desc" } },
        districtAwards: DISTRICT_AWARDS_OF_MENTOR,
      },
    }),
  );
}

/**
 * People who could be added to a bank: not in it (or left it), each with the reason they may not be
 * added today (no valid bank consent, out of active work) so the form can say so instead of failing.
 */
export async function bankCandidates(ctx: TenantContext, bank: "mentee" | "mentor", at = organizationToday(ctx)) {
  const organizationId = ctx.organization.id;
  const people = await readTenant(ctx, (tx) =>
    tx.person.findMany({
      where: {
        organizationId,
        ...(bank === "mentee"
          ? { OR: [{ menteeProfile: null }, { menteeProfile: { status: "LEFT" } }] }
          : { OR: [{ mentorProfile: null }, { mentorProfile: { status: "LEFT" } }] }),
      },
      select: { id: true, kind: true, birthDate: true, minor: true, active: true, position: true, grade: true, ...NAME, consents: { select: CONSENT_SELECT } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  );
  return people.map(({ consents, birthDate, minor, active, ...p }) => ({
    ...p,
    refusal: bankRefusal({ birthDate, flaggedMinor: minor, active, kind: p.kind }, consents, at),
  }));
}

/** The district mentor bank's search in the address: a name or school, the order, the page. */
export const DistrictMentorsSearchInput = ListSearch.extend({ sort: sortParam(["school", "name", "free"]) });
export type DistrictMentorsSearch = z.output<typeof DistrictMentorsSearchInput>;

/**
 * One page of the open-mentoring mentors of the office's schools (district_open_mentors), as of the office's today.
 * The consents are checked in the application after the function, so the list is filtered, sorted and cut to a page
 * here, on the server (decision 056), with the count of all that match.
 */
export async function listDistrictMentorsPage(ctx: TenantContext, search: DistrictMentorsSearch, size = BANK_PAGE_SIZE) {
  const all = await readTenant(ctx, (tx) => loadDistrictMentors(tx, ctx.organization.id, organizationToday(ctx)));
  const sort = sortOf(search.sort, "school");
  const sign = sort.descending ? -1 : 1;
  // loadDistrictMentors sorts by school and name: the other orders keep it for ties.
  const matching = all
    .filter((m) => matchesEveryWord(search.q, `${m.name} ${m.organizationName} ${m.position ?? ""} ${m.subjects.join(" ")}`))
    .map((m, i) => ({ m, i }))
    .sort((a, b) =>
      sort.column === "name" ? sign * a.m.name.localeCompare(b.m.name, "ru") || a.i - b.i : sort.column === "free" ? sign * (a.m.remainingCapacity - b.m.remainingCapacity) || a.i - b.i : sign * (a.i - b.i),
    )
    .map(({ m }) => m);
  return pageRows(matching, size, search.page);
}
